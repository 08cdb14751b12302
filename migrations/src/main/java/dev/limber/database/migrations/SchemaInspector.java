package dev.limber.database.migrations;

import dev.limber.database.dialect.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the tables, columns and unique indexes of the connection's current schema through
 * {@link DatabaseMetaData}. Names come back as the database stores them: PostgreSQL folds
 * unquoted names to lower case, H2 to upper case, MariaDB may lower-case table names
 * ({@code lower_case_table_names}); Limber quotes every name, so they normally match exactly and
 * {@link DatabaseSchema} falls back to a case-insensitive match.
 */
public final class SchemaInspector {
    /** Flyway's own table is not part of the application's schema. */
    static final String HISTORY_TABLE = "flyway_schema_history";

    private SchemaInspector() {
    }

    /** The schema the connection works in (its catalog and schema, as the driver reports them). */
    public static DatabaseSchema inspect(Connection connection, Dialect dialect) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String catalog = connection.getCatalog();
        String schema = currentSchema(connection);
        Map<String, DatabaseSchema.Table> tables = new TreeMap<>();
        for (String table : tableNames(meta, catalog, schema)) {
            if (table.equalsIgnoreCase(HISTORY_TABLE) || isInternal(dialect, table)) {
                continue;
            }
            tables.put(table, new DatabaseSchema.Table(table, columns(meta, catalog, schema, table),
                    uniqueIndexes(meta, catalog, schema, table)));
        }
        return new DatabaseSchema(tables);
    }

    private static String currentSchema(Connection connection) {
        try {
            return connection.getSchema();
        } catch (SQLException | AbstractMethodError | UnsupportedOperationException e) {
            return null; // drivers without schemas (SQLite, some MariaDB setups): the catalog is enough
        }
    }

    private static boolean isInternal(Dialect dialect, String table) {
        // SQLite keeps AUTOINCREMENT counters in sqlite_sequence, which it reports as a table.
        return dialect == Dialect.SQLITE && table.toLowerCase(Locale.ROOT).startsWith("sqlite_");
    }

    private static List<String> tableNames(DatabaseMetaData meta, String catalog, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    private static List<DatabaseSchema.Column> columns(DatabaseMetaData meta, String catalog, String schema, String table)
            throws SQLException {
        List<DatabaseSchema.Column> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(catalog, schema, escape(meta, table), "%")) {
            while (rs.next()) {
                if (!table.equals(rs.getString("TABLE_NAME"))) {
                    continue; // a LIKE pattern can match neighbours (books vs books_archive) if escaping is ignored
                }
                columns.add(new DatabaseSchema.Column(
                        rs.getString("COLUMN_NAME"),
                        rs.getString("TYPE_NAME"),
                        rs.getInt("COLUMN_SIZE"),
                        rs.getInt("DECIMAL_DIGITS"),
                        !"NO".equalsIgnoreCase(rs.getString("IS_NULLABLE"))));
            }
        }
        return columns;
    }

    private static List<DatabaseSchema.Index> uniqueIndexes(DatabaseMetaData meta, String catalog, String schema,
            String table) throws SQLException {
        Map<String, TreeMap<Integer, String>> byName = new LinkedHashMap<>();
        try (ResultSet rs = meta.getIndexInfo(catalog, schema, table, true, true)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (name == null || column == null || rs.getBoolean("NON_UNIQUE")) {
                    continue; // table statistics rows, expression parts, or drivers that ignore unique=true
                }
                byName.computeIfAbsent(name, n -> new TreeMap<>()).put((int) rs.getShort("ORDINAL_POSITION"), column);
            }
        }
        List<DatabaseSchema.Index> indexes = new ArrayList<>();
        byName.forEach((name, columns) -> indexes.add(new DatabaseSchema.Index(name, List.copyOf(columns.values()))));
        return indexes;
    }

    private static String escape(DatabaseMetaData meta, String name) throws SQLException {
        String escape = meta.getSearchStringEscape();
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }
}
