package dev.limber.database.dialect;

import com.zaxxer.hikari.HikariConfig;
import dev.limber.database.mapping.JdbcValues;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * MariaDB (and MySQL URLs): backtick quoting, UTC DATETIME(6) for instants, CHAR(36) UUIDs.
 * Update counts must be "found rows", not "changed rows": an UPDATE that writes the values a row
 * already has still matched it, and must not look like a missing row or a version conflict.
 */
final class MariaDbDialect extends AbstractDialect {
    private static final JdbcValues VALUES = new MariaDbValues();
    private static final Pattern DUPLICATE_KEY = Pattern.compile("for key '([^']+)'");
    private static final Pattern COLUMN = Pattern.compile("Column '([^']+)'");
    /** {@code (`db`.`books`, CONSTRAINT `fk_books_author_id` FOREIGN KEY (`author_id`)}: table, constraint, column. */
    private static final Pattern FOREIGN_KEY = Pattern.compile(
            "`([^`]+)`, CONSTRAINT `([^`]+)` FOREIGN KEY \\(`([^`]+)`\\)");
    /** MariaDB has no "OFFSET without LIMIT"; its manual suggests the largest unsigned BIGINT. */
    private static final String NO_LIMIT = "18446744073709551615";

    /** ER_CHECKREAD: a row changed since this transaction's snapshot (innodb_snapshot_isolation, MariaDB 11.6+). */
    private static final int RECORD_CHANGED = 1020;

    MariaDbDialect() {
        super("mariadb", "MariaDB", '`');
    }

    /** No partial indexes: a conditional unique index indexes generated columns instead. */
    @Override
    public boolean partialIndexes() {
        return false;
    }

    @Override
    public int timeFractionDigits() {
        return 6; // DATETIME(6), TIME(6)
    }

    /**
     * MariaDB's driver (3.x) refuses {@code jdbc:mysql:} URLs unless they carry
     * {@code permitMysqlScheme}, so such a URL finds no driver even with the driver present.
     */
    @Override
    public String noDriver(String jdbcUrl) {
        String advice = super.noDriver(jdbcUrl);
        if (!jdbcUrl.toLowerCase(java.util.Locale.ROOT).startsWith("jdbc:mysql:")) {
            return advice;
        }
        return advice + ". That driver takes a jdbc:mysql: URL only with permitMysqlScheme: write jdbc:mariadb:"
                + " instead (e.g. jdbc:mariadb://localhost:3306/app), or add ?permitMysqlScheme to the URL";
    }

    @Override
    public String driverArtifact() {
        return "org.mariadb.jdbc:mariadb-java-client";
    }

    @Override
    public JdbcValues values() {
        return VALUES;
    }

    /**
     * A server-side prepared statement holds at most 65,535 placeholders. Beyond that the driver
     * silently falls back to the text protocol, which prints FLOAT values with 6 digits (see
     * {@link #configure}), so Limber refuses instead.
     */
    @Override
    public int maxParameters() {
        return 65_535;
    }

    /** MODIFY COLUMN restates the whole column: type and nullability together. */
    @Override
    public List<String> alterNullability(String table, String column, String sqlType, boolean nullable) {
        return modify(table, column, sqlType, nullable);
    }

    @Override
    public List<String> alterType(String table, String column, String sqlType, boolean nullable) {
        return modify(table, column, sqlType, nullable);
    }

    /** DROP FOREIGN KEY: the MySQL spelling, which every MariaDB and MySQL version takes. */
    @Override
    public List<String> dropForeignKey(String table, String constraint) {
        return List.of("ALTER TABLE " + quote(table) + " DROP FOREIGN KEY " + quote(constraint));
    }

    private List<String> modify(String table, String column, String sqlType, boolean nullable) {
        return List.of("ALTER TABLE " + quote(table) + " MODIFY COLUMN " + quote(column) + " " + sqlType
                + (nullable ? " NULL" : " NOT NULL"));
    }

    @Override
    public String castToDouble(String expression) {
        return "CAST(" + expression + " AS DOUBLE)"; // CAST takes DOUBLE, not DOUBLE PRECISION
    }

    @Override
    public String limitOffset(boolean limit, boolean offset) {
        if (offset && !limit) {
            return " LIMIT " + NO_LIMIT + " OFFSET ?";
        }
        return super.limitOffset(limit, offset);
    }

    /** MariaDB's DROP INDEX names the table. */
    @Override
    public String dropIndex(String table, String index) {
        return "DROP INDEX " + quote(index) + " ON " + quote(table);
    }

    @Override
    public void configure(HikariConfig config) {
        // found rows (CLIENT_FOUND_ROWS), so an UPDATE that changes nothing still counts its row
        config.addDataSourceProperty("useAffectedRows", "false");
        // the binary protocol: in text results the server prints a FLOAT with 6 significant digits
        // (3.1415927 comes back 3.14159); binary rows carry the stored 4-byte value exactly
        config.addDataSourceProperty("useServerPrepStmts", "true");
    }

    /**
     * 1969: max_statement_time exceeded (how the driver applies a query timeout); 1317: query
     * interrupted (KILL QUERY, how it cancels); SQLSTATE 70100 covers both.
     */
    @Override
    public boolean isTimeout(SQLException exception) {
        int code = exception.getErrorCode();
        return code == 1969 || code == 1317 || "70100".equals(exception.getSQLState()) || super.isTimeout(exception);
    }

    /** ER_DEADLOCK: a deadlock, or a Galera certification failure (the cluster chose another node's write). */
    private static final int DEADLOCK = 1213;
    /** ER_UNKNOWN_COM_ERROR: a Galera node that is not (or no longer) part of the primary component. */
    private static final int NODE_NOT_READY = 1047;

    @Override
    public ReplayPositions replayPositions() {
        return ReplayPositions.GTID;
    }

    /** ER_OPTION_PREVENTS_STATEMENT (read_only) and ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION. */
    @Override
    public boolean isReadOnlyServer(SQLException exception) {
        return exception.getErrorCode() == 1290 || exception.getErrorCode() == 1792 || super.isReadOnlyServer(exception);
    }

    @Override
    public boolean isRetryable(SQLException exception) {
        int code = exception.getErrorCode();
        return code == DEADLOCK || code == NODE_NOT_READY || super.isRetryable(exception);
    }

    /**
     * Error 1047 comes with SQLSTATE 08S01, the connection class, but the server answered: the
     * node is not ready for work, and the connection still stands.
     */
    @Override
    public boolean isConnectionLost(SQLException exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == NODE_NOT_READY) {
                return false;
            }
        }
        return super.isConnectionLost(exception);
    }

    /** Deadlocks arrive as 40001 (error 1213), as do Galera certification failures. */
    @Override
    boolean conflict(SQLException e, boolean midTransaction) {
        return e.getErrorCode() == RECORD_CHANGED || e.getErrorCode() == DEADLOCK || super.conflict(e, midTransaction);
    }

    @Override
    Violation violation(SQLException e) {
        String message = e.getMessage();
        switch (e.getErrorCode()) {
            case 1062:
            case 1586:
                return new Violation(Kind.UNIQUE, unqualified(find(DUPLICATE_KEY, message)), null, null);
            case 1048:
                return new Violation(Kind.NOT_NULL, null, null, find(COLUMN, message));
            case 1451: // "Cannot delete or update a parent row: a foreign key constraint fails (`db`.`books`, ..."
                return new Violation(Kind.STILL_REFERENCED, find(FOREIGN_KEY, message, 2),
                        find(FOREIGN_KEY, message, 1), find(FOREIGN_KEY, message, 3));
            case 1452: // "Cannot add or update a child row: a foreign key constraint fails (`db`.`books`, ..."
                return new Violation(Kind.FOREIGN_KEY, find(FOREIGN_KEY, message, 2), find(FOREIGN_KEY, message, 1),
                        find(FOREIGN_KEY, message, 3));
            case 4025:
            case 3819:
                return new Violation(Kind.CHECK, null, null, null);
            default:
                return super.violation(e);
        }
    }
}
