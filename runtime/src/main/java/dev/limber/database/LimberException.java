package dev.limber.database;

/**
 * Root of every exception Limber throws. Unchecked; when a statement failed it carries the SQL
 * (never the bound values) and the driver's exception as the cause.
 */
public class LimberException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String sql;

    public LimberException(String message) {
        this(message, null, null);
    }

    public LimberException(String message, Throwable cause) {
        this(message, null, cause);
    }

    public LimberException(String message, String sql, Throwable cause) {
        super(sql == null ? message : message + " [SQL: " + sql + "]", cause);
        this.sql = sql;
    }

    /** The statement that failed, or null when no statement was involved. */
    public String sql() {
        return sql;
    }
}
