package dev.limber.database;

/**
 * A point in a session's transaction that the work done since can be rolled back to, without
 * giving up the work done before (SQL's {@code SAVEPOINT}). From {@link Session#savepoint()}:
 *
 * <pre>{@code
 * try (Savepoint sp = session.savepoint()) {
 *     session.insert(book);
 *     sp.release();           // keep it; without this, close() rolls back to the savepoint
 * }
 * }</pre>
 *
 * <p>A savepoint ends with {@link #release()} (its work stays in the transaction, to be committed
 * or rolled back with it) or {@link #rollback()} (its work is undone); {@link #close()} rolls back
 * one that did neither. Savepoints nest: ending one ends those taken after it, and the transaction
 * ending (commit, rollback, close of the session) ends them all.
 *
 * <p>When a statement fails, the session refuses further work until something is rolled back;
 * rolling back to a savepoint taken before the failure is enough, on every database (PostgreSQL
 * included), and the session carries on. A conflict with another transaction
 * ({@link TransactionConflictException}, or a {@link StaleObjectException} caused by one) spoils
 * the whole transaction instead: roll the session back and retry the unit of work.
 */
public final class Savepoint implements AutoCloseable {

    /** Where a savepoint stands; each ended state says why, for the message of a late call. */
    enum State {
        ACTIVE("is active"),
        RELEASED("was released"),
        ROLLED_BACK("was rolled back"),
        ENDED_WITH_OUTER("ended when a savepoint taken before it was released or rolled back"),
        ENDED_WITH_TRANSACTION("ended with its transaction (commit, rollback or close of the session)");

        final String ended;

        State(String ended) {
            this.ended = ended;
        }
    }

    private final Transaction transaction;
    private final java.sql.Savepoint jdbc;
    private final String name;
    private State state = State.ACTIVE;

    Savepoint(Transaction transaction, java.sql.Savepoint jdbc, String name) {
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.name = name;
    }

    /**
     * Keeps the work done since the savepoint as part of the transaction and ends the savepoint
     * (and any taken after it). Refused after a failed statement: roll back to the savepoint instead.
     */
    public void release() {
        transaction.release(this);
    }

    /**
     * Undoes the work done since the savepoint and ends it (and any taken after it); the work
     * before it stays, and a statement failure since is cleared, so the session can carry on.
     */
    public void rollback() {
        transaction.rollback(this);
    }

    /** Rolls back to the savepoint unless it was released or rolled back already (or its transaction ended). */
    @Override
    public void close() {
        if (state == State.ACTIVE) {
            transaction.rollback(this);
        }
    }

    /** Whether the savepoint is neither released nor rolled back, and its transaction is open. */
    public boolean isActive() {
        return state == State.ACTIVE;
    }

    /** The savepoint's name in SQL, as Limber chose it (unique within the session). */
    public String name() {
        return name;
    }

    java.sql.Savepoint jdbc() {
        return jdbc;
    }

    State state() {
        return state;
    }

    void ended(State state) {
        this.state = state;
    }

    @Override
    public String toString() {
        return "Savepoint[" + name + ", " + state.ended + "]";
    }
}
