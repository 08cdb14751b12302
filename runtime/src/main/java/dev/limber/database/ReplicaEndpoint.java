package dev.limber.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.limber.database.dialect.ReplayPositions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replica: its pool (started at first use, so that a replica down when the engine starts
 * costs nothing until it is wanted), how far it had replayed when last asked, and a circuit
 * breaker. A failure opens the breaker: the replica is skipped for a pause that doubles with each
 * failure in a row (from {@link #FIRST_PAUSE_NANOS} to {@link #LONGEST_PAUSE_NANOS}); then one
 * caller at a time probes it, and a success closes the breaker.
 */
final class ReplicaEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger("dev.limber.database.replicas");
    static final long FIRST_PAUSE_NANOS = 250_000_000L;
    static final long LONGEST_PAUSE_NANOS = 5_000_000_000L;

    /** How far the replica had replayed, asked at {@code at} (nanoTime). */
    record Replayed(String position, long at) {
    }

    final String name;
    private final HikariConfig config;
    private volatile HikariDataSource pool;
    private volatile boolean closed;
    private volatile Replayed replayed;
    private final AtomicBoolean asking = new AtomicBoolean();
    /** Until when (nanoTime) the breaker is open; 0 when closed. */
    private final AtomicLong openUntil = new AtomicLong();
    private int failuresInARow;
    final LongAdder reads = new LongAdder();
    final Transaction.ConnectionSource connections;

    ReplicaEndpoint(String name, HikariConfig config, Transaction.ConnectionSource engineConnections) {
        this.name = name;
        this.config = config;
        this.connections = new Transaction.ConnectionSource() {
            @Override
            public Connection acquire() throws SQLException {
                return pool().getConnection();
            }

            @Override
            public void discard(Connection connection) {
                pool().evictConnection(connection);
            }

            @Override
            public boolean readsInAutoCommit(Connection connection) throws SQLException {
                return engineConnections.readsInAutoCommit(connection);
            }

            @Override
            public int statementTimeoutSeconds() {
                return engineConnections.statementTimeoutSeconds();
            }

            @Override
            public boolean readOnly() {
                return true;
            }
        };
    }

    /** The pool, started now if it is not yet. */
    HikariDataSource pool() {
        HikariDataSource p = pool;
        if (p == null) {
            synchronized (this) {
                if (closed) {
                    throw new LimberException("Engine is closed; create a new one");
                }
                p = pool;
                if (p == null) {
                    p = new HikariDataSource(config); // initializationFailTimeout -1: starts with the replica down
                    pool = p;
                }
            }
        }
        return p;
    }

    /**
     * Whether the breaker lets a caller use this replica at {@code now}: closed, or open past its
     * pause, in which case only the first caller is let through (to probe it) and the breaker
     * stays open for the others for one more pause.
     */
    boolean available(long now) {
        long until = openUntil.get();
        if (until == 0) {
            return true;
        }
        return now - until >= 0 && openUntil.compareAndSet(until, now + FIRST_PAUSE_NANOS);
    }

    /** How far the replica has replayed: the last answer if asked within {@code maxAgeNanos}, else asked now. */
    Replayed replayed(ReplayPositions positions, long maxAgeNanos) {
        Replayed seen = replayed;
        long now = System.nanoTime();
        if (seen != null && now - seen.at <= maxAgeNanos) {
            return seen;
        }
        if (!asking.compareAndSet(false, true)) {
            return seen; // another caller is asking; the last answer will do meanwhile
        }
        try (Connection c = pool().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(positions.replayedPositionQuery())) {
            String position = rs.next() ? rs.getString(1) : null;
            seen = new Replayed(position, now);
            replayed = seen;
            succeeded();
            return seen;
        } catch (SQLException | RuntimeException e) {
            failed(e);
            return null;
        } finally {
            asking.set(false);
        }
    }

    /** The replica answered: the breaker closes. */
    void succeeded() {
        if (openUntil.get() != 0) {
            synchronized (this) {
                if (failuresInARow > 0) {
                    LOG.info("Replica {} is back", name);
                }
                failuresInARow = 0;
                openUntil.set(0);
            }
        }
    }

    /** The replica failed: the breaker opens for a pause that doubles with each failure in a row. */
    synchronized void failed(Throwable cause) {
        failuresInARow++;
        long pause = FIRST_PAUSE_NANOS << Math.min(failuresInARow - 1, 10);
        openUntil.set(System.nanoTime() + Math.min(pause, LONGEST_PAUSE_NANOS));
        replayed = null;
        if (failuresInARow == 1) {
            LOG.warn("Replica {} failed ({}); reads go elsewhere until it answers again", name, cause.toString());
        }
    }

    void close() {
        synchronized (this) {
            closed = true;
            if (pool != null) {
                pool.close();
            }
        }
    }
}
