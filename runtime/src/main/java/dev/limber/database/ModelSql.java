package dev.limber.database;

import dev.limber.database.dialect.Dialect;
import dev.limber.database.dialect.JavaTypes;
import dev.limber.database.mapping.JdbcValues;
import dev.limber.database.mapping.ModelMapper;
import dev.limber.database.query.Property;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statements of one model in one dialect, built once per engine so that every execution
 * sends byte-identical SQL (and drivers can cache the prepared statement).
 */
final class ModelSql<T> {
    final ModelInfo<T> info;
    final ModelMapper<T> mapper;
    final Dialect dialect;
    final String table;
    /** Each column's name, quoted, by position in ModelInfo.columns(): queries look them up, never re-quote. */
    final String[] quoted;
    /** The model's columns, quoted, in ModelInfo order: what every SELECT reads. */
    final String columns;
    /** The same columns qualified by the root alias {@code t0}, for statements with joins or subqueries. */
    final String rootColumns;
    final String select;
    /** Maps one row through the model's mapper; one instance, so reads allocate no reader per call. */
    final Transaction.RowReader<T> reader;
    final int pk;
    final String pkColumn;
    final Class<?> pkType;
    final int version;
    final Class<?> versionType;
    final int deletedAt;
    final String deletedAtColumn;
    final Class<?> deletedAtType;
    /** {@code deleted_at IS NULL}, or null for a model without soft delete. */
    final String live;
    final String trashed;

    final String insertAll;
    final int[] insertAllColumns;
    /** INSERT without the generated key, or null when the key is not generated. */
    final String insertGenerated;
    final int[] insertGeneratedColumns;
    final String findLive;
    final String findAny;
    final String update;
    final int[] updateColumns;
    /** Stamps deleted_at of a live row by id (and, with @Version, only at the model's version). */
    final String softDelete;
    final String selectDeletedAt;
    /** The version of a row by id, deleted or not; null without @Version. */
    final String selectVersion;
    final String restore;
    /** DELETE by id (and, with @Version, only at the model's version). */
    final String delete;
    /** Per column: a String column, whose written values {@link TextValues} checks. */
    private final boolean[] text;
    /** Per column: whether the database keeps fewer fraction digits than the Java type carries (times on µs databases). */
    private final boolean[] shortened;

    private static final int MAX_CACHED_PROPERTIES = 256;
    private final ConcurrentHashMap<Property<?, ?>, Integer> positions = new ConcurrentHashMap<>();
    /** The UPDATE of some columns by id; an application names few column sets, the cap bounds the rest. */
    private static final int MAX_CACHED_UPDATES = 64;
    private final ConcurrentHashMap<BitSet, PartialUpdate> partialUpdates = new ConcurrentHashMap<>();
    /**
     * The SQL of each query shape seen (see {@link QueryShape}), rendered once. An application has
     * few shapes; in(...) lists of many lengths could make more, so the cap bounds them and a shape
     * past it is rendered each time.
     */
    private static final int MAX_CACHED_STATEMENTS = 512;
    private final ConcurrentHashMap<QueryShape, String> statements = new ConcurrentHashMap<>();
    /** WHERE by id, with the version and the live-rows filter where the model has them. */
    private final String updateWhere;

    /** An UPDATE of some columns of a row by id: its SQL and the columns it binds, in model order. */
    record PartialUpdate(String sql, int[] columns) {
    }

    ModelSql(ModelInfo<T> info, Dialect dialect) {
        this.info = info;
        this.mapper = info.mapper();
        this.dialect = dialect;
        List<ColumnInfo> cols = info.columns();
        this.table = dialect.quote(info.table());
        this.quoted = new String[cols.size()];
        StringJoiner all = new StringJoiner(", ");
        for (int i = 0; i < cols.size(); i++) {
            quoted[i] = dialect.quote(cols.get(i).name());
            all.add(quoted[i]);
        }
        this.columns = all.toString();
        StringJoiner rooted = new StringJoiner(", ");
        for (String column : quoted) {
            rooted.add(QueryRenderer.ROOT + "." + column);
        }
        this.rootColumns = rooted.toString();
        this.select = "SELECT " + columns + " FROM " + table;
        JdbcValues values = dialect.values();
        this.text = new boolean[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            text[i] = cols.get(i).javaType() == String.class;
        }
        this.shortened = new boolean[cols.size()];
        if (dialect.timeFractionDigits() < 9) {
            for (int i = 0; i < cols.size(); i++) {
                Class<?> type = cols.get(i).javaType();
                shortened[i] = type == java.time.LocalTime.class || type == java.time.LocalDateTime.class
                        || type == java.time.Instant.class || type == java.time.OffsetDateTime.class;
            }
        }
        ModelMapper<T> mapper = this.mapper;
        this.reader = rs -> mapper.read(rs, values);
        this.pk = info.primaryKeyIndex();
        this.pkColumn = dialect.quote(info.primaryKey().name());
        this.pkType = JavaTypes.boxed(info.primaryKey().javaType());
        this.version = info.versionIndex();
        this.versionType = version < 0 ? null : JavaTypes.boxed(cols.get(version).javaType());
        this.deletedAt = info.deletedAtIndex();
        this.deletedAtColumn = deletedAt < 0 ? null : dialect.quote(cols.get(deletedAt).name());
        this.deletedAtType = deletedAt < 0 ? null : cols.get(deletedAt).javaType();
        this.live = deletedAt < 0 ? null : deletedAtColumn + " IS NULL";
        this.trashed = deletedAt < 0 ? null : deletedAtColumn + " IS NOT NULL";

        this.insertAllColumns = positions(cols, -1, -1, -1);
        this.insertAll = insert(insertAllColumns);
        if (info.primaryKey().generated()) {
            this.insertGeneratedColumns = positions(cols, pk, -1, -1);
            this.insertGenerated = insert(insertGeneratedColumns);
        } else {
            this.insertGeneratedColumns = null;
            this.insertGenerated = null;
        }
        String byId = " WHERE " + pkColumn + " = ?";
        this.findAny = select + byId;
        this.findLive = live == null ? findAny : findAny + " AND " + live;

        this.updateColumns = positions(cols, pk, version, deletedAt);
        // with @Version, writes by id also require the version the model was read at
        String byIdAndVersion = version < 0 ? byId : byId + " AND " + dialect.quote(cols.get(version).name()) + " = ?";
        this.updateWhere = live == null ? byIdAndVersion : byIdAndVersion + " AND " + live;
        this.update = updateOf(updateColumns);
        this.selectVersion = version < 0 ? null
                : "SELECT " + dialect.quote(cols.get(version).name()) + " FROM " + table + byId;

        if (deletedAt >= 0) {
            this.softDelete = "UPDATE " + table + " SET " + deletedAtColumn + " = ?" + byIdAndVersion + " AND " + live;
            this.selectDeletedAt = "SELECT " + deletedAtColumn + " FROM " + table + byId;
            // only a deleted row is written: restoring a live one changes nothing (see Session.restore)
            this.restore = "UPDATE " + table + " SET " + deletedAtColumn + " = NULL" + byId + " AND " + trashed;
        } else {
            this.softDelete = null;
            this.selectDeletedAt = null;
            this.restore = null;
        }
        this.delete = "DELETE FROM " + table + byIdAndVersion;
    }

    /**
     * Refuses, before any SQL is sent, a String of {@code model} in {@code columns} that is longer
     * than its column or holds a character no database keeps alike (see {@link TextValues}).
     */
    void checkWrite(T model, int[] columns) {
        for (int c : columns) {
            if (text[c]) {
                TextValues.checkWrite(info, info.columns().get(c), mapper.get(model, c));
            }
        }
    }

    /**
     * UPDATE of {@code columns} (and the version) by id: binds the columns in order, then the new
     * version, the id and the version read.
     */
    private String updateOf(int[] columns) {
        StringJoiner set = new StringJoiner(", ");
        for (int c : columns) {
            set.add(quoted[c] + " = ?");
        }
        if (version >= 0) {
            set.add(quoted[version] + " = ?");
        }
        if (set.length() == 0) {
            set.add(pkColumn + " = " + pkColumn); // nothing to write: still proves the row exists
        }
        return "UPDATE " + table + " SET " + set + updateWhere;
    }

    /**
     * The UPDATE of the columns set in {@code columns} (positions checked by the caller: none is
     * the key, the version or deleted_at), rendered once per column set and kept, up to a cap.
     */
    PartialUpdate partialUpdate(BitSet columns) {
        PartialUpdate cached = partialUpdates.get(columns);
        if (cached != null) {
            return cached;
        }
        int[] positions = columns.stream().toArray();
        PartialUpdate rendered = new PartialUpdate(updateOf(positions), positions);
        if (partialUpdates.size() < MAX_CACHED_UPDATES) {
            PartialUpdate raced = partialUpdates.putIfAbsent((BitSet) columns.clone(), rendered);
            return raced != null ? raced : rendered;
        }
        return rendered;
    }

    private String insert(int[] positions) {
        StringJoiner names = new StringJoiner(", ");
        StringJoiner marks = new StringJoiner(", ");
        for (int c : positions) {
            names.add(dialect.quote(info.columns().get(c).name()));
            marks.add("?");
        }
        return "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")";
    }

    private static int[] positions(List<ColumnInfo> cols, int skip1, int skip2, int skip3) {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            if (i != skip1 && i != skip2 && i != skip3) {
                keep.add(i);
            }
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The position of {@code property}'s column in this model, or -1 when it is not one of its
     * columns. Resolved by name once per Property instance (the metamodel's are constants; Property
     * compares by identity), then kept; the cache is capped so that properties made on the fly
     * cannot grow it without end.
     */
    int position(Property<?, ?> property) {
        Integer cached = positions.get(property);
        if (cached != null) {
            return cached;
        }
        // a path (Book_.author.get(Author_.name)) is a column of another table, even where the names match
        int index = property.model() == info.type() && property.path().isEmpty()
                ? info.columnIndex(property.column()) : -1;
        if (index >= 0 && positions.size() < MAX_CACHED_PROPERTIES) {
            positions.putIfAbsent(property, index);
        }
        return index;
    }

    /** The SQL rendered for {@code shape}, or null when it was not kept. */
    String statement(QueryShape shape) {
        return statements.get(shape);
    }

    /** Keeps {@code sql} as the statement of {@code shape}, while there is room. */
    void remember(QueryShape shape, String sql) {
        if (statements.size() < MAX_CACHED_STATEMENTS) {
            statements.putIfAbsent(shape, sql);
        }
    }

    /** Whether inserting {@code model} lets the database generate its key (generated key column, no id set). */
    boolean generatesKey(T model) {
        if (insertGenerated == null) {
            return false;
        }
        Object id = mapper.get(model, pk);
        return id == null || (id instanceof Number n && n.longValue() == 0);
    }

    /** {@code id} as the key column's type: any integral Number fits an integral key. */
    Object key(Object id) {
        if (id == null) {
            throw new MappingException("id is null; pass the primary key value of the " + info.type().getSimpleName());
        }
        if (pkType.isInstance(id)) {
            return id;
        }
        if (id instanceof Number n && (id instanceof Long || id instanceof Integer || id instanceof Short
                || id instanceof Byte)) {
            long v = n.longValue();
            if (pkType == Long.class) return v;
            if (pkType == Integer.class && v == (int) v) return (int) v;
            if (pkType == Short.class && v == (short) v) return (short) v;
            if (pkType == Byte.class && v == (byte) v) return (byte) v;
        }
        throw new MappingException("id " + id + " is a " + id.getClass().getSimpleName() + " but "
                + info.type().getSimpleName() + "." + info.primaryKey().field() + " is a " + pkType.getSimpleName());
    }

    /** The next version after {@code current}, of the version column's type. */
    Object nextVersion(Object current) {
        long next = current == null ? 0 : ((Number) current).longValue() + 1;
        return versionType == Integer.class ? (Object) (int) next : (Object) next;
    }

    Object initialVersion() {
        return versionType == Integer.class ? (Object) 0 : (Object) 0L;
    }

    /** Now from {@code clock}, as the deleted_at column's type, to the microsecond every database keeps. */
    Object stamp(Clock clock) {
        return stamp(clock.instant().truncatedTo(ChronoUnit.MICROS), clock.getZone());
    }

    /**
     * {@code instant} as the deleted_at column's type (a LocalDateTime in {@code zone}): a cascade
     * stamps every row it deletes from one instant, so that each table holds the same moment.
     */
    Object stamp(Instant instant, ZoneId zone) {
        if (deletedAtType == Instant.class) {
            return instant;
        }
        if (deletedAtType == OffsetDateTime.class) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (deletedAtType == LocalDateTime.class) {
            return LocalDateTime.ofInstant(instant, zone);
        }
        throw new MappingException("deleted_at of " + info.type().getSimpleName() + " is a "
                + deletedAtType.getSimpleName() + "; use Instant, OffsetDateTime or LocalDateTime");
    }

    /** The moment a deleted_at value of this model stands for (a LocalDateTime read in {@code zone}). */
    static Instant instantOf(Object stamp, ZoneId zone) {
        if (stamp instanceof Instant instant) {
            return instant;
        }
        if (stamp instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (stamp instanceof LocalDateTime local) {
            return local.atZone(zone).toInstant();
        }
        throw new MappingException("A deleted_at value must be an Instant, OffsetDateTime or LocalDateTime, not "
                + (stamp == null ? "null" : stamp.getClass().getName()));
    }

    String describe(Object id) {
        return info.type().getSimpleName() + " with id " + id;
    }

    /**
     * {@code model} holding, in {@code columns}, what the database stored for them: times cut to
     * the dialect's precision, so that the model a write returns equals a fresh read. The same
     * instance for a class (and when nothing was cut), a new one for a record.
     */
    T stored(T model, int[] columns) {
        T row = model;
        for (int column : columns) {
            if (shortened[column]) {
                Object value = mapper.get(row, column);
                Object kept = dialect.stored(value);
                if (kept != value) {
                    row = mapper.with(row, column, kept);
                }
            }
        }
        return row;
    }
}
