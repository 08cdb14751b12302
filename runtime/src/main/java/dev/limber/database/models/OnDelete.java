package dev.limber.database.models;

/** The {@code ON DELETE} action of a {@link BelongsTo} foreign key: what a hard delete of the target does. */
public enum OnDelete {
    /** The target cannot be hard-deleted while rows point at it (trashed rows included). */
    RESTRICT,
    /** Rows pointing at the target are deleted with it. */
    CASCADE,
    /** Rows pointing at the target keep living with a NULL foreign key (the column must be nullable). */
    SET_NULL
}
