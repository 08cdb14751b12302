package dev.limber.database.repository;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A repository method implemented by hand-written SQL. Names are written unquoted and in lower
 * case, as the generated schema has them; parameters are written {@code :name}, after the
 * method's parameter names. Every parameter must be used and every {@code :name} must be a
 * parameter. At compile time the processor rewrites the statement for soft delete (see
 * {@link #trashed()}) and prepares it against a database built from the generated schema, so a
 * misspelt table or column, or result columns that do not fit the return type, fail the build.
 *
 * <pre>{@code
 * @Query("SELECT b.* FROM books b JOIN authors a ON a.id = b.author_id WHERE a.name = :name ORDER BY b.title")
 * List<Book> byAuthorName(String name);
 * }</pre>
 *
 * A method may return a model or a record (its components match the result columns by name,
 * ignoring case), as {@code List}, {@code Optional}, a single value or a {@code Stream} (closed
 * by the caller); a scalar; {@code long}/{@code boolean}; or {@code int} for the rows an
 * {@code UPDATE}/{@code INSERT}/{@code DELETE} changed.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Query {
    /** The SQL statement, with {@code :name} parameters. */
    String value();

    /**
     * Which rows of soft-delete tables the statement sees. {@link Trashed#EXCLUDE} (the default)
     * rewrites every read of a soft-delete table — FROM, each JOIN, subqueries, CTE bodies, each
     * UNION branch — to live rows only, and an {@code UPDATE} to live rows; a raw {@code DELETE}
     * of a soft-delete table is a compile error unless {@link Trashed#AS_WRITTEN}.
     */
    Trashed trashed() default Trashed.EXCLUDE;

    /**
     * The databases this statement is written for, by name: {@code "h2"}, {@code "sqlite"},
     * {@code "postgresql"}, {@code "mariadb"}. Empty (the default) means all four: the statement
     * must then prepare on every database the processor verifies against. Naming fewer says the
     * SQL uses one vendor's syntax; the processor verifies it only on those, and calling the
     * method on an engine of another database throws a {@code LimberException} naming the
     * databases the statement was written for, before any SQL is sent.
     */
    String[] databases() default {};
}
