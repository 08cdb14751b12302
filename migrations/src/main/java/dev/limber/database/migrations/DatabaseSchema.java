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

    /**
     * One table: its columns in table order, its indexes (unique or not, including those the
     * database made for its keys) and its foreign keys.
     */
    public record Table(String name, List<Column> columns, List<Index> indexes, List<ForeignKey> foreignKeys) {
        public Table {
            columns = List.copyOf(columns);
            indexes = List.copyOf(indexes);
            foreignKeys = List.copyOf(foreignKeys);
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
            return hasIndex(indexName, indexColumns, true);
        }

        /**
         * True when an index named {@code indexName}, or one on exactly {@code indexColumns}, exists
         * and is unique if {@code unique} asks for it. Any index on the columns serves a non-unique
         * one: MariaDB and H2 index a foreign-key column themselves when no index is there.
         */
        public boolean hasIndex(String indexName, List<String> indexColumns, boolean unique) {
            for (Index index : indexes) {
                if (unique && !index.unique()) {
                    continue;
                }
                if (index.name() != null && index.name().equalsIgnoreCase(indexName)) {
                    return true;
                }
                if (lower(index.columns()).equals(lower(indexColumns))) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The index that serves an index named {@code indexName} on exactly {@code indexColumns}
         * (unique if {@code unique} asks for it): the one of that name if its columns are those,
         * else any on those columns, as {@link #hasIndex} finds them. Empty when the index of that
         * name has other columns: it is to be dropped and made anew.
         */
        public Optional<Index> index(String indexName, List<String> indexColumns, boolean unique) {
            for (Index index : indexes) {
                if (index.name() != null && index.name().equalsIgnoreCase(indexName)
                        && lower(index.columns()).equals(lower(indexColumns)) && (index.unique() || !unique)) {
                    return Optional.of(index);
                }
            }
            for (Index index : indexes) {
                if (lower(index.columns()).equals(lower(indexColumns)) && (index.unique() || !unique)
                        && (index.name() == null || !index.name().equalsIgnoreCase(indexName))) {
                    return Optional.of(index);
                }
            }
            return Optional.empty();
        }

        /** The foreign key whose only column is {@code column} (ignoring case), if there is one. */
        public Optional<ForeignKey> foreignKeyOn(String column) {
            return foreignKeys.stream()
                    .filter(fk -> fk.columns().size() == 1 && fk.columns().get(0).equalsIgnoreCase(column))
                    .findFirst();
        }

        private static List<String> lower(List<String> names) {
            return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        }
    }

    /**
     * One column.
     *
     * @param type      the type name the driver reports ({@code CHARACTER VARYING}, {@code int8}, ...)
     * @param size      COLUMN_SIZE (length of a character type, precision of a number), 0 when unknown
     * @param scale     DECIMAL_DIGITS, 0 when unknown
     * @param nullable  false when the column is NOT NULL
     * @param generated its value is computed by the database (a generated column), not stored by writes
     * @param collation the collation of a text column where Limber reads it (MariaDB), else null
     */
    public record Column(String name, String type, int size, int scale, boolean nullable, boolean generated,
            String collation) {
        /** A column that writes store, whose collation is not read. */
        public Column(String name, String type, int size, int scale, boolean nullable) {
            this(name, type, size, scale, nullable, false, null);
        }

        /** A column whose collation is not read. */
        public Column(String name, String type, int size, int scale, boolean nullable, boolean generated) {
            this(name, type, size, scale, nullable, generated, null);
        }
    }

    /** An index and its columns in index order. */
    public record Index(String name, List<String> columns, boolean unique) {
        public Index {
            columns = List.copyOf(columns);
        }
    }

    /**
     * A foreign key.
     *
     * @param name              the constraint name; null where the database keeps none (a SQLite
     *                          column added with a REFERENCES clause)
     * @param columns           its columns in key order
     * @param referencedTable   the table it references
     * @param referencedColumns the referenced columns, in key order
     * @param onDelete          the ON DELETE action in SQL words: {@code CASCADE}, {@code SET NULL},
     *                          {@code RESTRICT}, {@code NO ACTION} or {@code SET DEFAULT}
     */
    public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                             String onDelete) {
        public ForeignKey {
            columns = List.copyOf(columns);
            referencedColumns = List.copyOf(referencedColumns);
        }

        /** {@code books.author_id -> authors.id}, for messages. */
        String describe(String table) {
            return table + "." + String.join(", ", columns) + " -> " + referencedTable + "."
                    + String.join(", ", referencedColumns);
        }
    }
}
