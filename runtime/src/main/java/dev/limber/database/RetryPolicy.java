package dev.limber.database;

import dev.limber.database.dialect.Dialect;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When {@link Engine#transaction} runs its work again: on a failure the database reports as
 * retryable, up to a number of runs in all, sleeping a jittered, growing pause between them.
 *
 * <pre>{@code
 * Engine engine = Engine.builder().url(url).retry(RetryPolicy.attempts(5)).build();
 * }</pre>
 *
 * <p>Retried: a serialization failure (SQLSTATE 40001), a deadlock (40P01, MariaDB 1213, which is
 * also how a Galera certification failure arrives), a Galera node not ready (1047), SQLite's stale
 * snapshot, a {@link StaleObjectException} (the work reads the row afresh when it runs again), and a
 * write that reached a read-only server through the primary's pool (the connection is dropped
 * first). Never retried: {@link CommitOutcomeUnknownException} (the COMMIT may have been applied),
 * and anything else. A session from {@link Engine#openSession()} is never replayed: Limber does not
 * hold the work, so the exception reaches the caller, saying it was retryable.
 *
 * <p>Immutable; {@link #none()} is the default.
 */
public final class RetryPolicy {
    private static final RetryPolicy NONE = new RetryPolicy(1, Duration.ofMillis(10), Duration.ofSeconds(1));

    private final int attempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    private RetryPolicy(int attempts, Duration initialBackoff, Duration maxBackoff) {
        this.attempts = attempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /**
     * At most {@code attempts} runs of the work in all (the first included), pausing a random time
     * up to 10 ms, 20 ms, 40 ms, … (at most 1 s) before each new run.
     */
    public static RetryPolicy attempts(int attempts) {
        if (attempts < 1) {
            throw new LimberException("RetryPolicy.attempts cannot be less than 1 (was " + attempts
                    + "); 1 runs the work once, RetryPolicy.none()");
        }
        return new RetryPolicy(attempts, NONE.initialBackoff, NONE.maxBackoff);
    }

    /** One run, no retry: the default. */
    public static RetryPolicy none() {
        return NONE;
    }

    /**
     * This policy with another pause: before run n+1 a random time between 0 and
     * {@code min(max, initial * 2^(n-1))} ("full jitter", so that the losers of one conflict do not
     * meet again at the same moment).
     */
    public RetryPolicy backoff(Duration initial, Duration max) {
        if (initial == null || max == null || initial.isNegative() || max.compareTo(initial) < 0) {
            throw new LimberException("RetryPolicy.backoff needs 0 <= initial <= max (was " + initial + ", " + max + ")");
        }
        return new RetryPolicy(attempts, initial, max);
    }

    /** The most runs of the work in all. */
    public int attempts() {
        return attempts;
    }

    public Duration initialBackoff() {
        return initialBackoff;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    /**
     * Whether {@code failure} of the work's run number {@code attempt} (from 1) on {@code dialect}
     * calls for another run under this policy.
     */
    boolean retries(Throwable failure, int attempt, Dialect dialect) {
        return attempt < attempts && retryable(failure, dialect);
    }

    /** Whether {@code failure} is one a fresh run of the whole work may not meet, whatever the attempts left. */
    static boolean retryable(Throwable failure, Dialect dialect) {
        if (failure instanceof CommitOutcomeUnknownException || !(failure instanceof LimberException)) {
            return false;
        }
        if (failure instanceof TransactionConflictException || failure instanceof StaleObjectException) {
            return true;
        }
        for (Throwable t = failure.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && (dialect.isRetryable(sql) || dialect.isReadOnlyServer(sql))) {
                return true;
            }
        }
        return false;
    }

    /** The pause before run {@code attempt + 1}, in milliseconds, drawn with full jitter. */
    long backoffMillis(int attempt) {
        long cap = maxBackoff.toMillis();
        long ceiling = initialBackoff.toMillis();
        for (int i = 1; i < attempt && ceiling < cap; i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, cap);
        return ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1);
    }

    /** Sleeps before run {@code attempt + 1}; an interrupt ends the retries and is added to {@code failure}. */
    void pause(int attempt, RuntimeException failure) {
        long millis = backoffMillis(attempt);
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(interrupted);
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "RetryPolicy[attempts=" + attempts + ", backoff " + initialBackoff.toMillis() + "-"
                + maxBackoff.toMillis() + " ms]";
    }
}
