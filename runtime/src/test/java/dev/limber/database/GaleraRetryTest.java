package dev.limber.database;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.fixtures.Book;
import dev.limber.database.fixtures.Book_Mapper;
import dev.limber.database.testing.Cluster;
import dev.limber.database.testing.Cluster.GaleraDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * engine.transaction on a three-node MariaDB Galera cluster (.ci/cluster), where every node takes
 * writes and a transaction that loses to another node's write fails at COMMIT with a certification
 * failure (error 1213): under a RetryPolicy its work runs again, and no update is lost. The counter
 * is a book whose title holds a number, updated by read-modify-write with its {@code @Version}.
 */
class GaleraRetryTest {
    private static final ModelRegistry MODELS = ModelRegistry.of(List.of(Book_Mapper.INFO));
    private GaleraDatabase db;
    private final List<Engine> engines = new ArrayList<>();

    @BeforeEach
    void database() throws Exception {
        db = Cluster.galeraDatabase();
    }

    @AfterEach
    void drop() throws Exception {
        engines.forEach(Engine::close);
        if (db != null) { // null: skipped, no cluster
            db.close();
        }
    }

    /** An engine on node {@code node} (1 to 3). */
    private Engine node(int node, RetryPolicy retry) {
        Engine engine = Engine.builder().url(db.nodeUrls().get(node - 1)).registry(MODELS).maxPoolSize(4).retry(retry)
                .build();
        engines.add(engine);
        return engine;
    }

    /** The counter's value as node {@code node} has it, once that node has applied every write it has seen. */
    private int counterOn(int node, long id) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.nodeUrls().get(node - 1)); Statement s = c.createStatement()) {
            s.execute("SET SESSION wsrep_sync_wait = 1"); // a causal read: wait until this node has caught up
            try (ResultSet rs = s.executeQuery("SELECT title FROM books WHERE id = " + id)) {
                rs.next();
                return Integer.parseInt(rs.getString(1));
            }
        }
    }

    /** Adds {@code n} to the counter on node {@code node}, in one auto-committed statement. */
    private void addOn(int node, long id, int n) {
        try (Connection c = DriverManager.getConnection(db.nodeUrls().get(node - 1));
                PreparedStatement s = c.prepareStatement("UPDATE books SET title = CAST(CAST(title AS SIGNED) + ? AS"
                        + " CHAR), version = version + 1 WHERE id = ?")) {
            s.setInt(1, n);
            s.setLong(2, id);
            assertThat(s.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Increments the counter in {@code s}: reads it, and writes it back one higher (checking its version). */
    private static void increment(Session s, long id) {
        Book counter = s.get(Book.class, id);
        counter.title = String.valueOf(Integer.parseInt(counter.title) + 1);
        s.update(counter);
    }

    private long counter(Engine engine) throws SQLException {
        engine.createAll();
        return engine.transaction(s -> s.insert(new Book("0", "counter"))).id;
    }

    /**
     * Node 1's transaction reads the counter and writes it one higher, holding its write
     * uncommitted while node 2 adds 100 in an auto-committed statement; node 1's COMMIT then loses
     * certification (1213). Without a retry the caller gets that conflict; with one the work runs
     * again, reads 100 more, and both changes stay.
     */
    @Test
    void aCertificationFailureAtCommitRunsTheWorkAgainAndLosesNoUpdate() throws Exception {
        Engine once = node(1, RetryPolicy.none());
        long id = counter(once);
        assertThat(counterOn(2, id)).isEqualTo(0);

        TransactionConflictException lost = assertThrows(TransactionConflictException.class,
                () -> once.inTransaction(s -> {
                    increment(s, id);
                    addOn(2, id, 100);
                }));
        assertThat(lost.sql()).isEqualTo("COMMIT");
        assertThat(((SQLException) lost.getCause()).getErrorCode()).isEqualTo(1213);
        assertThat(counterOn(3, id)).isEqualTo(100); // node 1's increment was rolled back: the caller must redo it

        Engine retrying = node(1, RetryPolicy.attempts(3).backoff(Duration.ofMillis(5), Duration.ofMillis(20)));
        AtomicInteger runs = new AtomicInteger();
        retrying.inTransaction(s -> {
            increment(s, id);
            if (runs.incrementAndGet() == 1) {
                addOn(2, id, 100);
            }
        });
        assertThat(runs.get()).isEqualTo(2);
        assertThat(retrying.stats().retries()).isEqualTo(1L);
        assertThat(counterOn(3, id)).isEqualTo(201); // 100 + 100 from node 2, and node 1's increment once
        System.out.println("[retries] Galera certification failure at COMMIT (1213): 1 retry, 2 runs");
    }

    /** A session from openSession() is the caller's work: the engine never replays it, whatever its policy. */
    @Test
    void aManualSessionThatLosesCertificationIsNotReplayed() throws Exception {
        Engine engine = node(1, RetryPolicy.attempts(5));
        long id = counter(engine);
        try (Session session = engine.openSession()) {
            increment(session, id);
            addOn(2, id, 100);
            TransactionConflictException e = assertThrows(TransactionConflictException.class, session::commit);
            assertThat(e).hasMessageThat().contains("It is retryable");
            assertThat(e).hasMessageThat().contains("a session from openSession() is never replayed");
        }
        assertThat(engine.stats().retries()).isEqualTo(0L);
        assertThat(counterOn(1, id)).isEqualTo(100);
    }

    /** Two threads on each node increment one row 15 times each: every increment counts, once. */
    @Test
    void aHotRowIncrementedFromThreeNodesKeepsTheExactTotal() throws Exception {
        RetryPolicy patient = RetryPolicy.attempts(50).backoff(Duration.ofMillis(2), Duration.ofMillis(100));
        List<Engine> nodes = List.of(node(1, patient), node(2, patient), node(3, patient));
        long id = counter(nodes.get(0));
        for (int node = 1; node <= 3; node++) {
            assertThat(counterOn(node, id)).isEqualTo(0); // every node has the row before the threads start
        }
        int threadsPerNode = 2;
        int increments = 15;
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size() * threadsPerNode);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (Engine engine : nodes) {
                for (int t = 0; t < threadsPerNode; t++) {
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < increments; i++) {
                            engine.inTransaction(s -> increment(s, id));
                        }
                    }));
                }
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        int total = nodes.size() * threadsPerNode * increments;
        for (int node = 1; node <= 3; node++) {
            assertThat(counterOn(node, id)).isEqualTo(total);
        }
        long retries = nodes.stream().mapToLong(e -> e.stats().retries()).sum();
        System.out.println("[retries] hot row, 3 nodes x " + threadsPerNode + " threads x " + increments
                + " increments = " + total + ": " + retries + " retries (per node: "
                + nodes.stream().map(e -> String.valueOf(e.stats().retries())).toList() + ")");
    }
}
