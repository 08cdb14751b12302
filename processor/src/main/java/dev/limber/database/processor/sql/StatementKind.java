package dev.limber.database.processor.sql;

/** What a {@code @Query} statement does. */
public enum StatementKind {
    SELECT,
    INSERT,
    UPDATE,
    DELETE,
    /** Anything else (and SQL the parser could not read). */
    OTHER;

    /** Whether it returns rows (a SELECT, including WITH ... SELECT and VALUES). */
    public boolean returnsRows() {
        return this == SELECT;
    }
}
