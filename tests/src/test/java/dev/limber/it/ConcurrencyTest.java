package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Databases.active;
import static dev.limber.it.Databases.engine;

import dev.limber.database.Engine;
import dev.limber.database.StaleObjectException;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Book;
import dev.limber.it.models.Note;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sessions on several threads at once. On SQLite they queue for the write lock (WAL, busy
 * timeout, and at READ COMMITTED reads outside the transaction, so that each transaction begins
 * with its write) instead of failing with SQLITE_BUSY; everywhere optimistic locking turns lost
 * updates into retries.
 */
class ConcurrencyTest {
    private static final int THREADS = 6;
    private static final int PER_THREAD = 20;

    @AllDatabases
    void concurrentReadThenWriteSessionsNeitherFailNorLoseUpdates(TestDatabase db) throws Exception {
        try (Engine engine = engine(db)) {
            Long id = engine.transaction(s -> s.insert(new Book("Counter", "c", 0))).id;
            AtomicInteger retries = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < PER_THREAD; i++) {
                            while (true) {
                                try {
                                    engine.inTransaction(s -> {
                                        Book b = s.get(Book.class, id); // read ...
                                        b.year++;
                                        s.update(b);                    // ... then write in the same transaction
                                        s.insert(new Note("tick", b.year));
                                    });
                                    break;
                                } catch (StaleObjectException conflict) {
                                    retries.incrementAndGet();
                                }
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get(120, TimeUnit.SECONDS); // rethrows any SQLITE_BUSY or other failure
                }
            } finally {
                pool.shutdownNow();
            }
            Book counter = engine.transaction(s -> s.get(Book.class, id));
            assertThat(counter.year).isEqualTo(THREADS * PER_THREAD);
            assertThat(counter.version).isEqualTo(THREADS * PER_THREAD);
            long ticks = engine.transaction(s -> s.query(Note.class).count());
            assertThat(ticks).isEqualTo(THREADS * PER_THREAD);
            assertThat(active(engine)).isEqualTo(0);
            System.out.printf("[limber-test] %s: %d concurrent increments, %d optimistic retries%n",
                    db.dialect().name(), THREADS * PER_THREAD, retries.get());
        }
    }

    @AllDatabases
    void aSecondWriterWaitsForTheFirstTransactionInsteadOfFailing(TestDatabase db) throws Exception {
        try (Engine engine = engine(db)) {
            ExecutorService other = Executors.newSingleThreadExecutor();
            try (dev.limber.database.Session first = engine.openSession()) {
                first.insert(new Note("first", 1)); // on SQLite this session now holds the write lock
                Future<Long> second = other.submit(() -> engine.transaction(s -> s.insert(new Note("second", 2)).id));
                Thread.sleep(300); // give the second writer time to run into the lock
                first.commit();
                assertThat(second.get(60, TimeUnit.SECONDS)).isNotNull(); // rethrows SQLITE_BUSY, had it failed
            } finally {
                other.shutdownNow();
            }
            long notes = engine.transaction(s -> s.query(Note.class).count());
            assertThat(notes).isEqualTo(2);
        }
    }
}
