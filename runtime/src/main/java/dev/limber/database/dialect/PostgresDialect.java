package dev.limber.database.dialect;

import com.zaxxer.hikari.HikariConfig;
import dev.limber.database.mapping.JdbcValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.regex.Pattern;

/** PostgreSQL: TIMESTAMPTZ, native UUID; generated keys through RETURNING the key column only. */
final class PostgresDialect extends AbstractDialect {
    private static final JdbcValues VALUES = new PostgresValues();
    private static final Pattern CONSTRAINT = Pattern.compile("constraint \"([^\"]+)\"");
    private static final Pattern KEY = Pattern.compile("Key \\(([^)]+)\\)=");
    private static final Pattern NULL_COLUMN = Pattern.compile("column \"([^\"]+)\"(?: of relation \"([^\"]+)\")?");

    PostgresDialect() {
        super("postgresql", '"');
    }

    @Override
    public JdbcValues values() {
        return VALUES;
    }

    @Override
    public void configure(HikariConfig config) {
        // a COMMIT the server turned into ROLLBACK (after a failed statement) must fail, not pass silently
        config.addDataSourceProperty("raiseExceptionOnSilentRollback", "true");
    }

    /** RETURN_GENERATED_KEYS would make the driver return every column; ask for the key alone. */
    @Override
    public PreparedStatement prepareInsert(Connection connection, String sql, String keyColumn) throws SQLException {
        return connection.prepareStatement(sql, new String[] {keyColumn});
    }

    @Override
    Violation violation(SQLException e) {
        String state = e.getSQLState();
        String message = e.getMessage();
        if (state == null) {
            return null;
        }
        switch (state) {
            case "23505":
                return new Violation(Kind.UNIQUE, find(CONSTRAINT, message), null, find(KEY, message));
            case "23502":
                return new Violation(Kind.NOT_NULL, null, find(NULL_COLUMN, message, 2), find(NULL_COLUMN, message));
            case "23503":
                return new Violation(Kind.FOREIGN_KEY, find(CONSTRAINT, message), null, find(KEY, message));
            case "23514":
                return new Violation(Kind.CHECK, find(CONSTRAINT, message), null, null);
            default:
                return super.violation(e);
        }
    }
}
