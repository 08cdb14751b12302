package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Databases.active;
import static dev.limber.it.Databases.q;
import static dev.limber.it.Databases.rawCount;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.Engine;
import dev.limber.database.LimberException;
import dev.limber.database.ModelRegistry;
import dev.limber.database.Session;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Note;
import dev.limber.it.models.Note_;
import dev.limber.it.models.Note_Mapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Sessions always give their connection back, committed or not. */
class PoolTest {
    private static final int SESSIONS = 10_000;
    private static final int THREADS = 4;

    /** Thrown by every tenth unit of work, after it has written. */
    private static final class Boom extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @AllDatabases
    void tenThousandSessionsATenthThrowingLeaveNoConnectionActiveAndNoPartialRows(TestDatabase db) throws Exception {
        try (Engine engine = Engine.builder().url(db.url()).username(db.username()).password(db.password())
                .maxPoolSize(THREADS).registry(ModelRegistry.of(List.of(Note_Mapper.INFO))).build()) {
            engine.createAll();
            long start = System.nanoTime();
            AtomicInteger thrown = new AtomicInteger();
            AtomicInteger next = new AtomicInteger();
            // as many threads as connections, so commits overlap as they would in a server
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    done.add(threads.submit(() -> {
                        for (int i = next.getAndIncrement(); i < SESSIONS; i = next.getAndIncrement()) {
                            try (Session s = engine.openSession()) {
                                s.insert(new Note("n" + i, i));
                                if (i % 10 == 7) {
                                    s.insert(new Note("doomed", i));
                                    throw new Boom();
                                }
                                s.commit();
                            } catch (Boom expected) {
                                thrown.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get(5, TimeUnit.MINUTES);
                }
            } finally {
                threads.shutdownNow();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("[limber-test] %s: %d sessions on %d threads (%d threw) in %d ms%n", db.dialect().name(),
                    SESSIONS, THREADS, thrown.get(), millis);
            assertThat(thrown.get()).isEqualTo(SESSIONS / 10);
            assertThat(active(engine)).isEqualTo(0);
            assertThat(rawCount(db, "SELECT COUNT(*) FROM " + q(db, "note"))).isEqualTo(SESSIONS - SESSIONS / 10);
            try (Session s = engine.openSession()) {
                assertThat(s.query(Note.class).where(Note_.text.eq("doomed")).count()).isEqualTo(0);
                assertThat(s.query(Note.class).list().stream().filter(n -> n.stars % 10 == 7).count()).isEqualTo(0);
            }
            assertThat(active(engine)).isEqualTo(0);
        }
    }

    private static Engine smallPool(TestDatabase db, boolean leakDetection) {
        Engine.Builder builder = Engine.builder().url(db.url()).username(db.username()).password(db.password())
                .registry(ModelRegistry.of(List.of(Note_Mapper.INFO))).maxPoolSize(1)
                .connectionTimeout(Duration.ofMillis(250));
        if (leakDetection) {
            builder.leakDetection(Duration.ofSeconds(60));
        }
        Engine engine = builder.build();
        engine.createAll();
        return engine;
    }

    /** A statement that cannot get a connection fails after connectionTimeout, saying who holds the pool. */
    @AllDatabases
    void anExhaustedPoolFailsWithinTheTimeoutNamingItsSizeAndTheOpenSessions(TestDatabase db) {
        try (Engine engine = smallPool(db, false); Session holder = engine.openSession()) {
            holder.insert(new Note("holds the only connection", 1));
            try (Session waiting = engine.openSession()) {
                long start = System.nanoTime();
                LimberException e = assertThrows(LimberException.class, () -> waiting.query(Note.class).count());
                System.out.printf("[limber-test] %s: with the pool's one connection held, a 250 ms connectionTimeout"
                        + " failed the next statement after %d ms%n", db.dialect().name(),
                        (System.nanoTime() - start) / 1_000_000);

                assertThat(e).hasMessageThat().isEqualTo("No pooled connection became free within 250 ms: every"
                        + " connection of the pool (maxPoolSize 1) is in use, and 2 sessions are open (1 holds a"
                        + " connection), opened on thread " + Thread.currentThread().getName() + ". Close sessions when"
                        + " their work is done (try-with-resources) and close streams; or raise"
                        + " Engine.builder().maxPoolSize(...) or connectionTimeout(...)");
                assertThat(e.getSuppressed()).isEmpty(); // no opening traces without leak detection

                holder.commit(); // gives the connection back
                assertThat(waiting.query(Note.class).count()).isEqualTo(1);
            }
        }
    }

    @AllDatabases
    void underLeakDetectionThePoolExhaustedErrorShowsWhereTheHoldingSessionWasOpened(TestDatabase db) {
        try (Engine engine = smallPool(db, true); Session holder = engine.openSession()) {
            assertThat(engine.dataSource().getLeakDetectionThreshold()).isEqualTo(60_000);
            holder.insert(new Note("holds the only connection", 1));
            try (Session waiting = engine.openSession()) {
                LimberException e = assertThrows(LimberException.class, () -> waiting.query(Note.class).count());

                assertThat(e.getSuppressed()).hasLength(1);
                Throwable opened = e.getSuppressed()[0];
                assertThat(opened).hasMessageThat().isEqualTo("the session was opened here");
                assertThat(java.util.Arrays.stream(opened.getStackTrace()).map(StackTraceElement::getMethodName)
                        .toList()).contains("underLeakDetectionThePoolExhaustedErrorShowsWhereTheHoldingSessionWasOpened");
            }
        }
    }

    /** Opens a session that writes and drops it without close(); returns nothing that refers to it. */
    private static void leakASession(Engine engine) {
        Session leaked = engine.openSession();
        leaked.insert(new Note("never committed", 1));
    }

    /**
     * A session dropped without close() is reported when it is garbage collected, and its
     * connection comes back to the pool, its work rolled back. (Collection is asked for, in a
     * bounded loop: the JVM may take a few requests.)
     */
    @AllDatabases
    void aSessionDroppedWithoutCloseIsReportedAndItsConnectionReturned(TestDatabase db) throws Exception {
        try (Engine engine = smallPool(db, false)) {
            java.io.PrintStream original = System.err;
            java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
            String log;
            try (java.io.PrintStream capture = new java.io.PrintStream(buffer, true, StandardCharsets.UTF_8)) {
                System.setErr(capture);
                leakASession(engine);
                assertThat(active(engine)).isEqualTo(1);
                for (int attempt = 0; attempt < 200 && !buffer.toString(StandardCharsets.UTF_8).contains(
                        "garbage collected without being closed"); attempt++) {
                    System.gc();
                    Thread.sleep(25);
                }
            } finally {
                System.setErr(original);
            }
            log = buffer.toString(StandardCharsets.UTF_8);

            assertThat(log).contains("WARN dev.limber.database.session - A Session opened on thread "
                    + Thread.currentThread().getName() + " was garbage collected without being closed; its transaction"
                    + " was rolled back and its connection returned to the pool. Close every session (try-with-resources:"
                    + " try (Session session = engine.openSession()) { ... }); Engine.builder().leakDetection(...) also"
                    + " shows where it was opened");
            assertThat(active(engine)).isEqualTo(0);
            assertThat(rawCount(db, "SELECT COUNT(*) FROM " + q(db, "note"))).isEqualTo(0);
        }
    }
}
