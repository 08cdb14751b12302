package dev.limber.database.models;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The inverse side of a one-to-many relation: the field is a {@code Many<Target>}, and the
 * target model has a {@link BelongsTo} field back to this model named by {@link #mappedBy()}.
 *
 * <pre>{@code
 * @HasMany(mappedBy = "author", cascade = Cascade.DELETE) Many<Book> books;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface HasMany {
    /** The {@link BelongsTo} field of the target model that points back at this model. */
    String mappedBy();

    /** {@link Cascade#DELETE}: deleting this model deletes its children too. */
    Cascade cascade() default Cascade.NONE;
}
