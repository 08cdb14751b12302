package dev.limber.database;

import dev.limber.database.dialect.JavaTypes;
import dev.limber.database.mapping.JdbcValues;
import dev.limber.database.query.ForeignKey;
import dev.limber.database.query.Relation;
import dev.limber.database.query.ToMany;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The junction rows of {@code @BelongsToMany} relations: what {@link Session#attach} inserts and
 * {@link Session#detach} removes (soft-deletes, when the junction is a soft-delete model). One per
 * engine; the statements of each relation are built once, at its first use.
 */
final class Junctions {
    private final Engine engine;
    private final ConcurrentHashMap<ToMany<?, ?>, Plan> plans = new ConcurrentHashMap<>();

    Junctions(Engine engine) {
        this.engine = engine;
    }

    /**
     * How the junction of one relation is written: {@code ownerKey} holds the owner's id and
     * {@code targetKey} the target's (both quoted).
     */
    private record Plan(ModelSql<?> owner, ModelSql<?> target, ModelSql<?> junction, String ownerKey,
            Class<?> ownerType, String targetKey, Class<?> targetType, String insert) {
    }

    /** Inserts the junction rows linking {@code model} to those {@code targets} it is not yet (live) linked to. */
    <M, T> int attach(Session session, M model, ToMany<M, T> relation, Collection<? extends T> targets) {
        Plan plan = plan(relation, "attach");
        Object owner = ownerId(plan, model, relation, "attach");
        List<Object> ids = targetIds(plan, targets, relation, "attach");
        if (ids.isEmpty()) {
            return 0;
        }
        session.begin(); // the pairs found linked are the pairs left alone
        JdbcValues values = session.values();
        ModelSql<?> j = plan.junction();
        Set<Object> linked = new HashSet<>();
        for (List<Object> chunk : KeyLists.chunks(ids, engine.dialect())) {
            String sql = "SELECT " + plan.targetKey() + " FROM " + j.table + " WHERE " + plan.ownerKey() + " = ? AND "
                    + plan.targetKey() + KeyLists.in(chunk) + (j.live == null ? "" : " AND " + j.live);
            linked.addAll(session.list(sql, j.info, ps -> {
                values.set(ps, 1, owner, plan.ownerType());
                KeyLists.bind(values, ps, 2, chunk, plan.targetType());
            }, rs -> values.get(rs, 1, plan.targetType()), 0));
        }
        List<Transaction.Binder> rows = new ArrayList<>();
        Object version = j.version < 0 ? null : j.initialVersion();
        for (Object id : ids) {
            if (!linked.contains(id)) {
                rows.add(ps -> {
                    values.set(ps, 1, owner, plan.ownerType());
                    values.set(ps, 2, id, plan.targetType());
                    if (version != null) {
                        values.set(ps, 3, version, j.versionType);
                    }
                });
            }
        }
        if (!rows.isEmpty()) {
            session.batch(plan.insert(), j.info, rows);
        }
        return rows.size();
    }

    /**
     * Removes (soft-deletes, on a soft-delete junction) the live junction rows linking
     * {@code model} to {@code targets}.
     */
    <M, T> int detach(Session session, M model, ToMany<M, T> relation, Collection<? extends T> targets) {
        Plan plan = plan(relation, "detach");
        Object owner = ownerId(plan, model, relation, "detach");
        List<Object> ids = targetIds(plan, targets, relation, "detach");
        JdbcValues values = session.values();
        ModelSql<?> j = plan.junction();
        Object stamp = j.live == null ? null : j.stamp(engine.clock());
        int count = 0;
        for (List<Object> chunk : KeyLists.chunks(ids, engine.dialect())) {
            String where = " WHERE " + plan.ownerKey() + " = ? AND " + plan.targetKey() + KeyLists.in(chunk);
            String sql = j.live == null ? "DELETE FROM " + j.table + where
                    : "UPDATE " + j.table + " SET " + j.deletedAtColumn + " = ?" + where + " AND " + j.live;
            count += session.update(sql, j.info, ps -> {
                int next = 1;
                if (stamp != null) {
                    values.set(ps, next++, stamp, j.deletedAtType);
                }
                values.set(ps, next++, owner, plan.ownerType());
                KeyLists.bind(values, ps, next, chunk, plan.targetType());
            });
        }
        return count;
    }

    private Plan plan(ToMany<?, ?> relation, String operation) {
        if (relation == null) {
            throw new MappingException(operation + "() needs a @BelongsToMany relation from the metamodel, e.g."
                    + " Book_.tags; it was null");
        }
        Plan plan = plans.get(relation);
        if (plan == null) {
            plan = plans.computeIfAbsent(relation, r -> build(r, operation));
        }
        return plan;
    }

    private Plan build(ToMany<?, ?> relation, String operation) {
        if (relation.kind() != Relation.Kind.BELONGS_TO_MANY) {
            throw new MappingException(operation + "() writes the junction rows of a @BelongsToMany relation, but "
                    + relation + " is a @HasMany: its children hold the key themselves; set the child's @BelongsTo"
                    + " (e.g. child." + relation.mappedBy() + " = Ref.to(parent)) and insert or update the child");
        }
        ModelSql<?> junction = engine.sql(relation.through());
        ForeignKey<?, ?, ?> ownerSide = null;
        ForeignKey<?, ?, ?> targetSide = null;
        for (Relation<?, ?> r : junction.info.relations()) {
            if (r instanceof ForeignKey<?, ?, ?> key) {
                // in declaration order, so that a junction between one model and itself reads owner first
                if (ownerSide == null && key.target() == relation.model()) {
                    ownerSide = key;
                } else if (targetSide == null && key.target() == relation.target()) {
                    targetSide = key;
                }
            }
        }
        String junctionName = relation.through().getSimpleName();
        if (ownerSide == null || targetSide == null) {
            throw new MappingException(relation + " goes through " + junctionName + ", which needs one @BelongsTo to "
                    + relation.model().getSimpleName() + " and one to " + relation.target().getSimpleName()
                    + "; add the missing one");
        }
        if (!junction.info.primaryKey().generated()) {
            throw new MappingException(operation + "() inserts " + junctionName + " rows, so its primary key "
                    + junction.info.type().getSimpleName() + "." + junction.info.primaryKey().field() + " must be"
                    + " generated by the database; generate it, or insert " + junctionName + " rows yourself");
        }
        String ownerKey = engine.dialect().quote(ownerSide.id().column());
        String targetKey = engine.dialect().quote(targetSide.id().column());
        String columns = ownerKey + ", " + targetKey;
        String marks = "?, ?";
        if (junction.version >= 0) {
            columns += ", " + junction.quoted[junction.version];
            marks += ", ?";
        }
        String insert = "INSERT INTO " + junction.table + " (" + columns + ") VALUES (" + marks + ")";
        return new Plan(engine.sql(relation.model()), engine.sql(relation.target()), junction, ownerKey,
                JavaTypes.boxed(ownerSide.id().type()), targetKey, JavaTypes.boxed(targetSide.id().type()), insert);
    }

    private static Object ownerId(Plan plan, Object model, ToMany<?, ?> relation, String operation) {
        if (model == null) {
            throw new MappingException(operation + "(null, " + relation + ", ...): pass the "
                    + relation.model().getSimpleName() + " whose links to change");
        }
        Object id = plan.owner().mapper.get(cast(model), plan.owner().pk);
        if (id == null) {
            throw new MappingException("This " + relation.model().getSimpleName() + " has no id, so " + operation
                    + "() has nothing to link; insert it first (session.insert) and pass the model insert returns");
        }
        return id;
    }

    /** The targets' ids, each once, in order. */
    private static List<Object> targetIds(Plan plan, Collection<?> targets, ToMany<?, ?> relation, String operation) {
        if (targets == null) {
            throw new MappingException(operation + "() needs the " + relation.target().getSimpleName() + "s to "
                    + operation + "; the collection was null");
        }
        Set<Object> ids = new LinkedHashSet<>();
        int position = 0;
        for (Object target : targets) {
            if (target == null) {
                throw new MappingException(operation + "(): target " + position + " is null");
            }
            Object id = plan.target().mapper.get(cast(target), plan.target().pk);
            if (id == null) {
                throw new MappingException(operation + "(): target " + position + " (a "
                        + relation.target().getSimpleName() + ") has no id; insert it first and pass the model insert"
                        + " returns");
            }
            ids.add(plan.target().key(id));
            position++;
        }
        return new ArrayList<>(ids);
    }

    @SuppressWarnings("unchecked")
    private static <X> X cast(Object model) {
        return (X) model;
    }
}
