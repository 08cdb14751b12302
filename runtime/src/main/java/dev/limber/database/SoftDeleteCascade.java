package dev.limber.database;

import dev.limber.database.dialect.JavaTypes;
import dev.limber.database.mapping.JdbcValues;
import dev.limber.database.models.Cascade;
import dev.limber.database.query.ForeignKey;
import dev.limber.database.query.Relation;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Soft delete and restore across {@code cascade = Cascade.DELETE} relations ({@code @HasMany},
 * {@code @HasOne}): deleting parents stamps their live children with the parents' {@code deleted_at}
 * moment, recursively through the children's own cascades; restoring parents restores exactly the
 * children stamped with that moment, so a child deleted on its own earlier stays deleted. Hard
 * deletes need nothing here: the foreign key's {@code ON DELETE CASCADE} removes the children.
 *
 * <p>Children are found by key, never through a subquery on the table being updated (MariaDB
 * refuses "UPDATE t ... WHERE ... IN (SELECT ... FROM t)", which a self reference would need):
 * a child table without cascades of its own is updated by its foreign key, {@code IN} the parents'
 * ids; one with cascades has its live children's ids selected first, then updated by id, and the
 * cascade goes on from those ids. {@code IN} lists are cut into chunks well below the dialect's
 * parameter limit.
 *
 * <p>Every table of one cascade gets the same moment, as its own column type (Instant,
 * OffsetDateTime, or LocalDateTime in the engine clock's zone) derived from the parent's stamp
 * itself, so that the restore, which starts from the stamp read back, finds the same values.
 *
 * <p>One per engine; the cascade of each model is worked out once, at its first delete.
 */
final class SoftDeleteCascade {
    private final Engine engine;
    private final ConcurrentHashMap<Class<?>, List<Edge>> edges = new ConcurrentHashMap<>();

    SoftDeleteCascade(Engine engine) {
        this.engine = engine;
    }

    /**
     * A cascading relation of a parent: {@code child}'s rows whose {@code key} column (quoted)
     * holds a parent's id.
     */
    private record Edge(Relation<?, ?> relation, ModelSql<?> child, String key, Class<?> keyType) {
    }

    /** Whether soft-deleting a row of {@code m} cascades to other rows. */
    boolean cascades(ModelSql<?> m) {
        return !edges(m).isEmpty();
    }

    private List<Edge> edges(ModelSql<?> parent) {
        List<Edge> known = edges.get(parent.info.type());
        if (known == null) {
            known = edges.computeIfAbsent(parent.info.type(), t -> plan(parent));
        }
        return known;
    }

    private List<Edge> plan(ModelSql<?> parent) {
        List<Edge> plan = new ArrayList<>();
        for (Relation<?, ?> relation : parent.info.relations()) {
            if (relation.cascade() != Cascade.DELETE || (relation.kind() != Relation.Kind.HAS_MANY
                    && relation.kind() != Relation.Kind.HAS_ONE)) {
                continue;
            }
            ModelSql<?> child = engine.sql(relation.target());
            if (child.live == null) {
                throw new MappingException(relation + " has cascade = Cascade.DELETE, but "
                        + parent.info.type().getSimpleName() + " soft-deletes and " + relation.target().getSimpleName()
                        + " does not, so soft-deleting a " + parent.info.type().getSimpleName() + " could not stamp its"
                        + " children with its deleted_at; make " + relation.target().getSimpleName()
                        + " a @Model(softDelete = true) or remove the cascade");
            }
            Relation<?, ?> back = child.info.relation(relation.mappedBy());
            if (!(back instanceof ForeignKey<?, ?, ?> foreignKey)) {
                throw new MappingException(relation + " is mapped by " + relation.target().getSimpleName() + "."
                        + relation.mappedBy() + ", which is not a @BelongsTo of " + relation.target().getSimpleName()
                        + "; name the @BelongsTo field that points back at " + parent.info.type().getSimpleName());
            }
            plan.add(new Edge(relation, child, engine.dialect().quote(foreignKey.id().column()),
                    JavaTypes.boxed(foreignKey.id().type())));
        }
        return List.copyOf(plan);
    }

    /**
     * Stamps the rows {@code ids} of {@code m} (live ones only) with {@code stamp}, then their
     * children; returns how many rows of {@code m} were stamped. The bulk {@code Query.delete()}.
     */
    int delete(Session session, ModelSql<?> m, List<Object> ids, Object stamp) {
        int count = 0;
        for (List<Object> chunk : KeyLists.chunks(ids, engine.dialect())) {
            String sql = "UPDATE " + m.table + " SET " + m.deletedAtColumn + " = ? WHERE " + m.pkColumn
                    + KeyLists.in(chunk) + " AND " + m.live;
            count += session.update(sql, m.info, ps -> {
                JdbcValues values = session.values();
                values.set(ps, 1, stamp, m.deletedAtType);
                KeyLists.bind(values, ps, 2, chunk, m.pkType);
            });
        }
        deleteChildren(session, m, ids, stamp);
        return count;
    }

    /**
     * Stamps the live children of the rows {@code ids} of {@code parent}, which were just stamped
     * {@code stamp}, with the same moment; then their children, and so on.
     */
    void deleteChildren(Session session, ModelSql<?> parent, List<Object> ids, Object stamp) {
        ZoneId zone = engine.clock().getZone();
        cascade(session, parent, ids, ModelSql.instantOf(stamp, zone), zone, true);
    }

    /**
     * Restores the rows of {@code m} listed in {@code rows} (each an id and its deleted_at), then
     * the children each carried away with it; returns how many rows of {@code m} were restored.
     * The bulk {@code Query.restore()}.
     */
    int restore(Session session, ModelSql<?> m, List<Object[]> rows) {
        List<Object> ids = new ArrayList<>(rows.size());
        // the children of each parent carry that parent's stamp: restore them stamp by stamp
        Map<Object, List<Object>> byStamp = new LinkedHashMap<>();
        for (Object[] row : rows) {
            ids.add(row[0]);
            byStamp.computeIfAbsent(row[1], s -> new ArrayList<>()).add(row[0]);
        }
        int count = 0;
        for (List<Object> chunk : KeyLists.chunks(ids, engine.dialect())) {
            String sql = "UPDATE " + m.table + " SET " + m.deletedAtColumn + " = NULL WHERE " + m.pkColumn
                    + KeyLists.in(chunk) + " AND " + m.trashed;
            count += session.update(sql, m.info, ps -> KeyLists.bind(session.values(), ps, 1, chunk, m.pkType));
        }
        for (Map.Entry<Object, List<Object>> group : byStamp.entrySet()) {
            restoreChildren(session, m, group.getValue(), group.getKey());
        }
        return count;
    }

    /**
     * Restores the children of the rows {@code ids} of {@code parent}, which carried
     * {@code stamp} until they were just restored: exactly those stamped with the same moment.
     */
    void restoreChildren(Session session, ModelSql<?> parent, List<Object> ids, Object stamp) {
        ZoneId zone = engine.clock().getZone();
        cascade(session, parent, ids, ModelSql.instantOf(stamp, zone), zone, false);
    }

    /**
     * Deletes ({@code delete}) or restores the children of the rows {@code ids} of {@code parent}
     * stamped (or to be stamped) at {@code moment}, depth first.
     */
    private void cascade(Session session, ModelSql<?> parent, List<Object> ids, Instant moment, ZoneId zone,
            boolean delete) {
        if (ids.isEmpty()) {
            return;
        }
        JdbcValues values = session.values();
        for (Edge edge : edges(parent)) {
            ModelSql<?> child = edge.child();
            Object stamp = child.stamp(moment, zone);
            // delete: the live children; restore: the children carrying this cascade's stamp
            String scope = delete ? child.live : child.deletedAtColumn + " = ?";
            String set = " SET " + child.deletedAtColumn + (delete ? " = ?" : " = NULL");
            if (!cascades(child)) {
                for (List<Object> chunk : KeyLists.chunks(ids, engine.dialect())) {
                    String sql = "UPDATE " + child.table + set + " WHERE " + edge.key() + KeyLists.in(chunk)
                            + " AND " + scope;
                    session.update(sql, child.info, ps -> {
                        int next = 1;
                        if (delete) {
                            values.set(ps, next++, stamp, child.deletedAtType);
                        }
                        next = KeyLists.bind(values, ps, next, chunk, edge.keyType());
                        if (!delete) {
                            values.set(ps, next, stamp, child.deletedAtType);
                        }
                    });
                }
                continue;
            }
            // the children have children of their own: their ids first (also what MariaDB needs for a
            // self reference), then the update by id, then the next level from those ids
            List<Object> childIds = new ArrayList<>();
            for (List<Object> chunk : KeyLists.chunks(ids, engine.dialect())) {
                String sql = "SELECT " + child.pkColumn + " FROM " + child.table + " WHERE " + edge.key()
                        + KeyLists.in(chunk) + " AND " + scope;
                childIds.addAll(session.list(sql, child.info, ps -> {
                    int next = KeyLists.bind(values, ps, 1, chunk, edge.keyType());
                    if (!delete) {
                        values.set(ps, next, stamp, child.deletedAtType);
                    }
                }, rs -> values.get(rs, 1, child.pkType), 0));
            }
            for (List<Object> chunk : KeyLists.chunks(childIds, engine.dialect())) {
                String sql = "UPDATE " + child.table + set + " WHERE " + child.pkColumn + KeyLists.in(chunk)
                        + " AND " + scope;
                session.update(sql, child.info, ps -> {
                    int next = 1;
                    if (delete) {
                        values.set(ps, next++, stamp, child.deletedAtType);
                    }
                    next = KeyLists.bind(values, ps, next, chunk, child.pkType);
                    if (!delete) {
                        values.set(ps, next, stamp, child.deletedAtType);
                    }
                });
            }
            cascade(session, child, childIds, moment, zone, delete);
        }
    }
}
