package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Databases.engine;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.ConstraintViolationException;
import dev.limber.database.Engine;
import dev.limber.database.Session;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.loans.Hold;
import dev.limber.it.loans.Loan;
import dev.limber.it.loans.Loan_;
import dev.limber.it.loans.Member;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * "A book is on loan once": {@code @Unique(columns = "bookId", whereNull = "returnedAt")} on a
 * soft-delete model, on every database: unique among live loans not yet returned.
 */
class LoanTest {
    private static final LocalDate DUE = LocalDate.of(2024, 6, 1);

    @AllDatabases
    void twoConcurrentLendsOfOneCopyCommitExactlyOnce(TestDatabase db) throws Exception {
        try (Engine engine = engine(db)) {
            Member ann = engine.transaction(s -> s.insert(new Member("Ann")));
            Member bob = engine.transaction(s -> s.insert(new Member("Bob")));
            List<String> events = new CopyOnWriteArrayList<>();
            CountDownLatch secondDone = new CountDownLatch(1);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try (Session first = engine.openSession()) {
                first.insert(new Loan(7, ann, DUE));
                Future<Throwable> second = pool.submit(() -> {
                    try (Session s = engine.openSession()) {
                        s.insert(new Loan(7, bob, DUE)); // waits for the first lend's outcome, then fails
                        s.commit();
                        events.add("second committed");
                        return null;
                    } catch (RuntimeException e) {
                        events.add("second failed");
                        return e;
                    } finally {
                        secondDone.countDown();
                    }
                });
                // lets the second lend run while the first is open: it waits for the first's outcome
                secondDone.await(500, TimeUnit.MILLISECONDS);
                events.add("first commits");
                first.commit();
                Throwable failure = second.get(60, TimeUnit.SECONDS);
                assertThat(failure).isInstanceOf(ConstraintViolationException.class);
                assertThat(((ConstraintViolationException) failure).column()).isEqualTo("book_id");
            } finally {
                pool.shutdownNow();
            }
            assertThat(events).containsExactly("first commits", "second failed").inOrder();
            try (Session s = engine.openSession()) {
                List<Loan> out = s.query(Loan.class).where(Loan_.bookId.eq(7L)).list();
                assertThat(out).hasSize(1);
                assertThat(out.get(0).member.id()).isEqualTo(ann.id);
            }
        }
    }

    @AllDatabases
    void aReturnedLoanFreesTheCopy(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Member ann = s.insert(new Member("Ann"));
            Loan loan = s.insert(new Loan(7, ann, DUE));
            s.commit();
            assertThrows(ConstraintViolationException.class, () -> s.insert(new Loan(7, ann, DUE)));
            s.rollback();
            loan.returnedAt = Instant.parse("2024-05-20T10:00:00Z");
            s.update(loan);
            s.insert(new Loan(7, ann, DUE.plusDays(14)));
            s.insert(new Loan(8, ann, DUE));
            s.commit();
            assertThat(s.query(Loan.class).where(Loan_.bookId.eq(7L)).count()).isEqualTo(2);
            assertThat(s.query(Loan.class).where(Loan_.bookId.eq(7L)).where(Loan_.returnedAt.isNull()).count())
                    .isEqualTo(1);
        }
    }

    @AllDatabases
    void aSoftDeletedLoanDoesNotCount(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Member ann = s.insert(new Member("Ann"));
            Loan mistaken = s.insert(new Loan(7, ann, DUE));
            s.delete(mistaken); // never returned, but deleted: it no longer holds the copy
            s.insert(new Loan(7, ann, DUE));
            s.commit();
            assertThat(s.query(Loan.class).withTrashed().where(Loan_.bookId.eq(7L)).count()).isEqualTo(2);
            assertThat(s.query(Loan.class).where(Loan_.bookId.eq(7L)).count()).isEqualTo(1);
            // restoring the deleted loan would put the copy out twice
            assertThrows(ConstraintViolationException.class, () -> s.restore(mistaken));
        }
    }

    @AllDatabases
    void openHoldsAreUniquePerMemberAndBookOnAModelWithoutSoftDelete(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Hold hold = s.insert(new Hold(7, 1));
            s.insert(new Hold(7, 2)); // another member
            s.insert(new Hold(8, 1)); // another book
            s.commit();
            assertThrows(ConstraintViolationException.class, () -> s.insert(new Hold(7, 1)));
            s.rollback();
            hold.cancelledAt = Instant.parse("2024-05-20T10:00:00Z");
            s.update(hold);
            s.insert(new Hold(7, 1));
            s.commit();
            assertThat(s.query(Hold.class).count()).isEqualTo(4);
        }
    }
}
