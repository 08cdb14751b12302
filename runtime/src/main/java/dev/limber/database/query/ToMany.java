package dev.limber.database.query;

import dev.limber.database.Many;
import dev.limber.database.models.Cascade;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A to-many relation ({@code @HasMany} or {@code @BelongsToMany}) of {@code M} to {@code T}. It
 * has no column paths: a condition on the children is {@code whereHas(relation, q -> q.where(...))}.
 */
public final class ToMany<M, T> extends Relation<M, T> {

    private ToMany(Kind kind, Class<M> model, String name, Class<T> target, String mappedBy, Class<?> through,
            Cascade cascade, Function<M, Many<T>> holder, BiConsumer<M, Many<T>> setHolder) {
        super(kind, model, name, target, mappedBy, through, cascade, false, holder, setHolder);
    }

    /**
     * The {@code @HasMany} relation {@code model.name} to {@code target}, whose {@code @BelongsTo}
     * field {@code mappedBy} points back. Called by generated metamodels.
     */
    public static <M, T> ToMany<M, T> hasMany(Class<M> model, String name, Class<T> target, String mappedBy,
            Cascade cascade, Function<M, Many<T>> holder, BiConsumer<M, Many<T>> setHolder) {
        return new ToMany<>(Kind.HAS_MANY, model, name, target, requireNonNull(mappedBy, "mappedBy"), null, cascade,
                holder, setHolder);
    }

    /**
     * The {@code @BelongsToMany} relation {@code model.name} to {@code target} through the junction
     * model {@code through}. Called by generated metamodels.
     */
    public static <M, T> ToMany<M, T> belongsToMany(Class<M> model, String name, Class<T> target, Class<?> through,
            Function<M, Many<T>> holder, BiConsumer<M, Many<T>> setHolder) {
        return new ToMany<>(Kind.BELONGS_TO_MANY, model, name, target, null, requireNonNull(through, "through"),
                Cascade.NONE, holder, setHolder);
    }

    @SuppressWarnings("unchecked")
    @Override
    public Many<T> holder(M instance) {
        return (Many<T>) super.holder(instance);
    }
}
