package dev.limber.database;

import dev.limber.database.dialect.Dialect;
import dev.limber.database.mapping.JdbcValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A unit of work on one pooled connection. Statements run at once, inside a transaction that
 * begins at the first statement; {@link #commit()} makes them durable and {@link #close()}
 * without a commit rolls them back, as a SQLAlchemy session does. After a commit or rollback the
 * connection goes back to the pool and the next statement starts a new transaction.
 *
 * <p>Not thread-safe: one session per thread of work. Close it (try-with-resources).
 */
public final class Session implements AutoCloseable {

    /** Where a session gets its connection and where a broken one goes. */
    interface ConnectionSource {
        Connection acquire() throws SQLException;

        /** Takes {@code connection} out of the pool for good (it is closed, never handed out again). */
        default void discard(Connection connection) {
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

    private final Engine engine;
    private final ConnectionSource source;
    private final Dialect dialect;
    private final JdbcValues values;
    private final List<AutoCloseable> cursors = new ArrayList<>();
    private Connection connection;
    private boolean savedAutoCommit;
    private boolean exposed;
    private int savedIsolation;
    private boolean savedReadOnly;
    private boolean closed;
    private LimberException failedBy;

    Session(Engine engine, ConnectionSource source) {
        this.engine = engine;
        this.source = source;
        this.dialect = engine.dialect();
        this.values = dialect.values();
    }

    /** The session's connection, in its transaction (begun now if none is open). Do not close it. */
    public Connection connection() {
        Connection c = begin();
        if (!exposed) {
            // the caller may change these; remember them so close() can put them back
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

    /** Inserts {@code model}; returns it with its generated id (a new instance for a record). */
    public <T> T insert(T model) {
        ModelSql<T> m = sql(model);
        T row = withInitialVersion(m, model);
        boolean generate = m.generatesKey(row);
        String statement = generate ? m.insertGenerated : m.insertAll;
        int[] columns = generate ? m.insertGeneratedColumns : m.insertAllColumns;
        Connection c = begin();
        Sql.log(statement);
        try (PreparedStatement ps = generate
                ? dialect.prepareInsert(c, statement, m.info.primaryKey().name())
                : c.prepareStatement(statement)) {
            m.mapper.bind(ps, 1, row, columns, values);
            ps.executeUpdate();
            if (generate) {
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new LimberException("The driver returned no generated key for " + m.info.table(),
                                statement, null);
                    }
                    row = m.mapper.with(row, m.pk, values.get(keys, 1, m.pkType));
                }
            }
            return row;
        } catch (SQLException e) {
            throw failed(e, statement, m.info);
        }
    }

    /**
     * Inserts every model with one JDBC batch per table. Returns the models in order, with their
     * generated ids where the driver reports them for a batch (new instances for records).
     */
    public <T> List<T> insertAll(Collection<T> models) {
        List<T> rows = new ArrayList<>(models.size());
        // group by statement so each table (and key strategy) is one batch
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        Map<String, ModelSql<T>> groupSql = new LinkedHashMap<>();
        for (T model : models) {
            ModelSql<T> m = sql(model);
            T row = withInitialVersion(m, model);
            String statement = m.generatesKey(row) ? m.insertGenerated : m.insertAll;
            groups.computeIfAbsent(statement, k -> new ArrayList<>()).add(rows.size());
            groupSql.put(statement, m);
            rows.add(row);
        }
        Connection c = begin();
        for (Map.Entry<String, List<Integer>> group : groups.entrySet()) {
            String statement = group.getKey();
            ModelSql<T> m = groupSql.get(statement);
            boolean generate = statement == m.insertGenerated;
            int[] columns = generate ? m.insertGeneratedColumns : m.insertAllColumns;
            Sql.log(statement);
            try (PreparedStatement ps = generate
                    ? dialect.prepareInsert(c, statement, m.info.primaryKey().name())
                    : c.prepareStatement(statement)) {
                for (int index : group.getValue()) {
                    m.mapper.bind(ps, 1, rows.get(index), columns, values);
                    ps.addBatch();
                }
                ps.executeBatch();
                if (generate) {
                    List<Object> keys = dialect.batchKeys(ps, group.getValue().size(), m.pkType);
                    // only a full set of keys can be matched to the models, in order
                    if (keys.size() == group.getValue().size()) {
                        for (int k = 0; k < keys.size(); k++) {
                            int index = group.getValue().get(k);
                            rows.set(index, m.mapper.with(rows.get(index), m.pk, keys.get(k)));
                        }
                    }
                }
            } catch (SQLException e) {
                throw failed(e, statement, m.info);
            }
        }
        return rows;
    }

    /** The live row with {@code id}, or empty (also when it is soft-deleted). */
    public <T> Optional<T> find(Class<T> type, Object id) {
        ModelSql<T> m = engine.sql(type);
        Object key = m.key(id);
        List<T> rows = list(m.findLive, m.info, ps -> values.set(ps, 1, key, m.pkType), rs -> m.mapper.read(rs, values), 2);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** The live row with {@code id}; {@link NotFoundException} if there is none or it is soft-deleted. */
    public <T> T get(Class<T> type, Object id) {
        return find(type, id).orElseThrow(() -> {
            ModelSql<T> m = engine.sql(type);
            return new NotFoundException("No " + m.describe(id) + (m.live == null ? "" : " among live rows (a soft-deleted"
                    + " row is found with query(" + type.getSimpleName() + ".class).withTrashed())"), m.findLive, null);
        });
    }

    /**
     * Writes every column of {@code model} to its row, by primary key. With a {@code @Version}
     * column, only if the row still has the model's version, which is then incremented (in the
     * returned model); otherwise {@link StaleObjectException}. A soft-deleted row is not updated.
     */
    public <T> T update(T model) {
        ModelSql<T> m = sql(model);
        Object id = m.key(m.mapper.get(model, m.pk));
        Object oldVersion = m.version < 0 ? null : m.mapper.get(model, m.version);
        if (m.version >= 0 && oldVersion == null) {
            throw new MappingException("The version of " + m.describe(id) + " is null; update a model read from the"
                    + " database");
        }
        Object newVersion = m.version < 0 ? null : m.nextVersion(oldVersion);
        int count = update(m.update, m.info, ps -> {
            int next = m.mapper.bind(ps, 1, model, m.updateColumns, values);
            if (m.version >= 0) {
                values.set(ps, next++, newVersion, m.versionType);
            }
            values.set(ps, next++, id, m.pkType);
            if (m.version >= 0) {
                values.set(ps, next, oldVersion, m.versionType);
            }
        });
        if (count == 0) {
            if (m.version >= 0) {
                throw new StaleObjectException(m.describe(id) + " was changed or deleted by another session since it"
                        + " was read (expected version " + oldVersion + "); read it again and reapply the change",
                        m.update, null);
            }
            throw new NotFoundException("No live " + m.describe(id) + " to update", m.update, null);
        }
        return m.version < 0 ? model : m.mapper.with(model, m.version, newVersion);
    }

    /**
     * Deletes {@code model}'s row: for a soft-delete model stamps {@code deleted_at} with the
     * engine clock (a row already deleted keeps its first stamp) and returns the model with the
     * stamp (a new instance for a record); otherwise DELETEs the row.
     */
    public <T> T delete(T model) {
        ModelSql<T> m = sql(model);
        if (m.softDelete == null) {
            forceDelete(model);
            return model;
        }
        Object id = m.key(m.mapper.get(model, m.pk));
        Object stamp = m.stamp(engine.clock());
        int count = update(m.softDelete, m.info, ps -> {
            values.set(ps, 1, stamp, m.deletedAtType);
            values.set(ps, 2, id, m.pkType);
        });
        if (count == 1) {
            return m.mapper.with(model, m.deletedAt, stamp);
        }
        List<Object> first = list(m.selectDeletedAt, m.info, ps -> values.set(ps, 1, id, m.pkType),
                rs -> values.get(rs, 1, m.deletedAtType), 2);
        if (first.isEmpty()) {
            throw new NotFoundException("No " + m.describe(id) + " to delete", m.softDelete, null);
        }
        return m.mapper.with(model, m.deletedAt, first.get(0));
    }

    /** DELETEs {@code model}'s row, soft-delete model or not. */
    public <T> void forceDelete(T model) {
        ModelSql<T> m = sql(model);
        Object id = m.key(m.mapper.get(model, m.pk));
        if (update(m.delete, m.info, ps -> values.set(ps, 1, id, m.pkType)) == 0) {
            throw new NotFoundException("No " + m.describe(id) + " to delete", m.delete, null);
        }
    }

    /**
     * Brings a soft-deleted row back ({@code deleted_at} to NULL); returns the model without its
     * stamp. Fails with a {@link ConstraintViolationException} when a live row has taken one of
     * its unique values meanwhile.
     */
    public <T> T restore(T model) {
        ModelSql<T> m = sql(model);
        if (m.restore == null) {
            throw new MappingException(m.info.type().getSimpleName() + " is not a soft-delete model; restore() needs"
                    + " @Model(softDelete = true)");
        }
        Object id = m.key(m.mapper.get(model, m.pk));
        int count;
        try {
            count = update(m.restore, m.info, ps -> values.set(ps, 1, id, m.pkType));
        } catch (ConstraintViolationException e) {
            throw new ConstraintViolationException("Cannot restore " + m.describe(id) + ": a live row now holds its"
                    + " unique " + (e.column() == null ? "value" : e.column() + " value") + "; change or delete that"
                    + " row first, or change this one's value and update it before restoring", e.table(), e.column(),
                    m.restore, e.getCause());
        }
        if (count == 0) {
            throw new NotFoundException("No " + m.describe(id) + " to restore", m.restore, null);
        }
        return m.mapper.with(model, m.deletedAt, null);
    }

    /** A query over {@code type}'s live rows. */
    public <T> Query<T> query(Class<T> type) {
        return new Query<>(this, engine.sql(type));
    }

    /**
     * Commits the transaction, if one is open, and returns the connection to the pool. Streams
     * still open on this session are closed first.
     */
    public void commit() {
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
        try {
            connection.commit();
        } catch (SQLException e) {
            throw dialect.translate(e, "COMMIT", null);
        }
        release(false);
    }

    /** Rolls back the transaction, if one is open, closes open streams and returns the connection to the pool. */
    public void rollback() {
        ensureOpen();
        closeCursors();
        failedBy = null;
        if (connection != null) {
            release(true);
        }
    }

    /** Rolls back whatever was not committed and returns the connection; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeCursors();
        if (connection != null) {
            release(true);
        }
    }

    public boolean isClosed() {
        return closed;
    }

    // --- statement plumbing, shared with Query ---

    Engine engine() {
        return engine;
    }

    JdbcValues values() {
        return values;
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
        Connection c = begin();
        Sql.log(statement);
        try (PreparedStatement ps = c.prepareStatement(statement)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<R> rows = new ArrayList<>();
                while ((max == 0 || rows.size() < max) && rs.next()) {
                    rows.add(reader.read(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw failed(e, statement, info);
        }
    }

    /** An open cursor; the session keeps its connection until the cursor is closed. */
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
        LimberException failure = dialect.translate(e, statement, info);
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

    @SuppressWarnings("unchecked")
    private <T> ModelSql<T> sql(T model) {
        if (model == null) {
            throw new MappingException("model is null");
        }
        return engine.sql((Class<T>) model.getClass());
    }

    private static <T> T withInitialVersion(ModelSql<T> m, T model) {
        if (m.version >= 0 && m.mapper.get(model, m.version) == null) {
            return m.mapper.with(model, m.version, m.initialVersion());
        }
        return model;
    }

    private void ensureOpen() {
        if (closed) {
            throw new LimberException("Session is closed; open a new one with engine.openSession()");
        }
    }

    /** The connection, borrowed and put in a transaction at the first statement. */
    private Connection begin() {
        ensureOpen();
        if (failedBy != null) {
            throw new LimberException("A statement of this session's transaction failed (" + failedBy.getMessage()
                    + "); call rollback() before running more statements", null, failedBy);
        }
        if (connection != null) {
            return connection;
        }
        Connection c;
        try {
            c = source.acquire();
        } catch (SQLException e) {
            throw new LimberException("Could not get a connection from the pool: " + e.getMessage()
                    + "; are sessions being closed? (engine.openSession() in try-with-resources)", e);
        }
        try {
            savedAutoCommit = c.getAutoCommit();
            if (savedAutoCommit) {
                c.setAutoCommit(false);
            }
        } catch (SQLException e) {
            LimberException failure = dialect.translate(e, null, null);
            source.discard(c);
            try {
                c.close();
            } catch (SQLException suppressed) {
                failure.addSuppressed(suppressed);
            }
            throw failure;
        }
        exposed = false;
        connection = c;
        return c;
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
        connection = null;
        failedBy = null;
        LimberException failure = null;
        if (rollback) {
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
                if (c.getAutoCommit() != savedAutoCommit) {
                    c.setAutoCommit(savedAutoCommit);
                }
            } catch (SQLException | RuntimeException e) {
                failure = new LimberException("Could not reset the connection; it was discarded from the pool", null, e);
            }
        }
        if (failure != null) {
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
        return "Session[" + dialect.name() + (closed ? ", closed" : connection != null ? ", in transaction" : "") + "]";
    }
}
