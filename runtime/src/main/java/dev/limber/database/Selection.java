package dev.limber.database;

import dev.limber.database.query.Aggregate;
import dev.limber.database.query.Condition;
import dev.limber.database.query.Expression;
import dev.limber.database.query.Order;
import dev.limber.database.query.Property;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A query that reads values instead of models: what {@code Query.select(...)} returns, typed by
 * {@link Select1} … {@link Select6}. It keeps the query's conditions and trashed mode (soft-deleted
 * rows count in no aggregate, group or DISTINCT unless the query says {@code withTrashed()} or
 * {@code onlyTrashed()}), and adds GROUP BY, HAVING, DISTINCT and ordering by aggregates.
 *
 * <p>A selection that aggregates (an aggregate selected, ordered by or in {@code having}, or a
 * {@code groupBy}) must group by every plain column it selects or orders by; a selection with
 * {@code distinct()} must select every column it orders by. Both are checked before any SQL is
 * sent, with the same message on every database (MariaDB and SQLite would otherwise answer with an
 * arbitrary row's value).
 *
 * @param <T> the queried model
 * @param <S> the selection's own type, returned by the fluent methods
 */
public abstract class Selection<T, S extends Selection<T, S>> {
    final Query<T> query;
    final Projection projection;
    private Reader[] readers;

    Selection(Query<T> query, List<? extends Expression<?, ?>> expressions) {
        for (Expression<?, ?> e : expressions) {
            Objects.requireNonNull(e, "select(...) holds a null expression");
            query.check(e);
        }
        this.query = query;
        this.projection = new Projection(List.copyOf(expressions));
        query.projection = projection;
    }

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }

    /** Groups the rows by these columns (of the model, or to-one paths); each group yields one row. */
    @SafeVarargs
    public final S groupBy(Property<T, ?>... properties) {
        for (Property<T, ?> p : properties) {
            query.check(Objects.requireNonNull(p, "groupBy(...) holds a null property"));
            projection.groupBy.add(p);
        }
        return self();
    }

    /**
     * Keeps the groups that satisfy {@code condition}, e.g. {@code Aggregates.count().gt(1L)}, or a
     * condition on a grouped column; several calls are ANDed.
     */
    public final S having(Condition condition) {
        Objects.requireNonNull(condition, "condition");
        query.checkCondition(condition, "having", true);
        projection.having.add(condition);
        return self();
    }

    /** Orders by selected columns or aggregates ({@code Aggregates.count().desc()}), after any order of the query. */
    public final S orderBy(Order... orders) {
        for (Order order : orders) {
            query.check(order.expression());
            query.orders.add(order);
        }
        return self();
    }

    /** SELECT DISTINCT: equal rows once. */
    public final S distinct() {
        projection.distinct = true;
        return self();
    }

    public final S limit(int limit) {
        query.limit(limit);
        return self();
    }

    public final S offset(int offset) {
        query.offset(offset);
        return self();
    }

    /** The selection and the SQL it sends, e.g. {@code Selection[SELECT COUNT(*) FROM "books" WHERE …]}. */
    @Override
    public String toString() {
        return "Selection[" + QueryRenderer.select(query, QueryRenderer.Select.PROJECTION, query.scope, query.limit,
                query.offset, true, null).sql + "]";
    }

    /** Reads every row through {@code row}. */
    final <R> List<R> read(Row<R> row) {
        check();
        Rendered r = query.checked(QueryRenderer.select(query, QueryRenderer.Select.PROJECTION, query.scope,
                query.limit, query.offset, true, null));
        if (readers == null) {
            readers = readers();
        }
        int capacity = query.limit != null ? Math.min(query.limit, 10_000) : 16;
        return query.session.list(r.sql, query.m.info, r, rs -> row.read(rs), 0, capacity);
    }

    /** The value of the {@code index}-th expression (from 0) in the current row. */
    final Object get(ResultSet rs, int index) throws SQLException {
        return readers[index].read(rs, index + 1);
    }

    /** Builds one result from the current row. */
    interface Row<R> {
        R read(ResultSet rs) throws SQLException;
    }

    private interface Reader {
        Object read(ResultSet rs, int column) throws SQLException;
    }

    /** One reader per expression, each reading the Java type {@link dev.limber.database.query.Aggregates} documents. */
    private Reader[] readers() {
        var values = query.session.values();
        Reader[] out = new Reader[projection.expressions.size()];
        for (int i = 0; i < out.length; i++) {
            Expression<?, ?> e = projection.expressions.get(i);
            Class<?> type = e.type();
            if (e instanceof Aggregate<?, ?> a && a.function() == Aggregate.Function.COUNT) {
                out[i] = (rs, column) -> values.getLong(rs, column);
            } else if (e instanceof Aggregate<?, ?> a && type == BigDecimal.class) {
                // SQLite sums and compares decimals as floating point: give back at least the column's scale
                int scale = query.columnOf(a.argument()).scale();
                out[i] = (rs, column) -> {
                    BigDecimal value = values.getBigDecimal(rs, column);
                    return value == null || value.scale() >= scale ? value : value.setScale(scale);
                };
            } else {
                out[i] = (rs, column) -> values.get(rs, column, type);
            }
        }
        return out;
    }

    /** Refuses a grouped selection that reads an ungrouped column, and a DISTINCT ordered by an unselected one. */
    private void check() {
        boolean grouped = !projection.groupBy.isEmpty() || !projection.having.isEmpty();
        for (Expression<?, ?> e : projection.expressions) {
            grouped |= e instanceof Aggregate;
        }
        for (Order o : query.orders) {
            grouped |= o.expression() instanceof Aggregate;
        }
        if (grouped) {
            List<Property<?, ?>> plain = new ArrayList<>();
            for (Expression<?, ?> e : projection.expressions) {
                if (e instanceof Property<?, ?> p) {
                    plain.add(p);
                }
            }
            for (Order o : query.orders) {
                if (o.property() != null) {
                    plain.add(o.property());
                }
            }
            for (Condition c : projection.having) {
                Query.properties(c, plain);
            }
            for (Property<?, ?> p : plain) {
                if (!projection.groupBy.contains(p)) {
                    throw new LimberException("This selection aggregates, so every column it selects, orders by or"
                            + " tests in having must be grouped, but " + p + " is not; add it to groupBy(...), or"
                            + " select an aggregate of it (Aggregates.min/max)");
                }
            }
        }
        if (projection.distinct) {
            for (Order o : query.orders) {
                if (!projection.expressions.contains(o.expression())) {
                    throw new LimberException("distinct() rows can only be ordered by what they select, but "
                            + o.expression() + " is not selected; select it too, or order by a selected column");
                }
            }
        }
    }
}
