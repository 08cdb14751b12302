package dev.limber.database.repository;

/** How a {@link Query @Query} statement treats soft-deleted rows of soft-delete tables. */
public enum Trashed {
    /** Every read of a soft-delete table sees live rows only; updates touch live rows only. The default. */
    EXCLUDE,
    /** Nothing is filtered: every soft-delete table is read with its soft-deleted rows. */
    INCLUDE,
    /**
     * The main tables (each soft-delete table named directly in the FROM of the outermost SELECT,
     * in every branch of an outermost UNION, or the table an UPDATE changes) show soft-deleted
     * rows only, as {@code Query.onlyTrashed()}; every other read (joins, subqueries, CTEs) still
     * sees live rows only.
     */
    ONLY,
    /** The statement is sent exactly as written: no rewriting, raw {@code DELETE} allowed. */
    AS_WRITTEN
}
