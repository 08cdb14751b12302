package dev.limber.database;

/**
 * The transaction lost a race with another one and cannot go on: a deadlock, a serialization
 * failure, or (on SQLite) a write from a snapshot that another session's commit made stale. The
 * work itself was not wrong: roll the session back (or close it) and run the whole unit of work
 * again, reading afresh. On a {@code @Version} model the same conflict surfaces as
 * {@link StaleObjectException} from {@code update}, {@code delete} and {@code forceDelete}.
 */
public class TransactionConflictException extends LimberException {
    private static final long serialVersionUID = 1L;

    public TransactionConflictException(String message, String sql, Throwable cause) {
        super(message, sql, cause);
    }
}
