package dev.limber.database;

import dev.limber.database.dialect.ReplayPositions;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Where the primary's log stood, and when: samples taken at this engine's commits and, between
 * them, by asking the primary at most once per sampling interval. A replica that has replayed a
 * position shows everything the primary had committed at the last time the primary was seen at or
 * before that position, so its lag is at most the time since then. Measured by position, an idle
 * primary is never lag: a replica that has replayed the newest sample lags by no more than the
 * sampling interval. The estimate errs on the safe side (it never reports less lag than there is,
 * give or take the replica's own polling), so a bound is kept even when samples are sparse.
 *
 * <p>Thread-safe; times are {@link System#nanoTime()} values.
 */
final class PrimaryTimeline {
    private static final int MAX_SAMPLES = 256;

    private record Sample(String position, long at) {
    }

    private final ReplayPositions positions;
    private final long retainNanos;
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();

    /** Keeps samples for {@code retainNanos}: an older one could only say that a replica lags more than that. */
    PrimaryTimeline(ReplayPositions positions, long retainNanos) {
        this.positions = positions;
        this.retainNanos = retainNanos;
    }

    /** The primary was at {@code position} at time {@code at}. */
    synchronized void add(String position, long at) {
        if (position == null || position.isEmpty()) {
            return;
        }
        Sample last = samples.peekLast();
        if (last != null && at < last.at) {
            return; // a slow sampler finishing after a newer sample: it adds nothing
        }
        if (last != null && positions.reached(last.position, position)) {
            samples.pollLast(); // the primary had not moved on: it was still there at the later time
        }
        samples.addLast(new Sample(position, at));
        while (samples.size() > 1 && (samples.size() > MAX_SAMPLES || at - samples.peekFirst().at > retainNanos)) {
            samples.pollFirst();
        }
    }

    /** The time of the newest sample, or {@link Long#MIN_VALUE} when there is none. */
    synchronized long newest() {
        Sample last = samples.peekLast();
        return last == null ? Long.MIN_VALUE : last.at;
    }

    /**
     * How far behind, in nanoseconds at {@code now}, a replica that has replayed {@code replayed}
     * may be: the time since the newest sample it has reached; {@link Long#MAX_VALUE} when it has
     * reached none (or there are none: nothing is known).
     */
    synchronized long lag(String replayed, long now) {
        if (replayed == null || replayed.isEmpty()) {
            return Long.MAX_VALUE;
        }
        for (Iterator<Sample> newestFirst = samples.descendingIterator(); newestFirst.hasNext(); ) {
            Sample sample = newestFirst.next();
            if (positions.reached(replayed, sample.position)) {
                return Math.max(0, now - sample.at);
            }
        }
        return Long.MAX_VALUE;
    }
}
