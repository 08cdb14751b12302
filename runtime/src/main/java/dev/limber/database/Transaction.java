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

        /** The time limit of every statement in whole seconds ({@code Engine.builder().statementTimeout}), 0 for none. */
        default int statementTimeoutSeconds() {
            return 0;
        }

        /**
         * Whether sessions on these connections only read ({@code engine.read}): a write throws
         * before any SQL is sent, and a connection handed to the caller is set read-only.
         */
        default boolean readOnly() {
            return false;
        }

        /**
         * Called with the connection of a transaction that has just committed, back in auto-commit
         * and not yet returned to the pool, when {@link #tracksCommits()}: where an engine with
         * replicas reads the primary's log position for read-your-writes. Must not throw.
         */
        default void committed(Connection connection) {
        }

        /** Whether {@link #committed} wants to hear of commits. */
        default boolean tracksCommits() {
            return false;
        }
    }

    /** Binds the parameters of one statement. */
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;

        /** This statement's own time limit in whole seconds (0: none), or -1 for the engine's. */
        default int timeoutSeconds() {
            return -1;
        }
    }

    /** Reads one row. */
    interface RowReader<R> {
        R read(ResultSet resultSet) throws SQLException;
    }

    /** Takes one row, at the result set's current position. */
    interface RowSink {
        void accept(ResultSet resultSet) throws SQLException;
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
    /**
     * A statement found the connection lost ({@link Dialect#isConnectionLost}): the database ended
     * its transaction with it, and it must never reach a session again, whether or not the driver's
     * SQLSTATE is one HikariCP would evict for.
     */
    private boolean lost;
    private boolean exposed;
    private int savedIsolation;
    private boolean savedReadOnly;
    private boolean closed;
    private LimberException failedBy;
    /** A statement met a read-only server where the primary was expected: the connection leaves the pool at release. */
    private boolean readOnlyServer;
    /** The transaction just committed, for {@link ConnectionSource#committed} at release. */
    private boolean committedNow;
    /** Statements ran in the open transaction before the current one (which then reads from a snapshot). */
    private boolean midTransaction;
    private boolean statementsInTransaction;
    /** The savepoints of the open transaction that are neither released nor rolled back, oldest first. */
    private final List<Savepoint> savepoints = new ArrayList<>(2);
    /** Numbers savepoint names within the session, so that no two of one transaction share a name. */
    private int savepointNames;

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
        Connection c = inTransaction();
        statementStarts();
        if (!exposed) {
            try {
                savedIsolation = c.getTransactionIsolation();
                savedReadOnly = c.isReadOnly();
                if (source.readOnly() && !savedReadOnly) {
                    readOnlyHint(c);
                }
            } catch (SQLException e) {
                throw dialect.translate(e, null, null);
            }
            exposed = true;
        }
        return c;
    }

    /**
     * Marks the connection of a read session read-only, where the driver can (sqlite-jdbc fixes the
     * flag when it opens a connection): a second guard, after {@link #begin()}'s, for SQL the
     * caller runs on the connection itself.
     */
    private static void readOnlyHint(Connection c) {
        try {
            c.setReadOnly(true);
        } catch (SQLException ignored) {
            // the driver keeps the flag it opened with
        }
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
                throw failed(e, "COMMIT", null);
            }
            try {
                connection.commit();
            } catch (SQLException e) {
                if (dialect.isConnectionLost(e)) {
                    throw lostDuringCommit(e);
                }
                throw dialect.translate(e, "COMMIT", null);
            }
            committedNow = source.tracksCommits();
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
        lost = false;
        endSavepoints();
        discard(c, failure);
        return failure;
    }

    /** The transaction is over: its savepoints end with it, and the next statement starts a new one. */
    private void endSavepoints() {
        midTransaction = false;
        statementsInTransaction = false;
        for (Savepoint savepoint : savepoints) {
            savepoint.ended(Savepoint.State.ENDED_WITH_TRANSACTION);
        }
        savepoints.clear();
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

    /** Whether a pooled connection is borrowed now (read from another thread for messages only). */
    boolean holdsConnection() {
        return connection != null;
    }

    int update(String statement, ModelInfo<?> info, Binder binder) {
        Connection c = begin();
        Sql.log(statement);
        try (PreparedStatement ps = c.prepareStatement(statement)) {
            binder.bind(ps);
            Runnable timer = limitTime(ps, binder);
            try {
                return ps.executeUpdate();
            } finally {
                stop(timer);
            }
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
            try (ResultSet rs = executeQuery(ps, binder)) {
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
     * Hands every row of {@code statement} to {@code sink}, keeping none: for callers that file
     * rows as they come (eager loading), so that no list of them is built on the way.
     */
    void each(String statement, ModelInfo<?> info, Binder binder, RowSink sink) {
        Connection c = read();
        Sql.log(statement);
        try (PreparedStatement ps = c.prepareStatement(statement)) {
            binder.bind(ps);
            try (ResultSet rs = executeQuery(ps, binder)) {
                while (rs.next()) {
                    sink.accept(rs);
                }
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
            try (ResultSet rs = executeQuery(ps, null)) {
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
        Connection c = inTransaction();
        statementStarts();
        Sql.log(statement);
        PreparedStatement ps = null;
        try {
            ps = c.prepareStatement(statement);
            ps.setFetchSize(Cursor.FETCH_SIZE);
            binder.bind(ps);
            Cursor cursor = new Cursor(this, ps, executeQuery(ps, binder), statement, info);
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

    /**
     * Puts {@code statement}'s time limit on it (the binder's own, else the engine's); returns what
     * to {@link #stop} once its execution returns, or null.
     */
    Runnable limitTime(PreparedStatement statement, Binder binder) throws SQLException {
        int seconds = binder == null ? -1 : binder.timeoutSeconds();
        if (seconds < 0) {
            seconds = source.statementTimeoutSeconds();
        }
        return seconds > 0 ? dialect.limitTime(statement, seconds) : null;
    }

    /** {@code statement.executeQuery()} within its time limit. */
    private ResultSet executeQuery(PreparedStatement statement, Binder binder) throws SQLException {
        Runnable timer = limitTime(statement, binder);
        try {
            return statement.executeQuery();
        } finally {
            stop(timer);
        }
    }

    /**
     * A statement time limit in whole seconds, as JDBC counts them (a part of a second rounds up);
     * 0 for {@link java.time.Duration#ZERO}, no limit. {@code name} names the setting in the message.
     */
    static int seconds(java.time.Duration timeout, String name) {
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException(name + " must be zero (no limit) or positive, e.g."
                    + " Duration.ofSeconds(30) (was " + timeout + ")");
        }
        long seconds = timeout.getSeconds() + (timeout.getNano() > 0 ? 1 : 0);
        return (int) Math.min(seconds, Integer.MAX_VALUE);
    }

    static void stop(Runnable timer) {
        if (timer != null) {
            timer.run();
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
        LimberException failure = dialect.translate(e, statement, info, models, midTransaction);
        if (connection != null) {
            failedBy = failure;
            // a standby, or a primary demoted by a failover, behind the primary's URL: later
            // connections may reach the new primary, this one never will
            readOnlyServer |= !source.readOnly() && dialect.isReadOnlyServer(e);
            lost |= dialect.isConnectionLost(e);
        }
        return failure;
    }

    /** The failure that spoiled the transaction, until something rolls it back; else null. */
    LimberException failure() {
        return failedBy;
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

    /**
     * The connection for a write: borrowed if need be, in the transaction (begun now if none is).
     * In a session that only reads ({@link ConnectionSource#readOnly}) it throws instead, before
     * anything is sent.
     */
    Connection begin() {
        if (source.readOnly()) {
            throw new LimberException("This session only reads (it comes from engine.read, which may run it on a"
                    + " replica): it cannot write. Write in engine.transaction(s -> ...) or a session from"
                    + " engine.openSession(), on the primary");
        }
        Connection c = inTransaction();
        statementStarts();
        return c;
    }

    /** The connection, in the transaction (begun now if none is), for something that is not a statement. */
    private Connection inTransaction() {
        Connection c = connection != null ? usable() : acquire();
        if (!inTransaction) {
            startTransaction(c);
        }
        return c;
    }

    /** Notes that a statement is about to run: whether the transaction ran one before is what {@link #failed} tells. */
    private void statementStarts() {
        midTransaction = statementsInTransaction;
        statementsInTransaction = inTransaction;
    }

    /** A new savepoint in the transaction (begun now if none is); see {@link Session#savepoint()}. */
    Savepoint savepoint() {
        Connection c = inTransaction();
        String name = "limber_savepoint_" + ++savepointNames;
        try {
            Savepoint savepoint = new Savepoint(this, c.setSavepoint(name), name);
            savepoints.add(savepoint);
            return savepoint;
        } catch (SQLException e) {
            throw failed(e, "SAVEPOINT " + name, null);
        }
    }

    /** Releases {@code savepoint} (and those taken after it): their work stays in the transaction. */
    void release(Savepoint savepoint) {
        int index = active(savepoint, "release");
        if (failedBy != null) {
            throw new LimberException("Cannot release " + savepoint.name() + ": a statement failed since it was taken ("
                    + failedBy.getMessage() + "); roll back to it (savepoint.rollback(), or close() it) to undo that"
                    + " work and carry on", null, failedBy);
        }
        try {
            connection.releaseSavepoint(savepoint.jdbc());
        } catch (SQLException e) {
            throw failed(e, "RELEASE SAVEPOINT " + savepoint.name(), null);
        }
        end(index, Savepoint.State.RELEASED);
    }

    /**
     * Rolls back to {@code savepoint}, undoing the work since it was taken, and ends it (and those
     * taken after it). Clears a statement failure since then: every open savepoint was taken
     * before it, as a failed transaction takes no new ones. A conflict with another transaction
     * spoils the transaction as a whole (the database may have rolled all of it back) and is not
     * cleared.
     */
    void rollback(Savepoint savepoint) {
        int index = active(savepoint, "roll back to");
        if (failedBy instanceof TransactionConflictException) {
            throw new LimberException("Cannot roll back to " + savepoint.name() + ": the transaction lost a conflict"
                    + " with another one (" + failedBy.getMessage() + "), which spoils all of it; roll back the"
                    + " session and retry the unit of work", null, failedBy);
        }
        try {
            connection.rollback(savepoint.jdbc());
        } catch (SQLException e) {
            // e.g. the database ended the whole transaction on an error, and the savepoint with it
            LimberException failure = new LimberException("Could not roll back to " + savepoint.name() + " ("
                    + e.getMessage() + "); the database may have ended the transaction: call rollback() on the"
                    + " session and redo the work", "ROLLBACK TO SAVEPOINT " + savepoint.name(), e);
            if (failedBy == null) {
                failedBy = failure;
            }
            lost |= dialect.isConnectionLost(e);
            throw failure;
        }
        failedBy = null;
        end(index, Savepoint.State.ROLLED_BACK);
    }

    /** The position of {@code savepoint} among the open ones; throws when it has ended. */
    private int active(Savepoint savepoint, String action) {
        ensureOpen();
        int index = savepoints.indexOf(savepoint);
        if (index < 0) {
            throw new LimberException("Cannot " + action + " " + savepoint.name() + ": it " + savepoint.state().ended
                    + "; take a new one with session.savepoint()");
        }
        return index;
    }

    /** Ends the savepoints from {@code index} on: the one named, and the ones taken after it with it. */
    private void end(int index, Savepoint.State state) {
        for (int i = savepoints.size() - 1; i >= index; i--) {
            savepoints.remove(i).ended(i == index ? state : Savepoint.State.ENDED_WITH_OUTER);
        }
    }

    /**
     * Turns auto-commit off on {@code c}, which begins the transaction. When that fails (a BEGIN
     * that times out on another session's lock, as SQLite's BEGIN IMMEDIATE did before Limber's
     * transactions became DEFERRED) the driver may already report auto-commit off with no
     * transaction open: statements would then commit one by one and a rollback would
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
            Connection c = usable();
            statementStarts();
            return c;
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
        statementStarts();
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
                lost = false;
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
     * leak it into the next session. A lost connection is discarded without a word: its database
     * has already ended the transaction, so there is nothing to roll back and nothing to report.
     * After a commit nothing is thrown either: the work is committed, only the connection failed.
     */
    private void release(boolean rollback) {
        Connection c = connection;
        boolean ended = inTransaction;
        boolean committed = committedNow;
        connection = null;
        inTransaction = false;
        failedBy = null;
        committedNow = false;
        endSavepoints();
        if (stateUnknown || lost || readOnlyServer) {
            LimberException failure = new LimberException(lost ? "The connection was lost"
                    : stateUnknown ? "A transaction could not begin on this connection"
                    : "The connection reached a read-only server where the primary was expected");
            LOG.warn("Discarding a pooled connection: {}", failure.getMessage());
            stateUnknown = false;
            lost = false;
            readOnlyServer = false;
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
        if (committed && failure == null) {
            source.committed(c);
        }
        if (failure == null) {
            try {
                c.close();
                return;
            } catch (SQLException | RuntimeException e) {
                failure = new LimberException("Could not return the connection to the pool; it was discarded", null, e);
            }
        }
        LOG.warn("Discarding a pooled connection: {}", failure.getMessage(), failure.getCause());
        discard(c, failure);
        if (rollback) {
            throw failure;
        }
        // after a COMMIT the database acknowledged, the work is done whatever became of the connection
        // (a server that went down just then): failing here would have the caller redo committed work
    }

    @Override
    public String toString() {
        return closed ? "closed" : inTransaction ? "in transaction" : connection != null ? "reading" : "idle";
    }
}
