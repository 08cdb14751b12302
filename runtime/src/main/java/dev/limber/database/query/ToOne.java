package dev.limber.database.query;

import dev.limber.database.Ref;
import dev.limber.database.models.Cascade;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A to-one relation ({@code @BelongsTo} or {@code @HasOne}) of {@code M} to {@code T}. Besides
 * loading, it makes column paths: {@code Book_.author.get(Author_.name)} is a property of
 * {@code Book} that {@code where} and {@code orderBy} take.
 */
public sealed class ToOne<M, T> extends Relation<M, T> permits ForeignKey {

    ToOne(Kind kind, Class<M> model, String name, Class<T> target, String mappedBy, Cascade cascade,
            boolean withTrashed, Function<M, Ref<T>> holder, BiConsumer<M, Ref<T>> setHolder) {
        super(kind, model, name, target, mappedBy, null, cascade, withTrashed, holder, setHolder);
    }

    /**
     * The {@code @BelongsTo} relation {@code model.name} to {@code target} through the foreign-key
     * column {@code key}. Called by generated metamodels.
     */
    public static <M, T, K> ForeignKey<M, T, K> belongsTo(Class<M> model, String name, Class<T> target,
            Property<M, K> key, boolean withTrashed, Function<M, Ref<T>> holder, BiConsumer<M, Ref<T>> setHolder) {
        return new ForeignKey<>(model, name, target, key, withTrashed, holder, setHolder);
    }

    /**
     * The {@code @HasOne} relation {@code model.name} to {@code target}, whose {@code @BelongsTo}
     * field {@code mappedBy} points back. Called by generated metamodels.
     */
    public static <M, T> ToOne<M, T> hasOne(Class<M> model, String name, Class<T> target, String mappedBy,
            Cascade cascade, Function<M, Ref<T>> holder, BiConsumer<M, Ref<T>> setHolder) {
        return new ToOne<>(Kind.HAS_ONE, model, name, target, requireNonNull(mappedBy, "mappedBy"), cascade, false,
                holder, setHolder);
    }

    /**
     * The column {@code property} of the related model, reached from {@code M} through this
     * relation: usable in {@code where} and {@code orderBy} of a query over {@code M}. A row whose
     * target is missing or soft-deleted (unless the relation is {@code withTrashed}) never
     * matches a condition on the path.
     */
    public <V> Property<M, V> get(Property<T, V> property) {
        return Property.through(this, property);
    }

    @SuppressWarnings("unchecked")
    @Override
    public Ref<T> holder(M instance) {
        return (Ref<T>) super.holder(instance);
    }
}
