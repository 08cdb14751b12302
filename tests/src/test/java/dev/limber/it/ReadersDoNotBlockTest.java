package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Databases.active;

import dev.limber.database.Engine;
import dev.limber.database.Isolation;
import dev.limber.database.Session;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Book;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A session that only reads never blocks another session, nor waits for one: on SQLite too, where
 * WAL and DEFERRED transactions make a reader take a snapshot, never a lock a writer needs. Proved
 * by order, not by timing: each side waits, inside its open transaction, for the other side to
 * finish; if either needed the other's transaction to end first, neither would finish and the
 * wait would run out. Both with reads in a transaction of their own (REPEATABLE READ) and with
 * the default READ COMMITTED, where an open stream holds the transaction.
 */
class ReadersDoNotBlockTest {
    private static final int READERS = 3;
    /** Only reached when one side waits for the other: far below SQLite's 30 s busy timeout. */
    private static final long WAIT_SECONDS = 10;

    private static Engine engine(TestDatabase db, Isolation isolation) {
        Engine engine = Databases.books(db, isolation, READERS + 1);
        engine.dropAll(); // the previous level's table
        engine.createAll();
        engine.inTransaction(s -> {
            s.insert(new Book("One", "1", 2001));
            s.insert(new Book("Two", "2", 2002));
        });
        return engine;
    }

    @AllDatabases
    void aWriterCommitsWhileReadersHoldTheirReadTransactionsOpen(TestDatabase db) throws Exception {
        for (Isolation isolation : List.of(Isolation.READ_COMMITTED, Isolation.REPEATABLE_READ)) {
            try (Engine engine = engine(db, isolation)) {
                CountDownLatch reading = new CountDownLatch(READERS);
                CountDownLatch committed = new CountDownLatch(1);
                List<Callable<Void>> sides = new ArrayList<>();
                for (int r = 0; r < READERS; r++) {
                    sides.add(() -> {
                        try (Session s = engine.openSession(); Stream<Book> books = s.query(Book.class).stream()) {
                            Iterator<Book> open = books.iterator();
                            open.next(); // the read transaction is open, its stream half read
                            reading.countDown();
                            assertThat(committed.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
                            open.next();
                            assertThat(open.hasNext()).isFalse(); // its snapshot predates the commit
                        }
                        return null;
                    });
                }
                sides.add(() -> {
                    assertThat(reading.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
                    engine.inTransaction(s -> s.insert(new Book("Three", "3", 2003)));
                    committed.countDown();
                    return null;
                });
                together(sides);
                assertThat(engine.<Long>transaction(s -> s.query(Book.class).count())).isEqualTo(3);
                assertThat(active(engine)).isEqualTo(0);
            }
        }
    }

    @AllDatabases
    void readersReadWhileAWriterHoldsItsTransactionOpen(TestDatabase db) throws Exception {
        for (Isolation isolation : List.of(Isolation.READ_COMMITTED, Isolation.REPEATABLE_READ)) {
            try (Engine engine = engine(db, isolation)) {
                CountDownLatch writing = new CountDownLatch(1);
                CountDownLatch read = new CountDownLatch(READERS);
                List<Callable<Void>> sides = new ArrayList<>();
                sides.add(() -> {
                    try (Session s = engine.openSession()) {
                        s.insert(new Book("Three", "3", 2003)); // holds the write lock (SQLite) or a row lock
                        writing.countDown();
                        assertThat(read.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
                        s.commit();
                    }
                    return null;
                });
                for (int r = 0; r < READERS; r++) {
                    sides.add(() -> {
                        assertThat(writing.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
                        try (Session s = engine.openSession()) {
                            assertThat(s.query(Book.class).count()).isEqualTo(2); // not the uncommitted row
                            assertThat(s.query(Book.class).list()).hasSize(2);
                        }
                        read.countDown();
                        return null;
                    });
                }
                together(sides);
                assertThat(engine.<Long>transaction(s -> s.query(Book.class).count())).isEqualTo(3);
                assertThat(active(engine)).isEqualTo(0);
            }
        }
    }

    /** Runs each side on a thread of its own and waits for all of them, rethrowing the first failure. */
    private static void together(List<Callable<Void>> sides) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(sides.size());
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (Callable<Void> side : sides) {
                done.add(threads.submit(side));
            }
            for (Future<Void> side : done) {
                side.get(WAIT_SECONDS * 3, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
