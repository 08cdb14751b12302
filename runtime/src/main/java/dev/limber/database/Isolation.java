package dev.limber.database;

import java.sql.Connection;

/**
 * The transaction isolation level of an engine's connections, set with
 * {@link Engine.Builder#isolation(Isolation)} and applied to every pooled connection (HikariCP's
 * {@code transactionIsolation}). It also decides when a session's transaction begins: at
 * {@link #READ_COMMITTED} a session reads in auto-commit until its first write (every statement
 * sees the data committed when it starts, in a transaction or not), at the stricter levels its
 * transaction begins at its first statement so that its reads share one snapshot.
 *
 * <p>Per database: H2 and PostgreSQL default to READ COMMITTED and support all three levels
 * (PostgreSQL's REPEATABLE READ is snapshot isolation; both may then fail a write with a
 * {@link TransactionConflictException}). MariaDB defaults to REPEATABLE READ; Limber's default,
 * READ COMMITTED, is what Django also uses there. SQLite's transactions are always serializable:
 * at READ COMMITTED Limber reads outside a transaction until the first write (each read sees the
 * latest commit), at REPEATABLE READ or SERIALIZABLE a session reads from one snapshot and its
 * first write may find the snapshot stale ({@link TransactionConflictException}, or
 * {@link StaleObjectException} for a {@code @Version} model).
 */
public enum Isolation {
    /** Each statement sees what was committed when it started; Limber's default on every database. */
    READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED, "TRANSACTION_READ_COMMITTED"),
    /** A transaction reads from one snapshot (MariaDB's own default; serializable on SQLite). */
    REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ, "TRANSACTION_REPEATABLE_READ"),
    /** Transactions behave as if run one after another; conflicting ones fail and must be retried. */
    SERIALIZABLE(Connection.TRANSACTION_SERIALIZABLE, "TRANSACTION_SERIALIZABLE"),
    /**
     * Leave the connections at whatever level the database (or the URL, or the server's
     * configuration) gives them; the engine reads it from its first connection.
     */
    DATABASE_DEFAULT(-1, null);

    private final int jdbcLevel;
    private final String hikariName;

    Isolation(int jdbcLevel, String hikariName) {
        this.jdbcLevel = jdbcLevel;
        this.hikariName = hikariName;
    }

    /** The {@link Connection} constant of this level, or -1 for {@link #DATABASE_DEFAULT}. */
    public int jdbcLevel() {
        return jdbcLevel;
    }

    /** The name HikariCP's {@code transactionIsolation} takes, or null for {@link #DATABASE_DEFAULT}. */
    String hikariName() {
        return hikariName;
    }
}
