package dev.limber.database.dialect;

import dev.limber.database.mapping.JdbcValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

/** PostgreSQL: TIMESTAMPTZ, native UUID; generated keys through RETURNING the key column only. */
final class PostgresDialect extends AbstractDialect {
    private static final JdbcValues VALUES = new PostgresValues();
    private static final Pattern CONSTRAINT = Pattern.compile("constraint \"([^\"]+)\"");
    private static final Pattern KEY = Pattern.compile("Key \\(([^)]+)\\)=");
    private static final Pattern WRITTEN_TABLE = Pattern.compile("on table \"([^\"]+)\" violates");
    private static final Pattern REFERENCING_TABLE = Pattern.compile("constraint \"[^\"]+\" on table \"([^\"]+)\"");
    private static final Pattern NULL_COLUMN = Pattern.compile("column \"([^\"]+)\"(?: of relation \"([^\"]+)\")?");

    PostgresDialect() {
        super("postgresql", "PostgreSQL", '"');
    }

    @Override
    public int timeFractionDigits() {
        return 6; // TIMESTAMP(6), TIME(6)
    }

    @Override
    public String driverArtifact() {
        return "org.postgresql:postgresql";
    }

    @Override
    public JdbcValues values() {
        return VALUES;
    }

    /**
     * Both sides of an ignore-case comparison lower-cased: the unique index of such a column is on
     * {@code lower(column)} too, so the index serves the comparison and uniqueness agrees with it.
     */
    @Override
    public String foldCase(String operand) {
        return "lower(" + operand + ")";
    }

    /** The wire protocol counts a statement's parameters in 16 bits; the driver refuses more. */
    /** PostgreSQL plans {@code column = ANY(?)} with an array parameter as it plans {@code IN (...)}, from one prepared text. */
    @Override
    public String keyArrayType(Class<?> keyType) {
        if (keyType == Long.class) {
            return "bigint";
        }
        if (keyType == Integer.class) {
            return "integer";
        }
        if (keyType == Short.class) {
            return "smallint";
        }
        if (keyType == String.class) {
            return "varchar";
        }
        if (keyType == java.util.UUID.class) {
            return "uuid";
        }
        return null;
    }

    @Override
    public String inKeyArray(String column) {
        return column + " = ANY(?)";
    }

    @Override
    public ReplayPositions replayPositions() {
        return ReplayPositions.WAL;
    }

    @Override
    public int maxParameters() {
        return 65_535;
    }

    @Override
    public List<String> alterNullability(String table, String column, String sqlType, boolean nullable) {
        return List.of("ALTER TABLE " + quote(table) + " ALTER COLUMN " + quote(column)
                + (nullable ? " DROP NOT NULL" : " SET NOT NULL"));
    }

    /** USING converts values PostgreSQL has no implicit cast for (e.g. text to integer). */
    @Override
    public List<String> alterType(String table, String column, String sqlType, boolean nullable) {
        String name = quote(column);
        return List.of("ALTER TABLE " + quote(table) + " ALTER COLUMN " + name + " TYPE " + sqlType
                + " USING " + name + "::" + sqlType);
    }

    /**
     * After a failed statement PostgreSQL answers COMMIT with ROLLBACK, and the driver reports
     * success. Any statement in an aborted transaction fails with SQLState 25P02, so one cheap
     * query tells.
     */
    @Override
    public void checkCommittable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        }
    }

    @Override
    String describe(SQLException e) {
        if ("25P02".equals(e.getSQLState())) {
            return "The transaction cannot commit: one of its statements failed (PostgreSQL aborts the whole"
                    + " transaction); roll back and redo the work";
        }
        return super.describe(e);
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
                // "update or delete on table "authors" violates foreign key constraint "fk_x" on table "books""
                // or "insert or update on table "books" violates foreign key constraint "fk_x""
                if (message != null && message.contains("update or delete on table")) {
                    return new Violation(Kind.STILL_REFERENCED, find(CONSTRAINT, message),
                            find(REFERENCING_TABLE, message), null);
                }
                return new Violation(Kind.FOREIGN_KEY, find(CONSTRAINT, message), find(WRITTEN_TABLE, message),
                        find(KEY, message));
            case "23514":
                return new Violation(Kind.CHECK, find(CONSTRAINT, message), null, null);
            default:
                return super.violation(e);
        }
    }
}
