package dev.limber.database;

import dev.limber.database.query.Condition;
import dev.limber.database.query.Expression;
import dev.limber.database.query.Order;
import java.util.Arrays;
import java.util.List;

/**
 * The structure of a query's statement without its values: the key under which {@link ModelSql}
 * keeps the SQL rendered for it, so that a query of a shape seen before is not rendered again.
 *
 * <p>The key is a sequence of tokens in which every part announces itself (a marker, or a count
 * before a list), so two different descriptions can never give equal sequences: the key is a
 * prefix-free encoding of everything the renderer reads (statement kind, trashed mode, which of
 * limit and offset are set, whether it locks its rows (forUpdate), every condition's kind, column, operator and number of values, the
 * relations of whereHas and withCount with their constraints, the orderings and the projection).
 * Columns compare by value ({@code Property.equals}), relations by identity (the metamodel's
 * constants). The model and the dialect are not in the key: each engine's {@link ModelSql} has its own cache.
 * Nor is whether a column ignores case ({@code lower(...)} on PostgreSQL): that is the column's own,
 * fixed in the engine's ModelInfo, so equal columns always render alike.
 *
 * <p>Describing a query also binds its values, in the order the renderer binds them; the renderer's
 * own values are compared with these before a shape is cached, so a shape whose values the two
 * would order differently is simply rendered every time, never sent with misplaced values.
 */
final class QueryShape {
    /** Markers that open each part of the encoding. */
    private enum Token { SELECT, COUNT, CMP, IN, BETWEEN, NULL_CHECK, AND, OR, NOT, AGGREGATED, HAS, KEYS, PROJECTION, ROWS }

    /**
     * The longest in(...) list (or related-keys list) a cached shape may hold: each length is a
     * shape of its own, and lists of hundreds of lengths would crowd the others out of the cache.
     */
    static final int MAX_CACHED_LIST = 16;

    private Object[] tokens = new Object[16];
    private int size;
    private int hash = 1;
    /** False once the query holds a list longer than {@link #MAX_CACHED_LIST}. */
    private boolean cacheable = true;

    private QueryShape() {
    }

    /** The shape of {@link QueryRenderer#select} without a link, binding its values into {@code r}. */
    static QueryShape select(Query<?> q, QueryRenderer.Select what, Query.Scope scope, Integer limit, Integer offset,
            boolean ordered, Rendered r) {
        QueryShape shape = new QueryShape();
        shape.add(Token.SELECT);
        shape.add(what);
        shape.body(q, what, scope, limit, offset, ordered, r);
        return shape;
    }

    /** The shape of {@link QueryRenderer#count}, binding its values into {@code r}. */
    static QueryShape count(Query<?> q, Rendered r) {
        QueryShape shape = new QueryShape();
        shape.add(Token.COUNT);
        shape.body(q, QueryRenderer.Select.COUNT, q.scope, q.limit, q.offset, false, r);
        return shape;
    }

    private void body(Query<?> q, QueryRenderer.Select what, Query.Scope scope, Integer limit, Integer offset,
            boolean ordered, Rendered r) {
        add(scope);
        add(limit != null);
        add(offset != null);
        add(ordered);
        add(q.forUpdate);
        // bound in the renderer's order: withCount subqueries (in the SELECT list), WHERE, HAVING, limit, offset
        if (what == QueryRenderer.Select.ROWS) {
            add(q.counts.size());
            for (Query.Count<?, ?> count : q.counts) {
                add(count.relation.relation);
                add(count.query.scope);
                filters(count.query.filters, r);
            }
        }
        filters(q.filters, r);
        Projection p = what == QueryRenderer.Select.PROJECTION ? q.projection : null;
        if (p == null) {
            add(Token.ROWS);
        } else {
            add(Token.PROJECTION);
            add(p.distinct);
            add(p.expressions.size());
            for (Expression<?, ?> e : p.expressions) {
                add(e);
            }
            add(p.groupBy.size());
            for (Object g : p.groupBy) {
                add(g);
            }
            add(p.having.size());
            for (Condition c : p.having) {
                condition(c, r);
            }
        }
        add(q.orders.size());
        for (Order o : q.orders) {
            add(o.expression());
            add(o.ascending());
        }
        if (limit != null) {
            r.bind(limit, Integer.class);
        }
        if (offset != null) {
            r.bind(offset, Integer.class);
        }
    }

    private void filters(List<Object> filters, Rendered r) {
        add(filters.size());
        for (Object f : filters) {
            if (f instanceof Condition c) {
                condition(c, r);
            } else if (f instanceof Query.Has h) {
                add(Token.HAS);
                add(h.relation.relation);
                add(h.negated);
                add(h.query.scope);
                filters(h.query.filters, r);
            } else if (f instanceof Query.Keys k) {
                add(Token.KEYS);
                add(k.relation.relation);
                add(k.keys.size());
                cacheable &= k.keys.size() <= MAX_CACHED_LIST;
                Class<?> type = k.relation.keyType;
                for (Object key : k.keys) {
                    r.bind(key, type);
                }
            } else {
                throw new IllegalStateException("Unknown filter " + f);
            }
        }
    }

    private void condition(Condition condition, Rendered r) {
        if (condition instanceof Condition.Comparison c) {
            add(Token.CMP);
            add(c.property);
            add(c.operator);
            r.bind(c.value, c.operator.isLike() ? String.class : c.property.type());
        } else if (condition instanceof Condition.In in) {
            add(Token.IN);
            add(in.property);
            add(in.values.size());
            cacheable &= in.values.size() <= MAX_CACHED_LIST;
            if (!in.values.isEmpty() && (r.longestIn == null || in.values.size() > r.longestIn.values.size())) {
                r.longestIn = in;
            }
            Class<?> type = in.property.type();
            for (Object value : in.values) {
                r.bind(value, type);
            }
        } else if (condition instanceof Condition.Between b) {
            add(Token.BETWEEN);
            add(b.property);
            r.bind(b.low, b.property.type());
            r.bind(b.high, b.property.type());
        } else if (condition instanceof Condition.NullCheck n) {
            add(Token.NULL_CHECK);
            add(n.property);
            add(n.isNull);
        } else if (condition instanceof Condition.Junction j) {
            add(j.all ? Token.AND : Token.OR);
            add(j.conditions.size());
            for (Condition c : j.conditions) {
                condition(c, r);
            }
        } else if (condition instanceof Condition.Not not) {
            add(Token.NOT);
            condition(not.condition, r);
        } else if (condition instanceof Condition.Aggregated a) {
            add(Token.AGGREGATED);
            add(a.aggregate);
            add(a.operator);
            r.bind(a.value, a.aggregate.type());
        } else {
            throw new IllegalStateException("Unknown condition " + condition);
        }
    }

    /** Whether the statement of this shape is worth keeping (see {@link #MAX_CACHED_LIST}). */
    boolean cacheable() {
        return cacheable;
    }

    private void add(Object token) {
        if (size == tokens.length) {
            tokens = Arrays.copyOf(tokens, size * 2);
        }
        tokens[size++] = token;
        hash = 31 * hash + token.hashCode();
    }

    private void add(int n) {
        add(Integer.valueOf(n));
    }

    private void add(boolean b) {
        add(Boolean.valueOf(b));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueryShape other && hash == other.hash
                && Arrays.equals(tokens, 0, size, other.tokens, 0, other.size);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Arrays.toString(Arrays.copyOf(tokens, size));
    }
}
