package dev.limber.database.migrations;

import dev.limber.database.ColumnInfo;
import dev.limber.database.IndexInfo;
import dev.limber.database.ModelInfo;
import dev.limber.database.ModelRegistry;
import dev.limber.database.dialect.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What differs between the registered models and a live schema: tables, columns and unique
 * indexes the models need but the database lacks, columns whose nullability or type differ, and
 * columns the database has but no model maps. Built by {@link #compare}; read by
 * {@link Migrator#checkSchema} and by {@code revision --autogenerate}.
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
        /** A unique index of the model is missing. */
        MISSING_UNIQUE_INDEX,
        /** The table has a column no field maps; a drop candidate, never dropped automatically. */
        EXTRA_COLUMN
    }

    /**
     * One difference.
     *
     * @param kind        what differs
     * @param model       the model concerned
     * @param column      the model's column (null for MISSING_TABLE, MISSING_UNIQUE_INDEX and EXTRA_COLUMN)
     * @param index       the missing index (MISSING_UNIQUE_INDEX only)
     * @param live        the live column (NULLABILITY, TYPE and EXTRA_COLUMN)
     * @param liveTable   the table name as the database spells it (null for MISSING_TABLE)
     * @param description one line a person can act on
     */
    public record Difference(Kind kind, ModelInfo<?> model, ColumnInfo column, IndexInfo index,
                             DatabaseSchema.Column live, String liveTable, String description) {
        @Override
        public String toString() {
            return description;
        }
    }

    private final List<Difference> differences;

    private SchemaDiff(List<Difference> differences) {
        this.differences = List.copyOf(differences);
    }

    /** Compares every model of {@code registry} with {@code live}, in registry order. */
    public static SchemaDiff compare(ModelRegistry registry, DatabaseSchema live, Dialect dialect) {
        List<Difference> found = new ArrayList<>();
        String d = dialect.name();
        for (ModelInfo<?> model : registry.models()) {
            String owner = " (model " + model.type().getSimpleName() + ")";
            Optional<DatabaseSchema.Table> maybeTable = live.table(model.table());
            if (maybeTable.isEmpty()) {
                found.add(new Difference(Kind.MISSING_TABLE, model, null, null, null, null,
                        "table " + model.table() + " is missing" + owner));
                continue;
            }
            DatabaseSchema.Table table = maybeTable.get();
            List<Difference> ofModel = new ArrayList<>();
            for (ColumnInfo column : model.columns()) {
                String where = table.name() + "." + column.name();
                Optional<DatabaseSchema.Column> liveColumn = table.column(column.name());
                if (liveColumn.isEmpty()) {
                    ofModel.add(new Difference(Kind.MISSING_COLUMN, model, column, null, null, table.name(),
                            "column " + where + " is missing" + owner));
                    continue;
                }
                DatabaseSchema.Column have = liveColumn.get();
                // A primary key cannot hold NULL whatever the catalog says (SQLite reports
                // "INTEGER PRIMARY KEY" as nullable), so its nullability is no difference.
                if (!column.primaryKey() && column.nullable() != have.nullable()) {
                    ofModel.add(new Difference(Kind.NULLABILITY, model, column, null, have, table.name(),
                            "column " + where + " is " + nullability(have.nullable()) + " in the database but "
                                    + nullability(column.nullable()) + " in the model" + owner));
                }
                String declared = column.sqlType(d);
                if (!SqlTypes.sameType(declared, have, dialect == Dialect.SQLITE)) {
                    ofModel.add(new Difference(Kind.TYPE, model, column, null, have, table.name(),
                            "column " + where + " has type " + describe(have) + " in the database but " + declared
                                    + " in the model" + owner));
                }
            }
            for (IndexInfo index : model.indexes()) {
                if (index.unique() && !table.hasUniqueIndex(index.name(), index.columns())) {
                    ofModel.add(new Difference(Kind.MISSING_UNIQUE_INDEX, model, null, index, null, table.name(),
                            "unique index " + index.name() + " on " + table.name() + " " + index.columns()
                                    + " is missing" + owner));
                }
            }
            for (DatabaseSchema.Column have : table.columns()) {
                if (model.columnIndex(have.name()) < 0 && !mapsIgnoringCase(model, have.name())
                        && !mentionedInDdl(model, dialect, have.name())) {
                    ofModel.add(new Difference(Kind.EXTRA_COLUMN, model, null, null, have, table.name(),
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

    /** Every difference, grouped by model in registry order, then by kind. */
    public List<Difference> differences() {
        return differences;
    }

    /** True when the live schema matches the models exactly. */
    public boolean isEmpty() {
        return differences.isEmpty();
    }

    /**
     * The differences that make the models disagree with the database (everything except columns
     * the models do not map, which the database tolerates).
     */
    public List<Difference> mismatches() {
        return differences.stream().filter(d -> d.kind() != Kind.EXTRA_COLUMN).toList();
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
