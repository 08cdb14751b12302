package dev.limber.database;

import dev.limber.database.mapping.ModelMapper;
import dev.limber.database.query.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the runtime knows about one model: table, columns, keys, soft delete, DDL and the
 * generated mapper. Immutable; built once by generated code.
 */
public final class ModelInfo<T> {
    /** Every model info built in this JVM, by model class: how {@link Ref#to} finds a target's key. */
    private static final Map<Class<?>, ModelInfo<?>> KNOWN = new ConcurrentHashMap<>();

    private final Class<T> type;
    private final String table;
    private final ModelMapper<T> mapper;
    private final List<ColumnInfo> columns;
    private final List<IndexInfo> indexes;
    private final List<ForeignKeyInfo> foreignKeys;
    private final List<Relation<T, ?>> relations;
    private final Map<String, String> createTable;
    private final int primaryKey;
    private final int version;
    private final int deletedAt;

    private ModelInfo(Builder<T> b) {
        this.type = b.type;
        this.table = b.table;
        this.mapper = b.mapper;
        this.columns = List.copyOf(b.columns);
        this.indexes = List.copyOf(b.indexes);
        this.foreignKeys = List.copyOf(b.foreignKeys);
        this.relations = List.copyOf(b.relations);
        this.createTable = Map.copyOf(b.createTable);
        this.primaryKey = indexOf(c -> c.primaryKey());
        this.version = indexOf(c -> c.version());
        this.deletedAt = b.softDeleteColumn == null ? -1 : indexOf(c -> c.name().equals(b.softDeleteColumn));
        if (primaryKey < 0) {
            throw new IllegalStateException("Model " + type.getName() + " has no primary key column");
        }
        if (b.softDeleteColumn != null && deletedAt < 0) {
            throw new IllegalStateException("Model " + type.getName() + " has no column " + b.softDeleteColumn);
        }
        KNOWN.putIfAbsent(type, this);
    }

    /**
     * The info of model {@code type}, built by its generated mapper; found among the infos built so
     * far, else among the registries on the class path.
     */
    @SuppressWarnings("unchecked")
    static <T> ModelInfo<T> known(Class<T> type) {
        ModelInfo<?> info = KNOWN.get(type);
        if (info == null) {
            info = ModelRegistry.discover(type.getClassLoader()).info(type);
        }
        return (ModelInfo<T>) info;
    }

    private int indexOf(java.util.function.Predicate<ColumnInfo> test) {
        for (int i = 0; i < columns.size(); i++) {
            if (test.test(columns.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Starts the info of model {@code type}, stored in {@code table}, mapped by {@code mapper}. */
    public static <T> Builder<T> builder(Class<T> type, String table, ModelMapper<T> mapper) {
        return new Builder<>(type, table, mapper);
    }

    public Class<T> type() { return type; }

    /** The table name, unquoted. */
    public String table() { return table; }

    public ModelMapper<T> mapper() { return mapper; }

    /** The columns in declaration order; the generated mapper reads and binds by these positions. */
    public List<ColumnInfo> columns() { return columns; }

    /** The column mapping {@code field}, or null. */
    public ColumnInfo columnForField(String field) {
        for (ColumnInfo column : columns) {
            if (column.field().equals(field)) {
                return column;
            }
        }
        return null;
    }

    /** The position of the column named {@code name} (SQL name), or -1. */
    public int columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public List<IndexInfo> indexes() { return indexes; }

    /** The foreign keys of the table, one per {@code @BelongsTo}, in declaration order. */
    public List<ForeignKeyInfo> foreignKeys() { return foreignKeys; }

    /** The relations the model declares, in declaration order. */
    public List<Relation<T, ?>> relations() { return relations; }

    /** The relation held in field {@code name}, or null. */
    public Relation<T, ?> relation(String name) {
        for (Relation<T, ?> relation : relations) {
            if (relation.name().equals(name)) {
                return relation;
            }
        }
        return null;
    }

    public boolean softDelete() { return deletedAt >= 0; }

    /** Position of the primary key column. */
    public int primaryKeyIndex() { return primaryKey; }

    public ColumnInfo primaryKey() { return columns.get(primaryKey); }

    /** Position of the {@code @Version} column, or -1. */
    public int versionIndex() { return version; }

    /** Position of the soft-delete {@code deleted_at} column, or -1 when the model is not soft-deleted. */
    public int deletedAtIndex() { return deletedAt; }

    /** The CREATE TABLE statement in the named dialect, without its indexes. */
    public String createTable(String dialect) {
        String sql = createTable.get(dialect);
        if (sql == null) {
            throw new IllegalArgumentException("No DDL for table " + table + " in dialect " + dialect
                    + "; known dialects: " + new TreeMap<>(createTable).keySet());
        }
        return sql;
    }

    /** CREATE TABLE followed by every index's statements, in the named dialect. */
    public List<String> ddl(String dialect) {
        List<String> statements = new ArrayList<>();
        statements.add(createTable(dialect));
        for (IndexInfo index : indexes) {
            statements.addAll(index.ddl(dialect));
        }
        return statements;
    }

    @Override
    public String toString() {
        return type.getSimpleName() + "(" + table + ")";
    }

    /** Builds a {@link ModelInfo}; used by generated code. */
    public static final class Builder<T> {
        private final Class<T> type;
        private final String table;
        private final ModelMapper<T> mapper;
        private final List<ColumnInfo> columns = new ArrayList<>();
        private final List<IndexInfo> indexes = new ArrayList<>();
        private final List<ForeignKeyInfo> foreignKeys = new ArrayList<>();
        private final List<Relation<T, ?>> relations = new ArrayList<>();
        private final Map<String, String> createTable = new TreeMap<>();
        private String softDeleteColumn;

        private Builder(Class<T> type, String table, ModelMapper<T> mapper) {
            this.type = Objects.requireNonNull(type, "type");
            this.table = Objects.requireNonNull(table, "table");
            this.mapper = Objects.requireNonNull(mapper, "mapper");
        }

        public Builder<T> column(ColumnInfo column) { columns.add(column); return this; }

        public Builder<T> index(IndexInfo index) { indexes.add(index); return this; }

        public Builder<T> foreignKey(ForeignKeyInfo foreignKey) { foreignKeys.add(foreignKey); return this; }

        public Builder<T> relation(Relation<T, ?> relation) { relations.add(relation); return this; }

        /** Soft delete through the named timestamp column. */
        public Builder<T> softDelete(String column) { this.softDeleteColumn = column; return this; }

        public Builder<T> createTable(String dialect, String sql) { createTable.put(dialect, sql); return this; }

        public ModelInfo<T> build() { return new ModelInfo<>(this); }
    }
}
