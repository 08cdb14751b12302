package dev.limber.database;

import dev.limber.database.dialect.Dialect;
import dev.limber.database.dialect.ReplayPositions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an engine's reads go: to a replica that has replayed the commit the read must see and is
 * within the lag bound, else to the primary. Keeps the engine's last commit position, the
 * primary's timeline for the lag bound, and the counters of {@link EngineStats}.
 *
 * <p>A replica's replay position is asked at most once per {@link #POLL_NANOS} (the answer is
 * shared by every read meanwhile); the primary's at most once per sampling interval (a quarter of
 * the lag bound, between 10 ms and 1 s), and only while reads run.
 */
final class ReplicaRouter {
    private static final Logger LOG = LoggerFactory.getLogger("dev.limber.database.replicas");
    /** How old a replica's replay position may be before it is asked again. */
    static final long POLL_NANOS = 50_000_000L;

    /** Runs the primary position query on a primary connection. */
    interface PrimaryPosition {
        String read(String query) throws SQLException;
    }

    private final Dialect dialect;
    private final ReplayPositions positions;
    private final List<ReplicaEndpoint> replicas;
    private final long maxLagNanos;
    private final long sampleNanos;
    private final PrimaryTimeline timeline;
    private final PrimaryPosition primary;
    private final AtomicReference<CommitToken> lastCommit = new AtomicReference<>(CommitToken.NONE);
    /** A commit whose position could not be read: reads wait for the primary until the next one is known. */
    private volatile boolean positionUnknown;
    private final AtomicBoolean sampling = new AtomicBoolean();
    private final AtomicInteger next = new AtomicInteger();
    private final LongAdder primaryReads = new LongAdder();
    private final LongAdder fallbacks = new LongAdder();
    private final LongAdder replicaFailures = new LongAdder();
    private final LongAdder retries = new LongAdder();

    ReplicaRouter(Dialect dialect, List<ReplicaEndpoint> replicas, long maxLagNanos, PrimaryPosition primary) {
        this.dialect = dialect;
        this.positions = dialect.replayPositions();
        this.replicas = List.copyOf(replicas);
        this.maxLagNanos = maxLagNanos;
        this.sampleNanos = Math.max(10_000_000L, Math.min(1_000_000_000L, maxLagNanos / 4));
        this.timeline = positions == null ? null : new PrimaryTimeline(positions, 2 * maxLagNanos + sampleNanos);
        this.primary = primary;
    }

    boolean hasReplicas() {
        return !replicas.isEmpty();
    }

    /** The engine's last commit position (merged over its threads), or NONE without replicas. */
    CommitToken lastCommit() {
        return lastCommit.get();
    }

    /** The commit a read must see: {@code token}'s and the engine's own. */
    CommitToken wanted(CommitToken token) {
        if (token == null) {
            throw new LimberException("token is null; pass CommitToken.NONE to read without waiting for a commit");
        }
        if (!token.isNone() && token.dialect() != dialect) {
            throw new LimberException("The commit token " + token + " is from " + token.dialect().productName()
                    + ", and this engine reads " + dialect.productName() + "; pass a token from an engine on the"
                    + " same primary");
        }
        return token.and(lastCommit.get());
    }

    /**
     * The replica to read {@code wanted} from, or null for the primary; skips those in
     * {@code tried} (which failed this read already) and those whose breaker is open. Replicas are
     * taken in turn, so that reads spread over them.
     */
    ReplicaEndpoint choose(CommitToken wanted, List<ReplicaEndpoint> tried) {
        if (replicas.isEmpty()) {
            return null;
        }
        if (!positionUnknown) {
            int n = replicas.size();
            int start = Math.floorMod(next.getAndIncrement(), n);
            for (int i = 0; i < n; i++) {
                ReplicaEndpoint replica = replicas.get((start + i) % n);
                if ((tried == null || !tried.contains(replica)) && fresh(replica, wanted)) {
                    return replica;
                }
            }
        }
        fallbacks.increment();
        return null;
    }

    /** Whether {@code replica} answers, has replayed {@code wanted}, and lags no more than the bound. */
    private boolean fresh(ReplicaEndpoint replica, CommitToken wanted) {
        long now = System.nanoTime();
        if (!replica.available(now)) {
            return false;
        }
        // the primary first: a replica asked after it can be compared with it
        samplePrimary(now);
        ReplicaEndpoint.Replayed seen = replica.replayed(positions, POLL_NANOS);
        if (seen == null || seen.position() == null) {
            return false; // failed (its breaker is open now), or it has replayed nothing yet
        }
        if (!wanted.isNone() && !positions.reached(seen.position(), wanted.position())) {
            return false;
        }
        // as of when it was asked: it may have gone further since, never back
        return timeline.lag(seen.position(), now) <= maxLagNanos;
    }

    /** Asks the primary where it stands, unless a sample is younger than the sampling interval. */
    private void samplePrimary(long now) {
        long newest = timeline.newest();
        if ((newest != Long.MIN_VALUE && now - newest < sampleNanos) || !sampling.compareAndSet(false, true)) {
            return;
        }
        try {
            long at = System.nanoTime();
            timeline.add(primary.read(positions.primaryPositionQuery()), at);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Could not read the primary's position; the lag bound uses the last one known", e);
        } finally {
            sampling.set(false);
        }
    }

    /**
     * A transaction committed on {@code connection} (a primary connection, in auto-commit): its
     * position becomes the engine's last commit. Never throws: when the position cannot be read,
     * reads go to the primary until a later commit's position is known.
     */
    void committed(Connection connection) {
        long at = System.nanoTime();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(positions.primaryPositionQuery())) {
            String position = rs.next() ? rs.getString(1) : null;
            CommitToken token = CommitToken.of(dialect, position);
            lastCommit.accumulateAndGet(token, CommitToken::and);
            timeline.add(position, at);
            positionUnknown = false;
        } catch (SQLException | RuntimeException e) {
            positionUnknown = true;
            LOG.warn("Could not read the primary's position after a commit ({}); reads go to the primary until a later"
                    + " commit's position is known", e.toString());
        }
    }

    /**
     * Whether {@code failure} of a read on {@code replica} is the replica's fault (lost connection,
     * server down or starting, a query cancelled by a conflict with replay), so that the read is
     * run again elsewhere. A lost replica also opens its breaker.
     */
    boolean replicaFailed(ReplicaEndpoint replica, RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && dialect.isConnectionLost(sql)) {
                replica.failed(failure);
                replicaFailures.increment();
                return true;
            }
        }
        if (failure instanceof TransactionConflictException) {
            replicaFailures.increment(); // e.g. PostgreSQL cancelled the query to replay a conflicting change
            return true;
        }
        return false;
    }

    /** A read finished on {@code replica} (null: the primary). */
    void served(ReplicaEndpoint replica) {
        if (replica == null) {
            primaryReads.increment();
        } else {
            replica.reads.increment();
            replica.succeeded();
        }
    }

    void retried() {
        retries.increment();
    }

    EngineStats stats() {
        Map<String, Long> reads = new LinkedHashMap<>();
        reads.put(EngineStats.PRIMARY, primaryReads.sum());
        for (ReplicaEndpoint replica : replicas) {
            reads.put(replica.name, replica.reads.sum());
        }
        return new EngineStats(reads, fallbacks.sum(), replicaFailures.sum(), retries.sum());
    }

    void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (ReplicaEndpoint replica : replicas) {
            try {
                replica.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            LOG.warn("Closing a replica pool failed", failures.get(0));
        }
    }
}
