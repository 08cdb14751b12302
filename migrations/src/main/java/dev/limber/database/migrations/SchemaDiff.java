package dev.limber.database.migrations;

import dev.limber.database.ColumnInfo;
import dev.limber.database.ForeignKeyInfo;
import dev.limber.database.IndexInfo;
import dev.limber.database.ModelInfo;
import dev.limber.database.ModelRegistry;
import dev.limber.database.dialect.Dialect;
import dev.limber.database.models.OnDelete;
import dev.limber.database.schema.TableOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What differs between the registered models and a live schema: tables, columns, indexes and
 * foreign keys the models need but the database lacks, columns whose nullability or type differ,
 * foreign keys whose target or ON DELETE action differ, and columns and foreign keys the database
 * has but no model declares. Built by {@link #compare}; read by {@link Migrator#checkSchema} and
 * by {@code revision --autogenerate}.
 *
 * <p>Models are compared in dependency order ({@link TableOrder#sortLeavingCycles}: a table after
 * the tables its foreign keys reference), so new tables reach the script in an order every
 * database accepts; tables on a cycle come last, and the script says so. A foreign key
 * is matched by its column, not its name (SQLite keeps no name for a key added with a column);
 * a database's {@code NO ACTION} counts as the model's {@code RESTRICT}: without deferred
 * constraints both refuse the delete, and H2 and MariaDB report the one as the other.
 */
public final class SchemaDiff {

    /** What kind of difference, in the order a migration script deals with them. */
    public enum Kind {
        /** The model's table does not exist. */
        MISSING_TABLE,
        /** The table lacks a column of the model. */
        MISSING_COLUMN,
        /** NOT NULL in one and nullable in the other. */
        NULLABILITY,
        /** The column's type is not the model's. */
        TYPE,
        /**
         * The table has an index no model declares (or one whose columns changed under its name): dropped,
         * before any index is created, with the generated columns that only it used. Indexes of the primary
         * key and of foreign keys, and SQLite's automatic ones, are the database's own and never count.
         */
        EXTRA_INDEX,
        /**
         * A text column's collation is not the one the model's table names (MariaDB): a table
         * created under the server's default collation ignores case and trailing spaces.
         */
        COLLATION,
        /** A unique index of the model is missing. */
        MISSING_UNIQUE_INDEX,
        /** A non-unique index of the model (such as a foreign key's) is missing. */
        MISSING_INDEX,
        /** A foreign key of the model is missing. */
        MISSING_FOREIGN_KEY,
        /** The column's foreign key references another table or column, or has another ON DELETE action. */
        FOREIGN_KEY_CHANGED,
        /** The table has a foreign key no model declares; a drop candidate, never dropped automatically. */
        EXTRA_FOREIGN_KEY,
        /** The table has a column no field maps; a drop candidate, never dropped automatically. */
        EXTRA_COLUMN
    }

    /**
     * One difference.
     *
     * @param kind        what differs
     * @param model       the model concerned
     * @param column      the model's column (for MISSING_COLUMN, NULLABILITY, TYPE, MISSING_FOREIGN_KEY and
     *                    FOREIGN_KEY_CHANGED: the foreign key's column)
     * @param index       the missing index (MISSING_UNIQUE_INDEX and MISSING_INDEX)
     * @param live        the live column (NULLABILITY, TYPE and EXTRA_COLUMN)
     * @param liveTable   the table name as the database spells it (null for MISSING_TABLE)
     * @param foreignKey  the model's foreign key (MISSING_FOREIGN_KEY and FOREIGN_KEY_CHANGED)
     * @param liveForeignKey the live foreign key (FOREIGN_KEY_CHANGED and EXTRA_FOREIGN_KEY)
     * @param description one line a person can act on
     * @param liveIndex   the live index (EXTRA_INDEX)
     * @param generatedColumns the generated columns (H2, MariaDB) only {@code liveIndex} used, dropped with it
     */
    public record Difference(Kind kind, ModelInfo<?> model, ColumnInfo column, IndexInfo index,
                             DatabaseSchema.Column live, String liveTable, ForeignKeyInfo foreignKey,
                             DatabaseSchema.ForeignKey liveForeignKey, String description,
                             DatabaseSchema.Index liveIndex, List<String> generatedColumns) {
        public Difference {
            generatedColumns = generatedColumns == null ? List.of() : List.copyOf(generatedColumns);
        }

        /** A difference about anything but a live index. */
        public Difference(Kind kind, ModelInfo<?> model, ColumnInfo column, IndexInfo index,
                          DatabaseSchema.Column live, String liveTable, ForeignKeyInfo foreignKey,
                          DatabaseSchema.ForeignKey liveForeignKey, String description) {
            this(kind, model, column, index, live, liveTable, foreignKey, liveForeignKey, description, null, null);
        }

        @Override
        public String toString() {
            return description;
        }
    }

    private final List<Difference> differences;

    private SchemaDiff(List<Difference> differences) {
        this.differences = List.copyOf(differences);
    }

    /**
     * Compares every model of {@code registry} with {@code live}, in registry order except that a
     * model comes after the models its foreign keys reference.
     */
    public static SchemaDiff compare(ModelRegistry registry, DatabaseSchema live, Dialect dialect) {
        List<Difference> found = new ArrayList<>();
        String d = dialect.name();
        for (ModelInfo<?> model : TableOrder.sortLeavingCycles(registry.models())) {
            String owner = " (model " + model.type().getSimpleName() + ")";
            Optional<DatabaseSchema.Table> maybeTable = live.table(model.table());
            if (maybeTable.isEmpty()) {
                found.add(new Difference(Kind.MISSING_TABLE, model, null, null, null, null, null, null,
                        "table " + model.table() + " is missing" + owner));
                continue;
            }
            DatabaseSchema.Table table = maybeTable.get();
            List<Difference> ofModel = new ArrayList<>();
            // SQLite's columns compare BINARY unless their definition says otherwise (SchemaInspector)
            String collation = dialect == Dialect.SQLITE ? "BINARY" : collation(model, d);
            for (ColumnInfo column : model.columns()) {
                String where = table.name() + "." + column.name();
                Optional<DatabaseSchema.Column> liveColumn = table.column(column.name());
                if (liveColumn.isEmpty()) {
                    ofModel.add(new Difference(Kind.MISSING_COLUMN, model, column, null, null, table.name(), null, null,
                            "column " + where + " is missing" + owner));
                    continue;
                }
                DatabaseSchema.Column have = liveColumn.get();
                // A primary key cannot hold NULL whatever the catalog says (SQLite reports
                // "INTEGER PRIMARY KEY" as nullable), so its nullability is no difference.
                if (!column.primaryKey() && column.nullable() != have.nullable()) {
                    ofModel.add(new Difference(Kind.NULLABILITY, model, column, null, have, table.name(), null, null,
                            "column " + where + " is " + nullability(have.nullable()) + " in the database but "
                                    + nullability(column.nullable()) + " in the model" + owner));
                }
                String declared = column.sqlType(d);
                if (!SqlTypes.sameType(declared, have, dialect == Dialect.SQLITE)) {
                    ofModel.add(new Difference(Kind.TYPE, model, column, null, have, table.name(), null, null,
                            "column " + where + " has type " + describe(have) + " in the database but " + declared
                                    + " in the model" + owner));
                }
                String wanted = columnCollation(declared, collation);
                if (wanted != null && have.collation() != null && !have.collation().equalsIgnoreCase(wanted)) {
                    ofModel.add(new Difference(Kind.COLLATION, model, column, null, have, table.name(), null, null,
                            "column " + where + " has collation " + have.collation() + " in the database but "
                                    + wanted + " in the model, so = and unique indexes "
                                    + (wanted.equalsIgnoreCase(collation) ? "may ignore case or trailing spaces there"
                                            : "do not ignore case there, as @Column(ignoreCase = true) says")
                                    + owner));
                }
            }
            List<DatabaseSchema.Index> claimed = new ArrayList<>();
            for (IndexInfo index : model.indexes()) {
                Optional<DatabaseSchema.Index> have = table.index(index.name(), indexedColumns(model, index, dialect),
                        index.unique());
                if (have.isPresent()) {
                    claimed.add(have.get());
                } else {
                    ofModel.add(new Difference(index.unique() ? Kind.MISSING_UNIQUE_INDEX : Kind.MISSING_INDEX, model,
                            null, index, null, table.name(), null, null,
                            (index.unique() ? "unique index " : "index ") + index.name() + " on " + table.name() + " "
                                    + index.columns() + " is missing" + owner));
                }
            }
            List<String> droppedWithIndexes = extraIndexes(model, table, dialect, claimed, ofModel);
            compareForeignKeys(model, table, owner, ofModel);
            for (DatabaseSchema.Column have : table.columns()) {
                if (model.columnIndex(have.name()) < 0 && !mapsIgnoringCase(model, have.name())
                        && !mentionedInDdl(model, dialect, have.name())
                        && !droppedWithIndexes.contains(have.name().toLowerCase(java.util.Locale.ROOT))) {
                    ofModel.add(new Difference(Kind.EXTRA_COLUMN, model, null, null, have, table.name(), null, null,
                            "column " + table.name() + "." + have.name() + " is in the database but no field of "
                                    + model.type().getSimpleName() + " maps it"));
                }
            }
            // Stable sort: within a kind, columns stay in model order.
            ofModel.sort(java.util.Comparator.comparing(Difference::kind));
            found.addAll(ofModel);
        }
        return new SchemaDiff(found);
    }

    /** Every difference, grouped by model (in the order {@link #compare} names), then by kind. */
    public List<Difference> differences() {
        return differences;
    }

    /** True when the live schema matches the models exactly. */
    public boolean isEmpty() {
        return differences.isEmpty();
    }

    /**
     * The differences that make the models disagree with the database: everything except columns
     * and foreign keys the models do not declare, which the models tolerate (a drop is for a
     * person to decide).
     */
    public List<Difference> mismatches() {
        return differences.stream()
                .filter(d -> d.kind() != Kind.EXTRA_COLUMN && d.kind() != Kind.EXTRA_FOREIGN_KEY)
                .toList();
    }

    /**
     * Drift: columns and foreign keys in the database that no model declares. They do not fail
     * {@code check} (dropping loses data, a person decides), but {@code limber check} lists them and
     * autogenerate writes a commented drop for each, once.
     */
    public List<Difference> drift() {
        return differences.stream()
                .filter(d -> d.kind() == Kind.EXTRA_COLUMN || d.kind() == Kind.EXTRA_FOREIGN_KEY)
                .toList();
    }

    /** This diff with {@code difference} alone. */
    SchemaDiff only(Difference difference) {
        return new SchemaDiff(List.of(difference));
    }

    /** This diff without {@code removed}. */
    SchemaDiff without(java.util.Collection<Difference> removed) {
        return new SchemaDiff(differences.stream().filter(d -> !removed.contains(d)).toList());
    }

    @Override
    public String toString() {
        if (differences.isEmpty()) {
            return "no differences";
        }
        StringBuilder text = new StringBuilder();
        for (Difference difference : differences) {
            text.append("- ").append(difference.description()).append('\n');
        }
        return text.toString();
    }

    /**
     * Each foreign key of the model against the live key on its column; then the live keys no
     * model key claimed.
     */
    private static void compareForeignKeys(ModelInfo<?> model, DatabaseSchema.Table table, String owner,
            List<Difference> found) {
        List<DatabaseSchema.ForeignKey> claimed = new ArrayList<>();
        for (ForeignKeyInfo fk : model.foreignKeys()) {
            int position = model.columnIndex(fk.column());
            ColumnInfo column = position < 0 ? null : model.columns().get(position);
            String where = table.name() + "." + fk.column();
            String wanted = fk.referencedTable() + "." + fk.referencedColumn();
            Optional<DatabaseSchema.ForeignKey> maybeLive = table.foreignKeyOn(fk.column());
            if (maybeLive.isEmpty()) {
                found.add(new Difference(Kind.MISSING_FOREIGN_KEY, model, column, null, null, table.name(), fk, null,
                        "foreign key " + fk.name() + " on " + where + " -> " + wanted + " (ON DELETE "
                                + onDelete(fk.onDelete()) + ") is missing" + owner));
                continue;
            }
            DatabaseSchema.ForeignKey live = maybeLive.get();
            claimed.add(live);
            String liveTarget = live.referencedTable() + "." + String.join(", ", live.referencedColumns());
            if (!live.referencedTable().equalsIgnoreCase(fk.referencedTable())
                    || live.referencedColumns().size() != 1
                    || !live.referencedColumns().get(0).equalsIgnoreCase(fk.referencedColumn())) {
                found.add(new Difference(Kind.FOREIGN_KEY_CHANGED, model, column, null, null, table.name(), fk, live,
                        "foreign key on " + where + " references " + liveTarget + " in the database but " + wanted
                                + " in the model" + owner));
            } else if (!sameAction(fk.onDelete(), live.onDelete())) {
                found.add(new Difference(Kind.FOREIGN_KEY_CHANGED, model, column, null, null, table.name(), fk, live,
                        "foreign key on " + where + " is ON DELETE " + live.onDelete()
                                + " in the database but ON DELETE "
                                + onDelete(fk.onDelete()) + " in the model" + owner));
            }
        }
        for (DatabaseSchema.ForeignKey live : table.foreignKeys()) {
            if (!claimed.contains(live)) {
                found.add(new Difference(Kind.EXTRA_FOREIGN_KEY, model, null, null, null, table.name(), null, live,
                        "foreign key " + (live.name() == null ? "" : live.name() + " ") + "on "
                                + live.describe(table.name()) + " is in the database but no @BelongsTo of "
                                + model.type().getSimpleName() + " declares it"));
            }
        }
    }

    /**
     * The columns {@code index} has in {@code dialect}'s catalog: its generated columns where the
     * database has no partial indexes and the index counts some rows only, else the model's.
     */
    private static List<String> indexedColumns(ModelInfo<?> model, IndexInfo index, Dialect dialect) {
        List<String> columns = index.generatedColumns().isEmpty() || dialect.partialIndexes() ? index.columns()
                : index.generatedColumns();
        if (dialect != Dialect.POSTGRESQL) {
            return columns;
        }
        // PostgreSQL indexes an @Column(ignoreCase = true) column as lower(column), which
        // SchemaInspector reads back in that form
        List<String> indexed = new ArrayList<>(columns.size());
        for (String column : columns) {
            int position = model.columnIndex(column);
            indexed.add(position >= 0 && model.columns().get(position).ignoreCase() ? "lower(" + column + ")" : column);
        }
        return indexed;
    }

    /**
     * Adds an EXTRA_INDEX for each index of {@code table} that no index of {@code model} claimed and
     * that is not the database's own: the primary key's, one on a foreign key's columns (which the
     * database may have made for the key, and needs while the key exists) or SQLite's automatic
     * ones. Returns the generated columns (lower-cased) dropped with them: those no model column is
     * and the model's DDL does not name.
     */
    private static List<String> extraIndexes(ModelInfo<?> model, DatabaseSchema.Table table, Dialect dialect,
            List<DatabaseSchema.Index> claimed, List<Difference> found) {
        List<String> dropped = new ArrayList<>();
        String primaryKey = null;
        for (ColumnInfo column : model.columns()) {
            if (column.primaryKey()) {
                primaryKey = column.name();
            }
        }
        for (DatabaseSchema.Index live : table.indexes()) {
            if (claimed.contains(live) || live.name() == null
                    || live.name().toLowerCase(java.util.Locale.ROOT).startsWith("sqlite_autoindex_")
                    || (live.columns().size() == 1 && live.columns().get(0).equalsIgnoreCase(primaryKey))
                    || onForeignKey(table, live)) {
                continue;
            }
            List<String> generated = new ArrayList<>();
            for (String name : live.columns()) {
                Optional<DatabaseSchema.Column> column = table.column(name);
                if (column.isPresent() && column.get().generated() && model.columnIndex(name) < 0
                        && !mapsIgnoringCase(model, name) && !mentionedInDdl(model, dialect, name)
                        && !usedByAnotherIndex(table, live, name, claimed)) {
                    generated.add(column.get().name());
                    dropped.add(name.toLowerCase(java.util.Locale.ROOT));
                }
            }
            found.add(new Difference(Kind.EXTRA_INDEX, model, null, null, null, table.name(), null, null,
                    (live.unique() ? "unique index " : "index ") + live.name() + " on " + table.name() + " "
                            + live.columns() + " is in the database but no index of "
                            + model.type().getSimpleName() + " declares it", live, generated));
        }
        return dropped;
    }

    /** True when {@code index} is on exactly the columns of one of {@code table}'s foreign keys. */
    private static boolean onForeignKey(DatabaseSchema.Table table, DatabaseSchema.Index index) {
        for (DatabaseSchema.ForeignKey key : table.foreignKeys()) {
            if (key.columns().size() == index.columns().size() && key.columns().stream()
                    .allMatch(c -> index.columns().stream().anyMatch(c::equalsIgnoreCase))) {
                return true;
            }
        }
        return false;
    }

    /** True when an index kept ({@code claimed}) other than {@code index} also covers {@code column}. */
    private static boolean usedByAnotherIndex(DatabaseSchema.Table table, DatabaseSchema.Index index, String column,
            List<DatabaseSchema.Index> claimed) {
        return claimed.stream().anyMatch(other -> other != index
                && other.columns().stream().anyMatch(column::equalsIgnoreCase));
    }

    /** The model's action against the database's words; NO ACTION is RESTRICT without deferral. */
    private static boolean sameAction(OnDelete model, String live) {
        String have = live.toUpperCase(java.util.Locale.ROOT);
        return switch (model) {
            case RESTRICT -> have.equals("RESTRICT") || have.equals("NO ACTION");
            case CASCADE -> have.equals("CASCADE");
            case SET_NULL -> have.equals("SET NULL");
        };
    }

    private static String onDelete(OnDelete action) {
        return action == OnDelete.SET_NULL ? "SET NULL" : action.name();
    }

    private static final java.util.regex.Pattern TABLE_COLLATION =
            java.util.regex.Pattern.compile("\\bCOLLATE=(\\w+)\\s*$");

    /** The collation the model's CREATE TABLE names ({@code COLLATE=...} at its end), or null. */
    private static String collation(ModelInfo<?> model, String dialect) {
        List<String> ddl = model.ddl(dialect);
        if (ddl.isEmpty()) {
            return null;
        }
        java.util.regex.Matcher m = TABLE_COLLATION.matcher(ddl.get(0));
        return m.find() ? m.group(1) : null;
    }

    private static final java.util.regex.Pattern COLUMN_COLLATION =
            java.util.regex.Pattern.compile("\\bCOLLATE (\\w+)");

    /**
     * The collation a text column should have: its own where its SQL type names one (MariaDB's
     * {@code @Column(ignoreCase = true)} columns), else the table's ({@code tableCollation}).
     */
    static String columnCollation(String sqlType, String tableCollation) {
        java.util.regex.Matcher m = COLUMN_COLLATION.matcher(sqlType);
        return m.find() ? m.group(1) : tableCollation;
    }

    private static boolean mapsIgnoringCase(ModelInfo<?> model, String name) {
        return model.columns().stream().anyMatch(c -> c.name().equalsIgnoreCase(name));
    }

    /**
     * True when the model's own DDL names the column: on H2 and MariaDB a soft-delete unique index
     * adds a generated helper column that no field maps.
     */
    private static boolean mentionedInDdl(ModelInfo<?> model, Dialect dialect, String column) {
        String quoted = dialect.quote(column);
        for (String statement : model.ddl(dialect.name())) {
            if (statement.contains(quoted) || containsIgnoreCase(statement, quoted)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsIgnoreCase(String text, String part) {
        return text.toLowerCase(java.util.Locale.ROOT).contains(part.toLowerCase(java.util.Locale.ROOT));
    }

    private static String nullability(boolean nullable) {
        return nullable ? "nullable" : "NOT NULL";
    }

    private static String describe(DatabaseSchema.Column column) {
        String family = SqlTypes.family(column.type());
        if ((family.equals("VARCHAR") || family.equals("CHAR")) && column.size() > 0) {
            return column.type() + "(" + column.size() + ")";
        }
        if (family.equals("DECIMAL") && column.size() > 0) {
            return column.type() + "(" + column.size() + "," + column.scale() + ")";
        }
        return column.type();
    }
}
