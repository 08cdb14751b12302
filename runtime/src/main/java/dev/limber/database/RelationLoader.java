package dev.limber.database;

import dev.limber.database.query.Relation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

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

    /** Loads {@code include} into {@code parents}. */
    static <P, R> void load(Session session, Collection<P> parents, Query.Include<P, R> include) {
        if (parents.isEmpty()) {
            return;
        }
        RelationSql<P, R> rel = include.relation;
        LinkedHashSet<Object> keys = new LinkedHashSet<>();
        for (P parent : parents) {
            if (parent == null) {
                throw new IllegalArgumentException("Cannot load " + rel + " into a null model");
            }
            Object key = normalized(rel.owner.mapper.get(parent, rel.ownerKey));
            if (key != null) {
                keys.add(key);
            }
        }
        Map<Object, List<R>> children = keys.isEmpty() ? Map.of() : fetch(session, rel, include.query,
                new ArrayList<>(keys));
        List<R> loaded = new ArrayList<>();
        for (P parent : parents) {
            Object key = normalized(rel.owner.mapper.get(parent, rel.ownerKey));
            List<R> mine = key == null ? List.of() : children.getOrDefault(key, List.of());
            if (rel.toOne()) {
                ref(rel, parent).load(mine.isEmpty() ? null : mine.get(0));
            } else {
                many(rel, parent).load(mine);
            }
        }
        for (List<R> rows : children.values()) {
            loaded.addAll(rows);
        }
        for (Query.Include<R, ?> nested : include.query.includes) {
            load(session, distinct(loaded), nested);
        }
    }

    /**
     * The related rows of the owners with {@code keys}, by owner key, in the constraint's order:
     * one statement, or one per chunk when the keys and the constraint's own values exceed what
     * the database binds in one statement.
     */
    private static <R> Map<Object, List<R>> fetch(Session session, RelationSql<?, R> rel, Query<R> q,
            List<Object> keys) {
        int max = session.engine().dialect().maxParameters();
        // the constraint's own parameters: a one-key statement binds them and that key
        Rendered probe = render(rel, q, keys.subList(0, 1));
        int chunk = max - (probe.values.size() - 1);
        if (chunk < 1) {
            throw new LimberException("The constraint of with(" + rel + ") binds " + (probe.values.size() - 1)
                    + " values, which leaves no room for the keys of the rows to load in one statement of "
                    + session.engine().dialect().productName() + " (" + max + " at most); shorten its in(...) lists");
        }
        Map<Object, List<R>> byKey = new HashMap<>(keys.size() * 2);
        Transaction.RowReader<Linked<R>> reader = reader(rel, q);
        for (int from = 0; from < keys.size(); from += chunk) {
            List<Object> part = keys.subList(from, Math.min(keys.size(), from + chunk));
            Rendered r = part.size() == 1 && from == 0 ? probe : render(rel, q, part);
            for (Linked<R> row : session.list(r.sql, rel.target.info, r, reader, 0, Math.max(16, part.size()))) {
                byKey.computeIfAbsent(row.key, k -> new ArrayList<>()).add(row.row);
            }
        }
        return byKey;
    }

    private static <R> Rendered render(RelationSql<?, R> rel, Query<R> q, List<Object> keys) {
        return QueryRenderer.select(q, QueryRenderer.Select.ROWS, q.scope, null, null, true,
                new QueryRenderer.Link(rel, keys));
    }

    /** A related row and the owner key it belongs to. */
    private record Linked<R>(Object key, R row) {
    }

    /** Reads a related row (with the constraint's counts) and its owner key: the junction's, or the row's own column. */
    private static <R> Transaction.RowReader<Linked<R>> reader(RelationSql<?, R> rel, Query<R> q) {
        Transaction.RowReader<R> rows = q.reader();
        if (rel.throughJunction()) {
            int column = rel.target.info.columns().size() + q.counts.size() + 1;
            var values = rel.target.dialect.values();
            return rs -> new Linked<>(normalized(values.get(rs, column, rel.keyType)), rows.read(rs));
        }
        return rs -> {
            R row = rows.read(rs);
            return new Linked<>(normalized(rel.target.mapper.get(row, rel.targetKey)), row);
        };
    }

    /** Keys compare as Long whatever integral type a column has, so a parent's key finds its children's. */
    private static Object normalized(Object key) {
        if (key instanceof Integer || key instanceof Short || key instanceof Byte) {
            return ((Number) key).longValue();
        }
        return key;
    }

    private static <R> List<R> distinct(List<R> rows) {
        List<R> out = new ArrayList<>(rows.size());
        java.util.Set<R> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (R row : rows) {
            if (seen.add(row)) {
                out.add(row);
            }
        }
        return out;
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
