package dev.limber.database.migrations;

import dev.limber.database.ColumnInfo;
import dev.limber.database.ModelInfo;
import dev.limber.database.dialect.Dialect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a {@link SchemaDiff} into the SQL of a migration script. New tables, columns and unique
 * indexes and nullability changes become statements; type changes and drops become commented-out
 * statements for a person to review, because they can lose data.
 *
 * <p>ALTER syntax differs per database; it comes from the {@link Dialect}
 * ({@link Dialect#alterNullability}, {@link Dialect#alterType}), so this class never asks which
 * database it writes for. Where the dialect has no in-place statement, the script says how to
 * rebuild the table instead.
 */
final class ScriptWriter {
    private static final String REBUILD = "create the table anew with the model's DDL, copy the rows, drop the old"
            + " table and rename the new one.";
    private final Dialect dialect;
    private final List<String> lines = new ArrayList<>();

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
            case MISSING_UNIQUE_INDEX -> {
                comment("Unique index " + d.index().name() + " on " + d.liveTable() + " " + d.index().columns() + ".");
                for (String statement : d.index().ddl(dialect.name())) {
                    statement(statement);
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

    private void newTable(ModelInfo<?> model) {
        comment("New table " + model.table() + " for model " + model.type().getName() + ".");
        for (String statement : model.ddl(dialect.name())) {
            statement(statement);
        }
        blank();
    }

    private void newColumn(SchemaDiff.Difference d) {
        ColumnInfo column = d.column();
        String table = q(d.liveTable());
        String add = "ALTER TABLE " + table + " ADD COLUMN " + q(column.name()) + " " + column.sqlType(dialect.name());
        if (column.nullable()) {
            comment("New column " + d.liveTable() + "." + column.name() + ".");
            statement(add);
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

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
