package dev.limber.database;

/**
 * The database refused a statement because of a constraint (unique, not null, foreign key).
 * {@link #table()}, {@link #column()} and {@link #constraint()} are filled where the driver (or,
 * for a foreign key, the models' {@link ForeignKeyInfo}) tells them. For a foreign key they name
 * the referencing side: the table and column holding the key.
 */
public class ConstraintViolationException extends LimberException {
    private static final long serialVersionUID = 1L;

    private final String table;
    private final String column;
    private final String constraint;

    public ConstraintViolationException(String message, String table, String column, String sql, Throwable cause) {
        this(message, table, column, null, sql, cause);
    }

    public ConstraintViolationException(String message, String table, String column, String constraint, String sql,
            Throwable cause) {
        super(message, sql, cause);
        this.table = table;
        this.column = column;
        this.constraint = constraint;
    }

    /** The table, or null when the driver did not say. */
    public String table() {
        return table;
    }

    /** The column, or null when the driver did not say. */
    public String column() {
        return column;
    }

    /** The constraint's name (e.g. {@code fk_books_author_id}), or null when it is not known. */
    public String constraint() {
        return constraint;
    }
}
