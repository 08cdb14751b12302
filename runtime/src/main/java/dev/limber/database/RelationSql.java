package dev.limber.database;

import dev.limber.database.dialect.JavaTypes;
import dev.limber.database.query.ForeignKey;
import dev.limber.database.query.Relation;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * How one relation joins in SQL, resolved once per engine from the registry: the owner's column
 * ({@link #ownerKey}) equals the target's column ({@link #targetKey}) — for {@code @BelongsTo}
 * the foreign key and the target's primary key, for {@code @HasMany}/{@code @HasOne} the owner's
 * primary key and the target's foreign key ({@code mappedBy}); a {@code @BelongsToMany} goes
 * through the junction: {@code junction.junctionOwner = owner.ownerKey} and
 * {@code junction.junctionTarget = target.targetKey}.
 */
final class RelationSql<M, T> {
    final Relation<M, T> relation;
    final ModelSql<M> owner;
    final ModelSql<T> target;
    final int ownerKey;
    final int targetKey;
    /** The type keys are bound and compared as: the target column's, boxed. */
    final Class<?> keyType;
    /** For a @BelongsToMany: the junction and its two foreign-key columns; otherwise null and -1. */
    final ModelSql<?> junction;
    final int junctionOwner;
    final int junctionTarget;

    private RelationSql(Relation<M, T> relation, ModelSql<M> owner, ModelSql<T> target, int ownerKey, int targetKey,
            ModelSql<?> junction, int junctionOwner, int junctionTarget) {
        this.relation = relation;
        this.owner = owner;
        this.target = target;
        this.ownerKey = ownerKey;
        this.targetKey = targetKey;
        this.junction = junction;
        this.junctionOwner = junctionOwner;
        this.junctionTarget = junctionTarget;
        this.keyType = junction != null
                ? JavaTypes.boxed(junction.info.columns().get(junctionOwner).javaType())
                : JavaTypes.boxed(target.info.columns().get(targetKey).javaType());
    }

    /**
     * The eager-load statements of this relation without a constraint's conditions, by trashed
     * mode and key-list length (0: one array parameter): a few per engine, each rendered once.
     */
    private final ConcurrentHashMap<Integer, String> linkSql = new ConcurrentHashMap<>();

    String linkSql(Query.Scope scope, int length, Supplier<String> render) {
        Integer key = length * 3 + scope.ordinal();
        String sql = linkSql.get(key);
        if (sql == null) {
            sql = render.get();
            linkSql.putIfAbsent(key, sql);
        }
        return sql;
    }

    boolean toOne() {
        return relation.kind() == Relation.Kind.BELONGS_TO || relation.kind() == Relation.Kind.HAS_ONE;
    }

    boolean throughJunction() {
        return junction != null;
    }

    /** Resolves {@code relation} against {@code engine}'s registry; a MappingException says what is missing. */
    static <M, T> RelationSql<M, T> resolve(Engine engine, Relation<M, T> relation) {
        ModelSql<M> owner = model(engine, relation, relation.model());
        ModelSql<T> target = model(engine, relation, relation.target());
        switch (relation.kind()) {
            case BELONGS_TO -> {
                ForeignKey<M, T, ?> fk = (ForeignKey<M, T, ?>) relation;
                int key = owner.position(fk.id());
                if (key < 0) {
                    throw new MappingException(relation + " keeps its key in column " + fk.id().column() + ", which is"
                            + " not a column of " + owner.info.type().getSimpleName()
                            + "; regenerate the model's code");
                }
                return new RelationSql<>(relation, owner, target, key, target.pk, null, -1, -1);
            }
            case HAS_ONE, HAS_MANY -> {
                ForeignKey<?, ?, ?> back = backReference(target, relation.mappedBy(), relation.model(), relation);
                return new RelationSql<>(relation, owner, target, owner.pk, target.position(back.id()), null, -1, -1);
            }
            case BELONGS_TO_MANY -> {
                ModelSql<?> junction = model(engine, relation, relation.through());
                ForeignKey<?, ?, ?> toOwner = null;
                ForeignKey<?, ?, ?> toTarget = null;
                for (Relation<?, ?> r : junction.info.relations()) {
                    if (r instanceof ForeignKey<?, ?, ?> fk) {
                        // a self-referencing many-to-many: the first key points at the owner, the second at the target
                        if (toOwner == null && fk.target() == relation.model()) {
                            toOwner = fk;
                        } else if (toTarget == null && fk.target() == relation.target()) {
                            toTarget = fk;
                        }
                    }
                }
                if (toOwner == null || toTarget == null) {
                    throw new MappingException(relation + " goes through " + relation.through().getSimpleName()
                            + ", which needs one @BelongsTo to " + relation.model().getSimpleName() + " and one to "
                            + relation.target().getSimpleName() + " among its relations; it has "
                            + junction.info.relations());
                }
                return new RelationSql<>(relation, owner, target, owner.pk, target.pk, junction,
                        junction.position(toOwner.id()), junction.position(toTarget.id()));
            }
            default -> throw new IllegalStateException("Unknown relation kind " + relation.kind());
        }
    }

    private static ForeignKey<?, ?, ?> backReference(ModelSql<?> target, String mappedBy, Class<?> owner,
            Relation<?, ?> relation) {
        Relation<?, ?> back = target.info.relation(mappedBy);
        if (!(back instanceof ForeignKey<?, ?, ?> fk) || fk.target() != owner || target.position(fk.id()) < 0) {
            throw new MappingException(relation + " is mapped by " + target.info.type().getSimpleName() + "." + mappedBy
                    + ", but " + target.info.type().getSimpleName() + " has no @BelongsTo " + mappedBy + " to "
                    + owner.getSimpleName() + " among its relations " + target.info.relations()
                    + "; name the @BelongsTo field in mappedBy and regenerate the models' code");
        }
        return fk;
    }

    private static <X> ModelSql<X> model(Engine engine, Relation<?, ?> relation, Class<X> type) {
        try {
            return engine.sql(type);
        } catch (MappingException e) {
            throw new MappingException(relation + " needs " + type.getName() + ", which this engine's registry does"
                    + " not hold (" + e.getMessage() + ")");
        }
    }

    @Override
    public String toString() {
        return relation.toString();
    }
}
