package dev.limber.database.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test once per database server, PostgreSQL and MariaDB, as {@link AllDatabases} does: for
 * behaviour that only a server has (a connection the server ends, a network in between). Embedded
 * H2 and SQLite are not invoked at all, rather than skipped.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@TestTemplate
@ExtendWith(DatabaseExtension.class)
public @interface ServerDatabases {
}
