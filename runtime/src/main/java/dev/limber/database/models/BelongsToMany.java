package dev.limber.database.models;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A many-to-many relation through a junction model: the field is a {@code Many<Target>}, and
 * {@link #through()} is a {@link Model} with exactly one {@link BelongsTo} to this model and one
 * to the target. A soft-delete junction hides its deleted rows on every path.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface BelongsToMany {
    /** The junction model. */
    Class<?> through();
}
