package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Databases.engine;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.Engine;
import dev.limber.database.LimberException;
import dev.limber.database.Session;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.loans.Loan;
import dev.limber.it.loans.Loan_;
import dev.limber.it.loans.Member;
import dev.limber.it.loans.Member_;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@code Query.forUpdate()}: a session that reads rows for update holds them until it commits; a
 * second session's forUpdate read of them waits, then sees what the first wrote. Proved by the
 * order of events, never by timing: the first session commits only after giving the second the
 * chance to finish its read, and the second must nevertheless finish after that commit.
 */
class ForUpdateTest {

    @AllDatabases
    void aSecondForUpdateReadWaitsForTheFirstToCommitAndSeesItsWrite(TestDatabase db) throws Exception {
        try (Engine engine = engine(db)) {
            Long id = engine.transaction(s -> s.insert(new Member("Ann"))).id;
            List<String> events = new CopyOnWriteArrayList<>();
            CountDownLatch secondDone = new CountDownLatch(1);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try (Session first = engine.openSession()) {
                Member ann = first.query(Member.class).where(Member_.id.eq(id)).forUpdate().one();
                ann.loansOut++;
                first.update(ann);
                Future<Integer> second = pool.submit(() -> {
                    try (Session s = engine.openSession()) {
                        events.add("second reads");
                        Member seen = s.query(Member.class).where(Member_.id.eq(id)).forUpdate().one();
                        events.add("second read " + seen.loansOut);
                        seen.loansOut++;
                        s.update(seen);
                        s.commit();
                        return seen.loansOut;
                    } finally {
                        secondDone.countDown();
                    }
                });
                // without the lock the second read would be done long before this wait ends
                boolean finishedWhileLocked = secondDone.await(500, TimeUnit.MILLISECONDS);
                events.add("first commits");
                first.commit();
                assertThat(finishedWhileLocked).isFalse();
                assertThat(second.get(60, TimeUnit.SECONDS)).isEqualTo(2);
            } finally {
                pool.shutdownNow();
            }
            assertThat(events).containsExactly("second reads", "first commits", "second read 1").inOrder();
            assertThat(engine.transaction(s -> s.get(Member.class, id)).loansOut).isEqualTo(2);
        }
    }

    @AllDatabases
    void concurrentIncrementsUnderForUpdateLoseNothing(TestDatabase db) throws Exception {
        int threads = 4;
        int each = 5;
        try (Engine engine = engine(db)) {
            Long id = engine.transaction(s -> s.insert(new Member("Counter"))).id;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new java.util.ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            engine.inTransaction(s -> {
                                Member m = s.query(Member.class).where(Member_.id.eq(id)).forUpdate().one();
                                m.loansOut++;
                                s.update(m);
                            });
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get(120, TimeUnit.SECONDS); // no conflict, no retry: each waits for the lock
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(engine.transaction(s -> s.get(Member.class, id)).loansOut).isEqualTo(threads * each);
        }
    }

    @AllDatabases
    void forUpdateWorksWithEveryRowReadingTerminal(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Member ann = s.insert(new Member("Ann"));
            s.insert(new Loan(7, ann, LocalDate.of(2024, 6, 1)));
            s.commit();
            assertThat(s.query(Loan.class).where(Loan_.bookId.eq(7L)).forUpdate().list()).hasSize(1);
            assertThat(s.query(Loan.class).orderBy(Loan_.dueOn.asc()).limit(1).offset(0).forUpdate().first())
                    .isPresent();
            assertThat(s.query(Loan.class).where(Loan_.bookId.eq(8L)).forUpdate().exists()).isFalse();
            try (var rows = s.query(Member.class).forUpdate().stream()) {
                assertThat(rows.count()).isEqualTo(1);
            }
            s.commit();
        }
    }

    @AllDatabases
    void forUpdateIsRefusedWhereItCannotLockTheRowsRead(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            LimberException count = assertThrows(LimberException.class,
                    () -> s.query(Member.class).forUpdate().count());
            assertThat(count).hasMessageThat().contains("forUpdate() does not apply to count()");
            LimberException select = assertThrows(LimberException.class,
                    () -> s.query(Member.class).forUpdate().select(Member_.name).distinct().list());
            assertThat(select).hasMessageThat().contains("forUpdate() does not apply to select(...)");
            LimberException max = assertThrows(LimberException.class,
                    () -> s.query(Member.class).forUpdate().max(Member_.loansOut));
            assertThat(max).hasMessageThat().contains("forUpdate() does not apply to max(");
            LimberException page = assertThrows(LimberException.class,
                    () -> s.query(Member.class).forUpdate().page(0, 10));
            assertThat(page).hasMessageThat().contains("forUpdate() does not apply to page(");
            LimberException update = assertThrows(LimberException.class,
                    () -> s.query(Member.class).forUpdate().update(Member_.loansOut.set(1)));
            assertThat(update).hasMessageThat().contains("locks the rows it changes itself");
            LimberException path = assertThrows(LimberException.class,
                    () -> s.query(Loan.class).where(Loan_.member.get(Member_.name).eq("Ann")).forUpdate());
            assertThat(path).hasMessageThat().contains("to-one path");
            LimberException constraint = assertThrows(LimberException.class,
                    () -> s.query(Member.class).whereHas(Member_.loans, q -> q.forUpdate()));
            assertThat(constraint).hasMessageThat().contains("forUpdate() inside the constraint of whereHas(");
        }
    }
}
