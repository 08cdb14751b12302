package dev.limber.database.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test once per database: H2 and SQLite always, PostgreSQL and MariaDB when
 * {@code LIMBER_TEST_POSTGRES_URL} / {@code LIMBER_TEST_MARIADB_URL} are set. Outside CI an unset
 * URL skips that database with the reason shown; under CI ({@code CI} set to any non-empty value)
 * it fails, because a database test that quietly skips in CI proves nothing.
 *
 * <p>The test takes a {@link TestDatabase} parameter; each invocation gets its own empty schema
 * (PostgreSQL), database (MariaDB), in-memory database (H2) or file (SQLite), dropped afterwards.
 * {@code LIMBER_TEST_DIALECTS=h2,sqlite} (env or system property) limits the set for local runs;
 * under CI it cannot drop PostgreSQL or MariaDB: their invocations fail instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@TestTemplate
@ExtendWith(DatabaseExtension.class)
public @interface AllDatabases {
}
