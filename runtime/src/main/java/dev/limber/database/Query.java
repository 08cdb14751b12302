package dev.limber.database;

import dev.limber.database.mapping.JdbcValues;
import dev.limber.database.query.Assignment;
import dev.limber.database.query.Condition;
import dev.limber.database.query.Order;
import dev.limber.database.query.Property;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A query over one model, built fluently and run by a terminal method. On a soft-delete model
 * it sees live rows only, unless {@link #withTrashed()} (all rows) or {@link #onlyTrashed()}
 * (deleted rows only) says otherwise; that applies to reads and to the bulk {@link #update},
 * {@link #delete()} and {@link #forceDelete()}. Columns are named only through the metamodel
 * ({@code Book_.title}); every value is bound as a parameter.
 *
 * <p>One statement binds at most {@link dev.limber.database.dialect.Dialect#maxParameters()}
 * values (65,535 on PostgreSQL and MariaDB, 100,000 on H2, 250,000 on SQLite); a query beyond
 * that, typically a long {@code in(...)} list, fails with a {@link LimberException} before
 * anything is sent.
 *
 * <pre>{@code
 * List<Book> books = session.query(Book.class)
 *         .where(Book_.year.ge(1960))
 *         .orderBy(Book_.title.asc())
 *         .limit(10)
 *         .list();
 * }</pre>
 */
public final class Query<T> {
    private enum Scope { LIVE, ALL, TRASHED }

    private final Session session;
    private final ModelSql<T> m;
    private final List<Condition> conditions = new ArrayList<>();
    private final List<Order> orders = new ArrayList<>();
    private Integer limit;
    private Integer offset;
    private Scope scope = Scope.LIVE;

    Query(Session session, ModelSql<T> m) {
        this.session = session;
        this.m = m;
    }

    /** Adds a condition; conditions of several calls must all hold. */
    public Query<T> where(Condition condition) {
        conditions.add(Objects.requireNonNull(condition, "condition"));
        return this;
    }

    public Query<T> orderBy(Order... orders) {
        for (Order order : orders) {
            column(order.property());
            this.orders.add(order);
        }
        return this;
    }

    public Query<T> limit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit cannot be negative (was " + limit + ")");
        }
        this.limit = limit;
        return this;
    }

    public Query<T> offset(int offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset cannot be negative (was " + offset + ")");
        }
        this.offset = offset;
        return this;
    }

    /** Includes soft-deleted rows. */
    public Query<T> withTrashed() {
        scope = Scope.ALL;
        return this;
    }

    /** Only soft-deleted rows. */
    public Query<T> onlyTrashed() {
        requireSoftDelete("onlyTrashed()");
        scope = Scope.TRASHED;
        return this;
    }

    // --- reads ---

    public List<T> list() {
        Rendered r = checked(select(m.columns, limit, offset));
        // presized from the limit (capped: a generous limit need not mean that many rows)
        int capacity = limit != null ? Math.min(limit, 10_000) : 16;
        return session.list(r.sql, m.info, r, m.reader, 0, capacity);
    }

    /** The first row in the query's order, if any. */
    public Optional<T> first() {
        Rendered r = checked(select(m.columns, limit == null ? 1 : Math.min(limit, 1), offset));
        List<T> rows = session.list(r.sql, m.info, r, m.reader, 1);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** The only row; {@link NotFoundException} when none matches, {@link LimberException} when several do. */
    public T one() {
        Rendered r = checked(select(m.columns, limit == null ? 2 : Math.min(limit, 2), offset));
        List<T> rows = session.list(r.sql, m.info, r, m.reader, 2);
        if (rows.isEmpty()) {
            throw new NotFoundException("No " + m.info.type().getSimpleName() + " matches the query", r.sql, null);
        }
        if (rows.size() > 1) {
            throw new LimberException("More than one " + m.info.type().getSimpleName() + " matches a query expected"
                    + " to match exactly one; add conditions, or use first() or list()", r.sql, null);
        }
        return rows.get(0);
    }

    public long count() {
        Rendered r;
        // no ORDER BY: it cannot change a count, and beside COUNT(*) PostgreSQL rejects it
        if (limit == null && offset == null) {
            r = select("COUNT(*)", null, null, false);
        } else {
            Rendered inner = select("1 AS " + m.dialect.quote("one"), limit, offset, false);
            r = new Rendered("SELECT COUNT(*) FROM (" + inner.sql + ") " + m.dialect.quote("limited"), inner.values,
                    inner.types);
            r.longestIn = inner.longestIn;
        }
        return session.list(r.sql, m.info, checked(r), rs -> rs.getLong(1), 1).get(0);
    }

    public boolean exists() {
        Rendered r = checked(select("1", limit == null ? 1 : Math.min(limit, 1), offset));
        return !session.list(r.sql, m.info, r, rs -> Boolean.TRUE, 1).isEmpty();
    }

    /**
     * The rows, read lazily from an open cursor. Close the stream (try-with-resources): until
     * then it holds the session's connection. The session's commit, rollback or close ends it.
     */
    public Stream<T> stream() {
        Rendered r = checked(select(m.columns, limit, offset));
        return session.open(r.sql, m.info, r).stream(m.reader);
    }

    // --- bulk writes ---

    /** Sets the assigned columns on every matching row (bumping a @Version column); returns the row count. */
    public int update(Assignment... assignments) {
        if (assignments.length == 0) {
            throw new IllegalArgumentException("update() needs at least one assignment, e.g. Book_.title.set(\"Dune\")");
        }
        noPaging("update");
        Rendered r = new Rendered();
        StringBuilder sql = new StringBuilder("UPDATE ").append(m.table).append(" SET ");
        for (int i = 0; i < assignments.length; i++) {
            Property<?, ?> property = assignments[i].property();
            sql.append(i == 0 ? "" : ", ").append(column(property)).append(" = ?");
            r.bind(assignments[i].value(), property.type());
        }
        if (m.version >= 0) {
            String version = m.quoted[m.version];
            sql.append(", ").append(version).append(" = ").append(version).append(" + 1");
        }
        r.sql = where(sql, r, scopeFilter()).toString();
        return session.update(r.sql, m.info, checked(r));
    }

    /**
     * Deletes the matching rows: on a soft-delete model stamps {@code deleted_at} of the live ones
     * (deleted rows keep their first stamp), otherwise DELETE. Returns the row count. Through
     * {@code cascade = Cascade.DELETE} relations the soft delete also stamps the live children of
     * the deleted rows with the same {@code deleted_at}, recursively, in the session's transaction.
     */
    public int delete() {
        noPaging("delete");
        if (m.live == null) {
            return forceDelete();
        }
        if (scope == Scope.TRASHED) {
            return 0; // every row in scope is deleted already, and keeps its first stamp
        }
        if (session.engine().cascade().cascades(m)) {
            session.begin(); // the rows selected are the rows stamped, and their children with them
            List<Object> ids = new ArrayList<>();
            for (Object[] row : matching(m.live)) {
                ids.add(row[0]);
            }
            return session.engine().cascade().delete(session, m, ids, m.stamp(session.engine().clock()));
        }
        Rendered r = new Rendered();
        StringBuilder sql = new StringBuilder("UPDATE ").append(m.table).append(" SET ").append(m.deletedAtColumn)
                .append(" = ?");
        r.bind(m.stamp(session.engine().clock()), m.deletedAtType);
        r.sql = where(sql, r, m.live).toString();
        return session.update(r.sql, m.info, checked(r));
    }

    /** DELETEs the matching rows (in the query's scope: live ones unless withTrashed/onlyTrashed). */
    public int forceDelete() {
        noPaging("forceDelete");
        Rendered r = new Rendered();
        r.sql = where(new StringBuilder("DELETE FROM ").append(m.table), r, scopeFilter()).toString();
        return session.update(r.sql, m.info, checked(r));
    }

    /**
     * Brings back the matching soft-deleted rows; returns the row count. Through
     * {@code cascade = Cascade.DELETE} relations it also restores exactly the children each row's
     * delete stamped with its {@code deleted_at}, recursively.
     */
    public int restore() {
        requireSoftDelete("restore()");
        noPaging("restore");
        Rendered r = new Rendered();
        StringBuilder sql = new StringBuilder("UPDATE ").append(m.table).append(" SET ").append(m.deletedAtColumn)
                .append(" = NULL");
        r.sql = where(sql, r, m.trashed).toString();
        try {
            if (session.engine().cascade().cascades(m)) {
                session.begin(); // the stamps read are the stamps the children are restored by
                return session.engine().cascade().restore(session, m, matching(m.trashed));
            }
            return session.update(r.sql, m.info, checked(r));
        } catch (ConstraintViolationException e) {
            throw new ConstraintViolationException("Cannot restore: a live row now holds the unique "
                    + (e.column() == null ? "value" : e.column() + " value") + " of a row being restored; change or"
                    + " delete that row first", e.table(), e.column(), e.sql(), e.getCause());
        }
    }

    /**
     * The primary key and {@code deleted_at} of each row matching the conditions under
     * {@code filter}: where a cascading delete or restore starts.
     */
    private List<Object[]> matching(String filter) {
        Rendered r = new Rendered();
        StringBuilder sql = new StringBuilder("SELECT ").append(m.pkColumn).append(", ").append(m.deletedAtColumn)
                .append(" FROM ").append(m.table);
        r.sql = where(sql, r, filter).toString();
        JdbcValues values = session.values();
        return session.list(r.sql, m.info, checked(r),
                rs -> new Object[] {values.get(rs, 1, m.pkType), values.get(rs, 2, m.deletedAtType)}, 0);
    }

    // --- rendering ---

    /** SQL with its parameters, bound in order through the dialect's JdbcValues. */
    private final class Rendered implements Transaction.Binder {
        String sql;
        final List<Object> values;
        final List<Class<?>> types;
        /** The longest in(...) list rendered, to name it when the statement binds too many values. */
        Condition.In longestIn;

        Rendered() {
            this(null, new ArrayList<>(), new ArrayList<>());
        }

        Rendered(String sql, List<Object> values, List<Class<?>> types) {
            this.sql = sql;
            this.values = values;
            this.types = types;
        }

        void bind(Object value, Class<?> type) {
            values.add(value);
            types.add(type);
        }

        @Override
        public void bind(PreparedStatement statement) throws SQLException {
            JdbcValues jdbc = session.values();
            for (int i = 0; i < values.size(); i++) {
                jdbc.set(statement, i + 1, values.get(i), types.get(i));
            }
        }
    }

    private Rendered select(String what, Integer limit, Integer offset) {
        return select(what, limit, offset, true);
    }

    private Rendered select(String what, Integer limit, Integer offset, boolean ordered) {
        Rendered r = new Rendered();
        // sized for the usual statement so that it is built without regrowing
        StringBuilder sql = new StringBuilder(what.length() + m.table.length() + 64
                + 48 * (conditions.size() + orders.size()));
        if (what == m.columns) {
            sql.append(m.select); // the same text, built once per model
        } else {
            sql.append("SELECT ").append(what).append(" FROM ").append(m.table);
        }
        where(sql, r, scopeFilter());
        if (ordered && !orders.isEmpty()) {
            sql.append(" ORDER BY ");
            for (int i = 0; i < orders.size(); i++) {
                Order order = orders.get(i);
                sql.append(i == 0 ? "" : ", ").append(column(order.property())).append(order.ascending() ? " ASC" : " DESC");
            }
        }
        sql.append(m.dialect.limitOffset(limit != null, offset != null));
        if (limit != null) {
            r.bind(limit, Integer.class);
        }
        if (offset != null) {
            r.bind(offset, Integer.class);
        }
        r.sql = sql.toString();
        return r;
    }

    /**
     * {@code r}, after checking that it binds no more values than the database takes in one
     * statement: past that the driver fails (or, on MariaDB, quietly changes protocol). The
     * exception carries no SQL: nothing was sent, and the text would hold every placeholder.
     */
    private Rendered checked(Rendered r) {
        int max = m.dialect.maxParameters();
        if (r.values.size() <= max) {
            return r;
        }
        String culprit = r.longestIn == null ? ""
                : " (" + r.longestIn.property + ".in(...) holds " + r.longestIn.values.size() + " of them)";
        throw new LimberException("This query on " + m.info.type().getSimpleName() + " binds " + r.values.size()
                + " values, more than the " + max + " " + m.dialect.productName() + " accepts in one statement"
                + culprit + "; split the values into chunks and run one query per chunk, or load them into a"
                + " temporary table and select through a join or subquery on session.connection()");
    }

    private String scopeFilter() {
        return switch (scope) {
            case LIVE -> m.live;
            case TRASHED -> m.trashed;
            case ALL -> null;
        };
    }

    private StringBuilder where(StringBuilder sql, Rendered r, String filter) {
        boolean first = true;
        if (filter != null) {
            sql.append(" WHERE ").append(filter);
            first = false;
        }
        for (Condition condition : conditions) {
            sql.append(first ? " WHERE " : " AND ");
            first = false;
            render(condition, sql, r);
        }
        return sql;
    }

    private void render(Condition condition, StringBuilder sql, Rendered r) {
        if (condition instanceof Condition.Comparison c) {
            sql.append(column(c.property)).append(' ').append(c.operator.sql()).append(" ?");
            r.bind(c.value, c.operator == Condition.Operator.LIKE ? String.class : c.property.type());
        } else if (condition instanceof Condition.In in) {
            if (in.values.isEmpty()) {
                sql.append("1 = 0"); // IN () is not SQL; an empty list matches nothing
                return;
            }
            if (r.longestIn == null || in.values.size() > r.longestIn.values.size()) {
                r.longestIn = in;
            }
            sql.append(column(in.property)).append(" IN (");
            for (int i = 0; i < in.values.size(); i++) {
                sql.append(i == 0 ? "?" : ", ?");
                Object value = in.values.get(i);
                if (value == null) {
                    throw new IllegalArgumentException(in.property + ".in(...) holds a null, which never matches in SQL;"
                            + " use isNull()");
                }
                r.bind(value, in.property.type());
            }
            sql.append(')');
        } else if (condition instanceof Condition.Between b) {
            sql.append(column(b.property)).append(" BETWEEN ? AND ?");
            r.bind(b.low, b.property.type());
            r.bind(b.high, b.property.type());
        } else if (condition instanceof Condition.NullCheck n) {
            sql.append(column(n.property)).append(n.isNull ? " IS NULL" : " IS NOT NULL");
        } else if (condition instanceof Condition.Junction j) {
            sql.append('(');
            for (int i = 0; i < j.conditions.size(); i++) {
                if (i > 0) {
                    sql.append(j.all ? " AND " : " OR ");
                }
                render(j.conditions.get(i), sql, r);
            }
            sql.append(')');
        } else if (condition instanceof Condition.Not not) {
            sql.append("NOT (");
            render(not.condition, sql, r);
            sql.append(')');
        } else {
            throw new IllegalStateException("Unknown condition " + condition);
        }
    }

    /** The quoted column of {@code property}, after checking it belongs to this query's model. */
    private String column(Property<?, ?> property) {
        int index = m.position(property);
        if (index < 0) {
            throw new MappingException(property + " is not a column of " + m.info.type().getSimpleName()
                    + "; use the metamodel of the queried model (" + m.info.type().getSimpleName() + "_)");
        }
        return m.quoted[index];
    }

    private void noPaging(String operation) {
        if (limit != null || offset != null || !orders.isEmpty()) {
            throw new LimberException("limit, offset and orderBy do not apply to the bulk " + operation
                    + "(); it affects every matching row. Narrow it with where(...) instead");
        }
    }

    private void requireSoftDelete(String operation) {
        if (m.live == null) {
            throw new MappingException(m.info.type().getSimpleName() + " is not a soft-delete model; " + operation
                    + " needs @Model(softDelete = true)");
        }
    }

    @Override
    public String toString() {
        return "Query[" + select(m.columns, limit, offset).sql + "]";
    }
}
