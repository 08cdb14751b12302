package dev.limber.database.dialect;

import com.zaxxer.hikari.HikariConfig;
import dev.limber.database.LimberException;
import dev.limber.database.ModelInfo;
import dev.limber.database.ModelRegistry;
import dev.limber.database.mapping.JdbcValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Everything that differs between the supported databases lives behind this interface, one
 * class per database; session and query code never asks which database it is talking to.
 */
public interface Dialect {
    Dialect H2 = new H2Dialect();
    Dialect SQLITE = new SqliteDialect();
    Dialect POSTGRESQL = new PostgresDialect();
    Dialect MARIADB = new MariaDbDialect();

    /** The short name used for DDL resources and configuration: h2, sqlite, postgresql, mariadb. */
    String name();

    /** The database's own name for people to read in messages: H2, SQLite, PostgreSQL, MariaDB. */
    String productName();

    /**
     * {@code identifier} as a quoted SQL identifier of this database: {@code "books"} on H2, SQLite
     * and PostgreSQL, {@code `books`} on MariaDB, with a quote character inside it doubled
     * ({@code odd"name} becomes {@code "odd""name"}). The name is kept exactly as given, case
     * included.
     *
     * <p>Limber creates every table and column under a quoted lower-case name, so plain SQL (through
     * {@link dev.limber.database.Session#connection()}) quotes them too: unquoted, H2 reads
     * {@code books} as {@code BOOKS}, which is another table. Identifiers only: values are bound
     * as parameters, never pasted into SQL.
     */
    String quote(String identifier);

    /**
     * The Maven coordinates ({@code groupId:artifactId}) of the JDBC driver this database needs on
     * the class path, e.g. {@code org.postgresql:postgresql}. Limber brings only H2's.
     */
    String driverArtifact();

    /**
     * What to tell a user when no JDBC driver on the class path accepts {@code jdbcUrl} (already
     * redacted): which artifact to add to the build, as a Maven dependency.
     */
    default String noDriver(String jdbcUrl) {
        String[] coordinates = driverArtifact().split(":");
        return "No JDBC driver on the class path accepts " + jdbcUrl + ": " + productName() + " needs "
                + driverArtifact() + "; add it to your build, e.g. <dependency><groupId>" + coordinates[0]
                + "</groupId><artifactId>" + coordinates[1] + "</artifactId></dependency> (runtime scope is enough;"
                + " Gradle: runtimeOnly(\"" + driverArtifact() + ":<version>\"))";
    }

    /** How values of every supported type are read and bound. */
    JdbcValues values();

    /**
     * The digits of a second's fraction this database keeps in time and timestamp columns: 9
     * (nanoseconds) or 6 (microseconds). Longer values are truncated before they are bound.
     */
    int timeFractionDigits();

    /**
     * {@code value} as this database stores it: a {@code LocalTime}, {@code LocalDateTime},
     * {@code Instant} or {@code OffsetDateTime} with more fraction digits than
     * {@link #timeFractionDigits()} truncated; any other value (and one already short enough) is
     * returned as it is, the same instance. Computed in Java, without asking the database.
     */
    default Object stored(Object value) {
        int digits = timeFractionDigits();
        if (digits >= 9 || !(value instanceof java.time.temporal.Temporal)) {
            return value;
        }
        java.time.temporal.ChronoUnit unit = digits >= 6 ? java.time.temporal.ChronoUnit.MICROS
                : digits >= 3 ? java.time.temporal.ChronoUnit.MILLIS : java.time.temporal.ChronoUnit.SECONDS;
        long step = unit.getDuration().toNanos();
        if (value instanceof java.time.LocalDateTime t) {
            return t.getNano() % step == 0 ? t : t.truncatedTo(unit);
        }
        if (value instanceof java.time.LocalTime t) {
            return t.getNano() % step == 0 ? t : t.truncatedTo(unit);
        }
        if (value instanceof java.time.Instant t) {
            return t.getNano() % step == 0 ? t : t.truncatedTo(unit);
        }
        if (value instanceof java.time.OffsetDateTime t) {
            return t.getNano() % step == 0 ? t : t.truncatedTo(unit);
        }
        return value;
    }

    /**
     * The row-limiting clause with {@code ?} placeholders (leading space included), empty when
     * neither is wanted. The limit is bound before the offset.
     */
    String limitOffset(boolean limit, boolean offset);

    /**
     * {@code expression} converted to a double-precision number: what {@code AVG} averages, so that
     * every database computes an average the same way (left alone they average integers to 4, 16
     * or no decimals).
     */
    String castToDouble(String expression);

    /**
     * A BigDecimal {@code column} as a number that {@code MIN}, {@code MAX} and {@code SUM} can
     * compare and add: the column itself, except where decimals are stored as text (SQLite).
     */
    String decimalArgument(String column);

    /**
     * The most values one statement may bind (its {@code ?} placeholders), as this database and
     * its driver allow. A query binding more is refused before it is sent.
     */
    int maxParameters();

    /**
     * {@code operand} (a column or a {@code ?}) as compared by {@code eq}, {@code ne} and {@code in}
     * on an {@code @Column(ignoreCase = true)} column. Unchanged where the column's own type or
     * collation already ignores case (H2 {@code VARCHAR_IGNORECASE}, SQLite {@code NOCASE}, a MariaDB
     * "_ci" collation); PostgreSQL has no such collation and compares {@code lower(...)} of both sides.
     */
    default String foldCase(String operand) {
        return operand;
    }

    /**
     * The SQL element type of an array parameter that carries keys of {@code keyType} (boxed), or
     * null where this database binds no arrays (or none of that type). With one, an eager load
     * binds all its keys as that one parameter ({@link #inKeyArray}), so its SQL text is the same
     * whatever their number and the database can keep it prepared; without, the keys go into
     * {@code IN (?, ...)}, padded to a few lengths for the same reason.
     */
    default String keyArrayType(Class<?> keyType) {
        return null;
    }

    /**
     * The condition that {@code column} (quoted, maybe qualified) equals an element of the one
     * array parameter {@link #keyArrayType} names.
     */
    default String inKeyArray(String column) {
        throw new UnsupportedOperationException(productName() + " binds no array of keys");
    }

    /**
     * Whether the keys of an array parameter are joined ({@link #joinKeyArray}) rather than
     * compared in the WHERE ({@link #inKeyArray}): for a database that tests {@code = ANY(?)}
     * against every element for every row.
     */
    default boolean joinsKeyArray() {
        return false;
    }

    /**
     * The join (leading space included) that keeps only the rows whose {@code column} equals an
     * element of the one array parameter, naming the array's rows {@code alias}. The keys are
     * distinct, so no row is read twice.
     */
    default String joinKeyArray(String column, String alias) {
        throw new UnsupportedOperationException(productName() + " joins no array of keys");
    }

    /**
     * The URL Limber connects with for {@code url}: the same, unless this database needs a setting
     * the URL leaves out (H2 gets {@code DATABASE_TO_LOWER=TRUE}, so plain lower-case SQL finds the
     * lower-case tables the generated schema creates). Every connection Limber opens goes through it.
     */
    default String connectionUrl(String url) {
        return url;
    }

    /** Driver properties and pool settings this database needs, applied once when an Engine starts. */
    void configure(HikariConfig config);

    /** Prepares an INSERT so that the value the database generates for {@code keyColumn} can be read back. */
    PreparedStatement prepareInsert(Connection connection, String sql, String keyColumn) throws SQLException;

    /**
     * Fails when a COMMIT on {@code connection} would not commit: called before committing a
     * transaction in which the caller ran statements Limber did not see (through
     * {@code Session.connection()}).
     */
    void checkCommittable(Connection connection) throws SQLException;

    /**
     * The keys the database generated for the {@code rows} rows of the batch {@code statement}
     * (prepared by {@link #prepareInsert}) just executed, in row order, as {@code keyType}; fewer
     * (or none) when the driver does not report them for a batch.
     */
    java.util.List<Object> batchKeys(PreparedStatement statement, int rows, Class<?> keyType) throws SQLException;

    /**
     * The driver's exception as a Limber one: a {@link dev.limber.database.ConstraintViolationException}
     * naming table and column where the driver tells them (using {@code model}, which may be null,
     * to name the column behind an index), else a {@link LimberException}; both carry {@code sql}.
     */
    LimberException translate(SQLException exception, String sql, ModelInfo<?> model);

    /**
     * {@link #translate(SQLException, String, ModelInfo)}, naming a violated foreign key from
     * {@code models} (which may be null) where the driver does not: SQLite's message names no
     * constraint, and a key that blocks a delete belongs to another model than the one deleted.
     */
    default LimberException translate(SQLException exception, String sql, ModelInfo<?> model, ModelRegistry models) {
        return translate(exception, sql, model);
    }

    /**
     * {@link #translate(SQLException, String, ModelInfo, ModelRegistry)} for a statement of a
     * session's transaction, where {@code midTransaction} tells whether statements of that
     * transaction ran before it. A failure that means the transaction lost a race with another one
     * (a deadlock, a serialization failure, SQLite's stale snapshot) becomes a
     * {@link dev.limber.database.TransactionConflictException}; SQLite tells that apart from an
     * ordinary busy timeout only by this context: SQLITE_BUSY on a transaction that has read
     * means its read transaction could not become a write one.
     */
    LimberException translate(SQLException exception, String sql, ModelInfo<?> model, ModelRegistry models,
            boolean midTransaction);

    /**
     * Whether {@code exception} says the connection itself broke (the server restarted or ended the
     * session, the network failed) rather than that a statement was refused: after such a failure
     * during COMMIT nobody on this side knows whether the transaction was committed.
     */
    boolean isConnectionLost(SQLException exception);

    /**
     * Limits how long one execution of {@code statement} may run to {@code seconds} (at least 1),
     * after which the database cancels it and the driver throws an exception that
     * {@link #isTimeout} recognises. Returns what to run once the execution returns, or null. Sets
     * the JDBC query timeout where the driver cancels a running statement with it (PostgreSQL,
     * MariaDB, H2); SQLite's only bounds the wait for a lock, so there a watchdog cancels the
     * statement.
     */
    default Runnable limitTime(Statement statement, int seconds) throws SQLException {
        statement.setQueryTimeout(seconds);
        return null;
    }

    /**
     * Whether {@code exception} says the server is read-only (a standby, or a demoted primary after
     * a failover) where a write was sent: PostgreSQL's SQLSTATE 25006, MariaDB's 1290 and 1792.
     * A connection that gets this answer on the primary's pool is taken out of the pool.
     */
    default boolean isReadOnlyServer(SQLException exception) {
        return "25006".equals(exception.getSQLState());
    }

    /**
     * Whether {@code exception} says that running the whole unit of work again may succeed: a
     * serialization failure or deadlock (and on MariaDB a Galera certification failure, error
     * 1213, and a node not ready for work, error 1047), as {@code RetryPolicy} retries them.
     */
    default boolean isRetryable(SQLException exception) {
        return false;
    }

    /**
     * The replication positions of this database, with which an engine knows whether a replica has
     * replayed a commit; null where it has no replicas to route to (H2, SQLite).
     */
    default ReplayPositions replayPositions() {
        return null;
    }

    /** Whether {@code exception} says a statement was cancelled, by its time limit or on request. */
    boolean isTimeout(SQLException exception);

    /**
     * The statements that make {@code column} of {@code table} (both unquoted) nullable or NOT
     * NULL in place; {@code sqlType} is the column's type in this database, which MariaDB's
     * {@code MODIFY COLUMN} must restate (and which replaces the whole column definition there,
     * defaults included). Empty when this database cannot change a column's nullability in place
     * (SQLite): the table has to be created anew and its rows copied.
     */
    java.util.List<String> alterNullability(String table, String column, String sqlType, boolean nullable);

    /**
     * The statements that change the type of {@code column} of {@code table} (both unquoted) to
     * {@code sqlType} in place, keeping it {@code nullable} or NOT NULL; empty when this database
     * cannot (SQLite). Existing values are converted by the database and may fail to convert.
     */
    java.util.List<String> alterType(String table, String column, String sqlType, boolean nullable);

    /**
     * The column constraint that makes a column reference {@code foreignKey}'s target, as a CREATE
     * TABLE or (on SQLite) an {@code ADD COLUMN} carries it:
     * {@code REFERENCES "authors" ("id") ON DELETE CASCADE}.
     */
    String references(dev.limber.database.ForeignKeyInfo foreignKey);

    /**
     * The statements that add {@code foreignKey} to the existing table {@code table} (unquoted);
     * empty when this database cannot add a constraint to an existing table (SQLite: there a new
     * column carries its {@link #references} clause, and an existing column needs the table rebuilt).
     */
    java.util.List<String> addForeignKey(String table, dev.limber.database.ForeignKeyInfo foreignKey);

    /**
     * The statements that drop the foreign-key constraint named {@code constraint} from
     * {@code table} (both unquoted); empty when this database cannot (SQLite).
     */
    java.util.List<String> dropForeignKey(String table, String constraint);

    /**
     * True when this database has partial indexes ({@code CREATE UNIQUE INDEX ... WHERE ...}); H2
     * and MariaDB have none, so a unique index that counts some rows only indexes generated columns
     * there ({@link dev.limber.database.IndexInfo#generatedColumns()}).
     */
    default boolean partialIndexes() {
        return true;
    }

    /**
     * The statement that drops index {@code index} of {@code table} (both unquoted):
     * {@code DROP INDEX "ix_loans_due_on"}; MariaDB names the table too.
     */
    default String dropIndex(String table, String index) {
        return "DROP INDEX " + quote(index);
    }

    /**
     * What ends a SELECT that locks the rows it reads until the transaction ends
     * ({@code Query.forUpdate()}): {@code " FOR UPDATE"}, or empty where the database has no row
     * locks and {@link #writeLock} takes the lock instead.
     */
    default String forUpdate() {
        return " FOR UPDATE";
    }

    /**
     * A statement that takes the database's write lock for the transaction before a
     * {@code forUpdate()} read, where {@link #forUpdate()} is empty (SQLite: a write that changes
     * no row of {@code table}, with {@code key} its quoted primary key); null where row locks serve.
     */
    default String writeLock(String quotedTable, String quotedKey) {
        return null;
    }

    /**
     * Statements run on the connection before {@code Engine.dropAll()} drops the tables (in reverse
     * dependency order), and {@link #afterDropTables()} the ones that undo them afterwards. Empty
     * where dropping in that order suffices.
     */
    default java.util.List<String> beforeDropTables() {
        return java.util.List.of();
    }

    /** Undoes {@link #beforeDropTables()}; run even when a drop failed. */
    default java.util.List<String> afterDropTables() {
        return java.util.List.of();
    }

    /** The dialect for a JDBC URL; MySQL URLs use the MariaDB dialect. */
    static Dialect fromUrl(String jdbcUrl) {
        if (jdbcUrl == null) {
            throw new IllegalArgumentException("JDBC URL is null; pass e.g. jdbc:h2:mem:app");
        }
        String url = jdbcUrl.toLowerCase(java.util.Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            return MARIADB;
        }
        throw new IllegalArgumentException("Unsupported JDBC URL " + jdbcUrl
                + "; Limber supports jdbc:h2:, jdbc:sqlite:, jdbc:postgresql:, jdbc:mariadb: and jdbc:mysql:");
    }

    /** The dialect named {@code name} (h2, sqlite, postgresql, mariadb). */
    static Dialect named(String name) {
        for (Dialect dialect : all()) {
            if (dialect.name().equals(name)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("Unknown dialect " + name + "; use one of h2, sqlite, postgresql, mariadb");
    }

    static java.util.List<Dialect> all() {
        return java.util.List.of(H2, SQLITE, POSTGRESQL, MARIADB);
    }
}
