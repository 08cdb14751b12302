package dev.limber.database;

import java.util.Map;

/**
 * What an engine's reads and transactions did since it was built, for tests and operators:
 * {@link Engine#stats()}. A snapshot; the counters keep counting in the engine.
 *
 * @param reads {@link Engine#read} runs that completed, by endpoint: {@code "primary"}, and each
 *     replica by its URL (passwords masked), in the order they were added
 * @param fallbacks reads that went to the primary although the engine has replicas: none was
 *     fresh enough for the commit wanted or within {@code maxReplicaLag}, or none was reachable
 * @param replicaFailures reads whose replica failed (lost connection, down), run again elsewhere
 * @param retries runs of a transaction's or a read's work repeated under the {@link RetryPolicy}
 */
public record EngineStats(Map<String, Long> reads, long fallbacks, long replicaFailures, long retries) {
    /** The endpoint name of the primary in {@link #reads()}. */
    public static final String PRIMARY = "primary";

    public EngineStats {
        reads = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(reads));
    }

    /** Reads served by the primary. */
    public long primaryReads() {
        return reads.getOrDefault(PRIMARY, 0L);
    }

    /** Reads served by any replica. */
    public long replicaReads() {
        long sum = 0;
        for (Map.Entry<String, Long> entry : reads.entrySet()) {
            if (!entry.getKey().equals(PRIMARY)) {
                sum += entry.getValue();
            }
        }
        return sum;
    }
}
