package dev.limber.database;

import dev.limber.database.models.OnDelete;
import java.util.Objects;

/**
 * A foreign key of a model's table, from a {@code @BelongsTo}: {@link #column()} references
 * {@link #referencedColumn()} of {@link #referencedTable()}. Immutable; built by generated code.
 */
public final class ForeignKeyInfo {
    private final String name;
    private final String column;
    private final Class<?> target;
    private final String referencedTable;
    private final String referencedColumn;
    private final OnDelete onDelete;

    public ForeignKeyInfo(String name, String column, Class<?> target, String referencedTable, String referencedColumn,
            OnDelete onDelete) {
        this.name = Objects.requireNonNull(name, "name");
        this.column = Objects.requireNonNull(column, "column");
        this.target = Objects.requireNonNull(target, "target");
        this.referencedTable = Objects.requireNonNull(referencedTable, "referencedTable");
        this.referencedColumn = Objects.requireNonNull(referencedColumn, "referencedColumn");
        this.onDelete = Objects.requireNonNull(onDelete, "onDelete");
    }

    /** The constraint name, e.g. {@code fk_books_author_id}. */
    public String name() { return name; }

    /** The foreign-key column of this model's table, unquoted. */
    public String column() { return column; }

    /** The model referenced. */
    public Class<?> target() { return target; }

    public String referencedTable() { return referencedTable; }

    public String referencedColumn() { return referencedColumn; }

    public OnDelete onDelete() { return onDelete; }

    @Override
    public String toString() {
        return name + "(" + column + " -> " + referencedTable + "." + referencedColumn + ", ON DELETE " + onDelete + ")";
    }
}
