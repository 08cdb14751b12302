package dev.limber.database.query;

import dev.limber.database.Ref;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A {@code @BelongsTo} relation: a to-one relation whose foreign key {@code M} holds, in a column
 * of type {@code K}. {@code Book_.author.id()} is that column, as a property.
 */
public final class ForeignKey<M, T, K> extends ToOne<M, T> {
    private final Property<M, K> key;

    ForeignKey(Class<M> model, String name, Class<T> target, Property<M, K> key, boolean withTrashed,
            Function<M, Ref<T>> holder, BiConsumer<M, Ref<T>> setHolder) {
        super(Kind.BELONGS_TO, model, name, target, null, null, withTrashed, holder, setHolder);
        this.key = requireNonNull(key, "key");
    }

    /** The foreign-key column, e.g. {@code books.author_id}, as a property of {@code M}. */
    public Property<M, K> id() {
        return key;
    }
}
