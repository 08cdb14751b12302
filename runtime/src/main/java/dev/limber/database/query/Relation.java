package dev.limber.database.query;

import dev.limber.database.models.Cascade;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A relation of model {@code M} to model {@code T}, as the generated metamodel declares it
 * ({@code Book_.author}, {@code Author_.books}). Queries take it in {@code with}, {@code whereHas},
 * {@code whereDoesntHave} and {@code withCount}; {@link ToOne} relations also make column paths.
 *
 * @param <M> the model that declares the relation
 * @param <T> the related model
 */
public abstract sealed class Relation<M, T> permits ToOne, ToMany {
    /** The four kinds of relation, by their annotation. */
    public enum Kind { BELONGS_TO, HAS_ONE, HAS_MANY, BELONGS_TO_MANY }

    private final Kind kind;
    private final Class<M> model;
    private final String name;
    private final Class<T> target;
    private final String mappedBy;
    private final Class<?> through;
    private final Cascade cascade;
    private final boolean withTrashed;
    private final Function<M, ?> holder;
    private final BiConsumer<M, Object> setHolder;

    @SuppressWarnings("unchecked")
    Relation(Kind kind, Class<M> model, String name, Class<T> target, String mappedBy, Class<?> through,
            Cascade cascade, boolean withTrashed, Function<M, ?> holder, BiConsumer<M, ?> setHolder) {
        this.kind = kind;
        this.model = requireNonNull(model, "model");
        this.name = requireNonNull(name, "name");
        this.target = requireNonNull(target, "target");
        this.mappedBy = mappedBy;
        this.through = through;
        this.cascade = cascade == null ? Cascade.NONE : cascade;
        this.withTrashed = withTrashed;
        this.holder = requireNonNull(holder, "holder");
        this.setHolder = (BiConsumer<M, Object>) setHolder;
    }

    static <X> X requireNonNull(X value, String what) {
        if (value == null) {
            throw new NullPointerException(what);
        }
        return value;
    }

    public Kind kind() { return kind; }

    /** The model that declares the relation. */
    public Class<M> model() { return model; }

    /** The Java field (or record component) holding the relation. */
    public String name() { return name; }

    /** The related model. */
    public Class<T> target() { return target; }

    /**
     * For {@code HAS_ONE} and {@code HAS_MANY}: the {@code @BelongsTo} field of the target that
     * points back at {@link #model()}; null otherwise.
     */
    public String mappedBy() { return mappedBy; }

    /** For {@code BELONGS_TO_MANY}: the junction model; null otherwise. */
    public Class<?> through() { return through; }

    /** For {@code HAS_ONE} and {@code HAS_MANY}: what deleting the parent does to the children. */
    public Cascade cascade() { return cascade; }

    /** Whether a soft-deleted target still counts on every path through this relation ({@code @BelongsTo(withTrashed = true)}). */
    public boolean withTrashed() { return withTrashed; }

    /** The holder ({@code Ref} or {@code Many}) in {@code model}'s field; may be null on a model built by hand. */
    public Object holder(M instance) {
        return holder.apply(instance);
    }

    /** Whether {@link #setHolder} can write the field (false for records, whose holders are set at construction). */
    public boolean canSetHolder() {
        return setHolder != null;
    }

    /** Puts {@code value} (a {@code Ref} or {@code Many}) into {@code instance}'s field. */
    public void setHolder(M instance, Object value) {
        if (setHolder == null) {
            throw new UnsupportedOperationException(this + " is a record component; its holder is set by the constructor");
        }
        setHolder.accept(instance, value);
    }

    @Override
    public String toString() {
        return model.getSimpleName() + "." + name;
    }
}
