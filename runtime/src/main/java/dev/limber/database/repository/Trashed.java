package dev.limber.database.repository;

/** How a {@link Query @Query} statement treats soft-deleted rows of soft-delete tables. */
public enum Trashed {
    /** Every read of a soft-delete table sees live rows only; updates touch live rows only. The default. */
    EXCLUDE,
    /**
     * The statement's main table (the first table of its FROM, or the table an UPDATE changes)
     * is read with its soft-deleted rows, as {@code Query.withTrashed()}; every other
     * soft-delete table still sees live rows only, as a relation does under {@code withTrashed()}.
     */
    INCLUDE,
    /**
     * Only the soft-deleted rows of the statement's main table are read or touched, as
     * {@code Query.onlyTrashed()}; every other soft-delete table still sees live rows only.
     */
    ONLY,
    /** The statement is sent exactly as written: no rewriting, raw {@code DELETE} allowed. */
    AS_WRITTEN
}
