package dev.limber.database.models;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The inverse side of a one-to-one relation: the field is a {@code Ref<Target>}, and the target
 * model has a {@link BelongsTo} field back to this model named by {@link #mappedBy()}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface HasOne {
    /** The {@link BelongsTo} field of the target model that points back at this model. */
    String mappedBy();

    /** {@link Cascade#DELETE}: deleting this model deletes its child too. */
    Cascade cascade() default Cascade.NONE;
}
