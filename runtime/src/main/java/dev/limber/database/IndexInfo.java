package dev.limber.database;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An index the processor derived from the model ({@code @Column(unique = true)}, a
 * {@code @BelongsTo}'s key, {@code @Index}, {@code @Unique}), with its DDL per dialect. A unique
 * index may count only some rows: live ones on a soft-delete model ({@link #liveOnly()}) and those
 * whose {@link #whereNull()} columns are NULL. PostgreSQL and SQLite write that as a partial
 * index; H2 and MariaDB index {@link #generatedColumns()} that hold each value while the row
 * counts and NULL otherwise.
 */
public final class IndexInfo {
    private final String name;
    private final List<String> columns;
    private final boolean unique;
    private final List<String> whereNull;
    private final boolean liveOnly;
    private final List<String> generatedColumns;
    private final Map<String, List<String>> ddl;

    /** An index that counts every row. */
    public IndexInfo(String name, List<String> columns, boolean unique, Map<String, List<String>> ddl) {
        this(name, columns, unique, List.of(), false, List.of(), ddl);
    }

    /**
     * @param whereNull        the columns that must be NULL for a row to count (unique indexes)
     * @param liveOnly         only live rows count: the model soft-deletes
     * @param generatedColumns the helper columns indexed instead of {@code columns} where partial
     *                         indexes are missing (H2, MariaDB), one per column; empty when none
     */
    public IndexInfo(String name, List<String> columns, boolean unique, List<String> whereNull, boolean liveOnly,
            List<String> generatedColumns, Map<String, List<String>> ddl) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.unique = unique;
        this.whereNull = List.copyOf(whereNull);
        this.liveOnly = liveOnly;
        this.generatedColumns = List.copyOf(generatedColumns);
        TreeMap<String, List<String>> copy = new TreeMap<>();
        ddl.forEach((dialect, statements) -> copy.put(dialect, List.copyOf(statements)));
        this.ddl = java.util.Collections.unmodifiableMap(copy);
    }

    public String name() { return name; }

    /** The model columns the index covers. */
    public List<String> columns() { return columns; }

    public boolean unique() { return unique; }

    /** The columns that must all be NULL for a row to count; empty when every (live) row counts. */
    public List<String> whereNull() { return whereNull; }

    /** True when only live rows count: a unique index of a soft-delete model. */
    public boolean liveOnly() { return liveOnly; }

    /**
     * The generated columns that H2 and MariaDB index instead of {@link #columns()} for an index
     * that counts only some rows; empty for an index on the columns themselves.
     */
    public List<String> generatedColumns() { return generatedColumns; }

    /**
     * The statements that add this index to an existing table in the named dialect (on H2 and
     * MariaDB a unique index that counts some rows only first adds its generated columns).
     */
    public List<String> ddl(String dialect) {
        List<String> statements = ddl.get(dialect);
        if (statements == null) {
            throw new IllegalArgumentException("No DDL for index " + name + " in dialect " + dialect);
        }
        return statements;
    }

    @Override
    public String toString() {
        return name + columns;
    }
}
