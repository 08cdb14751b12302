package dev.limber.database;

import java.util.Collections;
import java.util.List;

/**
 * The holder of a to-many relation ({@code @HasMany} or {@code @BelongsToMany}). A row read from
 * the database holds its children only once a query loaded them ({@code query.with(Author_.books)}
 * or {@code session.load(...)}), and their number once {@code withCount} counted them; there is
 * no lazy loading, so reading an unloaded holder throws {@link NotLoadedException}.
 *
 * <p>Not thread-safe, like the model that holds it.
 */
public final class Many<T> {
    private final String relation;
    private List<T> items;
    private long count = -1;

    private Many(String relation, List<T> items) {
        this.relation = relation;
        this.items = items;
        this.count = items == null ? -1 : items.size();
    }

    /** The holder a generated mapper puts in a to-many field of a row it reads: not loaded. */
    public static <T> Many<T> unloaded(String relation) {
        return new Many<>(relation, null);
    }

    /** A loaded holder of {@code items}, e.g. for a model built by hand. */
    public static <T> Many<T> of(List<T> items) {
        return new Many<>(null, List.copyOf(items));
    }

    /** Whether the children were loaded. */
    public boolean isLoaded() {
        return items != null;
    }

    /** The children, in the order the loading query gave them; unmodifiable. */
    public List<T> get() {
        if (items == null) {
            throw new NotLoadedException(name());
        }
        return items;
    }

    /** How many children there are: counted by {@code withCount}, or the size of the loaded list. */
    public long count() {
        if (count < 0) {
            throw new NotLoadedException(name());
        }
        return count;
    }

    /** Loads {@code loaded}, which this holder takes over: nobody changes it afterwards. */
    void load(List<T> loaded) {
        this.items = Collections.unmodifiableList(loaded);
        if (count < 0) {
            this.count = loaded.size();
        }
    }

    void count(long counted) {
        this.count = counted;
    }

    private String name() {
        return relation == null ? "this Many" : relation;
    }

    @Override
    public String toString() {
        String name = relation == null ? "Many" : relation;
        return items != null ? name + items : count >= 0 ? name + "[count=" + count + "]" : name + "[not loaded]";
    }
}
