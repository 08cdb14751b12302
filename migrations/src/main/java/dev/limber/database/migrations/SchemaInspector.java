package dev.limber.database.migrations;

import dev.limber.database.dialect.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the tables, columns, indexes and foreign keys of the connection's current schema through
 * {@link DatabaseMetaData} (SQLite's foreign keys through its own pragma, whose names JDBC gets
 * wrong). Names come back as the database stores them: PostgreSQL folds unquoted names to lower
 * case, H2 to upper case, MariaDB may lower-case table names ({@code lower_case_table_names});
 * Limber quotes every name, so they normally match exactly and {@link DatabaseSchema} falls back
 * to a case-insensitive match.
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
            List<DatabaseSchema.ForeignKey> foreignKeys = dialect == Dialect.SQLITE
                    ? sqliteForeignKeys(connection, dialect, table)
                    : foreignKeys(meta, catalog, schema, table);
            List<DatabaseSchema.Column> columns = columns(meta, catalog, schema, table);
            if (dialect == Dialect.MARIADB) {
                columns = withCollations(connection, table, columns);
            } else if (dialect == Dialect.SQLITE) {
                columns = withSqliteCollations(connection, table, columns);
            }
            tables.put(table, new DatabaseSchema.Table(table, columns,
                    indexes(meta, catalog, schema, table), foreignKeys));
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
                        !"NO".equalsIgnoreCase(rs.getString("IS_NULLABLE")),
                        generated(rs)));
            }
        }
        return columns;
    }

    /**
     * JDBC 4.1's IS_GENERATEDCOLUMN: H2 and MariaDB report the generated columns of conditional
     * unique indexes there; a driver without the column (SQLite's has no generated columns of
     * Limber's) counts as "no".
     */
    private static boolean generated(ResultSet rs) {
        try {
            return "YES".equalsIgnoreCase(rs.getString("IS_GENERATEDCOLUMN"));
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * {@code columns} with the collation MariaDB reports for each text column: a table created
     * under the server's default collation compares without case and trailing spaces, which
     * {@link SchemaDiff} reports against the collation the model's DDL names.
     */
    private static List<DatabaseSchema.Column> withCollations(Connection connection, String table,
            List<DatabaseSchema.Column> columns) throws SQLException {
        Map<String, String> collations = new java.util.HashMap<>();
        try (java.sql.PreparedStatement ps = connection.prepareStatement("SELECT COLUMN_NAME, COLLATION_NAME"
                + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    collations.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        List<DatabaseSchema.Column> read = new ArrayList<>(columns.size());
        for (DatabaseSchema.Column c : columns) {
            read.add(new DatabaseSchema.Column(c.name(), c.type(), c.size(), c.scale(), c.nullable(),
                    c.generated(), collations.get(c.name())));
        }
        return read;
    }

    /** A column definition naming a collation in SQLite's CREATE TABLE text: its name, then the collation. */
    private static final Pattern SQLITE_COLLATE = Pattern.compile(
            "[(,]\\s*(\"(?:[^\"]|\"\")+\"|`[^`]+`|\\w+)\\s[^,]*?\\bCOLLATE\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

    /**
     * {@code columns} with their SQLite collation, which only the table's CREATE TABLE text holds:
     * {@code NOCASE} for an {@code @Column(ignoreCase = true)} column, BINARY (SQLite's default) for
     * the others, so {@link SchemaDiff} sees the flag turned on or off.
     */
    private static List<DatabaseSchema.Column> withSqliteCollations(Connection connection, String table,
            List<DatabaseSchema.Column> columns) throws SQLException {
        Map<String, String> collations = new java.util.HashMap<>();
        Matcher m = SQLITE_COLLATE.matcher(sqliteTableSql(connection, table));
        while (m.find()) {
            collations.put(unquote(m.group(1)).toLowerCase(Locale.ROOT), m.group(2).toUpperCase(Locale.ROOT));
        }
        List<DatabaseSchema.Column> read = new ArrayList<>(columns.size());
        for (DatabaseSchema.Column c : columns) {
            read.add(new DatabaseSchema.Column(c.name(), c.type(), c.size(), c.scale(), c.nullable(), c.generated(),
                    collations.getOrDefault(c.name().toLowerCase(Locale.ROOT), "BINARY")));
        }
        return read;
    }

    private static List<DatabaseSchema.Index> indexes(DatabaseMetaData meta, String catalog, String schema,
            String table) throws SQLException {
        Map<String, TreeMap<Integer, String>> byName = new LinkedHashMap<>();
        Map<String, Boolean> unique = new LinkedHashMap<>();
        try (ResultSet rs = meta.getIndexInfo(catalog, schema, table, false, true)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (name == null || column == null) {
                    continue; // table statistics rows, or expression parts
                }
                byName.computeIfAbsent(name, n -> new TreeMap<>()).put((int) rs.getShort("ORDINAL_POSITION"),
                        lowered(column));
                unique.put(name, !rs.getBoolean("NON_UNIQUE"));
            }
        }
        List<DatabaseSchema.Index> indexes = new ArrayList<>();
        byName.forEach((name, columns) -> indexes.add(
                new DatabaseSchema.Index(name, List.copyOf(columns.values()), unique.get(name))));
        return indexes;
    }

    /** PostgreSQL's text of an index on {@code lower("email")}: {@code lower((email)::text)} or {@code lower(email)}. */
    private static final Pattern LOWER = Pattern.compile("lower\\(\\(?\"?(\\w+)\"?\\)?(?:::text)?\\)");

    /**
     * {@code column} as {@code lower(name)} when it is the expression PostgreSQL reports for an index
     * on {@code lower(column)} (an {@code @Column(ignoreCase = true)} column's unique index), else as read.
     */
    private static String lowered(String column) {
        Matcher m = LOWER.matcher(column);
        return m.matches() ? "lower(" + m.group(1) + ")" : column;
    }

    /**
     * The foreign keys of {@code table} as H2's, PostgreSQL's and MariaDB's drivers report them:
     * one row per column, KEY_SEQ counting from 1 within a key.
     */
    private static List<DatabaseSchema.ForeignKey> foreignKeys(DatabaseMetaData meta, String catalog, String schema,
            String table) throws SQLException {
        List<ForeignKeyRows> keys = new ArrayList<>();
        try (ResultSet rs = meta.getImportedKeys(catalog, schema, table)) {
            ForeignKeyRows current = null;
            while (rs.next()) {
                String name = rs.getString("FK_NAME");
                String referenced = rs.getString("PKTABLE_NAME");
                int seq = rs.getShort("KEY_SEQ");
                if (current == null || seq <= 1 || !java.util.Objects.equals(current.name, name)
                        || !current.referencedTable.equals(referenced)) {
                    current = new ForeignKeyRows(name, referenced, deleteRule(rs.getShort("DELETE_RULE")));
                    keys.add(current);
                }
                current.columns.put(seq, rs.getString("FKCOLUMN_NAME"));
                current.referencedColumns.put(seq, rs.getString("PKCOLUMN_NAME"));
            }
        }
        return keys.stream().map(ForeignKeyRows::toForeignKey).toList();
    }

    /**
     * SQLite's foreign keys from {@code PRAGMA foreign_key_list}, which has no constraint names:
     * sqlite-jdbc's getImportedKeys guesses them from the CREATE TABLE text and can pin a name on
     * the wrong key, so names are read here from {@code CONSTRAINT "name" FOREIGN KEY ("column")}
     * in the table's SQL, and a key declared without a name (a column added with REFERENCES) has none.
     */
    private static List<DatabaseSchema.ForeignKey> sqliteForeignKeys(Connection connection, Dialect dialect,
            String table) throws SQLException {
        Map<String, String> names = constraintNames(connection, table);
        Map<Integer, ForeignKeyRows> byId = new TreeMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("PRAGMA foreign_key_list(" + dialect.quote(table) + ")")) {
            while (rs.next()) {
                String referenced = rs.getString("table");
                String onDelete = rs.getString("on_delete");
                ForeignKeyRows key = byId.computeIfAbsent(rs.getInt("id"), id -> new ForeignKeyRows(null, referenced,
                        onDelete == null ? "NO ACTION" : onDelete.toUpperCase(Locale.ROOT)));
                int seq = rs.getInt("seq") + 1;
                key.columns.put(seq, rs.getString("from"));
                // "to" is NULL when the key references the target's primary key without naming it.
                key.referencedColumns.put(seq, rs.getString("to"));
            }
        }
        List<DatabaseSchema.ForeignKey> keys = new ArrayList<>();
        for (ForeignKeyRows key : byId.values()) {
            if (key.referencedColumns.containsValue(null)) {
                key.referencedColumns.clear();
                List<String> primaryKey = primaryKey(connection, key.referencedTable);
                for (int i = 0; i < primaryKey.size(); i++) {
                    key.referencedColumns.put(i + 1, primaryKey.get(i));
                }
            }
            String first = key.columns.firstEntry().getValue();
            key.name = names.get(first.toLowerCase(Locale.ROOT));
            keys.add(key.toForeignKey());
        }
        return keys;
    }

    private static final Pattern NAMED_FOREIGN_KEY = Pattern.compile(
            "CONSTRAINT\\s+(\"(?:[^\"]|\"\")+\"|`[^`]+`|\\[[^\\]]+\\]|[\\w$]+)\\s+FOREIGN\\s+KEY\\s*\\(\\s*"
                    + "(\"(?:[^\"]|\"\")+\"|`[^`]+`|\\[[^\\]]+\\]|[\\w$]+)",
            Pattern.CASE_INSENSITIVE);

    /** SQLite's CREATE TABLE text of {@code table}, or "" when it has none. */
    private static String sqliteTableSql(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getString(1) != null ? rs.getString(1) : "";
            }
        }
    }

    /** Constraint names by the (lower-case) first column of the foreign key they name. */
    private static Map<String, String> constraintNames(Connection connection, String table) throws SQLException {
        Map<String, String> names = new LinkedHashMap<>();
        Matcher m = NAMED_FOREIGN_KEY.matcher(sqliteTableSql(connection, table));
        while (m.find()) {
            names.putIfAbsent(unquote(m.group(2)).toLowerCase(Locale.ROOT), unquote(m.group(1)));
        }
        return names;
    }

    private static List<String> primaryKey(Connection connection, String table) throws SQLException {
        TreeMap<Integer, String> columns = new TreeMap<>();
        try (ResultSet rs = connection.getMetaData().getPrimaryKeys(null, null, table)) {
            while (rs.next()) {
                columns.put((int) rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return List.copyOf(columns.values());
    }

    private static String unquote(String identifier) {
        char first = identifier.charAt(0);
        if (first == '"') {
            return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
        }
        if (first == '`' || first == '[') {
            return identifier.substring(1, identifier.length() - 1);
        }
        return identifier;
    }

    /** JDBC's DELETE_RULE code in SQL words. */
    private static String deleteRule(short rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> "CASCADE";
            case DatabaseMetaData.importedKeySetNull -> "SET NULL";
            case DatabaseMetaData.importedKeyRestrict -> "RESTRICT";
            case DatabaseMetaData.importedKeySetDefault -> "SET DEFAULT";
            default -> "NO ACTION";
        };
    }

    /** One foreign key being read, row by row. */
    private static final class ForeignKeyRows {
        private String name;
        private final String referencedTable;
        private final String onDelete;
        private final TreeMap<Integer, String> columns = new TreeMap<>();
        private final TreeMap<Integer, String> referencedColumns = new TreeMap<>();

        ForeignKeyRows(String name, String referencedTable, String onDelete) {
            this.name = name == null || name.isBlank() ? null : name;
            this.referencedTable = referencedTable;
            this.onDelete = onDelete;
        }

        DatabaseSchema.ForeignKey toForeignKey() {
            return new DatabaseSchema.ForeignKey(name, List.copyOf(columns.values()), referencedTable,
                    List.copyOf(referencedColumns.values()), onDelete);
        }
    }

    private static String escape(DatabaseMetaData meta, String name) throws SQLException {
        String escape = meta.getSearchStringEscape();
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }
}
