package dev.limber.database;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.dialect.Dialect;
import dev.limber.database.fixtures.Book;
import dev.limber.database.fixtures.Book_;
import dev.limber.database.fixtures.Book_Mapper;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.ServerDatabases;
import dev.limber.database.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** engine.transaction under a RetryPolicy: what runs again, what never does. */
class TransactionRetryTest {
    private static final ModelRegistry MODELS = ModelRegistry.of(List.of(Book_Mapper.INFO));
    private static final RetryPolicy QUICK = RetryPolicy.attempts(3).backoff(Duration.ZERO, Duration.ofMillis(5));

    private static Engine.Builder builder(TestDatabase db) {
        return Engine.builder().url(db.url()).username(db.username()).password(db.password()).maxPoolSize(2)
                .registry(MODELS);
    }

    private static List<String> titles(Engine engine) {
        return engine.read(s -> s.query(Book.class).orderBy(Book_.title.asc()).list().stream().map(b -> b.title).toList());
    }

    @AllDatabases
    void aRetryableFailureRunsTheWholeWorkAgainInANewTransaction(TestDatabase db) {
        try (Engine engine = builder(db).retry(QUICK).build()) {
            engine.createAll();
            AtomicInteger runs = new AtomicInteger();
            String result = engine.transaction(s -> {
                int run = runs.incrementAndGet();
                s.insert(new Book("Run " + run, "isbn-" + run));
                if (run < 3) {
                    throw new TransactionConflictException("lost a race", null, null);
                }
                return "done";
            });
            assertThat(result).isEqualTo("done");
            assertThat(runs.get()).isEqualTo(3);
            assertThat(titles(engine)).containsExactly("Run 3"); // the failed runs were rolled back
            assertThat(engine.stats().retries()).isEqualTo(2);
        }
    }

    @AllDatabases
    void theAttemptsBoundTheRuns(TestDatabase db) {
        try (Engine engine = builder(db).retry(QUICK).build()) {
            engine.createAll();
            AtomicInteger runs = new AtomicInteger();
            assertThrows(TransactionConflictException.class, () -> engine.inTransaction(s -> {
                runs.incrementAndGet();
                throw new TransactionConflictException("always", null, null);
            }));
            assertThat(runs.get()).isEqualTo(3);
        }
    }

    /** A real optimistic-locking conflict: the second run reads the row afresh and its update goes through. */
    @AllDatabases
    void aStaleVersionIsRetriedWithTheRowReadAfresh(TestDatabase db) {
        try (Engine engine = builder(db).retry(QUICK).build()) {
            engine.createAll();
            long id = engine.transaction(s -> s.insert(new Book("Draft", "1"))).id;
            AtomicInteger runs = new AtomicInteger();
            engine.inTransaction(s -> {
                Book book = s.get(Book.class, id);
                if (runs.incrementAndGet() == 1) {
                    // another unit of work changes the row between this one's read and its write
                    engine.inTransaction(other -> {
                        Book b = other.get(Book.class, id);
                        b.isbn = "changed elsewhere";
                        other.update(b);
                    });
                }
                book.title = "Final (" + book.isbn + ")";
                s.update(book);
            });
            assertThat(runs.get()).isEqualTo(2);
            assertThat(titles(engine)).containsExactly("Final (changed elsewhere)");
        }
    }

    @AllDatabases
    void aCommitWithAnUnknownOutcomeIsNeverRetried(TestDatabase db) {
        AtomicReference<SQLException> failure = new AtomicReference<>();
        try (Engine engine = builder(db).retry(RetryPolicy.attempts(5)).dataSourceDecorator(real ->
                CommitOutcomeTest.failingCommits(real, failure)).build()) {
            engine.createAll();
            failure.set(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
            AtomicInteger runs = new AtomicInteger();
            assertThrows(CommitOutcomeUnknownException.class, () -> engine.inTransaction(s -> {
                runs.incrementAndGet();
                s.insert(new Book("Maybe", "1"));
            }));
            assertThat(runs.get()).isEqualTo(1);
            assertThat(engine.stats().retries()).isEqualTo(0);
        }
    }

    /**
     * The same refusal of COMMIT (a serialization failure) is retried by engine.transaction, which
     * holds the work, and surfaces from a session of openSession(), which the engine cannot replay.
     */
    @AllDatabases
    void aManualSessionIsNeverReplayedButItsFailureSaysItWasRetryable(TestDatabase db) {
        AtomicReference<SQLException> failure = new AtomicReference<>();
        try (Engine engine = builder(db).retry(RetryPolicy.attempts(5)).dataSourceDecorator(real ->
                CommitOutcomeTest.failingCommits(real, failure)).build()) {
            engine.createAll();
            failure.set(serializationFailure(db));
            AtomicInteger runs = new AtomicInteger();
            engine.inTransaction(s -> s.insert(new Book("Retried " + runs.incrementAndGet(), "r")));
            assertThat(runs.get()).isEqualTo(2);
            assertThat(engine.stats().retries()).isEqualTo(1);

            failure.set(serializationFailure(db));
            try (Session session = engine.openSession()) {
                session.insert(new Book("Manual", "m"));
                TransactionConflictException e = assertThrows(TransactionConflictException.class, session::commit);
                assertThat(e).hasMessageThat().contains("It is retryable: engine.transaction(...) runs its work again");
                assertThat(e).hasMessageThat().contains("a session from openSession() is never replayed");
            }
            assertThat(engine.stats().retries()).isEqualTo(1);
            assertThat(titles(engine)).containsExactly("Retried 2");
        }
    }

    /**
     * Write skew, the anomaly SERIALIZABLE exists to stop: two doctors on call, each goes off call
     * if the other is still on. Both read before either writes; the database fails one of them
     * (PostgreSQL: 40001 at COMMIT; MariaDB, whose SERIALIZABLE locks what it reads: a deadlock),
     * and its rerun sees the other's change and stays on call. This is the default of CockroachDB.
     */
    @ServerDatabases
    void aWriteSkewAtSerializableIsRetriedIntoASerialOrder(TestDatabase db) throws Exception {
        try (Engine engine = builder(db).maxPoolSize(4).isolation(Isolation.SERIALIZABLE)
                .retry(RetryPolicy.attempts(5).backoff(Duration.ofMillis(5), Duration.ofMillis(50))).build()) {
            engine.createAll();
            long alice = engine.transaction(s -> s.insert(new Book("on", "alice"))).id;
            long bob = engine.transaction(s -> s.insert(new Book("on", "bob"))).id;
            CyclicBarrier bothRead = new CyclicBarrier(2);
            AtomicInteger runs = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Object>> done = List.of(alice, bob).stream().map(me -> pool.submit(() -> {
                    AtomicInteger mine = new AtomicInteger();
                    engine.inTransaction(s -> {
                        runs.incrementAndGet();
                        long onCall = s.query(Book.class).where(Book_.title.eq("on")).count();
                        if (mine.incrementAndGet() == 1) {
                            await(bothRead);
                        }
                        if (onCall >= 2) {
                            s.query(Book.class).where(Book_.id.eq(me)).update(Book_.title.set("off"));
                        }
                    });
                    return null;
                })).toList();
                for (Future<Object> f : done) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            long onCall = engine.read(s -> s.query(Book.class).where(Book_.title.eq("on")).count());
            assertThat(onCall).isEqualTo(1L);
            assertThat(engine.stats().retries()).isAtLeast(1L);
            assertThat(runs.get()).isEqualTo(2 + (int) engine.stats().retries());
            System.out.println("[retries] write skew at SERIALIZABLE on " + db.dialect().name() + ": "
                    + engine.stats().retries() + " retry, " + runs.get() + " runs");
        }
    }

    /** How each database refuses a COMMIT that lost a race: SQLSTATE 40001, SQLite's SQLITE_BUSY_SNAPSHOT. */
    private static SQLException serializationFailure(TestDatabase db) {
        return db.dialect() == Dialect.SQLITE ? new SQLException("database is locked", null, 517)
                : new SQLException("could not serialize access due to concurrent update", "40001");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other transaction did not read in time", e);
        }
    }
}
