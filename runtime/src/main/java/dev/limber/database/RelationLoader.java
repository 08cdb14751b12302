package dev.limber.database;

import dev.limber.database.dialect.Dialect;
import dev.limber.database.mapping.JdbcValues;
import dev.limber.database.query.Relation;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Eager loading: fills the {@link Ref}/{@link Many} holders of rows in hand with one statement
 * per relation, whatever the number of rows — {@code WHERE key IN (…)} over the rows' keys, in
 * chunks only when the keys exceed the parameters one statement may bind — then loads the
 * constraint's nested relations into the rows just read, one statement per level.
 *
 * <p>A related row that is missing, soft-deleted (in the relation's trashed mode) or filtered out
 * by the constraint leaves a to-one holder empty and is absent from a to-many one; the parent
 * is never dropped.
 */
final class RelationLoader {
    private RelationLoader() {
    }

    /** A key's group before any related row was read for it; never a row. */
    private static final Object NONE = new Object();

    /** Loads {@code include} into {@code parents}. */
    @SuppressWarnings("unchecked")
    static <P, R> void load(Session session, Collection<P> parents, Query.Include<P, R> include) {
        if (parents.isEmpty()) {
            return;
        }
        RelationSql<P, R> rel = include.relation;
        boolean toOne = rel.toOne();
        // each parent's key, read once; by key, NONE until a related row is read, then that row
        // (to-one) or the list of them (to-many); the keys to bind, each once, in the column's type
        Object[] parentKeys = new Object[parents.size()];
        Map<Object, Object> groups = new HashMap<>(capacity(parents.size()));
        List<Object> keys = new ArrayList<>(parents.size());
        int i = 0;
        for (P parent : parents) {
            if (parent == null) {
                throw new IllegalArgumentException("Cannot load " + rel + " into a null model");
            }
            Object key = normalized(rel.owner.mapper.get(parent, rel.ownerKey));
            parentKeys[i++] = key;
            if (key != null && groups.putIfAbsent(key, NONE) == null) {
                Object bound = bindable(key, rel.keyType);
                if (bound != null) {
                    keys.add(bound);
                }
            }
        }
        // the rows read, for the nested loads: each read makes a new object, so they are distinct
        List<R> loaded = include.query.includes.isEmpty() ? null : new ArrayList<>();
        if (!keys.isEmpty()) {
            fetch(session, rel, include.query, keys, sink(rel, include.query, groups, loaded));
        }
        i = 0;
        for (P parent : parents) {
            Object key = parentKeys[i++];
            Object group = key == null ? NONE : groups.get(key);
            if (toOne) {
                ref(rel, parent).load(group == NONE ? null : (R) group);
            } else {
                many(rel, parent).load(group == NONE ? List.of() : (List<R>) group);
            }
        }
        if (loaded != null) {
            for (Query.Include<R, ?> nested : include.query.includes) {
                load(session, loaded, nested);
            }
        }
    }

    /** A HashMap's capacity for {@code entries} without a resize. */
    private static int capacity(int entries) {
        return (int) Math.min(1L << 30, entries * 4L / 3 + 1);
    }

    /**
     * Reads the related rows (with the constraint's counts) and files each under its owner key:
     * the junction's, or the row's own column. A to-one keeps the first row of a key.
     */
    @SuppressWarnings("unchecked")
    private static <R> Transaction.RowSink sink(RelationSql<?, R> rel, Query<R> q, Map<Object, Object> groups,
            List<R> loaded) {
        Transaction.RowReader<R> rows = q.reader();
        boolean toOne = rel.toOne();
        boolean junction = rel.throughJunction();
        int column = rel.target.info.columns().size() + q.counts.size() + 1;
        var values = rel.target.dialect.values();
        return rs -> {
            R row = rows.read(rs);
            Object key = normalized(junction ? values.get(rs, column, rel.keyType)
                    : rel.target.mapper.get(row, rel.targetKey));
            if (loaded != null) {
                loaded.add(row);
            }
            if (toOne) {
                groups.replace(key, NONE, row);
                return;
            }
            Object group = groups.get(key);
            if (group == NONE) {
                List<R> list = new ArrayList<>();
                list.add(row);
                groups.put(key, list);
            } else if (group != null) {
                ((List<R>) group).add(row);
            }
        };
    }

    /**
     * Runs the statements that read the related rows of {@code keys}: one, or one per chunk when
     * the keys and the constraint's own values exceed what the database binds in one statement.
     * The keys travel as one array parameter where the dialect has one; otherwise the IN list is
     * padded to one of a few lengths ({@link #padded}). Either way a with(...) without conditions
     * has a handful of SQL texts per engine, rendered once and prepared again by the database.
     */
    private static <R> void fetch(Session session, RelationSql<?, R> rel, Query<R> q, List<Object> keys,
            Transaction.RowSink sink) {
        Dialect dialect = session.engine().dialect();
        String arrayType = dialect.keyArrayType(rel.keyType);
        if (q.filters.isEmpty() && q.orders.isEmpty() && q.counts.isEmpty()) {
            // binds nothing but the keys: the text depends only on the trashed mode and the list's length
            if (arrayType != null) {
                KeyArray array = KeyArray.of(keys, rel.keyType, arrayType);
                String sql = rel.linkSql(q.scope, 0, () -> render(rel, q, keys, 0, arrayType).sql);
                session.each(sql, rel.target.info, array, sink);
                return;
            }
            int max = dialect.maxParameters();
            for (int from = 0; from < keys.size(); from += max) {
                List<Object> part = keys.subList(from, Math.min(keys.size(), from + max));
                int length = padded(part.size(), max);
                String sql = rel.linkSql(q.scope, length, () -> render(rel, q, part, length, null).sql);
                session.each(sql, rel.target.info, new PaddedKeys(part, length, rel.keyType, session.values()), sink);
            }
            return;
        }
        int max = dialect.maxParameters();
        // the constraint's own parameters: a one-key statement binds them and that key
        Rendered probe = render(rel, q, keys.subList(0, 1), 1, null);
        int chunk = max - (probe.values.size() - 1);
        if (chunk < 1) {
            throw new LimberException("The constraint of with(" + rel + ") binds " + (probe.values.size() - 1)
                    + " values, which leaves no room for the keys of the rows to load in one statement of "
                    + dialect.productName() + " (" + max + " at most); shorten its in(...) lists");
        }
        if (arrayType != null) {
            Rendered r = render(rel, q, keys, 0, arrayType);
            session.each(r.sql, rel.target.info, r, sink);
            return;
        }
        for (int from = 0; from < keys.size(); from += chunk) {
            List<Object> part = keys.subList(from, Math.min(keys.size(), from + chunk));
            Rendered r = part.size() == 1 && from == 0 ? probe : render(rel, q, part, padded(part.size(), chunk), null);
            session.each(r.sql, rel.target.info, r, sink);
        }
    }

    /**
     * The length of the IN list for {@code keys} keys, at most {@code limit}: the key count up to 4,
     * then the next of 6, 8, 12, 16, 24, 32, … (two lengths per doubling), so that 1 to 1,000 keys
     * make 20 distinct statements and a list is padded by a third at most.
     */
    static int padded(int keys, int limit) {
        if (keys <= 4) {
            return keys;
        }
        int half = Integer.highestOneBit(keys - 1); // the power of two below keys
        int length = keys <= half + (half >> 1) ? half + (half >> 1) : half << 1;
        return Math.min(length, limit);
    }

    private static <R> Rendered render(RelationSql<?, R> rel, Query<R> q, List<Object> keys, int length,
            String arrayType) {
        return QueryRenderer.select(q, QueryRenderer.Select.ROWS, q.scope, null, null, true,
                new QueryRenderer.Link(rel, keys, length, arrayType));
    }

    /**
     * {@code IN (?, ...)} of {@code length} placeholders for the keys, the last key repeated in the
     * padding: a repeated value in an IN list matches no row twice.
     */
    private record PaddedKeys(List<Object> keys, int length, Class<?> type, JdbcValues values)
            implements Transaction.Binder {
        @Override
        public void bind(PreparedStatement statement) throws SQLException {
            int n = keys.size();
            for (int i = 0; i < length; i++) {
                values.set(statement, i + 1, keys.get(i < n ? i : n - 1), type);
            }
        }
    }

    /** The keys as one array parameter of SQL element type {@code type}, for {@link Dialect#inKeyArray}. */
    record KeyArray(String type, Object[] keys) implements Transaction.Binder {
        /** {@code keys} (each of {@code keyType}) in an array of that type, which drivers bind natively. */
        static KeyArray of(List<Object> keys, Class<?> keyType, String type) {
            Object[] array;
            if (keyType == Long.class) {
                array = new Long[keys.size()];
            } else if (keyType == Integer.class) {
                array = new Integer[keys.size()];
            } else if (keyType == Short.class) {
                array = new Short[keys.size()];
            } else if (keyType == String.class) {
                array = new String[keys.size()];
            } else if (keyType == UUID.class) {
                array = new UUID[keys.size()];
            } else {
                array = new Object[keys.size()];
            }
            return new KeyArray(type, keys.toArray(array));
        }

        void bind(PreparedStatement statement, int parameter) throws SQLException {
            statement.setArray(parameter, statement.getConnection().createArrayOf(type, keys));
        }

        @Override
        public void bind(PreparedStatement statement) throws SQLException {
            bind(statement, 1);
        }
    }

    /** Keys compare as Long whatever integral type a column has, so a parent's key finds its children's. */
    private static Object normalized(Object key) {
        if (key instanceof Integer || key instanceof Short || key instanceof Byte) {
            return ((Number) key).longValue();
        }
        return key;
    }

    /**
     * A normalized key as a value of the related column's type, or null when it does not fit that
     * type (then no related row can have it).
     */
    private static Object bindable(Object key, Class<?> type) {
        if (!(key instanceof Long value) || type == Long.class) {
            return key;
        }
        if (type == Integer.class) {
            return value == value.intValue() ? (Object) value.intValue() : null;
        }
        if (type == Short.class) {
            return value == value.shortValue() ? (Object) value.shortValue() : null;
        }
        if (type == Byte.class) {
            return value == value.byteValue() ? (Object) value.byteValue() : null;
        }
        return key;
    }

    // --- holders ---

    /** {@code parent}'s to-one holder, made (and set) if a hand-built class model has none. */
    @SuppressWarnings("unchecked")
    static <P, R> Ref<R> ref(RelationSql<P, R> rel, P parent) {
        Object holder = rel.relation.holder(parent);
        if (holder == null) {
            holder = Ref.unloaded(rel.relation.toString());
            set(rel.relation, parent, holder);
        }
        return (Ref<R>) holder;
    }

    /** {@code parent}'s to-many holder, made (and set) if a hand-built class model has none. */
    @SuppressWarnings("unchecked")
    static <P, R> Many<R> many(RelationSql<P, R> rel, P parent) {
        Object holder = rel.relation.holder(parent);
        if (holder == null) {
            holder = Many.unloaded(rel.relation.toString());
            set(rel.relation, parent, holder);
        }
        return (Many<R>) holder;
    }

    private static <P> void set(Relation<P, ?> relation, P parent, Object holder) {
        if (!relation.canSetHolder()) {
            String unloaded = relation.kind() == Relation.Kind.HAS_MANY
                    || relation.kind() == Relation.Kind.BELONGS_TO_MANY ? "Many.unloaded(\"" + relation + "\")"
                    : "Ref.unloaded(\"" + relation + "\")";
            throw new MappingException(relation + " is null in this " + relation.model().getSimpleName() + " record,"
                    + " and a record's holder cannot be set after construction; pass " + unloaded
                    + " (or Ref.ofId(id) for a @BelongsTo) to its constructor, or read the record from the database");
        }
        relation.setHolder(parent, holder);
    }
}
