package dev.limber.database;

/**
 * A statement ran past its time limit ({@code Engine.builder().statementTimeout(…)} or
 * {@code Query.timeout(…)}) and the database cancelled it. Like any failed statement it spoils the
 * session's transaction: roll back, then carry on with the same session.
 */
public class StatementTimeoutException extends LimberException {
    private static final long serialVersionUID = 1L;

    public StatementTimeoutException(String message, String sql, Throwable cause) {
        super(message, sql, cause);
    }
}
