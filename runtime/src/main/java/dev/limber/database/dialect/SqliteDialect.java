package dev.limber.database.dialect;

import com.zaxxer.hikari.HikariConfig;
import dev.limber.database.ForeignKeyInfo;
import dev.limber.database.mapping.JdbcValues;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * SQLite: every connection in WAL mode with a busy timeout, and transactions that begin DEFERRED:
 * a transaction takes a read snapshot at its first read and the write lock at its first write, so
 * sessions that only read never block writers or each other. A transaction whose first statement
 * writes queues for the write lock (up to the busy timeout). One that read first cannot wait for
 * it: SQLite answers SQLITE_BUSY at once (or SQLITE_BUSY_SNAPSHOT when another session committed
 * since the read) to avoid a deadlock, and that surfaces as a
 * {@link dev.limber.database.TransactionConflictException}: retry the unit of work. At READ
 * COMMITTED, Limber's default, sessions read outside a transaction until their first write, so
 * this happens only at the stricter levels or after a stream. An in-memory database exists per
 * connection, so its pool holds one connection.
 */
final class SqliteDialect extends AbstractDialect {
    private static final JdbcValues VALUES = new SqliteValues();
    /**
     * How long a session waits for another one's write transaction before failing, in ms, unless the
     * URL sets {@code busy_timeout} itself ({@code jdbc:sqlite:app.db?busy_timeout=5000}).
     */
    static final String BUSY_TIMEOUT_MILLIS = "30000";
    private static final Pattern FAILED = Pattern.compile(
            "(UNIQUE|NOT NULL|FOREIGN KEY|CHECK) constraint failed: (?:index '([^']+)'|(\\w+)\\.(\\w+))");
    private static final Pattern UNIQUE_COLUMNS = Pattern.compile("UNIQUE constraint failed: \\w+\\.(\\w+(?:, \\w+\\.\\w+)*)");
    private static final int SQLITE_CONSTRAINT = 19;
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_INTERRUPT = 9;
    private static final int SQLITE_BUSY_SNAPSHOT = SQLITE_BUSY | (2 << 8);

    SqliteDialect() {
        super("sqlite", "SQLite", '"');
    }

    @Override
    public int timeFractionDigits() {
        return 9; // text with nine fraction digits
    }

    @Override
    public String driverArtifact() {
        return "org.xerial:sqlite-jdbc";
    }

    @Override
    public JdbcValues values() {
        return VALUES;
    }

    /**
     * SQLITE_MAX_VARIABLE_NUMBER as sqlite-jdbc compiles its bundled SQLite (stock SQLite allows
     * 32,766); more fails with "too many SQL variables".
     */
    @Override
    public int maxParameters() {
        return 250_000;
    }

    /** SQLite's ALTER TABLE cannot change a column; the table has to be rebuilt. */
    @Override
    public List<String> alterNullability(String table, String column, String sqlType, boolean nullable) {
        return List.of();
    }

    /** SQLite's ALTER TABLE cannot change a column; the table has to be rebuilt. */
    @Override
    public List<String> alterType(String table, String column, String sqlType, boolean nullable) {
        return List.of();
    }

    /**
     * SQLite's ALTER TABLE cannot add a constraint: a new column carries its REFERENCES clause in
     * ADD COLUMN, an existing one needs the table rebuilt.
     */
    @Override
    public List<String> addForeignKey(String table, ForeignKeyInfo foreignKey) {
        return List.of();
    }

    /** SQLite's ALTER TABLE cannot drop a constraint; the table has to be rebuilt. */
    @Override
    public List<String> dropForeignKey(String table, String constraint) {
        return List.of();
    }

    /** SQLite has no row locks: {@link #writeLock} takes the database's write lock instead. */
    @Override
    public String forUpdate() {
        return "";
    }

    /**
     * A write that changes nothing still makes the transaction a write transaction: it waits for
     * the write lock (up to the busy timeout) and holds it until commit or rollback, so the read
     * after it sees every write committed before and no other session writes until this one ends.
     * As the first statement of a transaction it takes a fresh snapshot once it has the lock; after
     * other reads in the transaction it fails at once (SQLITE_BUSY_SNAPSHOT) if another session
     * wrote since, a {@link dev.limber.database.TransactionConflictException}.
     */
    @Override
    public String writeLock(String quotedTable, String quotedKey) {
        return "UPDATE " + quotedTable + " SET " + quotedKey + " = " + quotedKey + " WHERE 1 = 0";
    }

    /** SQLite needs a LIMIT before an OFFSET; -1 means none. */
    @Override
    public String castToDouble(String expression) {
        return "CAST(" + expression + " AS REAL)";
    }

    /** Decimals are TEXT here, which MIN and MAX would compare as text ('10.00' &lt; '9.50'). */
    @Override
    public String decimalArgument(String column) {
        return "CAST(" + column + " AS NUMERIC)";
    }

    @Override
    public String limitOffset(boolean limit, boolean offset) {
        if (offset && !limit) {
            return " LIMIT -1 OFFSET ?";
        }
        return super.limitOffset(limit, offset);
    }

    @Override
    public void configure(HikariConfig config) {
        config.addDataSourceProperty("journal_mode", "WAL");
        // the setting SQLite recommends with WAL: no fsync per commit, never corrupt; a power cut may
        // lose the last commits (as Rails also defaults to)
        config.addDataSourceProperty("synchronous", "NORMAL");
        String url = config.getJdbcUrl().toLowerCase(Locale.ROOT);
        if (!url.contains("busy_timeout=")) { // the URL's own setting wins (driver properties would override it)
            config.addDataSourceProperty("busy_timeout", BUSY_TIMEOUT_MILLIS);
        }
        // the first read takes a snapshot, the first write the lock: readers never wait for a writer
        config.addDataSourceProperty("transaction_mode", "DEFERRED");
        config.addDataSourceProperty("foreign_keys", "true");
        // LIKE compares case as on the other three databases (SQLite's own LIKE ignores the case of
        // ASCII letters, and only of those)
        config.addDataSourceProperty("case_sensitive_like", "true");
        if (url.equals("jdbc:sqlite:") || url.contains(":memory:") || url.contains("mode=memory")) {
            // each connection to an in-memory database is a database of its own
            config.setMaximumPoolSize(1);
            config.setMinimumIdle(1);
            config.setMaxLifetime(0); // retiring the connection would drop the database
            config.setIdleTimeout(0);
        }
    }

    /**
     * SQLite's DROP TABLE first deletes the rows, checking each against the foreign keys: a row
     * that another row of the same table refers to (a self reference, ON DELETE RESTRICT) stops it,
     * though both are going. Foreign keys are off while dropAll drops every table.
     */
    @Override
    public List<String> beforeDropTables() {
        return List.of("PRAGMA foreign_keys = OFF");
    }

    @Override
    public List<String> afterDropTables() {
        return List.of("PRAGMA foreign_keys = ON");
    }

    /**
     * sqlite-jdbc reports no keys for a batch. The batch ran inside one transaction that took the
     * write lock at its first row and holds it until it ends, so no other connection wrote
     * meanwhile and its rowids are consecutive, ending at last_insert_rowid().
     */
    @Override
    public List<Object> batchKeys(PreparedStatement statement, int rows, Class<?> keyType) throws SQLException {
        long last;
        try (Statement s = statement.getConnection().createStatement();
             ResultSet rs = s.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            last = rs.getLong(1);
        }
        List<Object> keys = new ArrayList<>(rows);
        for (long id = last - rows + 1; id <= last; id++) {
            keys.add(keyType == Integer.class ? (Object) (int) id : keyType == Short.class ? (Object) (short) id
                    : keyType == Byte.class ? (Object) (byte) id : (Object) id);
        }
        return keys;
    }

    /**
     * SQLite's foreign-key message names nothing ("FOREIGN KEY constraint failed"): which end broke
     * it is told by the statement, a DELETE (or DROP TABLE, which deletes) of a row still referred
     * to, else a write of a key that points at no row. The models name the key.
     */
    @Override
    Violation violation(SQLException e, String sql) {
        String message = e.getMessage();
        if ((e.getErrorCode() & 0xff) == SQLITE_CONSTRAINT && message != null
                && message.contains("FOREIGN KEY constraint failed")) {
            String statement = sql == null ? "" : sql.stripLeading().toUpperCase(Locale.ROOT);
            boolean deletes = statement.startsWith("DELETE") || statement.startsWith("DROP");
            return new Violation(deletes ? Kind.STILL_REFERENCED : Kind.FOREIGN_KEY, null, null, null);
        }
        return violation(e);
    }

    @Override
    Violation violation(SQLException e) {
        if ((e.getErrorCode() & 0xff) != SQLITE_CONSTRAINT) {
            return super.violation(e);
        }
        String message = e.getMessage();
        String what = find(FAILED, message, 1);
        Kind kind = what == null ? Kind.OTHER : switch (what) {
            case "UNIQUE" -> Kind.UNIQUE;
            case "NOT NULL" -> Kind.NOT_NULL;
            case "FOREIGN KEY" -> Kind.FOREIGN_KEY;
            default -> Kind.CHECK;
        };
        String columns = find(FAILED, message, 4);
        if (kind == Kind.UNIQUE && columns != null) {
            // a unique index on several columns lists them all: "loans.member_id, loans.due_on"
            columns = String.join(", ", find(UNIQUE_COLUMNS, message).split(", \\w+\\."));
        }
        return new Violation(kind, find(FAILED, message, 2), find(FAILED, message, 3), columns);
    }

    /** The driver's query timeout only bounds the wait for a lock: a watchdog cancels (interrupts) instead. */
    @Override
    public Runnable limitTime(Statement statement, int seconds) {
        return StatementWatchdog.watch(statement, seconds);
    }

    /** SQLITE_INTERRUPT: sqlite3_interrupt, which Statement.cancel calls, stopped the statement. */
    @Override
    public boolean isTimeout(SQLException exception) {
        return (exception.getErrorCode() & 0xff) == SQLITE_INTERRUPT || super.isTimeout(exception);
    }

    /**
     * SQLITE_BUSY_SNAPSHOT, or SQLITE_BUSY in a transaction that has run statements: its read
     * transaction could not become a write one because another connection wrote since (or is
     * writing). SQLite does not wait in that case, so this is no busy timeout. SQLITE_BUSY on a
     * transaction's first statement is one, and keeps its "database is locked" message.
     */
    @Override
    boolean conflict(SQLException e, boolean midTransaction) {
        int code = e.getErrorCode();
        return code == SQLITE_BUSY_SNAPSHOT || (midTransaction && (code & 0xff) == SQLITE_BUSY);
    }

    @Override
    String describeConflict(SQLException e) {
        return "SQLite could not let this transaction write: another session wrote since it began reading (its"
                + " snapshot is stale, or the write lock is held), and a transaction that has read cannot wait for"
                + " the lock. Roll back the session and retry the unit of work, reading afresh ("
                + firstLine(e.getMessage()) + ")";
    }

    @Override
    String describe(SQLException e) {
        if ((e.getErrorCode() & 0xff) == SQLITE_BUSY) {
            return "SQLite database is locked: another session held the write lock for longer than busy_timeout ("
                    + BUSY_TIMEOUT_MILLIS + " ms unless the URL sets busy_timeout); commit or close sessions promptly (" + firstLine(e.getMessage()) + ")";
        }
        return super.describe(e);
    }
}
