package dev.limber.database.migrations;

import dev.limber.database.LimberException;

/**
 * A migration script failed, or Flyway refused to run. Names the script and the statement that
 * failed when there was one; the driver's or Flyway's exception is the cause.
 */
public class MigrationException extends LimberException {
    private static final long serialVersionUID = 1L;

    private final String script;

    public MigrationException(String message, String script, String sql, Throwable cause) {
        super(message, sql, cause);
        this.script = script;
    }

    /** The script that failed (e.g. {@code V20260101120000__add_isbn.sql}), or null. */
    public String script() {
        return script;
    }
}
