package dev.limber.database.processor.sql;

/**
 * The processor's copy of the runtime's {@code Trashed}: what a {@code @Query} sees of soft-deleted
 * rows. The processor reads {@code @Query(trashed)} through annotation mirrors and maps the
 * constant's name with {@link #valueOf}.
 */
public enum TrashedMode {
    /** Every read of a soft-delete table sees live rows only; an UPDATE touches live rows only. */
    EXCLUDE,
    /** No predicate is added: live and trashed rows alike. */
    INCLUDE,
    /**
     * The main tables — each soft-delete table named directly in the FROM clause of the outermost
     * SELECT (of every branch of an outermost UNION/INTERSECT/EXCEPT), or the table of an UPDATE —
     * show trashed rows only; every other read (joins, subqueries, CTEs) still sees live rows only.
     */
    ONLY,
    /** Sent exactly as written: no predicate, no parse, and a raw DELETE is allowed. */
    AS_WRITTEN
}
