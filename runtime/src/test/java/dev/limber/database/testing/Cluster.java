package dev.limber.database.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * The throw-away servers of {@code .ci/cluster} (a PostgreSQL primary with a hot standby, a
 * three-node Galera cluster), as the tests of replicas and retries reach them: their URLs from
 * {@code LIMBER_TEST_PG_PRIMARY_URL}, {@code LIMBER_TEST_PG_REPLICA_URL} and
 * {@code LIMBER_TEST_GALERA_URLS} (comma-separated), and one fresh schema or database per test.
 * When a URL is unset a test is skipped with the reason printed, except under CI, where it fails.
 */
public final class Cluster {
    public static final String PG_PRIMARY = "LIMBER_TEST_PG_PRIMARY_URL";
    public static final String PG_REPLICA = "LIMBER_TEST_PG_REPLICA_URL";
    public static final String PG_REPLICA_DATA = "LIMBER_TEST_PG_REPLICA_DATA";
    public static final String GALERA = "LIMBER_TEST_GALERA_URLS";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Cluster() {
    }

    /** The value of {@code variable}; skips the test (fails it under CI) when it is unset. */
    public static String required(String variable) {
        String value = DatabaseExtension.setting(variable);
        if (value != null && !value.isBlank()) {
            return value;
        }
        String reason = variable + " is not set: this test needs the servers of .ci/cluster (run"
                + " `eval \"$(.ci/cluster start /tmp/limber-cluster)\"`, or .ci/run, which does)";
        if (DatabaseExtension.underCi()) {
            throw new IllegalStateException("CI=" + DatabaseExtension.setting("CI") + " but " + reason);
        }
        System.out.println("[skipped] " + reason);
        Assumptions.abort(reason);
        return null;
    }

    /** A fresh schema on the PostgreSQL primary, already replayed by the standby; dropped by close(). */
    public static PgSchema pgSchema() throws SQLException {
        String primary = required(PG_PRIMARY);
        String replica = required(PG_REPLICA);
        String name = "limber_rep_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet();
        try (Connection c = DriverManager.getConnection(primary); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS \"" + name + "\" CASCADE");
            s.execute("CREATE SCHEMA \"" + name + "\"");
        }
        return new PgSchema(name, withParameter(primary, "currentSchema", name),
                withParameter(replica, "currentSchema", name), primary);
    }

    /** One schema on the primary, seen through both servers. */
    public record PgSchema(String name, String primaryUrl, String replicaUrl, String adminUrl)
            implements AutoCloseable {
        /** Waits (up to 10 s) until the standby has replayed everything the primary has written so far. */
        public void awaitReplay() throws Exception {
            String target;
            try (Connection c = DriverManager.getConnection(primaryUrl); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT pg_current_wal_lsn()::text")) {
                rs.next();
                target = rs.getString(1);
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            try (Connection c = DriverManager.getConnection(replicaUrl); Statement s = c.createStatement()) {
                while (true) {
                    try (ResultSet rs = s.executeQuery("SELECT pg_last_wal_replay_lsn() >= '" + target + "'::pg_lsn")) {
                        rs.next();
                        if (rs.getBoolean(1)) {
                            return;
                        }
                    }
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("the standby did not replay " + target + " within 10 s");
                    }
                    Thread.sleep(20);
                }
            }
        }

        @Override
        public void close() throws SQLException {
            try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS \"" + name + "\" CASCADE");
            }
        }
    }

    /** A fresh database on the Galera cluster (created on node 1, replicated to all); dropped by close(). */
    public static GaleraDatabase galeraDatabase() throws SQLException {
        List<String> nodes = Arrays.stream(required(GALERA).split(",")).map(String::trim).toList();
        String name = "limber_galera_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet();
        try (Connection c = DriverManager.getConnection(nodes.get(0)); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + name + "`");
            s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        for (String node : nodes) {
            // a causal read on each node returns once that node has applied the CREATE DATABASE
            try (Connection c = DriverManager.getConnection(node); Statement s = c.createStatement()) {
                s.execute("SET SESSION wsrep_sync_wait = 15");
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '"
                        + name + "'")) {
                    rs.next();
                    if (rs.getInt(1) != 1) {
                        throw new IllegalStateException("node " + node + " has not applied CREATE DATABASE " + name);
                    }
                }
            }
        }
        return new GaleraDatabase(name, nodes.stream().map(url -> url.replaceFirst("/limber_test", "/" + name)).toList(),
                nodes.get(0));
    }

    /** One database on every node of the cluster: {@code nodeUrls.get(i)} reaches it through node i + 1. */
    public record GaleraDatabase(String name, List<String> nodeUrls, String adminUrl) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS `" + name + "`");
            }
        }
    }

    static String withParameter(String url, String name, String value) {
        return url + (url.contains("?") ? "&" : "?") + name + "=" + value;
    }
}
