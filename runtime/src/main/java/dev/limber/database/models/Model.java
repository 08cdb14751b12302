package dev.limber.database.models;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class or record as a database model. The Limber annotation processor writes its
 * metamodel ({@code Book_}), a reflection-free mapper, schema DDL and a registry entry.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Model {
    /** Table name; defaults to the snake_case form of the class name ({@code BookAuthor} → {@code book_author}). */
    String table() default "";

    /**
     * When true, {@code Session.delete} stamps the {@code deleted_at} column instead of deleting
     * the row, and every read hides stamped rows unless asked. Needs a nullable timestamp
     * column named {@code deleted_at}.
     */
    boolean softDelete() default false;
}
