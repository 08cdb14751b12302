package dev.limber.database;

import dev.limber.database.dialect.Dialect;
import dev.limber.database.mapping.JdbcValues;
import dev.limber.database.query.Property;
import dev.limber.database.query.Relation;
import dev.limber.database.query.ToMany;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A unit of work on one pooled connection, borrowed at the first statement. Statements run at
 * once, inside the session's transaction; {@link #commit()} makes them durable and {@link #close()}
 * without a commit rolls them back, as a SQLAlchemy session does. After a commit or rollback the
 * connection goes back to the pool and the next statement starts afresh.
 *
 * <p>When the transaction begins depends on the isolation level of the engine's connections
 * ({@link Engine.Builder#isolation}, READ COMMITTED by default). At READ COMMITTED every statement
 * sees the data committed when it starts, in a transaction or not, so reads before the first write
 * run in auto-commit and the transaction begins at the first write (or at {@link #connection()},
 * a stream or a {@link #savepoint()}): a session that only reads costs no BEGIN and no ROLLBACK.
 * At REPEATABLE READ or SERIALIZABLE the reads of a unit of work share one snapshot, so the
 * transaction begins at the first statement.
 *
 * <p>When a statement fails, the transaction is done for: PostgreSQL refuses anything but a
 * rollback after an error, and Limber asks the same on every database, so the next statement or
 * {@link #commit()} throws until {@link #rollback()} is called, or until a {@link Savepoint}
 * taken before the failure is rolled back to.
 *
 * <p>On SQLite transactions begin DEFERRED: a session takes a read snapshot at its first read in
 * a transaction and the database's write lock at its first write, holding the lock until it
 * commits, rolls back or closes. Sessions that only read never wait; a session that writes waits
 * for another's write lock (up to the busy timeout), so do not write from two sessions open at
 * once on one thread. A session that has read in its transaction and then writes after another
 * session's write fails at once with a {@link TransactionConflictException} (a
 * {@link StaleObjectException} for a {@code @Version} model): roll back and retry.
 *
 * <p>Not thread-safe: one session per thread of work. Close it (try-with-resources).
 */
public final class Session implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("dev.limber.database.session");

    private final Engine engine;
    private final Dialect dialect;
    private final JdbcValues values;
    private final Transaction tx;
    /** This session among the engine's open ones; reports it if it is dropped without close(). */
    private final OpenSessions.Entry open;

    Session(Engine engine, Transaction.ConnectionSource source) {
        this.engine = engine;
        this.dialect = engine.dialect();
        this.values = dialect.values();
        this.tx = new Transaction(source, dialect, engine.registry());
        this.open = engine.openSessions().opened(this, tx);
    }

    /** The session's connection, in its transaction (begun now if none is open). Do not close it. */
    public Connection connection() {
        return tx.expose();
    }

    /** Inserts {@code model}; returns it with its generated id (a new instance for a record). */
    public <T> T insert(T model) {
        ModelSql<T> m = sql(model);
        T row = withInitialVersion(m, model);
        boolean generate = m.generatesKey(row);
        String statement = generate ? m.insertGenerated : m.insertAll;
        int[] columns = generate ? m.insertGeneratedColumns : m.insertAllColumns;
        m.checkWrite(row, columns);
        Connection c = tx.begin();
        Sql.log(statement);
        try (PreparedStatement ps = prepareInsert(c, m, statement, generate)) {
            m.mapper.bind(ps, 1, row, columns, values);
            execute(ps, false);
            row = m.stored(row, columns);
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
            throw tx.failed(e, statement, m.info);
        }
    }

    /**
     * Inserts every model with one JDBC batch per table. Returns the models in order, with their
     * generated ids where the driver reports them for a batch (new instances for records).
     */
    public <T> List<T> insertAll(Collection<T> models) {
        ModelSql<T> uniform = uniform(models);
        if (uniform != null) {
            return insertBatch(uniform, models);
        }
        List<T> rows = new ArrayList<>(models.size());
        // one batch per statement: per table, and per key strategy (generated or given)
        Map<String, Batch<T>> batches = new LinkedHashMap<>();
        for (T model : models) {
            ModelSql<T> m = sql(model);
            T row = withInitialVersion(m, model);
            boolean generate = m.generatesKey(row);
            m.checkWrite(row, generate ? m.insertGeneratedColumns : m.insertAllColumns);
            batches.computeIfAbsent(generate ? m.insertGenerated : m.insertAll, k -> new Batch<>(m, generate))
                    .rows.add(rows.size());
            rows.add(row);
        }
        Connection c = tx.begin();
        for (Map.Entry<String, Batch<T>> entry : batches.entrySet()) {
            String statement = entry.getKey();
            Batch<T> batch = entry.getValue();
            ModelSql<T> m = batch.sql;
            int[] columns = batch.generate ? m.insertGeneratedColumns : m.insertAllColumns;
            Sql.log(statement);
            try (PreparedStatement ps = prepareInsert(c, m, statement, batch.generate)) {
                for (int index : batch.rows) {
                    m.mapper.bind(ps, 1, rows.get(index), columns, values);
                    ps.addBatch();
                }
                execute(ps, true);
                for (int index : batch.rows) {
                    rows.set(index, m.stored(rows.get(index), columns));
                }
                if (batch.generate) {
                    List<Object> keys = dialect.batchKeys(ps, batch.rows.size(), m.pkType);
                    // only a full set of keys can be matched to the models, in order
                    if (keys.size() == batch.rows.size()) {
                        for (int k = 0; k < keys.size(); k++) {
                            int index = batch.rows.get(k);
                            rows.set(index, m.mapper.with(rows.get(index), m.pk, keys.get(k)));
                        }
                    }
                }
            } catch (SQLException e) {
                throw tx.failed(e, statement, m.info);
            }
        }
        return rows;
    }

    /**
     * The statements of the models' class when every model is of that one class and takes the
     * same key strategy (the usual batch), else null: such a batch needs no grouping.
     */
    private <T> ModelSql<T> uniform(Collection<T> models) {
        if (models.isEmpty()) {
            return null;
        }
        T first = models.iterator().next();
        if (first == null) {
            return null;
        }
        ModelSql<T> m = sql(first);
        Class<?> type = first.getClass();
        boolean generate = m.generatesKey(first);
        for (T model : models) {
            if (model == null || model.getClass() != type || m.generatesKey(model) != generate) {
                return null;
            }
        }
        return m;
    }

    /** insertAll of models that are all of {@code m}'s class and one key strategy: one batch, in order. */
    private <T> List<T> insertBatch(ModelSql<T> m, Collection<T> models) {
        List<T> rows = new ArrayList<>(models.size());
        for (T model : models) {
            rows.add(withInitialVersion(m, model));
        }
        boolean generate = m.generatesKey(rows.get(0));
        String statement = generate ? m.insertGenerated : m.insertAll;
        int[] columns = generate ? m.insertGeneratedColumns : m.insertAllColumns;
        for (T row : rows) {
            m.checkWrite(row, columns);
        }
        Connection c = tx.begin();
        Sql.log(statement);
        try (PreparedStatement ps = prepareInsert(c, m, statement, generate)) {
            for (T row : rows) {
                m.mapper.bind(ps, 1, row, columns, values);
                ps.addBatch();
            }
            execute(ps, true);
            rows.replaceAll(row -> m.stored(row, columns));
            if (generate) {
                List<Object> keys = dialect.batchKeys(ps, rows.size(), m.pkType);
                // only a full set of keys can be matched to the models, in order
                if (keys.size() == rows.size()) {
                    for (int k = 0; k < keys.size(); k++) {
                        rows.set(k, m.mapper.with(rows.get(k), m.pk, keys.get(k)));
                    }
                }
            }
            return rows;
        } catch (SQLException e) {
            throw tx.failed(e, statement, m.info);
        }
    }

    /** Runs an INSERT (a batch when {@code batch}) within the engine's statement time limit. */
    private void execute(PreparedStatement ps, boolean batch) throws SQLException {
        Runnable timer = tx.limitTime(ps, null);
        try {
            if (batch) {
                ps.executeBatch();
            } else {
                ps.executeUpdate();
            }
        } finally {
            Transaction.stop(timer);
        }
    }

    /** An INSERT of {@code m}'s, prepared to hand back the generated key when {@code generate}. */
    private PreparedStatement prepareInsert(Connection c, ModelSql<?> m, String statement, boolean generate)
            throws SQLException {
        return generate
                ? dialect.prepareInsert(c, statement, m.info.primaryKey().name())
                : c.prepareStatement(statement);
    }

    /** The rows (positions in the caller's collection) that go into one batched INSERT. */
    private static final class Batch<T> {
        final ModelSql<T> sql;
        final boolean generate;
        final List<Integer> rows = new ArrayList<>();

        Batch(ModelSql<T> sql, boolean generate) {
            this.sql = sql;
            this.generate = generate;
        }
    }

    /** The live row with {@code id}, or empty (also when it is soft-deleted). */
    public <T> Optional<T> find(Class<T> type, Object id) {
        ModelSql<T> m = engine.sql(type);
        return Optional.ofNullable(tx.first(m.findLive, m.info, m.key(id), m.pkType, m.reader));
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
     * Writes the columns of {@code model} to its row, by primary key: every column but the key,
     * the version and {@code deleted_at} (which {@link #delete} and {@link #restore} own). With a {@code @Version}
     * column, only if the row still has the model's version, which is then incremented (in the
     * returned model); otherwise {@link StaleObjectException}. A soft-deleted row is not updated.
     */
    public <T> T update(T model) {
        ModelSql<T> m = sql(model);
        return update(m, model, m.update, m.updateColumns);
    }

    /**
     * Writes only the named columns of {@code model} to its row, by primary key, with the
     * {@code @Version} check and increment of {@link #update(Object)}: no other column is written,
     * so sessions that update different columns of one row keep each other's changes (without
     * {@code @Version}; with it, the second one is stale as with any update). The SQL of each set of
     * columns is rendered once and reused.
     *
     * <pre>{@code
     * session.update(book, Book_.title, Book_.pages);
     * // UPDATE "books" SET "title" = ?, "pages" = ?, "version" = ? WHERE "id" = ? AND "version" = ?
     * }</pre>
     *
     * @throws MappingException when no property is named, or one is not a column of the model's own
     *     (another model's, or one reached through a relation), or is the primary key, the version
     *     or {@code deleted_at}
     */
    @SafeVarargs
    public final <T> T update(T model, Property<T, ?>... properties) {
        ModelSql<T> m = sql(model);
        String type = m.info.type().getSimpleName();
        if (properties == null || properties.length == 0) {
            throw new MappingException("update(" + type + ", properties...) names no column to write; name them, e.g."
                    + " update(model, " + type + "_.<field>), or call update(model) to write every column");
        }
        BitSet columns = new BitSet(m.quoted.length);
        for (Property<T, ?> property : properties) {
            columns.set(updatable(m, property));
        }
        ModelSql.PartialUpdate partial = m.partialUpdate(columns);
        return update(m, model, partial.sql(), partial.columns());
    }

    /** The position of {@code property}'s column, after checking that update(model, properties) may write it. */
    private static int updatable(ModelSql<?> m, Property<?, ?> property) {
        String type = m.info.type().getSimpleName();
        if (property == null) {
            throw new MappingException("update(" + type + ", properties...) was given a null property");
        }
        int index = property.path().isEmpty() ? m.position(property) : -1;
        if (index < 0) {
            throw new MappingException(property + " is not a column of " + type + " (it belongs to "
                    + property.owner().getSimpleName() + "); update(model, properties...) writes the model's own"
                    + " columns: use " + type + "_ properties");
        }
        String what = index == m.pk ? "the primary key, which identifies the row; it cannot be updated"
                : index == m.version ? "the @Version column, which Limber checks and increments itself"
                : index == m.deletedAt ? "the soft-delete column; use delete() and restore()"
                : null;
        if (what != null) {
            throw new MappingException("update(" + type + ", properties...) cannot write " + property + ": it is "
                    + what);
        }
        return index;
    }

    /** UPDATE {@code statement} by id, writing {@code columns} of {@code model} (see {@link ModelSql#partialUpdate}). */
    private <T> T update(ModelSql<T> m, T model, String statement, int[] columns) {
        m.checkWrite(model, columns);
        Object id = m.key(m.mapper.get(model, m.pk));
        Object oldVersion = m.version < 0 ? null : m.mapper.get(model, m.version);
        if (m.version >= 0 && oldVersion == null) {
            throw new MappingException("The version of " + m.describe(id) + " is null; update a model read from the"
                    + " database");
        }
        Object newVersion = m.version < 0 ? null : m.nextVersion(oldVersion);
        int count;
        try {
            count = update(statement, m.info, ps -> {
                int next = m.mapper.bind(ps, 1, model, columns, values);
                if (m.version >= 0) {
                    values.set(ps, next++, newVersion, m.versionType);
                }
                values.set(ps, next++, id, m.pkType);
                if (m.version >= 0) {
                    values.set(ps, next, oldVersion, m.versionType);
                }
            });
        } catch (TransactionConflictException e) {
            if (m.version < 0) {
                throw e;
            }
            count = 0; // the row changed since this transaction's snapshot: the same news as a version mismatch
        }
        if (count == 0) {
            if (m.version >= 0) {
                throw new StaleObjectException(m.describe(id) + " was changed or deleted by another session since it"
                        + " was read (expected version " + oldVersion + "); read it again and reapply the change",
                        statement, tx.failure());
            }
            throw new NotFoundException("No live " + m.describe(id) + " to update", statement, null);
        }
        T row = m.stored(model, columns);
        return m.version < 0 ? row : m.mapper.with(row, m.version, newVersion);
    }

    /**
     * Deletes {@code model}'s row: for a soft-delete model stamps {@code deleted_at} with the
     * engine clock (a row already deleted keeps its first stamp) and returns the model with the
     * stamp (a new instance for a record); otherwise DELETEs the row. {@link NotFoundException}
     * when there is no row with the model's id. With a {@code @Version} column, only if the row
     * still has the model's version, else {@link StaleObjectException} and the row stays as it
     * is; the version itself is not changed (it counts changes to the columns {@link #update}
     * writes).
     *
     * <p>Through a {@code @HasMany} or {@code @HasOne} with {@code cascade = Cascade.DELETE}, a soft
     * delete also stamps the row's live children with the same {@code deleted_at}, in this
     * transaction, and theirs in turn; children deleted earlier keep their own stamp. A hard delete
     * leaves the children to the foreign key's {@code ON DELETE CASCADE}; without a cascade it fails
     * with a {@link ConstraintViolationException} naming the foreign key while rows (trashed ones
     * included) still refer to the row.
     */
    public <T> T delete(T model) {
        ModelSql<T> m = sql(model);
        if (m.softDelete == null) {
            forceDelete(model);
            return model;
        }
        Object id = m.key(m.mapper.get(model, m.pk));
        Object version = readVersion(m, model, id);
        Object stamp = m.stamp(engine.clock());
        int count = versioned(m, id, version, m.softDelete, ps -> {
            values.set(ps, 1, stamp, m.deletedAtType);
            values.set(ps, 2, id, m.pkType);
            if (version != null) {
                values.set(ps, 3, version, m.versionType);
            }
        });
        if (count == 1) {
            if (engine.cascade().cascades(m)) {
                engine.cascade().deleteChildren(this, m, List.of(id), stamp);
            }
            return m.mapper.with(model, m.deletedAt, stamp);
        }
        // no live row at the model's version: missing, changed since read, or deleted already
        checkVersion(m, id, version, m.softDelete);
        List<Object> first = list(m.selectDeletedAt, m.info, ps -> values.set(ps, 1, id, m.pkType),
                rs -> values.get(rs, 1, m.deletedAtType), 2);
        if (first.isEmpty()) {
            throw new NotFoundException("No " + m.describe(id) + " to delete", m.softDelete, null);
        }
        if (first.get(0) == null) {
            // live at the model's version now, yet the UPDATE did not match: restored meanwhile
            throw stale(m, id, version, m.softDelete);
        }
        return m.mapper.with(model, m.deletedAt, first.get(0));
    }

    /**
     * DELETEs {@code model}'s row, soft-delete model or not; {@link NotFoundException} when there
     * is none. With a {@code @Version} column, only if the row still has the model's version,
     * else {@link StaleObjectException} and the row stays. Rows of other tables that refer to it,
     * trashed ones included, go with it where their foreign key is {@code ON DELETE CASCADE}
     * ({@code cascade = Cascade.DELETE}); otherwise they make the delete fail with a
     * {@link ConstraintViolationException} naming the foreign key and their table.
     */
    public <T> void forceDelete(T model) {
        ModelSql<T> m = sql(model);
        Object id = m.key(m.mapper.get(model, m.pk));
        Object version = readVersion(m, model, id);
        int count = versioned(m, id, version, m.delete, ps -> {
            values.set(ps, 1, id, m.pkType);
            if (version != null) {
                values.set(ps, 2, version, m.versionType);
            }
        });
        if (count == 0) {
            checkVersion(m, id, version, m.delete);
            throw new NotFoundException("No " + m.describe(id) + " to delete", m.delete, null);
        }
    }

    /**
     * A write by id and, when {@code version} is not null, by version: a conflict with another
     * transaction over the row (a stale snapshot, a serialization failure) is then a
     * {@link StaleObjectException}, as a version mismatch is.
     */
    private <T> int versioned(ModelSql<T> m, Object id, Object version, String statement, Transaction.Binder binder) {
        try {
            return update(statement, m.info, binder);
        } catch (TransactionConflictException e) {
            if (version == null) {
                throw e;
            }
            throw stale(m, id, version, statement, e);
        }
    }

    /** The model's version, or null for a model without @Version; a versioned model must carry one. */
    private static <T> Object readVersion(ModelSql<T> m, T model, Object id) {
        if (m.version < 0) {
            return null;
        }
        Object version = m.mapper.get(model, m.version);
        if (version == null) {
            throw new MappingException("The version of " + m.describe(id) + " is null; delete a model read from the"
                    + " database");
        }
        return version;
    }

    /**
     * After a versioned write by id matched no row: {@link StaleObjectException} when the row
     * exists at another version; returns when there is no such row or it has {@code version}.
     */
    private <T> void checkVersion(ModelSql<T> m, Object id, Object version, String statement) {
        if (version == null) {
            return;
        }
        List<Object> found = list(m.selectVersion, m.info, ps -> values.set(ps, 1, id, m.pkType),
                rs -> values.get(rs, 1, m.versionType), 2);
        if (!found.isEmpty() && (found.get(0) == null
                || ((Number) found.get(0)).longValue() != ((Number) version).longValue())) {
            throw stale(m, id, version, statement);
        }
    }

    private static StaleObjectException stale(ModelSql<?> m, Object id, Object version, String statement) {
        return stale(m, id, version, statement, null);
    }

    private static StaleObjectException stale(ModelSql<?> m, Object id, Object version, String statement,
            Throwable cause) {
        return new StaleObjectException(m.describe(id) + " was changed by another session since it was read"
                + " (expected version " + version + "), so it was not deleted; read it again and decide whether to"
                + " delete it", statement, cause);
    }

    /**
     * Brings a soft-deleted row back ({@code deleted_at} to NULL); returns the model without its
     * stamp (a new instance for a record). Fails with a {@link ConstraintViolationException} when a
     * live row has taken one of its unique values meanwhile, and with {@link NotFoundException}
     * when there is no row with the model's id. Through {@code cascade = Cascade.DELETE} relations
     * it also restores exactly the children stamped with the row's {@code deleted_at} (those its
     * delete carried away), recursively; a child deleted on its own before stays deleted.
     *
     * <p>Restoring a row that is not deleted is a no-op, as deleting a deleted row is: nothing is
     * written, the model comes back without a stamp, as its row is, and the logger
     * {@code dev.limber.database.session} says so at DEBUG. To learn whether a row was restored,
     * use the bulk form, which counts: {@code query(Book.class).where(Book_.id.eq(id)).restore()}
     * returns 0 for a live row.
     */
    public <T> T restore(T model) {
        ModelSql<T> m = sql(model);
        if (m.restore == null) {
            throw new MappingException(m.info.type().getSimpleName() + " is not a soft-delete model; restore() needs"
                    + " @Model(softDelete = true)");
        }
        Object id = m.key(m.mapper.get(model, m.pk));
        Object stamp = null;
        boolean cascades = engine.cascade().cascades(m);
        if (cascades) {
            // the stamp its cascade gave the children, read in the transaction that restores them
            tx.begin();
            List<Object> found = list(m.selectDeletedAt, m.info, ps -> values.set(ps, 1, id, m.pkType),
                    rs -> values.get(rs, 1, m.deletedAtType), 1);
            stamp = found.isEmpty() ? null : found.get(0);
        }
        int count;
        try {
            count = update(m.restore, m.info, ps -> values.set(ps, 1, id, m.pkType));
        } catch (ConstraintViolationException e) {
            throw new ConstraintViolationException("Cannot restore " + m.describe(id) + ": a live row now holds its"
                    + " unique " + (e.column() == null ? "value" : e.column() + " value") + "; change or delete that"
                    + " row first, or change this one's value and update it before restoring", e.table(), e.column(),
                    e.constraint(), m.restore, e.getCause());
        }
        if (count == 0) {
            // not deleted, or not there at all
            List<Object> found = list(m.selectDeletedAt, m.info, ps -> values.set(ps, 1, id, m.pkType),
                    rs -> values.get(rs, 1, m.deletedAtType), 2);
            if (found.isEmpty()) {
                throw new NotFoundException("No " + m.describe(id) + " to restore", m.restore, null);
            }
            LOG.debug("restore(): {} is not deleted; nothing to restore", m.describe(id));
        }
        if (stamp != null) {
            engine.cascade().restoreChildren(this, m, List.of(id), stamp);
        }
        return m.mapper.with(model, m.deletedAt, null);
    }

    /**
     * Links {@code model} to {@code targets} through the {@code @BelongsToMany} {@code relation}
     * ({@code session.attach(book, Book_.tags, sf, classic)}): inserts one junction row per target
     * not linked yet; a pair already linked by a live junction row is left as it is, not doubled.
     * Returns the number of rows inserted. The junction's other columns get their defaults (NULL
     * unless the DDL says otherwise), so they must be nullable or have a default; a
     * {@code @Version} column starts at its initial value; its primary key must be generated.
     * Holders already loaded ({@code book.tags}) are not changed: query again to see the links.
     *
     * @throws MappingException when {@code relation} is not a {@code @BelongsToMany}, or the model
     *     or a target has no id (insert it first)
     */
    @SafeVarargs
    public final <M, T> int attach(M model, ToMany<M, T> relation, T... targets) {
        return attach(model, relation, targets == null ? null : Arrays.asList(targets));
    }

    /** {@link #attach(Object, ToMany, Object[])} with the targets in a collection. */
    public <M, T> int attach(M model, ToMany<M, T> relation, Collection<? extends T> targets) {
        return engine.junctions().attach(this, model, relation, targets);
    }

    /**
     * Unlinks {@code model} from {@code targets} through the {@code @BelongsToMany}
     * {@code relation}: soft-deletes the live junction rows when the junction is a soft-delete model
     * (stamping {@code deleted_at}; attaching again inserts a new row), else DELETEs them. Returns the
     * number of rows changed; targets not linked count nothing. No targets: nothing is detached.
     *
     * @throws MappingException when {@code relation} is not a {@code @BelongsToMany}, or the model
     *     or a target has no id
     */
    @SafeVarargs
    public final <M, T> int detach(M model, ToMany<M, T> relation, T... targets) {
        return detach(model, relation, targets == null ? null : Arrays.asList(targets));
    }

    /** {@link #detach(Object, ToMany, Object[])} with the targets in a collection. */
    public <M, T> int detach(M model, ToMany<M, T> relation, Collection<? extends T> targets) {
        return engine.junctions().detach(this, model, relation, targets);
    }

    /**
     * The generated implementation of the {@code @Repository} interface {@code type}, bound to
     * this session: its methods run in this session's transaction. A
     * {@link MappingException} when {@code type} is no repository the registry knows.
     */
    public <R> R repository(Class<R> type) {
        return engine.repository(type).create().apply(this);
    }

    /** A query over {@code type}'s live rows. */
    public <T> Query<T> query(Class<T> type) {
        return new Query<>(this, engine.sql(type));
    }

    /**
     * Loads {@code relation} into {@code models} already in hand (read earlier, or built by hand):
     * one statement for all of them, as {@code query(...).with(relation)} would. A class model
     * whose holder field is null gets one; a record needs its holder from its constructor.
     */
    public <T, R> void load(Collection<T> models, Relation<T, R> relation) {
        load(models, relation, null);
    }

    /**
     * Loads the rows of {@code relation} that match {@code constraint} into {@code models}: see
     * {@link Query#with(Relation, UnaryOperator)}.
     */
    public <T, R> void load(Collection<T> models, Relation<T, R> relation, UnaryOperator<Query<R>> constraint) {
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(relation, "relation");
        if (models.isEmpty()) {
            return;
        }
        Query<T> owner = new Query<>(this, engine.relation(relation).owner);
        owner.with(relation, constraint);
        RelationLoader.load(this, models, owner.includes.get(0));
    }

    /**
     * The rows {@code model} relates to through {@code relation}, as a full query: list, count,
     * exists, and the bulk update, delete, restore and forceDelete. Live rows only, unless the
     * relation is {@code @BelongsTo(withTrashed = true)} or the query says {@code withTrashed()};
     * through a junction, soft-deleted junction rows do not relate. A to-one relation gives a
     * query of at most one row; one with no key (an unsaved model, a NULL foreign key) matches none.
     */
    public <T, R> Query<R> related(T model, Relation<T, R> relation) {
        Objects.requireNonNull(relation, "relation");
        if (model == null) {
            throw new MappingException("model is null; related(model, " + relation + ") needs a "
                    + relation.model().getSimpleName());
        }
        RelationSql<T, R> rel = engine.relation(relation);
        Object key = rel.owner.mapper.get(model, rel.ownerKey);
        Query<R> query = Query.related(this, rel);
        query.filters.add(new Query.Keys(rel, key == null ? List.of() : List.of(key)));
        return query;
    }

    /**
     * Commits the transaction, if one is open, and returns the connection to the pool. Streams
     * still open on this session are closed first.
     */
    public void commit() {
        tx.commit();
    }

    /**
     * A savepoint in the session's transaction (begun now if none is open): the work after it can
     * be rolled back alone. Close it (try-with-resources); {@code close()} without
     * {@link Savepoint#release()} rolls back to it:
     *
     * <pre>{@code
     * try (Savepoint sp = session.savepoint()) {
     *     session.insert(book);
     *     sp.release();
     * }
     * }</pre>
     *
     * Rolling back to a savepoint taken before a failed statement makes the session usable again,
     * on every database. Savepoints nest.
     */
    public Savepoint savepoint() {
        return tx.savepoint();
    }

    /** Rolls back the transaction, if one is open, closes open streams and returns the connection to the pool. */
    public void rollback() {
        tx.rollback();
    }

    /** Rolls back whatever was not committed and returns the connection; idempotent. */
    @Override
    public void close() {
        try {
            tx.close();
        } finally {
            open.closed();
        }
    }

    public boolean isClosed() {
        return tx.isClosed();
    }

    // --- statement plumbing, shared with Query ---

    Engine engine() {
        return engine;
    }

    JdbcValues values() {
        return values;
    }

    /** Runs {@code statement} once per binder, as one JDBC batch. */
    void batch(String statement, ModelInfo<?> info, List<Transaction.Binder> rows) {
        Connection c = tx.begin();
        Sql.log(statement);
        try (PreparedStatement ps = c.prepareStatement(statement)) {
            for (Transaction.Binder row : rows) {
                row.bind(ps);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw tx.failed(e, statement, info);
        }
    }

    /** Begins the transaction now, for work whose reads must see what its writes change. */
    void begin() {
        tx.begin();
    }

    int update(String statement, ModelInfo<?> info, Transaction.Binder binder) {
        return tx.update(statement, info, binder);
    }

    <R> List<R> list(String statement, ModelInfo<?> info, Transaction.Binder binder, Transaction.RowReader<R> reader,
            int max) {
        return tx.list(statement, info, binder, reader, max);
    }

    <R> List<R> list(String statement, ModelInfo<?> info, Transaction.Binder binder, Transaction.RowReader<R> reader,
            int max, int capacity) {
        return tx.list(statement, info, binder, reader, max, capacity);
    }

    void each(String statement, ModelInfo<?> info, Transaction.Binder binder, Transaction.RowSink sink) {
        tx.each(statement, info, binder, sink);
    }

    /**
     * The rows of {@code statement}, read lazily from an open cursor. The stream refers to this
     * session, so that a session still streaming is never taken for one dropped without close().
     */
    <R> Stream<R> stream(String statement, ModelInfo<?> info, Transaction.Binder binder,
            Transaction.RowReader<R> reader) {
        return tx.open(statement, info, binder).stream(reader, this);
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

    @Override
    public String toString() {
        return "Session[" + dialect.name() + ", " + tx + "]";
    }
}
