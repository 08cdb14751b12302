package dev.limber.database.processor.sql;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The generated schema as {@code @Query} analysis needs it: each model's table, whether it soft
 * deletes, its columns, the tables it references and its DDL per database — the very statements
 * the processor writes to {@code META-INF/limber/schema/<database>.sql}.
 *
 * @param tables the tables, in any order (verifiers create them after the tables they reference)
 */
public record SqlSchema(List<Table> tables) {

    /** The soft-delete column of every soft-delete table. */
    public static final String DELETED_AT = "deleted_at";

    public SqlSchema {
        tables = List.copyOf(tables);
    }

    /**
     * One model's table.
     *
     * @param name       the table name, as generated (lower case)
     * @param model      the model class, for messages ({@code com.example.Book})
     * @param softDelete {@code @Model(softDelete = true)}: has a {@code deleted_at} column
     * @param columns    the columns in declaration order
     * @param references the tables its foreign keys reference
     * @param ddl        its statements per database (CREATE TABLE, then its indexes)
     */
    public record Table(String name, String model, boolean softDelete, List<Column> columns, Set<String> references,
            Map<Database, List<String>> ddl) {
        public Table {
            columns = List.copyOf(columns);
            references = Set.copyOf(references);
            ddl = Map.copyOf(ddl);
        }
    }

    /**
     * One column.
     *
     * @param name     the SQL name
     * @param javaType the Java type of its field, e.g. {@code java.lang.String}, {@code long}
     * @param nullable NULL is allowed
     */
    public record Column(String name, String javaType, boolean nullable) {
    }

    /** The table named {@code name} (compared ignoring case), or null. */
    public Table table(String name) {
        for (Table table : tables) {
            if (table.name().equalsIgnoreCase(name)) {
                return table;
            }
        }
        return null;
    }

    /** Whether {@code name} is a soft-delete table. */
    public boolean isSoftDelete(String name) {
        Table table = table(name);
        return table != null && table.softDelete();
    }

    /** The soft-delete tables whose names appear among {@code words} (lower case), sorted. */
    List<String> softDeleteTablesAmong(Set<String> words) {
        return tables.stream()
                .filter(Table::softDelete)
                .map(Table::name)
                .filter(name -> words.contains(name.toLowerCase(Locale.ROOT)))
                .sorted()
                .toList();
    }
}
