package dev.limber.database.migrations;

/** Told about each script as {@link Migrator#migrate(MigrationListener)} runs it. */
public interface MigrationListener {

    /** {@code script} is about to run. */
    default void starting(String script, String version, String description) {
    }

    /** {@code script} ran and is committed (or, on a database without transactional DDL, applied). */
    default void finished(String script, long millis) {
    }
}
