package dev.limber.database;

import java.util.Optional;

/**
 * The holder of a to-one relation ({@code @BelongsTo} or {@code @HasOne}). A row read from the
 * database holds its target only once a query loaded it ({@code query.with(Book_.author)} or
 * {@code session.load(...)}); there is no lazy loading and no proxy, so reading an unloaded
 * holder throws {@link NotLoadedException} naming the relation and how to load it.
 *
 * <p>A {@code @BelongsTo} holder always knows its foreign key ({@link #id()}); one whose key is
 * NULL has no target and counts as loaded. To point a new model at a target, use
 * {@link #to(Object)} or, when only the key is at hand, {@link #ofId(Object)}.
 *
 * <p>Not thread-safe, like the model that holds it.
 */
public final class Ref<T> {
    /** The target of a holder not loaded: a field less than a flag, in the one holder made per row read. */
    private static final Object NOT_LOADED = new Object();

    private final String relation;
    private final Object id;
    /** The target, null when there is none, or {@link #NOT_LOADED}. */
    private Object target;

    private Ref(String relation, Object id, Object target) {
        this.relation = relation;
        this.id = id;
        this.target = target;
    }

    /** A holder of {@code target}, loaded; its {@link #id()} is the target's primary key. */
    public static <T> Ref<T> to(T target) {
        if (target == null) {
            throw new IllegalArgumentException("Ref.to(null): for no target use Ref.ofId(null)");
        }
        return new Ref<>(null, null, target);
    }

    /**
     * A holder of the target with primary key {@code id}, not loaded; {@code Ref.ofId(null)} is
     * a holder with no target.
     */
    public static <T> Ref<T> ofId(Object id) {
        return new Ref<>(null, id, id == null ? null : NOT_LOADED);
    }

    /**
     * The holder a generated mapper puts in a {@code @BelongsTo} field of a row it reads: the
     * foreign key {@code id} of {@code relation} ({@code "Book.author"}), loaded when it is NULL.
     */
    public static <T> Ref<T> foreignKey(String relation, Object id) {
        return new Ref<>(relation, id, id == null ? null : NOT_LOADED);
    }

    /** The holder a generated mapper puts in a {@code @HasOne} field of a row it reads: not loaded. */
    public static <T> Ref<T> unloaded(String relation) {
        return new Ref<>(relation, null, NOT_LOADED);
    }

    /**
     * The target's primary key: for a {@code @BelongsTo}, the foreign key (null when there is no
     * target); for a {@code @HasOne}, the loaded target's key.
     */
    public Object id() {
        if (target != null && target != NOT_LOADED) {
            ModelInfo<T> info = ModelInfo.known(targetClass());
            return info.mapper().get(target(), info.primaryKeyIndex());
        }
        return id;
    }

    /** Whether the target was loaded (or there is none to load). */
    public boolean isLoaded() {
        return target != NOT_LOADED;
    }

    /** The target; empty when there is none, it is soft-deleted or a constraint filtered it out. */
    public Optional<T> find() {
        if (target == NOT_LOADED) {
            throw new NotLoadedException(relation == null ? "this Ref" : relation);
        }
        return Optional.ofNullable(target());
    }

    /** The target; {@link NotFoundException} when there is none. */
    public T get() {
        return find().orElseThrow(() -> new NotFoundException((relation == null ? "this Ref" : relation)
                + " has no target" + (id == null ? "" : " (id " + id + " is missing, soft-deleted or filtered out)")));
    }

    /** Loads {@code found} (null: no target visible) into this holder. */
    void load(T found) {
        this.target = found;
    }

    @SuppressWarnings("unchecked")
    private T target() {
        return (T) target;
    }

    @SuppressWarnings("unchecked")
    private Class<T> targetClass() {
        return (Class<T>) target.getClass();
    }

    @Override
    public String toString() {
        String name = relation == null ? "Ref" : relation;
        if (target == NOT_LOADED) {
            return name + "[id=" + id + ", not loaded]";
        }
        return name + (target == null ? "[none]" : "[" + target + "]");
    }
}
