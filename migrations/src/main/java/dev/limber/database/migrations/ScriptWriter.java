package dev.limber.database.migrations;

import dev.limber.database.ColumnInfo;
import dev.limber.database.ForeignKeyInfo;
import dev.limber.database.ModelInfo;
import dev.limber.database.dialect.Dialect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a {@link SchemaDiff} into the SQL of a migration script. New tables (referenced tables
 * first), columns, indexes and foreign keys, nullability changes and changed ON DELETE actions
 * become statements, and so does dropping an index no model declares (an index holds no data);
 * type changes, a foreign key pointed elsewhere, and drops of columns and keys become commented-out
 * statements for a person to review, because they can lose data or fail on existing rows.
 *
 * <p>ALTER syntax differs per database; it comes from the {@link Dialect}
 * ({@link Dialect#alterNullability}, {@link Dialect#alterType}, {@link Dialect#addForeignKey},
 * {@link Dialect#dropForeignKey}, {@link Dialect#dropIndex}), so this class never asks which database it
 * writes for. Where the dialect has no in-place statement, the script says how to rebuild the table
 * instead; where it cannot add a constraint to a table (SQLite) a new foreign-key column carries its
 * {@link Dialect#references REFERENCES} clause in its ADD COLUMN.
 */
final class ScriptWriter {
    private static final String REBUILD = "create the table anew with the model's DDL, copy the rows, drop the old"
            + " table and rename the new one.";
    private final Dialect dialect;
    private final List<String> lines = new ArrayList<>();
    /** Tables this script creates, lower-cased: new, and created so far. */
    private final Set<String> newTables = new HashSet<>();
    private final Set<String> created = new HashSet<>();
    /** Columns this script adds, and those whose foreign key it writes inline: {@code table.column}, lower-cased. */
    private final Set<String> addedColumns = new HashSet<>();
    private final Set<String> inlined = new HashSet<>();
    /** Tables already converted to the model's collation (lower case). */
    private final Set<String> collated = new HashSet<>();

    private ScriptWriter(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The script body (without the header) closing {@code diff}; empty when the diff is. */
    static List<String> write(SchemaDiff diff, Dialect dialect) {
        ScriptWriter writer = new ScriptWriter(dialect);
        List<SchemaDiff.Difference> ordered = new ArrayList<>(diff.differences());
        // Stable: keeps registry order within a kind, so tables come before the columns of other tables.
        ordered.sort(Comparator.comparing(SchemaDiff.Difference::kind));
        for (SchemaDiff.Difference difference : ordered) {
            if (difference.kind() == SchemaDiff.Kind.MISSING_TABLE) {
                writer.newTables.add(lower(difference.model().table()));
            }
        }
        for (SchemaDiff.Difference difference : ordered) {
            writer.write(difference);
        }
        return writer.lines;
    }

    private void write(SchemaDiff.Difference d) {
        switch (d.kind()) {
            case MISSING_TABLE -> newTable(d.model());
            case MISSING_COLUMN -> newColumn(d);
            case NULLABILITY -> nullability(d);
            case TYPE -> type(d);
            case COLLATION -> collation(d);
            case MISSING_UNIQUE_INDEX, MISSING_INDEX -> {
                comment((d.index().unique() ? "Unique index " : "Index ") + d.index().name() + " on " + d.liveTable()
                        + " " + d.index().columns() + ".");
                for (String statement : d.index().ddl(dialect.name())) {
                    statement(statement);
                }
                blank();
            }
            case EXTRA_INDEX -> {
                // an index holds no data of its own: dropping it loses nothing, so the script drops it
                comment(capitalize(d.description()) + (d.generatedColumns().isEmpty() ? "."
                        : ", nor the generated " + (d.generatedColumns().size() == 1 ? "column " : "columns ")
                                + String.join(", ", d.generatedColumns()) + " it indexes."));
                statement(dialect.dropIndex(d.liveTable(), d.liveIndex().name()));
                for (String column : d.generatedColumns()) {
                    statement("ALTER TABLE " + q(d.liveTable()) + " DROP COLUMN " + q(column));
                }
                blank();
            }
            case MISSING_FOREIGN_KEY -> newForeignKey(d);
            case FOREIGN_KEY_CHANGED -> changedForeignKey(d);
            case EXTRA_FOREIGN_KEY -> {
                comment(capitalize(d.description()) + ".");
                List<String> drop = d.liveForeignKey().name() == null ? List.of()
                        : dialect.dropForeignKey(d.liveTable(), d.liveForeignKey().name());
                if (drop.isEmpty()) {
                    comment(dialect.productName() + " cannot drop a foreign key in place: to drop it, " + REBUILD);
                } else {
                    comment("To drop it, review and uncomment:");
                    drop.forEach(this::commentedStatement);
                }
                blank();
            }
            case EXTRA_COLUMN -> {
                comment(d.description() + ". To drop it (its data is lost), review and uncomment:");
                commentedStatement("ALTER TABLE " + q(d.liveTable()) + " DROP COLUMN " + q(d.live().name()));
                blank();
            }
            default -> throw new IllegalStateException("Unhandled difference " + d.kind());
        }
    }

    /**
     * A text column in another collation than the model's. A column with its own collation
     * ({@code @Column(ignoreCase = true)} on MariaDB) is restated with it (MODIFY COLUMN); otherwise,
     * once per table, every text column is converted to the collation the model's table names, which
     * also becomes the table's default for columns added later, and the model's columns with their own
     * collation are restated after it, since the conversion resets them.
     */
    private void collation(SchemaDiff.Difference d) {
        if (dialect == Dialect.SQLITE) {
            comment(capitalize(d.description()) + ".");
            comment("SQLite cannot change a column's collation in place: " + REBUILD);
            blank();
            return;
        }
        String table = lower(d.liveTable());
        String ddl = d.model().ddl(dialect.name()).get(0);
        String collation = ddl.substring(ddl.lastIndexOf("COLLATE=") + "COLLATE=".length()).trim();
        ColumnInfo column = d.column();
        String own = SchemaDiff.columnCollation(column.sqlType(dialect.name()), collation);
        if (!own.equals(collation)) {
            if (!collated.contains(table)) {
                comment("Column " + d.liveTable() + "." + column.name() + " is in collation " + d.live().collation()
                        + ", but @Column(ignoreCase = true) wants " + own + ": restating it.");
                withGeneratedColumnsRebuilt(d.model(), d.liveTable(), column,
                        () -> restateCollation(d.liveTable(), column));
                blank();
            }
            return;
        }
        if (!collated.add(table)) {
            return;
        }
        comment("Table " + d.liveTable() + " has text columns in another collation than " + collation
                + " (e.g. " + column.name() + ": " + d.live().collation() + "),");
        comment("under which = and unique indexes may ignore case and trailing spaces. Converting makes them"
                + " compare exactly (no existing row can break a unique index by it).");
        statement("ALTER TABLE " + q(d.liveTable()) + " CONVERT TO CHARACTER SET utf8mb4 COLLATE " + collation);
        for (ColumnInfo other : d.model().columns()) {
            if (!SchemaDiff.columnCollation(other.sqlType(dialect.name()), collation).equals(collation)) {
                comment("The conversion resets " + other.name() + ", which ignores case: restating it.");
                withGeneratedColumnsRebuilt(d.model(), d.liveTable(), other,
                        () -> restateCollation(d.liveTable(), other));
            }
        }
        blank();
    }

    /** MODIFY COLUMN with the model's type, which names the column's own collation. */
    private void restateCollation(String liveTable, ColumnInfo column) {
        dialect.alterType(liveTable, column.name(), column.sqlType(dialect.name()), column.nullable())
                .forEach(this::statement);
    }

    private void newTable(ModelInfo<?> model) {
        comment("New table " + model.table() + " for model " + model.type().getName() + ".");
        for (ForeignKeyInfo fk : model.foreignKeys()) {
            String target = lower(fk.referencedTable());
            if (newTables.contains(target) && !created.contains(target) && !target.equals(lower(model.table()))) {
                // SchemaDiff orders new tables by dependency; only a cycle leaves a target for later.
                comment("Its foreign key " + fk.name() + " references " + fk.referencedTable() + ", which is created"
                        + " below: the tables reference each other. Take the constraint out of this CREATE TABLE and"
                        + " add it after both exist (ALTER TABLE ... ADD CONSTRAINT), or make one relation nullable"
                        + " and set it in a later step.");
            }
        }
        created.add(lower(model.table()));
        for (String statement : model.ddl(dialect.name())) {
            statement(statement);
        }
        blank();
    }

    private void newColumn(SchemaDiff.Difference d) {
        ColumnInfo column = d.column();
        String table = q(d.liveTable());
        String add = "ALTER TABLE " + table + " ADD COLUMN " + q(column.name()) + " " + column.sqlType(dialect.name());
        addedColumns.add(lower(d.liveTable() + "." + column.name()));
        ForeignKeyInfo fk = foreignKeyOf(d.model(), column);
        if (fk != null && dialect.addForeignKey(d.liveTable(), fk).isEmpty()) {
            // The database cannot add the constraint later (SQLite): the column brings its own.
            add += " " + dialect.references(fk);
            inlined.add(lower(d.liveTable() + "." + column.name()));
        }
        if (column.nullable()) {
            comment("New column " + d.liveTable() + "." + column.name() + ".");
            statement(add);
        } else if (inlined.contains(lower(d.liveTable() + "." + column.name()))) {
            comment("New column " + d.liveTable() + "." + column.name() + " is NOT NULL in the model and references "
                    + fk.referencedTable() + "." + fk.referencedColumn() + ". " + dialect.productName()
                    + " adds a column"
                    + " with a foreign key to an existing table only as nullable,");
            comment("so it is added nullable. To make it NOT NULL, fill it for existing rows, then " + REBUILD);
            statement(add);
            commentedStatement("UPDATE " + table + " SET " + q(column.name()) + " = ... WHERE " + q(column.name())
                    + " IS NULL");
        } else {
            // Existing rows have no value for it, so NOT NULL would fail (or, on SQLite, is refused).
            comment("New column " + d.liveTable() + "." + column.name() + " is NOT NULL in the model. It is added as"
                    + " nullable so that existing rows stay valid;");
            comment("fill it for them, then make it NOT NULL (a later `revision --autogenerate` writes that too):");
            statement(add);
            commentedStatement("UPDATE " + table + " SET " + q(column.name()) + " = ... WHERE " + q(column.name())
                    + " IS NULL");
            for (String line : setNullability(d.liveTable(), column, false)) {
                commentedStatement(line);
            }
        }
        blank();
    }

    private void newForeignKey(SchemaDiff.Difference d) {
        ForeignKeyInfo fk = d.foreignKey();
        if (inlined.contains(lower(d.liveTable() + "." + fk.column()))) {
            return; // written with its column
        }
        comment("Foreign key " + fk.name() + ": " + d.liveTable() + "." + fk.column() + " references "
                + fk.referencedTable() + "." + fk.referencedColumn() + ".");
        List<String> statements = dialect.addForeignKey(d.liveTable(), fk);
        if (statements.isEmpty()) {
            comment(dialect.productName() + " cannot add a foreign key to an existing column in place: " + REBUILD);
        } else {
            if (!addedColumns.contains(lower(d.liveTable() + "." + fk.column()))) {
                comment("This fails while rows of " + d.liveTable() + " point at no " + fk.referencedTable()
                        + " row; fix or clear those first.");
            }
            statements.forEach(this::statement);
        }
        blank();
    }

    private void changedForeignKey(SchemaDiff.Difference d) {
        ForeignKeyInfo fk = d.foreignKey();
        DatabaseSchema.ForeignKey live = d.liveForeignKey();
        comment(capitalize(d.description()) + ".");
        List<String> drop = live.name() == null ? List.of() : dialect.dropForeignKey(d.liveTable(), live.name());
        List<String> add = dialect.addForeignKey(d.liveTable(), fk);
        if (drop.isEmpty() || add.isEmpty()) {
            comment(dialect.productName() + " cannot change a foreign key in place: " + REBUILD);
        } else if (sameTarget(fk, live)) {
            // Only the action differs: the rows satisfy the key already, so adding it again cannot fail.
            comment("The constraint is dropped and added again with the model's action:");
            drop.forEach(this::statement);
            add.forEach(this::statement);
        } else {
            comment("Pointing a key elsewhere fails while rows reference no row of the new target; review, then"
                    + " uncomment:");
            drop.forEach(this::commentedStatement);
            add.forEach(this::commentedStatement);
        }
        blank();
    }

    private static boolean sameTarget(ForeignKeyInfo fk, DatabaseSchema.ForeignKey live) {
        return live.referencedTable().equalsIgnoreCase(fk.referencedTable()) && live.referencedColumns().size() == 1
                && live.referencedColumns().get(0).equalsIgnoreCase(fk.referencedColumn());
    }

    private static ForeignKeyInfo foreignKeyOf(ModelInfo<?> model, ColumnInfo column) {
        for (ForeignKeyInfo fk : model.foreignKeys()) {
            if (fk.column().equals(column.name())) {
                return fk;
            }
        }
        return null;
    }

    private void nullability(SchemaDiff.Difference d) {
        ColumnInfo column = d.column();
        comment(capitalize(d.description()) + ".");
        List<String> statements = setNullability(d.liveTable(), column, column.nullable());
        if (statements.isEmpty()) {
            comment(dialect.productName() + " cannot change a column's nullability in place: " + REBUILD);
        } else {
            if (!column.nullable()) {
                comment("This fails while rows hold NULL in it; fill them first.");
            }
            for (String line : statements) {
                statement(line);
            }
        }
        blank();
    }

    private void type(SchemaDiff.Difference d) {
        ColumnInfo column = d.column();
        comment(capitalize(d.description()) + ".");
        List<String> statements = dialect.alterType(d.liveTable(), column.name(), column.sqlType(dialect.name()),
                column.nullable());
        if (!statements.isEmpty() && onlyCaseDiffers(column.sqlType(dialect.name()), d.live())) {
            comment("Only whether it ignores case changes (@Column(ignoreCase)), which loses no data; it fails if a"
                    + " unique index would then hold two values differing in case only.");
            withGeneratedColumnsRebuilt(d.model(), d.liveTable(), column,
                    () -> statements.forEach(this::statement));
            blank();
            return;
        }
        if (statements.isEmpty()) {
            comment(dialect.productName() + " cannot change a column's type in place: " + REBUILD);
        } else {
            comment("Changing a type can fail or lose data; review, then uncomment:");
            for (String line : statements) {
                commentedStatement(line);
            }
        }
        blank();
    }

    /** True when {@code declared} and the live type differ in H2's VARCHAR_IGNORECASE alone, at the same length. */
    private static boolean onlyCaseDiffers(String declared, DatabaseSchema.Column live) {
        String want = SqlTypes.family(declared);
        String have = SqlTypes.family(live.type());
        int length = SqlTypes.length(declared);
        return !want.equals(have) && (want.equals("VARCHAR") || want.equals("VARCHAR_IGNORECASE"))
                && (have.equals("VARCHAR") || have.equals("VARCHAR_IGNORECASE"))
                && (length == 0 || live.size() == 0 || length == live.size());
    }

    /**
     * Restates {@code column} with {@code change}, around it dropping and re-adding each unique index
     * whose generated columns (H2 and MariaDB, live rows only) copy the column's type or collation,
     * which would otherwise keep comparing the old way; the index comes back from the model's DDL.
     */
    private void withGeneratedColumnsRebuilt(ModelInfo<?> model, String liveTable, ColumnInfo column,
            Runnable change) {
        List<dev.limber.database.IndexInfo> rebuilt = new ArrayList<>();
        for (dev.limber.database.IndexInfo index : model.indexes()) {
            if (!index.generatedColumns().isEmpty() && !dialect.partialIndexes()
                    && index.columns().stream().anyMatch(c -> c.equalsIgnoreCase(column.name()))) {
                rebuilt.add(index);
            }
        }
        for (dev.limber.database.IndexInfo index : rebuilt) {
            comment("Unique index " + index.name() + " indexes generated columns copying " + column.name()
                    + ": dropping and re-adding them around the change.");
            statement(dialect.dropIndex(liveTable, index.name()));
            for (String generated : index.generatedColumns()) {
                statement("ALTER TABLE " + q(liveTable) + " DROP COLUMN " + q(generated));
            }
        }
        change.run();
        for (dev.limber.database.IndexInfo index : rebuilt) {
            index.ddl(dialect.name()).forEach(this::statement);
        }
    }

    /** The statements making {@code column} nullable or NOT NULL; empty where the database has none. */
    private List<String> setNullability(String liveTable, ColumnInfo column, boolean nullable) {
        return dialect.alterNullability(liveTable, column.name(), column.sqlType(dialect.name()), nullable);
    }

    private String q(String identifier) {
        return dialect.quote(identifier);
    }

    private void statement(String sql) {
        lines.add(terminated(sql));
    }

    private void commentedStatement(String sql) {
        for (String line : terminated(sql).split("\n", -1)) {
            lines.add("-- " + line);
        }
    }

    private void comment(String text) {
        lines.add("-- " + text);
    }

    private void blank() {
        lines.add("");
    }

    private static String terminated(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).stripTrailing();
        }
        return s + ";";
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
