package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Databases.active;
import static dev.limber.it.Databases.q;
import static dev.limber.it.Databases.rawCount;

import dev.limber.database.Engine;
import dev.limber.database.ModelRegistry;
import dev.limber.database.Session;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Note;
import dev.limber.it.models.Note_;
import dev.limber.it.models.Note_Mapper;
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
}
