package dev.limber.database.dialect;

/**
 * How far a primary has written and a replica has replayed its log, as text that can travel in a
 * token: PostgreSQL's WAL positions ({@code 16/B374D848}), MariaDB's GTID positions
 * ({@code 0-1-1042,1-2-7}, one per replication domain). Positions are compared here and nowhere
 * else; the SQL that reads them is run by the engine.
 */
public interface ReplayPositions {
    /** A query whose one row and column is the primary's current write position. */
    String primaryPositionQuery();

    /** A query whose one row and column is how far a replica has replayed (null or empty: nothing yet). */
    String replayedPositionQuery();

    /** Whether a replica at {@code replayed} has replayed everything up to {@code wanted}. */
    boolean reached(String replayed, String wanted);

    /** The later of two positions (for GTIDs: the later of each domain's), so that one position covers both. */
    String merge(String a, String b);

    /** Checks that {@code position} is well formed, returning it; an {@link IllegalArgumentException} says why not. */
    String parse(String position);

    /** PostgreSQL: a 64-bit WAL location, written as two hexadecimal halves {@code hi/lo}. */
    ReplayPositions WAL = new ReplayPositions() {
        @Override
        public String primaryPositionQuery() {
            return "SELECT pg_current_wal_lsn()";
        }

        /** Replay, not receipt: a row is visible on the standby once its commit record is replayed. */
        @Override
        public String replayedPositionQuery() {
            return "SELECT pg_last_wal_replay_lsn()";
        }

        @Override
        public boolean reached(String replayed, String wanted) {
            return replayed != null && !replayed.isEmpty() && Long.compareUnsigned(lsn(replayed), lsn(wanted)) >= 0;
        }

        @Override
        public String merge(String a, String b) {
            return Long.compareUnsigned(lsn(a), lsn(b)) >= 0 ? a : b;
        }

        @Override
        public String parse(String position) {
            lsn(position);
            return position;
        }

        private long lsn(String position) {
            int slash = position.indexOf('/');
            if (slash <= 0 || slash == position.length() - 1) {
                throw new IllegalArgumentException("not a PostgreSQL WAL position (e.g. 16/B374D848): " + position);
            }
            try {
                return Long.parseUnsignedLong(position.substring(0, slash), 16) << 32
                        | Long.parseUnsignedLong(position.substring(slash + 1), 16);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a PostgreSQL WAL position (e.g. 16/B374D848): " + position, e);
            }
        }
    };

    /**
     * MariaDB: a GTID position, {@code domain-server-sequence} per replication domain, comma-separated.
     * The primary's is {@code @@gtid_binlog_pos} (every transaction in its binary log, which a
     * primary with replicas keeps); a replica's is {@code @@gtid_slave_pos}.
     */
    ReplayPositions GTID = new ReplayPositions() {
        @Override
        public String primaryPositionQuery() {
            return "SELECT @@gtid_binlog_pos";
        }

        @Override
        public String replayedPositionQuery() {
            return "SELECT @@gtid_slave_pos";
        }

        @Override
        public boolean reached(String replayed, String wanted) {
            java.util.Map<Long, Long> have = domains(replayed == null ? "" : replayed);
            for (java.util.Map.Entry<Long, Long> want : domains(wanted).entrySet()) {
                Long seq = have.get(want.getKey());
                if (seq == null || Long.compareUnsigned(seq, want.getValue()) < 0) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String merge(String a, String b) {
            java.util.Map<Long, String> gtids = new java.util.TreeMap<>();
            java.util.Map<Long, Long> seqs = new java.util.HashMap<>();
            for (String position : new String[] {a, b}) {
                for (String gtid : gtids(position)) {
                    long[] parts = gtid(gtid);
                    Long seen = seqs.get(parts[0]);
                    if (seen == null || Long.compareUnsigned(parts[2], seen) > 0) {
                        seqs.put(parts[0], parts[2]);
                        gtids.put(parts[0], gtid);
                    }
                }
            }
            return String.join(",", gtids.values());
        }

        @Override
        public String parse(String position) {
            domains(position);
            return position;
        }

        private java.util.Map<Long, Long> domains(String position) {
            java.util.Map<Long, Long> seqs = new java.util.HashMap<>();
            for (String gtid : gtids(position)) {
                long[] parts = gtid(gtid);
                seqs.merge(parts[0], parts[2], (x, y) -> Long.compareUnsigned(x, y) >= 0 ? x : y);
            }
            return seqs;
        }

        private java.util.List<String> gtids(String position) {
            java.util.List<String> gtids = new java.util.ArrayList<>();
            for (String gtid : position.split(",")) {
                if (!gtid.isBlank()) {
                    gtids.add(gtid.trim());
                }
            }
            return gtids;
        }

        private long[] gtid(String gtid) {
            String[] parts = gtid.split("-");
            if (parts.length != 3) {
                throw new IllegalArgumentException("not a MariaDB GTID (domain-server-sequence, e.g. 0-1-42): " + gtid);
            }
            try {
                return new long[] {Long.parseUnsignedLong(parts[0]), Long.parseUnsignedLong(parts[1]),
                        Long.parseUnsignedLong(parts[2])};
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a MariaDB GTID (domain-server-sequence, e.g. 0-1-42): " + gtid, e);
            }
        }
    };
}
