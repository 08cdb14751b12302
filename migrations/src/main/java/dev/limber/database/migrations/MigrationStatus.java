package dev.limber.database.migrations;

import java.time.Instant;

/**
 * One migration as {@link Migrator#info()} sees it: applied, pending, failed, or known to the
 * database but missing from the location.
 *
 * @param version     the version ({@code 20260101120000}), or null for a repeatable migration
 * @param description the description taken from the file name ({@code add isbn to books})
 * @param script      the file name
 * @param checksum    Flyway's checksum of the script, or null
 * @param installedOn when it was applied, or null while pending
 * @param state       Flyway's state name: {@code Pending}, {@code Success}, {@code Failed}, {@code Missing}, ...
 * @param applied     true once it has been applied (successfully or not: see {@link #failed()})
 */
public record MigrationStatus(String version, String description, String script, Integer checksum,
                              Instant installedOn, String state, boolean applied) {

    /** True when the database has not run it yet. */
    public boolean pending() {
        return !applied && "Pending".equals(state);
    }

    /**
     * True when the database ran it and it failed (Flyway's {@code Failed}, {@code Future failed}):
     * on a database without transactional DDL its statements before the failing one stay applied.
     */
    public boolean failed() {
        return state != null && state.toLowerCase(java.util.Locale.ROOT).contains("failed");
    }
}
