package dev.limber.database;

/**
 * The database refused a statement because of a constraint (unique, not null, foreign key).
 * {@link #table()} and {@link #column()} are filled where the driver tells them.
 */
public class ConstraintViolationException extends LimberException {
    private static final long serialVersionUID = 1L;

    private final String table;
    private final String column;

    public ConstraintViolationException(String message, String table, String column, String sql, Throwable cause) {
        super(message, sql, cause);
        this.table = table;
        this.column = column;
    }

    /** The table, or null when the driver did not say. */
    public String table() {
        return table;
    }

    /** The column, or null when the driver did not say. */
    public String column() {
        return column;
    }
}
