package dev.limber.database;

import dev.limber.database.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's hold on a pooled connection: borrowed at the first statement and put in a
 * transaction at the first write (or at the first statement, where reads must share one, see
 * {@link ConnectionSource#readsInAutoCommit}); given back, as it was found, at commit, rollback
 * or close. Runs statements and turns driver failures into Limber exceptions.
 */
final class Transaction {
    private static final Logger LOG = LoggerFactory.getLogger("dev.limber.database.session");

    /** Where a session gets its connection and where a broken one goes. */
    interface ConnectionSource {
        Connection acquire() throws SQLException;

        /** Takes {@code connection} out of the pool for good (it is closed, never handed out again). */
        default void discard(Connection connection) {
        }

        /**
         * Whether reads on {@code connection} may run in auto-commit until the first write: only
         * where a transaction would not change what they see (READ COMMITTED or weaker, where every
         * statement reads its own snapshot either way). Under REPEATABLE READ or SERIALIZABLE the
         * reads of a unit of work must share the transaction's snapshot.
         */
        default boolean readsInAutoCommit(Connection connection) throws SQLException {
            return false;
        }
    }

    /** Binds the parameters of one statement. */
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Reads one row. */
    interface RowReader<R> {
        R read(ResultSet resultSet) throws SQLException;
    }

    private final ConnectionSource source;
    private final Dialect dialect;
    private final ModelRegistry models;
    private final List<Cursor> cursors = new ArrayList<>();
    private Connection connection;
    /** Auto-commit is off on {@link #connection}: its statements belong to a transaction to end. */
    private boolean inTransaction;
    /** Beginning the transaction failed half-way: the connection's real state is unknown. */
    private boolean stateUnknown;
    private boolean exposed;
    private int savedIsolation;
    private boolean savedReadOnly;
    private boolean closed;
    private LimberException failedBy;

    Transaction(ConnectionSource source, Dialect dialect) {
        this(source, dialect, null);
    }

    /** {@code models} (may be null) name the foreign key a failed statement broke where the driver does not. */
    Transaction(ConnectionSource source, Dialect dialect, ModelRegistry models) {
        this.source = source;
        this.dialect = dialect;
        this.models = models;
    }

    /** The connection for a caller who may change its settings; they are put back on release. */
    Connection expose() {
        Connection c = begin();
        if (!exposed) {
            try {
                savedIsolation = c.getTransactionIsolation();
                savedReadOnly = c.isReadOnly();
            } catch (SQLException e) {
                throw dialect.translate(e, null, null);
            }
            exposed = true;
        }
        return c;
    }

    void commit() {
        ensureOpen();
        if (connection == null) {
            return;
        }
        if (failedBy != null) {
            throw new LimberException("Cannot commit: a statement of this transaction failed (" + failedBy.getMessage()
                    + "); call rollback() and redo the work", null, failedBy);
        }
        // a cursor does not outlive its transaction on every database (PostgreSQL drops it at COMMIT)
        closeCursors();
        if (inTransaction) {
            try {
                if (exposed) {
                    dialect.checkCommittable(connection); // the caller may have run a failing statement
                }
            } catch (SQLException e) {
                throw dialect.translate(e, "COMMIT", null);
            }
            try {
                connection.commit();
            } catch (SQLException e) {
                if (dialect.isConnectionLost(e)) {
                    throw lostDuringCommit(e);
                }
                throw dialect.translate(e, "COMMIT", null);
            }
        }
        release(false);
    }

    /**
     * The connection broke while COMMIT was under way: the server may have committed before it went,
     * so the failure must not read as a rollback (a caller's retry would write the work twice). The
     * connection is taken out of the pool; the session is left without one, ready for new work.
     */
    private CommitOutcomeUnknownException lostDuringCommit(SQLException e) {
        CommitOutcomeUnknownException failure = new CommitOutcomeUnknownException("The connection to "
                + dialect.productName() + " was lost during COMMIT (" + firstLine(e.getMessage()) + "): the"
                + " transaction may or may not have been committed. Do not simply redo the work: check whether its"
                + " changes are in the database first, or make the work idempotent", "COMMIT", e);
        Connection c = connection;
        connection = null;
        inTransaction = false;
        failedBy = null;
        discard(c, failure);
        return failure;
    }

    /** Takes {@code c} out of the pool for good and closes it, adding any failure to {@code failure}. */
    private void discard(Connection c, LimberException failure) {
        source.discard(c);
        try {
            c.close();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    void rollback() {
        ensureOpen();
        closeCursors();
        failedBy = null;
        if (connection != null) {
            release(true);
        }
    }

    /** Rolls back and gives the connection back; idempotent. */
    void close() {
        if (closed) {
            return;
        }
        closeCursors();
        closed = true;
        if (connection != null) {
            release(true);
        }
    }

    boolean isClosed() {
        return closed;
    }

    int update(String statement, ModelInfo<?> info, Binder binder) {
        Connection c = begin();
        Sql.log(statement);
        try (PreparedStatement ps = c.prepareStatement(statement)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failed(e, statement, info);
        }
    }

    /** Reads at most {@code max} rows (0: all). */
    <R> List<R> list(String statement, ModelInfo<?> info, Binder binder, RowReader<R> reader, int max) {
        return list(statement, info, binder, reader, max, max > 0 ? max : 16);
    }

    /**
     * Reads at most {@code max} rows (0: all) into a list presized to {@code capacity}, the number
     * of rows expected: growing from the default would copy the array a dozen times on the way to
     * a thousand rows.
     */
    <R> List<R> list(String statement, ModelInfo<?> info, Binder binder, RowReader<R> reader, int max, int capacity) {
        Connection c = read();
        Sql.log(statement);
        try (PreparedStatement ps = c.prepareStatement(statement)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<R> rows = new ArrayList<>(capacity);
                while ((max == 0 || rows.size() < max) && rs.next()) {
                    rows.add(reader.read(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw failed(e, statement, info);
        }
    }

    /**
     * The first row of a statement that binds one value (a lookup by key), or null when there is
     * none: {@code find}'s path, without a binder, a list or a row limit to track.
     */
    <R> R first(String statement, ModelInfo<?> info, Object value, Class<?> type, RowReader<R> reader) {
        Connection c = read();
        Sql.log(statement);
        try (PreparedStatement ps = c.prepareStatement(statement)) {
            dialect.values().set(ps, 1, value, type);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? reader.read(rs) : null;
            }
        } catch (SQLException e) {
            throw failed(e, statement, info);
        }
    }

    /**
     * An open cursor; the session keeps its connection until the cursor is closed. It runs in the
     * transaction (begun now if need be): PostgreSQL fetches rows in batches only outside
     * auto-commit, and would otherwise read the whole result into memory.
     */
    Cursor open(String statement, ModelInfo<?> info, Binder binder) {
        Connection c = begin();
        Sql.log(statement);
        PreparedStatement ps = null;
        try {
            ps = c.prepareStatement(statement);
            ps.setFetchSize(Cursor.FETCH_SIZE);
            binder.bind(ps);
            Cursor cursor = new Cursor(this, ps, ps.executeQuery(), statement, info);
            cursors.add(cursor);
            return cursor;
        } catch (SQLException e) {
            if (ps != null) {
                try {
                    ps.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw failed(e, statement, info);
        }
    }

    void closed(Cursor cursor) {
        cursors.remove(cursor);
    }

    /**
     * Translates a failed statement and marks the transaction failed: PostgreSQL refuses every
     * further statement of a transaction after an error, so Limber asks the same everywhere
     * (as SQLAlchemy does after a failed flush): roll back, then carry on.
     */
    LimberException failed(SQLException e, String statement, ModelInfo<?> info) {
        LimberException failure = dialect.translate(e, statement, info, models);
        if (connection != null) {
            failedBy = failure;
        }
        return failure;
    }

    private void closeCursors() {
        for (AutoCloseable cursor : new ArrayList<>(cursors)) {
            try {
                cursor.close();
            } catch (Exception ignored) {
                // the connection is rolled back and returned next; a cursor that fails to close is moot
            }
        }
        cursors.clear();
    }

    private void ensureOpen() {
        if (closed) {
            throw new LimberException("Session is closed; open a new one with engine.openSession()");
        }
    }

    /** The connection for a write: borrowed if need be, in the transaction (begun now if none is). */
    Connection begin() {
        Connection c = connection != null ? usable() : acquire();
        if (!inTransaction) {
            startTransaction(c);
        }
        return c;
    }

    /**
     * Turns auto-commit off on {@code c}, which begins the transaction. When that fails (SQLite's
     * BEGIN IMMEDIATE timing out on another session's lock) the driver may already report auto-commit
     * off with no transaction open: statements would then commit one by one and a rollback would
     * fail. Nothing about the connection can be trusted, so it leaves the pool at release.
     */
    private void startTransaction(Connection c) {
        try {
            c.setAutoCommit(false);
        } catch (SQLException | RuntimeException e) {
            stateUnknown = true;
            throw e instanceof SQLException sql ? failed(sql, null, null)
                    : new LimberException("Could not begin a transaction: " + e.getMessage(), e);
        }
        inTransaction = true;
    }

    /**
     * The connection for a read: borrowed if need be and, where reads may run in auto-commit
     * ({@link ConnectionSource#readsInAutoCommit}), left there until the first write; saves the
     * round trips of a transaction that would only be rolled back.
     */
    Connection read() {
        if (connection != null) {
            return usable();
        }
        Connection c = acquire();
        boolean autoCommitReads;
        try {
            autoCommitReads = source.readsInAutoCommit(c);
        } catch (SQLException e) {
            throw failed(e, null, null);
        }
        if (!autoCommitReads) {
            startTransaction(c);
        }
        return c;
    }

    /** The connection held, unless the session is closed or a failed statement awaits rollback(). */
    private Connection usable() {
        ensureOpen();
        if (failedBy != null) {
            throw new LimberException("A statement of this session's transaction failed (" + failedBy.getMessage()
                    + "); call rollback() before running more statements", null, failedBy);
        }
        return connection;
    }

    /**
     * Borrows a connection from the pool, in auto-commit as the pool keeps them. One that is not (a
     * connection whose state a failure left wrong, whatever path it came back by) is never taken
     * to be "in a transaction already": it is taken out of the pool and another one borrowed.
     */
    private Connection acquire() {
        ensureOpen();
        for (int attempt = 1; ; attempt++) {
            Connection c;
            try {
                c = source.acquire();
            } catch (SQLException e) {
                throw new LimberException("Could not get a connection from the pool: " + e.getMessage()
                        + "; are sessions being closed? (engine.openSession() in try-with-resources)", e);
            }
            boolean autoCommit;
            try {
                autoCommit = c.getAutoCommit();
            } catch (SQLException e) {
                LimberException failure = dialect.translate(e, null, null);
                discard(c, failure);
                throw failure;
            }
            if (autoCommit) {
                inTransaction = false;
                stateUnknown = false;
                exposed = false;
                connection = c;
                return c;
            }
            LimberException dirty = new LimberException("The pool handed out a connection with auto-commit off");
            LOG.warn("Discarding a pooled connection that was not in auto-commit mode (attempt {})", attempt);
            discard(c, dirty);
            if (attempt == 3) {
                throw dirty;
            }
        }
    }

    /**
     * Ends the session's hold on its connection: rolls back if asked, puts back auto-commit (and
     * isolation and read-only, when the caller had the connection), and returns it to the pool.
     * A connection whose rollback or reset fails is discarded from the pool instead: turning
     * auto-commit back on would commit the half-done transaction, and handing it out again would
     * leak it into the next session.
     */
    private void release(boolean rollback) {
        Connection c = connection;
        boolean ended = inTransaction;
        connection = null;
        inTransaction = false;
        failedBy = null;
        if (stateUnknown) {
            stateUnknown = false;
            LimberException failure = new LimberException("A transaction could not begin on this connection");
            LOG.warn("Discarding a pooled connection whose transaction could not begin");
            discard(c, failure);
            return;
        }
        LimberException failure = null;
        if (rollback && ended) {
            try {
                c.rollback();
            } catch (SQLException | RuntimeException e) {
                failure = new LimberException("Rollback failed; the connection was discarded from the pool", null, e);
            }
        }
        if (failure == null) {
            try {
                if (exposed) {
                    if (c.getTransactionIsolation() != savedIsolation) {
                        c.setTransactionIsolation(savedIsolation);
                    }
                    if (c.isReadOnly() != savedReadOnly) {
                        c.setReadOnly(savedReadOnly);
                    }
                }
                if (ended) {
                    c.setAutoCommit(true);
                }
            } catch (SQLException | RuntimeException e) {
                failure = new LimberException("Could not reset the connection; it was discarded from the pool", null, e);
            }
        }
        if (failure != null) {
            LOG.warn("Discarding a pooled connection: {}", failure.getMessage(), failure.getCause());
            source.discard(c);
        }
        try {
            c.close();
        } catch (SQLException | RuntimeException e) {
            if (failure == null) {
                failure = new LimberException("Could not return the connection to the pool", null, e);
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return closed ? "closed" : inTransaction ? "in transaction" : connection != null ? "reading" : "idle";
    }
}
