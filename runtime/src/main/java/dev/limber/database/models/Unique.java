package dev.limber.database.models;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Uniqueness of one or more columns of a {@link Model}, named by their fields, optionally only
 * among the rows whose {@link #whereNull} fields are NULL:
 * <pre>{@code
 * @Model(table = "loans", softDelete = true)
 * @Unique(columns = "bookId", whereNull = "returnedAt")   // a copy is on loan at most once at a time
 * public class Loan { ... }
 * }</pre>
 * On a soft-delete model the uniqueness holds among live rows only, as for
 * {@code @Column(unique = true)}: a soft-deleted row never blocks another. Repeatable.
 *
 * <p>PostgreSQL and SQLite get a partial unique index ({@code ... WHERE "returned_at" IS NULL AND
 * "deleted_at" IS NULL}); H2 and MariaDB, which have none, get a generated column per indexed
 * column that holds its value while the condition holds and NULL otherwise, and a unique index on
 * those. A violation names the model's columns and the condition
 * ({@code ConstraintViolationException.column()} and {@code constraint()}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Unique.List.class)
public @interface Unique {
    /** The fields (or record components) whose values are unique together, at least one. */
    String[] columns();

    /** Fields that must all be NULL for a row to count; empty: every (live) row counts. */
    String[] whereNull() default {};

    /** The index name; defaults to {@code ux_<table>_<columns>}, then {@code _where_<columns>_null} for a condition. */
    String name() default "";

    /** Holds repeated {@code @Unique} annotations; write {@code @Unique} twice instead. */
    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.TYPE)
    @interface List {
        Unique[] value();
    }
}
