package dev.limber.database.migrations;

/**
 * A migration that {@link Migrator#migrate()} has just applied.
 *
 * @param version         the version, or null for a repeatable migration
 * @param description     the description taken from the file name
 * @param script          the file (path as Flyway reports it)
 * @param executionMillis how long it ran
 */
public record AppliedMigration(String version, String description, String script, int executionMillis) {
}
