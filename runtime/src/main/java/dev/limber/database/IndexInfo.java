package dev.limber.database;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An index the processor derived from the model (today: one unique index per {@code unique}
 * column), with its DDL per dialect. On soft-delete models the index is unique among live rows
 * only; how each dialect does that is in the DDL.
 */
public final class IndexInfo {
    private final String name;
    private final List<String> columns;
    private final boolean unique;
    private final Map<String, List<String>> ddl;

    public IndexInfo(String name, List<String> columns, boolean unique, Map<String, List<String>> ddl) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.unique = unique;
        TreeMap<String, List<String>> copy = new TreeMap<>();
        ddl.forEach((dialect, statements) -> copy.put(dialect, List.copyOf(statements)));
        this.ddl = java.util.Collections.unmodifiableMap(copy);
    }

    public String name() { return name; }

    /** The model columns the index covers. */
    public List<String> columns() { return columns; }

    public boolean unique() { return unique; }

    /**
     * The statements that add this index to an existing table in the named dialect (on H2 and
     * MariaDB a soft-delete unique index first adds its generated column).
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
