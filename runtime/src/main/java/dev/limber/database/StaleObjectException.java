package dev.limber.database;

/** An optimistic-locking conflict: another session changed or deleted the row since it was read. */
public class StaleObjectException extends LimberException {
    private static final long serialVersionUID = 1L;

    public StaleObjectException(String message) {
        super(message);
    }

    public StaleObjectException(String message, String sql, Throwable cause) {
        super(message, sql, cause);
    }
}
