package dev.limber.database;

import static com.google.common.truth.Truth.assertThat;

import dev.limber.database.fixtures.Book;
import dev.limber.database.fixtures.Book_;
import dev.limber.database.fixtures.Book_Mapper;
import dev.limber.database.testing.Cluster;
import dev.limber.database.testing.Cluster.PgSchema;
import dev.limber.database.testing.Standby;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * engine.read on a real PostgreSQL primary and hot standby (.ci/cluster): where reads go, that a
 * reader sees its own writes although the standby lags, the lag bound, and a standby that dies.
 * Where a read ran is asked of the server itself: {@code pg_is_in_recovery()} is true on the standby.
 */
class PostgresReplicaTest {
    private static final ModelRegistry MODELS = ModelRegistry.of(List.of(Book_Mapper.INFO));
    private PgSchema schema;

    @BeforeEach
    void schema() throws Exception {
        schema = Cluster.pgSchema();
    }

    @AfterEach
    void drop() throws Exception {
        if (schema == null) {
            return; // skipped: no cluster
        }
        resumeReplay(); // whatever a test left paused
        schema.close();
    }

    private Engine.Builder builder() {
        return Engine.builder().url(schema.primaryUrl()).replica(schema.replicaUrl()).registry(MODELS).maxPoolSize(4);
    }

    /** Where a session's statements run: true on the standby. */
    private static boolean onStandby(Session s) {
        try (Statement st = s.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT pg_is_in_recovery()")) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e); // a RuntimeException: a lost standby's read runs again elsewhere
        }
    }

    private record Seen(boolean onStandby, List<String> titles) {
    }

    private static Seen titles(Session s) {
        List<String> titles = s.query(Book.class).orderBy(Book_.title.asc()).list().stream().map(b -> b.title).toList();
        return new Seen(onStandby(s), titles);
    }

    private void pauseReplay() throws SQLException {
        try (Connection c = DriverManager.getConnection(schema.replicaUrl()); Statement s = c.createStatement()) {
            s.execute("SELECT pg_wal_replay_pause()");
        }
    }

    private void resumeReplay() throws SQLException {
        try (Connection c = DriverManager.getConnection(schema.replicaUrl()); Statement s = c.createStatement()) {
            s.execute("SELECT pg_wal_replay_resume()");
        } catch (SQLException e) {
            // the standby may be down after a failed test; nothing to resume then
        }
    }

    /** The rows of books as the standby itself has them, read without Limber. */
    private List<String> onTheStandbyItself() throws SQLException {
        List<String> titles = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(schema.replicaUrl()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT title FROM books ORDER BY title")) {
            while (rs.next()) {
                titles.add(rs.getString(1));
            }
        }
        return titles;
    }

    private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within 15 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void readsRunOnTheStandbyAndTransactionsOnThePrimary() throws Exception {
        try (Engine engine = builder().build()) {
            engine.createAll();
            schema.awaitReplay();
            boolean read = engine.read(PostgresReplicaTest::onStandby);
            boolean written = engine.transaction(PostgresReplicaTest::onStandby);
            assertThat(read).isTrue();
            assertThat(written).isFalse();
            EngineStats stats = engine.stats();
            assertThat(stats.replicaReads()).isEqualTo(1L);
            assertThat(stats.primaryReads()).isEqualTo(0L);
            assertThat(stats.reads().keySet()).containsExactly("primary", schema.replicaUrl()).inOrder();
        }
    }

    @Test
    void aReadAfterAWriteSeesItAlthoughTheStandbyLags() throws Exception {
        try (Engine engine = builder().build()) {
            engine.createAll();
            engine.inTransaction(s -> s.insert(new Book("Before", "1")));
            schema.awaitReplay();
            pauseReplay();
            engine.inTransaction(s -> s.insert(new Book("Fresh", "2")));
            assertThat(engine.lastCommit().toString()).startsWith("postgresql:");

            // the standby really lags: it does not have the row
            assertThat(onTheStandbyItself()).containsExactly("Before");
            Seen seen = engine.read(PostgresReplicaTest::titles);
            assertThat(seen.titles()).containsExactly("Before", "Fresh").inOrder();
            assertThat(seen.onStandby()).isFalse(); // so the read went to the primary
            assertThat(engine.stats().fallbacks()).isEqualTo(1L);

            resumeReplay();
            eventually("a read on the standby again", () -> engine.read(PostgresReplicaTest::onStandby));
            Seen later = engine.read(PostgresReplicaTest::titles);
            assertThat(later.onStandby()).isTrue();
            assertThat(later.titles()).containsExactly("Before", "Fresh").inOrder();
        }
    }

    @Test
    void aCommitTokenCarriesReadYourWritesToAnotherEngine() throws Exception {
        try (Engine writer = builder().build(); Engine reader = builder().build()) {
            writer.createAll();
            schema.awaitReplay();
            assertThat(reader.read(PostgresReplicaTest::onStandby)).isTrue();
            pauseReplay();
            writer.inTransaction(s -> s.insert(new Book("Posted", "1")));
            String cookie = writer.lastCommit().toString(); // what a web application would carry to the next request

            // the reader's own commits are none, and the standby is within its lag bound: it reads there, stale
            Seen stale = reader.read(PostgresReplicaTest::titles);
            assertThat(stale.onStandby()).isTrue();
            assertThat(stale.titles()).isEmpty();
            // with the writer's token it waits for that commit: the standby has not replayed it, the primary has
            Seen fresh = reader.read(CommitToken.parse(cookie), PostgresReplicaTest::titles);
            assertThat(fresh.onStandby()).isFalse();
            assertThat(fresh.titles()).containsExactly("Posted");

            resumeReplay();
            eventually("the token's read on the standby", () -> reader.read(CommitToken.parse(cookie),
                    PostgresReplicaTest::onStandby));
            assertThat(reader.read(CommitToken.parse(cookie), PostgresReplicaTest::titles).titles())
                    .containsExactly("Posted");
        }
    }

    @Test
    void aStandbyBehindTheLagBoundIsNotReadButAnIdlePrimaryIsNotLag() throws Exception {
        try (Engine engine = builder().maxReplicaLag(Duration.ofMillis(300)).build()) {
            engine.createAll();
            schema.awaitReplay();
            assertThat(engine.read(PostgresReplicaTest::onStandby)).isTrue();
            // the last write is long past the bound, but the standby has replayed all of it: not lag
            Thread.sleep(700);
            assertThat(engine.read(PostgresReplicaTest::onStandby)).isTrue();

            pauseReplay();
            // a write this engine does not know of (another process's): only the lag bound keeps reads fresh
            try (Connection c = DriverManager.getConnection(schema.primaryUrl()); Statement s = c.createStatement()) {
                s.execute("INSERT INTO books (title, isbn, version) VALUES ('Elsewhere', '1', 0)");
            }
            long written = System.nanoTime();
            eventually("a read on the primary", () -> !engine.read(PostgresReplicaTest::onStandby));
            long noticed = System.nanoTime() - written;
            Seen seen = engine.read(PostgresReplicaTest::titles);
            assertThat(seen.onStandby()).isFalse();
            assertThat(seen.titles()).containsExactly("Elsewhere");
            assertThat(onTheStandbyItself()).isEmpty(); // still paused: the standby really is behind
            System.out.println("[replicas] lag bound 300 ms: reads left the paused standby "
                    + TimeUnit.NANOSECONDS.toMillis(noticed) + " ms after an unseen write");

            resumeReplay();
            eventually("a read on the standby again", () -> engine.read(PostgresReplicaTest::onStandby));
        }
    }

    @Test
    void aReplicaDownAtBootIsSkipped() throws Exception {
        // nothing listens on 15599 (the cluster's range ends below it)
        String down = "jdbc:postgresql://127.0.0.1:15599/limber_test?user=postgres&connectTimeout=1";
        try (Engine engine = Engine.builder().url(schema.primaryUrl()).replica(down).registry(MODELS).build()) {
            engine.createAll();
            engine.inTransaction(s -> s.insert(new Book("Up", "1")));
            for (int i = 0; i < 3; i++) {
                Seen seen = engine.read(PostgresReplicaTest::titles);
                assertThat(seen.titles()).containsExactly("Up");
                assertThat(seen.onStandby()).isFalse();
            }
            EngineStats stats = engine.stats();
            assertThat(stats.primaryReads()).isEqualTo(3L);
            assertThat(stats.fallbacks()).isEqualTo(3L);
            assertThat(stats.replicaReads()).isEqualTo(0L);
        }
    }

    /**
     * Eight threads read while the standby is killed (SIGKILL) and started again: no read fails (a
     * read whose standby dies runs again on the primary), reads come back to the standby once it is
     * up, and the time that takes is printed.
     */
    @Test
    void theStandbyKilledAndRestartedWhileEightThreadsReadFailsNoRead() throws Exception {
        Standby standby = Standby.of();
        try (Engine engine = builder().maxPoolSize(10).build()) {
            engine.createAll();
            engine.inTransaction(s -> s.insert(new Book("Steady", "1")));
            schema.awaitReplay();
            record Read(long at, boolean onStandby) {
            }
            Queue<Read> reads = new ConcurrentLinkedQueue<>();
            Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService threads = Executors.newFixedThreadPool(8);
            List<Future<?>> running = new ArrayList<>();
            long killed = 0;
            long started = 0;
            long recovered = 0;
            boolean killedIt = false;
            try {
                for (int t = 0; t < 8; t++) {
                    running.add(threads.submit(() -> {
                        while (!stop.get()) {
                            try {
                                Seen seen = engine.read(PostgresReplicaTest::titles);
                                if (!seen.titles().equals(List.of("Steady"))) {
                                    throw new AssertionError("read " + seen.titles());
                                }
                                reads.add(new Read(System.nanoTime(), seen.onStandby()));
                            } catch (Throwable e) {
                                failures.add(e);
                            }
                        }
                    }));
                }
                Thread.sleep(500);
                killed = System.nanoTime();
                standby.kill();
                killedIt = true;
                Thread.sleep(1000);
                standby.start();
                killedIt = false;
                started = System.nanoTime();
                long deadline = started + TimeUnit.SECONDS.toNanos(30);
                while (recovered == 0 && System.nanoTime() < deadline) {
                    for (Read read : reads) {
                        if (read.onStandby() && read.at() > started) {
                            recovered = recovered == 0 ? read.at() : Math.min(recovered, read.at());
                        }
                    }
                    Thread.sleep(10);
                }
                Thread.sleep(300);
            } finally {
                stop.set(true);
                threads.shutdown();
                threads.awaitTermination(30, TimeUnit.SECONDS);
                if (killedIt) {
                    standby.start();
                }
            }
            for (Future<?> f : running) {
                f.get();
            }
            if (!failures.isEmpty()) {
                throw new AssertionError(failures.size() + " reads failed; the first:", failures.peek());
            }
            long before = killed;
            long after = started;
            assertThat(reads.stream().filter(r -> r.at() < before && r.onStandby()).count()).isGreaterThan(0L);
            assertThat(reads.stream().filter(r -> r.at() > before && r.at() < after && !r.onStandby()).count())
                    .isGreaterThan(0L);
            assertThat(recovered).isNotEqualTo(0L); // reads came back to the standby
            EngineStats stats = engine.stats();
            System.out.println("[replicas] standby killed and restarted under 8 reading threads: " + reads.size()
                    + " reads, 0 failed; back on the standby " + TimeUnit.NANOSECONDS.toMillis(recovered - started)
                    + " ms after it accepted connections again (" + TimeUnit.NANOSECONDS.toMillis(recovered - killed)
                    + " ms after the kill); " + stats);
        }
    }

    /**
     * A primary URL that reaches a read-only server (here the standby itself, as after a failover
     * that left the pool on the demoted primary): the write fails with 25006, its connection leaves
     * the pool, and the retry runs on a new connection.
     */
    @Test
    void aConnectionToAReadOnlyServerIsDroppedFromThePrimaryPool() throws Exception {
        try (Engine primary = Engine.builder().url(schema.primaryUrl()).registry(MODELS).build()) {
            primary.createAll();
        }
        schema.awaitReplay();
        try (Engine engine = Engine.builder().url(schema.replicaUrl()).registry(MODELS).maxPoolSize(1)
                .retry(RetryPolicy.attempts(2).backoff(Duration.ZERO, Duration.ZERO)).build()) {
            List<Integer> backends = new ArrayList<>();
            LimberException e = org.junit.jupiter.api.Assertions.assertThrows(LimberException.class,
                    () -> engine.inTransaction(s -> {
                        try (Statement st = s.connection().createStatement();
                                ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
                            rs.next();
                            backends.add(rs.getInt(1));
                        } catch (SQLException x) {
                            throw new AssertionError(x);
                        }
                        s.insert(new Book("Nowhere", "1"));
                    }));
            assertThat(((SQLException) e.getCause()).getSQLState()).isEqualTo("25006");
            assertThat(backends).hasSize(2);
            assertThat(backends.get(1)).isNotEqualTo(backends.get(0)); // the first connection was evicted
            assertThat(engine.stats().retries()).isEqualTo(1L);
        }
    }
}
