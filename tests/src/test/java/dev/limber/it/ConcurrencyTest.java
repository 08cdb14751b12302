package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Databases.active;
import static dev.limber.it.Databases.engine;

import dev.limber.database.ConstraintViolationException;
import dev.limber.database.Engine;
import dev.limber.database.Isolation;
import dev.limber.database.Session;
import dev.limber.database.StaleObjectException;
import dev.limber.database.TransactionConflictException;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Book;
import dev.limber.it.models.Book_;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sessions on several threads at once. On SQLite they queue for the write lock (WAL, busy
 * timeout, and at READ COMMITTED reads outside the transaction, so that each transaction begins
 * with its write) instead of failing with SQLITE_BUSY; everywhere optimistic locking turns lost
 * updates into retries, and a unique value goes to exactly one of the writers racing for it.
 */
class ConcurrencyTest {
    private static final int THREADS = 8;
    private static final int PER_THREAD = 250;
    /**
     * The most runs of one increment: each conflict means another thread's increment won, and
     * losing this many races in a row to seven others is out of reach ((7/8)^500 &lt; 1e-28).
     */
    private static final int MAX_ATTEMPTS = 500;

    /**
     * 8 threads × 250 read-modify-write increments of one {@code @Version} row, each a unit of work
     * run again (reading afresh) when it loses a race: exactly 2,000, with as many versions. The
     * threads share a pool of 4, so that four transactions race at a time while the others wait for
     * a connection (with 8 the servers spend most of the run on doomed retries).
     */
    @AllDatabases
    void concurrentReadThenWriteSessionsNeitherFailNorLoseUpdates(TestDatabase db) throws Exception {
        try (Engine engine = Databases.books(db, Isolation.READ_COMMITTED, THREADS / 2)) {
            Long id = engine.transaction(s -> s.insert(new Book("Counter", "c", 0))).id;
            AtomicInteger retries = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < PER_THREAD; i++) {
                            for (int attempt = 1; ; attempt++) {
                                try {
                                    engine.inTransaction(s -> {
                                        Book b = s.get(Book.class, id); // read ...
                                        b.year++;
                                        s.update(b);                    // ... then write in the same transaction
                                    });
                                    break;
                                } catch (StaleObjectException | TransactionConflictException conflict) {
                                    retries.incrementAndGet();
                                    if (attempt == MAX_ATTEMPTS) {
                                        throw new AssertionError("still conflicting after " + attempt + " attempts",
                                                conflict);
                                    }
                                }
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get(100, TimeUnit.SECONDS); // rethrows any SQLITE_BUSY or other failure
                }
            } finally {
                pool.shutdownNow();
            }
            Book counter = engine.transaction(s -> s.get(Book.class, id));
            assertThat(counter.year).isEqualTo(THREADS * PER_THREAD);
            assertThat(counter.version).isEqualTo(THREADS * PER_THREAD);
            assertThat(active(engine)).isEqualTo(0);
            System.out.printf("[limber-test] %s: %d threads x %d increments = %d, %d optimistic retries%n",
                    db.dialect().name(), THREADS, PER_THREAD, counter.year, retries.get());
        }
    }

    /**
     * Eight writers insert the same ISBN at once, each in its own transaction, while a soft-deleted
     * book holds it too (which does not count): exactly one commits, and every other one gets a
     * {@link ConstraintViolationException} naming the column, not a lock timeout or a deadlock.
     */
    @AllDatabases
    void ofWritersRacingForAUniqueValueExactlyOneWins(TestDatabase db) throws Exception {
        try (Engine engine = Databases.books(db, Isolation.READ_COMMITTED, THREADS)) {
            engine.inTransaction(s -> s.delete(s.insert(new Book("Withdrawn", "978-race", 1990))));
            CyclicBarrier start = new CyclicBarrier(THREADS);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            int won = 0;
            List<ConstraintViolationException> refused = new ArrayList<>();
            try {
                List<Future<Long>> attempts = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int writer = t;
                    attempts.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return engine.transaction(s -> s.insert(new Book("Copy " + writer, "978-race", 2000))).id;
                    }));
                }
                for (Future<Long> attempt : attempts) {
                    try {
                        assertThat(attempt.get(60, TimeUnit.SECONDS)).isNotNull();
                        won++;
                    } catch (ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(ConstraintViolationException.class);
                        refused.add((ConstraintViolationException) e.getCause());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(won).isEqualTo(1);
            assertThat(refused).hasSize(THREADS - 1);
            for (ConstraintViolationException e : refused) {
                assertThat(e.column()).isEqualTo("isbn");
            }
            try (Session s = engine.openSession()) {
                assertThat(s.query(Book.class).where(Book_.isbn.eq("978-race")).count()).isEqualTo(1);
                assertThat(s.query(Book.class).withTrashed().where(Book_.isbn.eq("978-race")).count()).isEqualTo(2);
            }
            assertThat(active(engine)).isEqualTo(0);
        }
    }

    /**
     * Two sessions write the same row: the second waits for the first's lock (a row lock; SQLite's
     * database write lock) and writes after it commits, instead of failing. It is proved to have
     * waited: it has not finished while the first held the lock, and its write lands after the
     * first one. (The pause only gives a writer that does not wait the time to finish early; a
     * writer that waits cannot finish before the commit however slow the machine.)
     */
    @AllDatabases
    void aSecondWriterOfARowWaitsForTheFirstTransactionInsteadOfFailing(TestDatabase db) throws Exception {
        try (Engine engine = engine(db)) {
            Long id = engine.transaction(s -> s.insert(new Book("Contended", "c", 0))).id;
            ExecutorService other = Executors.newSingleThreadExecutor();
            try (Session first = engine.openSession()) {
                assertThat(first.query(Book.class).where(Book_.id.eq(id)).update(Book_.year.set(1))).isEqualTo(1);
                CountDownLatch writing = new CountDownLatch(1);
                Future<Integer> second = other.submit(() -> engine.transaction(s -> {
                    writing.countDown();
                    return s.query(Book.class).where(Book_.id.eq(id)).update(Book_.year.set(2));
                }));
                assertThat(writing.await(60, TimeUnit.SECONDS)).isTrue();
                Thread.sleep(100);
                assertThat(second.isDone()).isFalse(); // blocked on the first's lock, not failed, not done
                first.commit();
                assertThat(second.get(60, TimeUnit.SECONDS)).isEqualTo(1); // rethrows SQLITE_BUSY or a lock timeout
            } finally {
                other.shutdownNow();
            }
            Book book = engine.transaction(s -> s.get(Book.class, id));
            assertThat(book.year).isEqualTo(2); // the second write came after the first
            assertThat(book.version).isEqualTo(2);
        }
    }
}
