package dev.limber.database.migrations;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tables of a live database as JDBC metadata reports them: what {@link SchemaInspector} read
 * and {@link SchemaDiff} compares with the models.
 */
public record DatabaseSchema(Map<String, Table> tables) {

    public DatabaseSchema {
        tables = Map.copyOf(tables);
    }

    /**
     * The table named {@code name}: its exact name first, then ignoring case (MariaDB with
     * {@code lower_case_table_names}, or a table created without quotes on H2 or PostgreSQL).
     */
    public Optional<Table> table(String name) {
        Table exact = tables.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        return tables.values().stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }

    /** One table: its columns in table order and its unique indexes. */
    public record Table(String name, List<Column> columns, List<Index> uniqueIndexes) {
        public Table {
            columns = List.copyOf(columns);
            uniqueIndexes = List.copyOf(uniqueIndexes);
        }

        /** The column named {@code name}, exact name first, then ignoring case. */
        public Optional<Column> column(String name) {
            for (Column c : columns) {
                if (c.name().equals(name)) {
                    return Optional.of(c);
                }
            }
            return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
        }

        /** True when a unique index named {@code indexName}, or one on exactly {@code indexColumns}, exists. */
        public boolean hasUniqueIndex(String indexName, List<String> indexColumns) {
            for (Index index : uniqueIndexes) {
                if (index.name() != null && index.name().equalsIgnoreCase(indexName)) {
                    return true;
                }
                if (lower(index.columns()).equals(lower(indexColumns))) {
                    return true;
                }
            }
            return false;
        }

        private static List<String> lower(List<String> names) {
            return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        }
    }

    /**
     * One column.
     *
     * @param type     the type name the driver reports ({@code CHARACTER VARYING}, {@code int8}, ...)
     * @param size     COLUMN_SIZE (length of a character type, precision of a number), 0 when unknown
     * @param scale    DECIMAL_DIGITS, 0 when unknown
     * @param nullable false when the column is NOT NULL
     */
    public record Column(String name, String type, int size, int scale, boolean nullable) {
    }

    /** A unique index and its columns in index order. */
    public record Index(String name, List<String> columns) {
        public Index {
            columns = List.copyOf(columns);
        }
    }
}
