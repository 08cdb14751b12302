package dev.limber.database.models;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The owning side of a to-one relation: this model holds the foreign key. The field is a
 * {@code Ref<Target>}; the column is {@code <field>_id} (snake_case) unless {@link #column()}
 * names it, of the target's primary-key type, with a {@code REFERENCES} constraint and an index.
 *
 * <pre>{@code
 * @BelongsTo(nullable = false) Ref<Author> author;   // column author_id
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface BelongsTo {
    /** The foreign-key column; defaults to the snake_case field name plus {@code _id}. */
    String column() default "";

    /** Whether the foreign key may be NULL (a {@code Ref} with no target). */
    boolean nullable() default true;

    /** What the database does to this row when its target row is hard-deleted. */
    OnDelete onDelete() default OnDelete.RESTRICT;

    /**
     * When true, a soft-deleted target still counts on every path through this relation
     * ({@code with}, {@code where} on its path, {@code whereHas}); by default it reads as absent.
     */
    boolean withTrashed() default false;
}
