package dev.limber.database.models;

/** What deleting a parent does to the children of a {@link HasMany} or {@link HasOne} relation. */
public enum Cascade {
    /** Nothing: a hard delete of a parent that still has children fails on the foreign key. */
    NONE,
    /**
     * Deleting the parent deletes its children in the same transaction: a soft delete stamps the
     * live children with the parent's {@code deleted_at} (and restoring the parent restores exactly
     * those), a hard delete removes them ({@code ON DELETE CASCADE}).
     */
    DELETE
}
