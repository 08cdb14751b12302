package dev.limber.database;

import dev.limber.database.dialect.Dialect;
import dev.limber.database.query.Aggregate;
import dev.limber.database.query.Assignment;
import dev.limber.database.query.Condition;
import dev.limber.database.query.Expression;
import dev.limber.database.query.Order;
import dev.limber.database.query.Property;
import dev.limber.database.query.Relation;
import dev.limber.database.query.ToOne;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link Query}'s description into SQL: the one place where statements over models are
 * written. A query that touches only its own table renders as plain single-table SQL, unqualified
 * ({@code SELECT "id", "title" FROM "books" WHERE "deleted_at" IS NULL}), the same text on every run.
 * A query with a to-one path, {@code whereHas}, {@code withCount} or a junction gives every table
 * an alias ({@code t0} the queried model, then {@code t1}, {@code t2}, … in the order they are
 * met) and qualifies every column, so that a self reference cannot confuse two levels; each level
 * filters soft-deleted rows of its own alias, in the trashed mode of its own query.
 *
 * <p>One renderer renders one statement: it owns the statement's parameters and alias counter.
 */
final class QueryRenderer {
    /** The alias of the queried model in a statement with joins or subqueries. */
    static final String ROOT = "t0";

    /** What a SELECT reads. */
    enum Select {
        /** The model's columns, then one COUNT per withCount, then the junction key of a link. */
        ROWS,
        COUNT,
        ONE,
        /** {@code 1 AS "one"}: the rows of a limited count. */
        ONE_AS,
        /** The primary key: the rows a bulk write with joins or subqueries affects. */
        KEY,
        /** The primary key and deleted_at: the rows a cascading delete or restore starts from. */
        KEY_AND_STAMP,
        /** The query's {@link Projection}: selected expressions, GROUP BY, HAVING, DISTINCT. */
        PROJECTION
    }

    private final Engine engine;
    private final Dialect dialect;
    final Rendered r;
    private int aliases;

    private QueryRenderer(Session session) {
        this.engine = session.engine();
        this.dialect = engine.dialect();
        this.r = new Rendered(session.values());
    }

    /** One FROM of a statement: a model, its alias (null in plain SQL) and the joins its paths needed. */
    private static final class Level {
        final ModelSql<?> m;
        final String alias;
        final StringBuilder joins = new StringBuilder();
        /** Path joins made so far, by path ("author", "author.publisher"), so that a path is joined once. */
        final Map<String, String> joined = new HashMap<>(4);

        Level(ModelSql<?> m, String alias) {
            this.m = m;
            this.alias = alias;
        }
    }

    // --- entry points ---

    /**
     * A SELECT of {@code q}, in trashed mode {@code scope}; {@code link} (may be null) restricts it to
     * the children of some parents, for eager loading.
     */
    static Rendered select(Query<?> q, Select what, Query.Scope scope, Integer limit, Integer offset, boolean ordered,
            Link link) {
        if (link != null) {
            return freshSelect(q, what, scope, limit, offset, ordered, link);
        }
        Rendered r = new Rendered(q.session.values());
        QueryShape shape = QueryShape.select(q, what, scope, limit, offset, ordered, r);
        if (!shape.cacheable()) {
            return freshSelect(q, what, scope, limit, offset, ordered, null);
        }
        String sql = q.m.statement(shape);
        if (sql != null) {
            r.sql = sql;
            return r;
        }
        Rendered fresh = freshSelect(q, what, scope, limit, offset, ordered, null);
        if (fresh.bindsAsIn(r)) {
            q.m.remember(shape, fresh.sql);
        }
        return fresh;
    }

    /** {@link #select}, rendered afresh: what the render-once cache keeps, and what the tests compare it with. */
    static Rendered freshSelect(Query<?> q, Select what, Query.Scope scope, Integer limit, Integer offset,
            boolean ordered, Link link) {
        QueryRenderer renderer = new QueryRenderer(q.session);
        renderer.r.sql = renderer.render(q, what, scope, limit, offset, ordered, link);
        return renderer.r;
    }

    /** {@code SELECT COUNT(*)} of the rows {@code q} reads, after its limit and offset. */
    static Rendered count(Query<?> q) {
        Rendered r = new Rendered(q.session.values());
        QueryShape shape = QueryShape.count(q, r);
        if (!shape.cacheable()) {
            return freshCount(q);
        }
        String sql = q.m.statement(shape);
        if (sql != null) {
            r.sql = sql;
            return r;
        }
        Rendered fresh = freshCount(q);
        if (fresh.bindsAsIn(r)) {
            q.m.remember(shape, fresh.sql);
        }
        return fresh;
    }

    /** {@link #count}, rendered afresh. */
    static Rendered freshCount(Query<?> q) {
        QueryRenderer renderer = new QueryRenderer(q.session);
        if (q.limit == null && q.offset == null) {
            // no ORDER BY: it cannot change a count, and beside COUNT(*) PostgreSQL rejects it
            renderer.r.sql = renderer.render(q, Select.COUNT, q.scope, null, null, false, null);
        } else {
            String inner = renderer.render(q, Select.ONE_AS, q.scope, q.limit, q.offset, false, null);
            renderer.r.sql = "SELECT COUNT(*) FROM (" + inner + ") " + renderer.dialect.quote("limited");
        }
        return renderer.r;
    }

    /** {@code UPDATE … SET} the assignments (and the version bump) on the rows {@code q} matches. */
    static Rendered update(Query<?> q, Assignment[] assignments) {
        QueryRenderer renderer = new QueryRenderer(q.session);
        ModelSql<?> m = q.m;
        StringBuilder sql = new StringBuilder("UPDATE ").append(m.table).append(" SET ");
        for (int i = 0; i < assignments.length; i++) {
            Property<?, ?> property = assignments[i].property();
            sql.append(i == 0 ? "" : ", ").append(renderer.ownColumn(m, null, property)).append(" = ?");
            TextValues.checkWrite(m.info, m.info.columns().get(m.position(property)), assignments[i].value());
            renderer.r.bind(assignments[i].value(), property.type());
        }
        if (m.version >= 0) {
            String version = m.quoted[m.version];
            sql.append(", ").append(version).append(" = ").append(version).append(" + 1");
        }
        renderer.r.sql = renderer.writeWhere(q, sql, q.scope).toString();
        return renderer.r;
    }

    /** The soft delete of the live rows {@code q} matches: {@code UPDATE … SET deleted_at = ?}. */
    static Rendered softDelete(Query<?> q, Object stamp) {
        QueryRenderer renderer = new QueryRenderer(q.session);
        ModelSql<?> m = q.m;
        StringBuilder sql = new StringBuilder("UPDATE ").append(m.table).append(" SET ").append(m.deletedAtColumn)
                .append(" = ?");
        renderer.r.bind(stamp, m.deletedAtType);
        renderer.r.sql = renderer.writeWhere(q, sql, Query.Scope.LIVE).toString();
        return renderer.r;
    }

    /** {@code DELETE} of the rows {@code q} matches, in its trashed mode. */
    static Rendered delete(Query<?> q) {
        QueryRenderer renderer = new QueryRenderer(q.session);
        StringBuilder sql = new StringBuilder("DELETE FROM ").append(q.m.table);
        renderer.r.sql = renderer.writeWhere(q, sql, q.scope).toString();
        return renderer.r;
    }

    /** {@code UPDATE … SET deleted_at = NULL} of the soft-deleted rows {@code q} matches. */
    static Rendered restore(Query<?> q) {
        QueryRenderer renderer = new QueryRenderer(q.session);
        ModelSql<?> m = q.m;
        StringBuilder sql = new StringBuilder("UPDATE ").append(m.table).append(" SET ").append(m.deletedAtColumn)
                .append(" = NULL");
        renderer.r.sql = renderer.writeWhere(q, sql, Query.Scope.TRASHED).toString();
        return renderer.r;
    }

    /**
     * The children of some parents, for one eager-load statement: {@code keys} are values of the
     * parents' {@link RelationSql#ownerKey}; through a junction the statement joins it and reads its
     * owner key after the model's columns (and counts). The keys go into one array parameter of
     * SQL element type {@code arrayType} when it is not null, else into an IN list of
     * {@code length} placeholders, the last key repeated in those past the keys.
     */
    record Link(RelationSql<?, ?> relation, List<Object> keys, int length, String arrayType) {
    }

    // --- SELECT ---

    private String alias() {
        return "t" + aliases++;
    }

    private String render(Query<?> q, Select what, Query.Scope scope, Integer limit, Integer offset, boolean ordered,
            Link link) {
        ModelSql<?> m = q.m;
        boolean junction = link != null && link.relation.throughJunction();
        // keys in an array the dialect joins rather than compares: see Dialect.joinsKeyArray
        boolean keyJoin = link != null && link.arrayType != null && dialect.joinsKeyArray();
        boolean aliased = junction || keyJoin || q.relational(what == Select.ROWS);
        String rootAlias = alias(); // t0 is the root's, even in plain SQL where it is not written
        Level level = new Level(m, aliased ? rootAlias : null);

        String junctionAlias = null;
        if (junction) {
            RelationSql<?, ?> rel = link.relation;
            junctionAlias = alias();
            level.joins.append(" JOIN ").append(rel.junction.table).append(' ').append(junctionAlias).append(" ON ")
                    .append(qualified(junctionAlias, rel.junction.quoted[rel.junctionTarget])).append(" = ")
                    .append(column(level, rel.targetKey));
            String live = scopeFilter(rel.junction, junctionAlias, Query.Scope.LIVE);
            if (live != null) {
                level.joins.append(" AND ").append(live); // a junction row deleted on its own detaches the pair
            }
        }

        StringBuilder sql = new StringBuilder(160 + 48 * (q.filters.size() + q.orders.size()));
        sql.append("SELECT ");
        switch (what) {
            case ROWS -> {
                sql.append(aliased ? m.rootColumns : m.columns);
                for (Query.Count<?, ?> count : q.counts) {
                    sql.append(", (").append(subquery(count.relation, count.query, level, "COUNT(*)")).append(')');
                }
                if (junction) {
                    RelationSql<?, ?> rel = link.relation;
                    sql.append(", ").append(qualified(junctionAlias, rel.junction.quoted[rel.junctionOwner]));
                }
            }
            case COUNT -> sql.append("COUNT(*)");
            case ONE -> sql.append('1');
            case ONE_AS -> sql.append("1 AS ").append(dialect.quote("one"));
            case KEY -> sql.append(column(level, m.pk));
            case KEY_AND_STAMP -> sql.append(column(level, m.pk)).append(", ").append(column(level, m.deletedAt));
            case PROJECTION -> {
                Projection p = q.projection;
                if (p.distinct) {
                    sql.append("DISTINCT ");
                }
                for (int i = 0; i < p.expressions.size(); i++) {
                    sql.append(i == 0 ? "" : ", ").append(expression(level, p.expressions.get(i)));
                }
            }
            default -> throw new IllegalStateException("Unknown selection " + what);
        }

        String linkKey = null;
        if (link != null) {
            RelationSql<?, ?> rel = link.relation;
            linkKey = junction ? qualified(junctionAlias, rel.junction.quoted[rel.junctionOwner])
                    : column(level, rel.targetKey);
        }
        if (keyJoin) {
            // after the junction's join, before the WHERE: where its parameter stands in the text
            level.joins.append(dialect.joinKeyArray(linkKey, alias()));
            r.bind(RelationLoader.KeyArray.of(link.keys, link.relation.keyType, link.arrayType), Object[].class);
        }

        StringBuilder where = new StringBuilder();
        Conjunction and = new Conjunction(where, " WHERE ");
        String filter = scopeFilter(m, level.alias, scope);
        if (filter != null) {
            and.next().append(filter);
        }
        if (link != null && !keyJoin) {
            link(and.next(), linkKey, link);
        }
        for (Object f : q.filters) {
            filter(f, level, and.next());
        }
        if (what == Select.PROJECTION) {
            groupAndHaving(q.projection, level, where);
        }

        StringBuilder order = new StringBuilder();
        if (ordered) {
            if (!q.orders.isEmpty()) {
                order.append(" ORDER BY ");
                for (int i = 0; i < q.orders.size(); i++) {
                    Order o = q.orders.get(i);
                    order.append(i == 0 ? "" : ", ").append(expression(level, o.expression()))
                            .append(o.ascending() ? " ASC" : " DESC");
                }
            } else if (link != null && link.relation.relation.kind() != Relation.Kind.BELONGS_TO) {
                // children come in a stable order (by key) unless the constraint orders them
                order.append(" ORDER BY ").append(column(level, m.pk)).append(" ASC");
            }
        }

        sql.append(" FROM ").append(m.table);
        if (aliased) {
            sql.append(' ').append(rootAlias);
        }
        sql.append(level.joins).append(where).append(order);
        sql.append(dialect.limitOffset(limit != null, offset != null));
        if (limit != null) {
            r.bind(limit, Integer.class);
        }
        if (offset != null) {
            r.bind(offset, Integer.class);
        }
        if (q.forUpdate && link == null && (what == Select.ROWS || what == Select.ONE)) {
            sql.append(dialect.forUpdate());
        }
        return sql.toString();
    }

    /** {@code GROUP BY} and {@code HAVING} of a selection, after its WHERE. */
    private void groupAndHaving(Projection p, Level level, StringBuilder sql) {
        for (int i = 0; i < p.groupBy.size(); i++) {
            sql.append(i == 0 ? " GROUP BY " : ", ").append(resolve(level, p.groupBy.get(i)).sql);
        }
        Conjunction and = new Conjunction(sql, " HAVING ");
        for (Condition c : p.having) {
            condition(c, level, and.next());
        }
    }

    /** A selected, grouped or ordered expression: a column (through its path) or an aggregate of one. */
    private String expression(Level level, Expression<?, ?> e) {
        if (e instanceof Property<?, ?> p) {
            return resolve(level, p).sql;
        }
        Aggregate<?, ?> a = (Aggregate<?, ?>) e;
        if (a.argument() == null) {
            return "COUNT(*)";
        }
        String column = resolve(level, a.argument()).sql;
        return switch (a.function()) {
            case COUNT -> "COUNT(" + column + ")";
            case MIN, MAX, SUM -> a.function().name() + "("
                    + (a.argument().type() == java.math.BigDecimal.class ? dialect.decimalArgument(column) : column) + ")";
            case AVG -> "AVG(" + dialect.castToDouble(column) + ")";
        };
    }

    /**
     * The WHERE of a bulk write over {@code q}'s rows in trashed mode {@code scope}: plain conditions
     * on the table itself; a query with paths or {@code whereHas} selects the keys of its rows in
     * a subquery with aliases, so that UPDATE and DELETE need no dialect's join syntax.
     */
    private StringBuilder writeWhere(Query<?> q, StringBuilder sql, Query.Scope scope) {
        if (q.relational(false)) {
            sql.append(" WHERE ").append(q.m.pkColumn).append(" IN (")
                    .append(render(q, Select.KEY, scope, null, null, false, null)).append(')');
            return sql;
        }
        aliases = 1; // t0 stays the root's
        Level level = new Level(q.m, null);
        Conjunction and = new Conjunction(sql, " WHERE ");
        String filter = scopeFilter(q.m, null, scope);
        if (filter != null) {
            and.next().append(filter);
        }
        for (Object f : q.filters) {
            filter(f, level, and.next());
        }
        return sql;
    }

    /**
     * The correlated subquery of {@code relation} from {@code outer}: {@code SELECT what FROM target
     * tN [JOIN junction tM ON …] WHERE <correlation> AND <target's trashed mode> AND <constraint>}.
     */
    private String subquery(RelationSql<?, ?> rel, Query<?> constraint, Level outer, String what) {
        ModelSql<?> target = rel.target;
        Level level = new Level(target, alias());
        String correlation;
        if (rel.throughJunction()) {
            String j = alias();
            level.joins.append(" JOIN ").append(rel.junction.table).append(' ').append(j).append(" ON ")
                    .append(qualified(j, rel.junction.quoted[rel.junctionTarget])).append(" = ")
                    .append(column(level, rel.targetKey));
            String live = scopeFilter(rel.junction, j, Query.Scope.LIVE);
            if (live != null) {
                level.joins.append(" AND ").append(live);
            }
            correlation = qualified(j, rel.junction.quoted[rel.junctionOwner]) + " = " + column(outer, rel.ownerKey);
        } else {
            correlation = column(level, rel.targetKey) + " = " + column(outer, rel.ownerKey);
        }
        StringBuilder where = new StringBuilder(" WHERE ").append(correlation);
        Conjunction and = new Conjunction(where, " AND ");
        and.started();
        String filter = scopeFilter(target, level.alias, constraint.scope);
        if (filter != null) {
            and.next().append(filter);
        }
        for (Object f : constraint.filters) {
            filter(f, level, and.next());
        }
        return "SELECT " + what + " FROM " + target.table + " " + level.alias + level.joins + where;
    }

    // --- conditions ---

    private void filter(Object f, Level level, StringBuilder sql) {
        if (f instanceof Condition c) {
            condition(c, level, sql);
        } else if (f instanceof Query.Has h) {
            sql.append(h.negated ? "NOT EXISTS (" : "EXISTS (").append(subquery(h.relation, h.query, level, "1"))
                    .append(')');
        } else if (f instanceof Query.Keys k) {
            keys(k, level, sql);
        } else {
            throw new IllegalStateException("Unknown filter " + f);
        }
    }

    /**
     * The rows related to given owner keys ({@code session.related}): {@code key IN (…)}, through
     * the junction if any.
     */
    private void keys(Query.Keys k, Level level, StringBuilder sql) {
        RelationSql<?, ?> rel = k.relation;
        if (!rel.throughJunction()) {
            in(sql, column(level, rel.targetKey), k.keys, rel.keyType);
            return;
        }
        String j = alias();
        sql.append(column(level, rel.targetKey)).append(" IN (SELECT ")
                .append(qualified(j, rel.junction.quoted[rel.junctionTarget])).append(" FROM ")
                .append(rel.junction.table).append(' ').append(j).append(" WHERE ");
        in(sql, qualified(j, rel.junction.quoted[rel.junctionOwner]), k.keys, rel.keyType);
        String live = scopeFilter(rel.junction, j, Query.Scope.LIVE);
        if (live != null) {
            sql.append(" AND ").append(live);
        }
        sql.append(')');
    }

    /** The keys of an eager load: {@code column = ANY(?)} with an array, else a padded IN list. */
    private void link(StringBuilder sql, String column, Link link) {
        if (link.arrayType != null) {
            sql.append(dialect.inKeyArray(column));
            r.bind(RelationLoader.KeyArray.of(link.keys, link.relation.keyType, link.arrayType), Object[].class);
            return;
        }
        List<Object> keys = link.keys;
        if (link.length == 1) {
            sql.append(column).append(" = ?");
            r.bind(keys.get(0), link.relation.keyType);
            return;
        }
        sql.append(column).append(" IN (");
        for (int i = 0; i < link.length; i++) {
            sql.append(i == 0 ? "?" : ", ?");
            r.bind(keys.get(Math.min(i, keys.size() - 1)), link.relation.keyType);
        }
        sql.append(')');
    }

    /** {@code column = ?} for one key, {@code column IN (?, …)} for several, {@code 1 = 0} for none. */
    private void in(StringBuilder sql, String column, List<Object> keys, Class<?> type) {
        if (keys.isEmpty()) {
            sql.append("1 = 0");
            return;
        }
        if (keys.size() == 1) {
            sql.append(column).append(" = ?");
            r.bind(keys.get(0), type);
            return;
        }
        sql.append(column).append(" IN (");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
            r.bind(keys.get(i), type);
        }
        sql.append(')');
    }

    private void condition(Condition condition, Level level, StringBuilder sql) {
        if (condition instanceof Condition.Comparison c) {
            Column column = resolve(level, c.property);
            if (column.ignoreCase && (c.operator == Condition.Operator.EQ || c.operator == Condition.Operator.NE)) {
                sql.append(dialect.foldCase(column.sql)).append(' ').append(c.operator.sql()).append(' ')
                        .append(dialect.foldCase("?"));
            } else {
                sql.append(column.sql).append(' ').append(c.operator.sql()).append(" ?");
            }
            sql.append(c.operator.afterValue());
            r.bind(c.value, c.operator.isLike() ? String.class : c.property.type());
        } else if (condition instanceof Condition.In in) {
            if (in.values.isEmpty()) {
                sql.append("1 = 0"); // IN () is not SQL; an empty list matches nothing
                return;
            }
            if (r.longestIn == null || in.values.size() > r.longestIn.values.size()) {
                r.longestIn = in;
            }
            Column column = resolve(level, in.property);
            String placeholder = column.ignoreCase ? dialect.foldCase("?") : "?";
            sql.append(column.ignoreCase ? dialect.foldCase(column.sql) : column.sql).append(" IN (");
            for (int i = 0; i < in.values.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(placeholder);
                Object value = in.values.get(i);
                if (value == null) {
                    throw new IllegalArgumentException(in.property + ".in(...) holds a null, which never matches in SQL;"
                            + " use isNull()");
                }
                r.bind(value, in.property.type());
            }
            sql.append(')');
        } else if (condition instanceof Condition.Between b) {
            sql.append(resolve(level, b.property).sql).append(" BETWEEN ? AND ?");
            r.bind(b.low, b.property.type());
            r.bind(b.high, b.property.type());
        } else if (condition instanceof Condition.NullCheck n) {
            Column column = resolve(level, n.property);
            if (column.guard == null) {
                sql.append(column.sql).append(n.isNull ? " IS NULL" : " IS NOT NULL");
            } else {
                // on a path, IS [NOT] NULL alone would be true where the target is absent; "pk = pk"
                // is unknown there instead, so neither the check nor its NOT matches such a row
                sql.append('(').append(column.sql).append(n.isNull ? " IS NULL" : " IS NOT NULL").append(" AND ")
                        .append(column.guard).append(" = ").append(column.guard).append(')');
            }
        } else if (condition instanceof Condition.Junction j) {
            sql.append('(');
            for (int i = 0; i < j.conditions.size(); i++) {
                if (i > 0) {
                    sql.append(j.all ? " AND " : " OR ");
                }
                condition(j.conditions.get(i), level, sql);
            }
            sql.append(')');
        } else if (condition instanceof Condition.Not not) {
            sql.append("NOT (");
            condition(not.condition, level, sql);
            sql.append(')');
        } else if (condition instanceof Condition.Aggregated a) {
            // a decimal aggregate is a number even where decimals are stored, and bound, as text (SQLite)
            sql.append(expression(level, a.aggregate)).append(' ').append(a.operator.sql()).append(' ')
                    .append(a.aggregate.type() == java.math.BigDecimal.class ? dialect.decimalArgument("?") : "?");
            r.bind(a.value, a.aggregate.type());
        } else {
            throw new IllegalStateException("Unknown condition " + condition);
        }
    }

    // --- columns ---

    /**
     * A column as written in SQL; {@code guard}, for a column reached through a path, is the joined
     * row's key; {@code ignoreCase} for an {@code @Column(ignoreCase = true)} column.
     */
    private record Column(String sql, String guard, boolean ignoreCase) {
    }

    /**
     * {@code property} as a column of {@code level}: its own column, or the column of the table a
     * to-one path leads to, joined (once per path) with LEFT JOIN so that no row is lost to a path.
     */
    private Column resolve(Level level, Property<?, ?> property) {
        List<ToOne<?, ?>> path = property.path();
        if (path.isEmpty()) {
            int index = ownIndex(level.m, property);
            return new Column(qualified(level.alias, level.m.quoted[index]), null,
                    level.m.info.columns().get(index).ignoreCase());
        }
        if (path.get(0).model() != level.m.info.type()) {
            throw notAColumn(level.m, property);
        }
        String alias = level.alias;
        ModelSql<?> from = level.m;
        StringBuilder key = new StringBuilder();
        for (ToOne<?, ?> step : path) {
            key.append(key.length() == 0 ? "" : ".").append(step.name());
            RelationSql<?, ?> rel = engine.relation(step);
            String joined = level.joined.get(key.toString());
            if (joined == null) {
                joined = alias();
                level.joins.append(" LEFT JOIN ").append(rel.target.table).append(' ').append(joined).append(" ON ")
                        .append(qualified(joined, rel.target.quoted[rel.targetKey])).append(" = ")
                        .append(qualified(alias, from.quoted[rel.ownerKey]));
                // the target's trashed mode is the relation's own, never the outer query's
                String live = step.withTrashed() ? null : scopeFilter(rel.target, joined, Query.Scope.LIVE);
                if (live != null) {
                    level.joins.append(" AND ").append(live);
                }
                level.joined.put(key.toString(), joined);
            }
            alias = joined;
            from = rel.target;
        }
        int index = from.info.columnIndex(property.column());
        if (index < 0) {
            throw notAColumn(from, property);
        }
        return new Column(qualified(alias, from.quoted[index]), qualified(alias, from.pkColumn),
                from.info.columns().get(index).ignoreCase());
    }

    /** The column of {@code m}'s own {@code property}, after checking that it is one. */
    private String ownColumn(ModelSql<?> m, String alias, Property<?, ?> property) {
        return qualified(alias, m.quoted[ownIndex(m, property)]);
    }

    /** The position of {@code m}'s own {@code property} in its columns, after checking that it is one. */
    private static int ownIndex(ModelSql<?> m, Property<?, ?> property) {
        int index = m.position(property);
        if (index < 0) {
            throw notAColumn(m, property);
        }
        return index;
    }

    static MappingException notAColumn(ModelSql<?> m, Property<?, ?> property) {
        String name = m.info.type().getSimpleName();
        return new MappingException(property + " is not a column of " + name + "; use the metamodel of the queried"
                + " model (" + name + "_), or a to-one path from it (" + name + "_.relation.get(...))");
    }

    private static String column(Level level, int index) {
        return qualified(level.alias, level.m.quoted[index]);
    }

    private static String qualified(String alias, String quotedColumn) {
        return alias == null ? quotedColumn : alias + "." + quotedColumn;
    }

    /** The trashed-mode filter of {@code m} at {@code alias}, or null when it filters nothing. */
    private static String scopeFilter(ModelSql<?> m, String alias, Query.Scope scope) {
        if (m.deletedAt < 0 || scope == Query.Scope.ALL) {
            return null;
        }
        if (alias == null) {
            return scope == Query.Scope.LIVE ? m.live : m.trashed;
        }
        return alias + "." + m.deletedAtColumn + (scope == Query.Scope.LIVE ? " IS NULL" : " IS NOT NULL");
    }

    /** Writes {@code first} before the first term, " AND " before the others. */
    private static final class Conjunction {
        private final StringBuilder sql;
        private final String first;
        private boolean started;

        Conjunction(StringBuilder sql, String first) {
            this.sql = sql;
            this.first = first;
        }

        void started() {
            started = true;
        }

        StringBuilder next() {
            sql.append(started ? " AND " : first);
            started = true;
            return sql;
        }
    }
}
