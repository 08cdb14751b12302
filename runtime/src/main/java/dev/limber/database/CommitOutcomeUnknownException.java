package dev.limber.database;

/**
 * The connection was lost while a COMMIT was under way (the server restarted, the network broke):
 * the transaction may have been committed or not, and only the database can say which. Never retry
 * such a unit of work blindly: check whether its effects are there (or make it idempotent) first.
 */
public class CommitOutcomeUnknownException extends LimberException {
    private static final long serialVersionUID = 1L;

    public CommitOutcomeUnknownException(String message, String sql, Throwable cause) {
        super(message, sql, cause);
    }
}
