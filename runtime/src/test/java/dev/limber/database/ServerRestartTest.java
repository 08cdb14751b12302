package dev.limber.database;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.limber.database.fixtures.Book;
import dev.limber.database.fixtures.Book_Mapper;
import dev.limber.database.testing.LocalMariaDb;
import dev.limber.database.testing.LocalPostgres;
import dev.limber.database.testing.LocalServer;
import dev.limber.database.testing.LocalServer.Stop;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Writers commit through one {@link Engine} while its database server goes down and comes back,
 * once by a fast shutdown and once by a crash (every server process killed). What a caller relies
 * on: a commit that was acknowledged is there afterwards, once; a failure that is not a
 * {@link CommitOutcomeUnknownException} left nothing behind (the writers redo such work with the
 * same key, so a failure that had in fact committed would show as a duplicate); work resumes on
 * the same engine within seconds of the server's return, and once it has, no broken connection
 * is handed out again; no pooled connection is left active. Each server is the test's own
 * ({@link LocalServer}): the shared ones are never restarted.
 */
class ServerRestartTest {
    private static final int WRITERS = 4;
    /**
     * How long the server stays away: long enough for every writer to fail meanwhile
     * ({@code -Dlimber.test.restart.down=10} for a longer outage, in seconds).
     */
    private static final Duration DOWN = Duration.ofSeconds(Long.getLong("limber.test.restart.down", 1));
    /** A bound that only a hang would reach (the measured recovery is printed). */
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(30);
    /** Commits every writer makes before a restart and after recovering from one. */
    private static final int COMMITS_PER_PHASE = 10;

    @Test
    void postgresWritersLoseNothingAndResumeAfterAFastShutdownAndACrash() throws Exception {
        LocalServer.requireInstalled(LocalPostgres.missing());
        LocalServer server = LocalPostgres.startNew();
        try (server) {
            writersSurviveRestarts(server, "postgresql");
        }
        leftNothingBehind(server);
    }

    @Test
    void mariaDbWritersLoseNothingAndResumeAfterAFastShutdownAndACrash() throws Exception {
        LocalServer.requireInstalled(LocalMariaDb.missing());
        LocalServer server = LocalMariaDb.startNew();
        try (server) {
            writersSurviveRestarts(server, "mariadb");
        }
        leftNothingBehind(server);
    }

    /** The test's server, closed, left no process and no files. */
    private static void leftNothingBehind(LocalServer server) {
        assertThat(ProcessHandle.of(server.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(Files.exists(server.folder())).isFalse();
    }

    private static void writersSurviveRestarts(LocalServer server, String name) throws Exception {
        try (Engine engine = Engine.builder().url(server.url()).maxPoolSize(WRITERS)
                .connectionTimeout(Duration.ofSeconds(1)).registry(ModelRegistry.of(List.of(Book_Mapper.INFO)))
                .build()) {
            engine.createAll();
            Writers writers = new Writers(engine);
            try {
                writers.awaitCommits(System.nanoTime(), COMMITS_PER_PHASE, RECOVERY_LIMIT);
                for (Stop how : Stop.values()) {
                    int failedBefore = writers.count(Kind.FAILED);
                    server.stop(how);
                    Thread.sleep(DOWN.toMillis());
                    server.start();
                    long back = System.nanoTime();
                    long recovered = writers.awaitCommits(back, 1, RECOVERY_LIMIT);
                    int failedWhileAway = writers.count(Kind.FAILED) - failedBefore;

                    // recovered: no broken connection is left in the pool to fail later work
                    long steady = System.nanoTime();
                    int failedRecovered = writers.count(Kind.FAILED);
                    writers.awaitCommits(steady, COMMITS_PER_PHASE, RECOVERY_LIMIT);
                    assertWithMessage("failures after every writer had recovered: %s", writers.failures())
                            .that(writers.count(Kind.FAILED)).isEqualTo(failedRecovered);
                    assertThat(failedWhileAway).isGreaterThan(0); // the writers did run into the outage
                    System.out.printf("[limber-test] %s %s restart, %d s away: all %d writers committed again %d ms"
                            + " after the server took connections (the first %d ms); %d failures while it was away%n",
                            name, how, DOWN.toSeconds(), WRITERS, TimeUnit.NANOSECONDS.toMillis(recovered - back),
                            TimeUnit.NANOSECONDS.toMillis(writers.firstCommitAfter(back) - back), failedWhileAway);
                }
            } finally {
                writers.stop();
            }
            assertWithMessage("unexpected failures").that(writers.of(Kind.UNEXPECTED)).isEmpty();
            // each failure says what happened and whether the work may be redone
            String product = engine.dialect().productName();
            for (Outcome failed : writers.of(Kind.FAILED)) {
                assertThat(failed.failure().getMessage()).containsMatch("^(Could not connect to " + product
                        + " within 1000 ms \\(connectionTimeout\\)(: .*)?\\. The database may be down, restarting or out of"
                        + " reach; nothing was sent, so the work can be redone once it answers"
                        + "|The connection to " + product + " was lost \\(.*\\): the server went away or ended the"
                        + " session, and the transaction's uncommitted work went with it\\.)");
            }
            for (Outcome unknown : writers.of(Kind.UNKNOWN)) {
                assertThat(unknown.failure().getMessage()).startsWith("The connection to " + product
                        + " was lost during COMMIT (");
            }
            assertThat(engine.dataSource().getHikariPoolMXBean().getActiveConnections()).isEqualTo(0);
            assertThat(engine.dataSource().getHikariPoolMXBean().getTotalConnections()).isAtMost(WRITERS);

            Map<String, Integer> rows = rowsByTitle(server);
            Set<String> acknowledged = keys(writers.of(Kind.COMMITTED));
            Set<String> unknown = keys(writers.of(Kind.UNKNOWN));
            int lost = 0;
            int unknownCommitted = 0;
            for (String key : acknowledged) {
                int a = rows.getOrDefault(key + "a", 0);
                int b = rows.getOrDefault(key + "b", 0);
                assertWithMessage("rows of acknowledged %s", key).that(List.of(a, b)).isAnyOf(List.of(1, 1), List.of(0, 0));
                lost += a == 0 ? 1 : 0;
            }
            for (String key : unknown) {
                int a = rows.getOrDefault(key + "a", 0);
                int b = rows.getOrDefault(key + "b", 0);
                // all or nothing, and never twice: an unknown outcome is not redone
                assertWithMessage("rows of %s, whose commit outcome was unknown", key).that(List.of(a, b))
                        .isAnyOf(List.of(1, 1), List.of(0, 0));
                unknownCommitted += a;
            }
            Set<String> expected = new TreeSet<>();
            for (String key : acknowledged) {
                expected.add(key + "a");
                expected.add(key + "b");
            }
            for (String key : unknown) {
                if (rows.containsKey(key + "a")) {
                    expected.add(key + "a");
                    expected.add(key + "b");
                }
            }
            // a failure known to have rolled back left nothing: no rows beyond those acknowledged or unknown
            assertThat(rows.keySet()).containsExactlyElementsIn(expected);
            System.out.printf("[limber-test] %s: %d commits acknowledged, rows lost: %d; %d failures known to have"
                    + " rolled back (redone), %d commits with an unknown outcome (%d of them had committed)%n", name,
                    acknowledged.size(), lost, writers.count(Kind.FAILED), unknown.size(), unknownCommitted);
            assertThat(lost).isEqualTo(0);
        }
    }

    private static Map<String, Integer> rowsByTitle(LocalServer server) throws Exception {
        Map<String, Integer> rows = new HashMap<>();
        try (Connection c = server.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT title, COUNT(*) FROM books GROUP BY title")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getInt(2));
            }
        }
        return rows;
    }

    private static Set<String> keys(List<Outcome> outcomes) {
        Set<String> keys = new TreeSet<>();
        outcomes.forEach(o -> keys.add(o.key()));
        return keys;
    }

    enum Kind { COMMITTED, UNKNOWN, FAILED, UNEXPECTED }

    /** One attempt at a unit of work: its key, how it ended, when, and the failure. */
    record Outcome(int writer, String key, Kind kind, long nanos, Throwable failure) {
    }

    /**
     * Threads that each insert two rows per transaction, keyed writer-sequence: a key whose commit
     * failed in a way known to have rolled back is tried again; one whose outcome is unknown is left
     * (a caller would check before redoing it) and the writer moves on.
     */
    private static final class Writers {
        private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean stopping = new AtomicBoolean();
        private final List<Thread> threads = new ArrayList<>();

        Writers(Engine engine) {
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                Thread thread = new Thread(() -> write(engine, writer), "writer-" + w);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }

        private void write(Engine engine, int writer) {
            int sequence = 0;
            while (!stopping.get()) {
                String key = "w" + writer + "-" + sequence + "-";
                try {
                    engine.inTransaction(s -> {
                        s.insert(new Book(key + "a", null));
                        s.insert(new Book(key + "b", null));
                    });
                    outcomes.add(new Outcome(writer, key, Kind.COMMITTED, System.nanoTime(), null));
                    sequence++;
                } catch (CommitOutcomeUnknownException e) {
                    outcomes.add(new Outcome(writer, key, Kind.UNKNOWN, System.nanoTime(), e));
                    sequence++;
                } catch (LimberException e) {
                    outcomes.add(new Outcome(writer, key, Kind.FAILED, System.nanoTime(), e));
                    pause();
                } catch (RuntimeException | Error e) {
                    outcomes.add(new Outcome(writer, key, Kind.UNEXPECTED, System.nanoTime(), e));
                    pause();
                }
            }
        }

        private static void pause() {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * Waits until every writer has committed {@code commits} times since {@code since}; returns
         * when the last of them made its first such commit.
         */
        long awaitCommits(long since, int commits, Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (true) {
                long[] first = new long[WRITERS];
                int[] counts = new int[WRITERS];
                for (Outcome o : outcomes) {
                    if (o.kind() == Kind.COMMITTED && o.nanos() > since) {
                        if (counts[o.writer()]++ == 0) {
                            first[o.writer()] = o.nanos();
                        }
                    }
                }
                if (java.util.Arrays.stream(counts).allMatch(c -> c >= commits)) {
                    return java.util.Arrays.stream(first).max().orElseThrow();
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Writers did not each commit " + commits + " times within "
                            + within.toSeconds() + " s (commits: " + java.util.Arrays.toString(counts)
                            + "); failures: " + failures());
                }
                Thread.sleep(10);
            }
        }

        long firstCommitAfter(long since) {
            return outcomes.stream().filter(o -> o.kind() == Kind.COMMITTED && o.nanos() > since)
                    .mapToLong(Outcome::nanos).min().orElseThrow();
        }

        int count(Kind kind) {
            return of(kind).size();
        }

        List<Outcome> of(Kind kind) {
            return outcomes.stream().filter(o -> o.kind() == kind).toList();
        }

        /** The distinct messages of the failures, for a failed assertion. */
        Set<String> failures() {
            Set<String> messages = new TreeSet<>();
            for (Outcome o : outcomes) {
                if (o.failure() != null) {
                    messages.add(o.kind() + " " + o.failure().getClass().getSimpleName() + ": " + o.failure().getMessage());
                }
            }
            return messages;
        }

        void stop() throws InterruptedException {
            stopping.set(true);
            for (Thread thread : threads) {
                thread.join(RECOVERY_LIMIT.toMillis());
                assertWithMessage("%s still runs", thread.getName()).that(thread.isAlive()).isFalse();
            }
        }
    }
}
