package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Databases.engine;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.ConstraintViolationException;
import dev.limber.database.Engine;
import dev.limber.database.LimberException;
import dev.limber.database.Savepoint;
import dev.limber.database.Session;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Book;
import dev.limber.it.models.Book_;
import dev.limber.it.models.Note;
import dev.limber.it.models.Note_;
import java.util.List;

/** Savepoints: part of a session's work undone without giving up the rest, also after a failed statement. */
class SavepointTest {

    private static List<String> committedNotes(Engine engine) {
        return engine.transaction(s -> s.query(Note.class).orderBy(Note_.stars.asc()).list())
                .stream().map(n -> n.text).toList();
    }

    @AllDatabases
    void releaseKeepsTheWorkForTheCommit(TestDatabase db) {
        try (Engine engine = engine(db)) {
            try (Session s = engine.openSession()) {
                s.insert(new Note("before", 1));
                try (Savepoint sp = s.savepoint()) {
                    s.insert(new Note("inside", 2));
                    sp.release();
                    assertThat(sp.isActive()).isFalse();
                }
                s.commit();
            }
            assertThat(committedNotes(engine)).containsExactly("before", "inside").inOrder();
        }
    }

    @AllDatabases
    void rollbackUndoesOnlyTheWorkSinceTheSavepoint(TestDatabase db) {
        try (Engine engine = engine(db)) {
            try (Session s = engine.openSession()) {
                s.insert(new Note("before", 1));
                Savepoint sp = s.savepoint();
                s.insert(new Note("undone", 2));
                sp.rollback();
                assertThat(s.query(Note.class).count()).isEqualTo(1);
                s.insert(new Note("after", 3));
                s.commit();
            }
            assertThat(committedNotes(engine)).containsExactly("before", "after").inOrder();
        }
    }

    @AllDatabases
    void closeWithoutReleaseRollsBack(TestDatabase db) {
        try (Engine engine = engine(db)) {
            try (Session s = engine.openSession()) {
                s.insert(new Note("kept", 1));
                try (Savepoint sp = s.savepoint()) {
                    s.insert(new Note("dropped", 2));
                    assertThat(sp.isActive()).isTrue();
                }
                s.commit();
            }
            assertThat(committedNotes(engine)).containsExactly("kept");
        }
    }

    @AllDatabases
    void savepointsNest(TestDatabase db) {
        try (Engine engine = engine(db)) {
            try (Session s = engine.openSession()) {
                s.insert(new Note("outer work", 1));
                try (Savepoint outer = s.savepoint()) {
                    s.insert(new Note("inner kept", 2));
                    try (Savepoint inner = s.savepoint()) {
                        s.insert(new Note("inner dropped", 3));
                        inner.rollback();
                    }
                    try (Savepoint inner = s.savepoint()) {
                        s.insert(new Note("inner released", 4));
                        inner.release();
                    }
                    outer.release();
                }
                s.commit();
            }
            assertThat(committedNotes(engine)).containsExactly("outer work", "inner kept", "inner released").inOrder();
        }
    }

    @AllDatabases
    void rollingBackAnOuterSavepointEndsTheInnerOnes(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Savepoint outer = s.savepoint();
            s.insert(new Note("a", 1));
            Savepoint inner = s.savepoint();
            s.insert(new Note("b", 2));
            outer.rollback();
            assertThat(inner.isActive()).isFalse();
            LimberException e = assertThrows(LimberException.class, inner::release);
            assertThat(e).hasMessageThat().contains("ended when a savepoint taken before it was released or rolled back");
            inner.close(); // nothing to do
            assertThat(s.query(Note.class).count()).isEqualTo(0);
        }
    }

    @AllDatabases
    void aFailedStatementRolledBackToASavepointLeavesTheSessionUsable(TestDatabase db) {
        try (Engine engine = engine(db)) {
            try (Session s = engine.openSession()) {
                s.insert(new Book("Dune", "isbn-1", 1965));
                s.insert(new Note("outer", 1));
                Savepoint sp = s.savepoint();
                s.insert(new Note("inner", 2));
                assertThrows(ConstraintViolationException.class, () -> s.insert(new Book("Copy", "isbn-1", 1966)));
                // as after any failure, the session refuses work until something is rolled back ...
                LimberException refused = assertThrows(LimberException.class, () -> s.query(Note.class).count());
                assertThat(refused).hasMessageThat().contains("call rollback()");
                assertThrows(LimberException.class, sp::release);
                // ... and a savepoint taken before the failure is enough, on PostgreSQL too
                sp.rollback();
                assertThat(s.query(Note.class).count()).isEqualTo(1);
                s.insert(new Note("after", 3));
                s.commit();
            }
            assertThat(committedNotes(engine)).containsExactly("outer", "after").inOrder();
            long books = engine.transaction(s -> s.query(Book.class).where(Book_.isbn.eq("isbn-1")).count());
            assertThat(books).isEqualTo(1);
        }
    }

    @AllDatabases
    void closingTheSavepointAfterAFailureInItsBlockRecovers(TestDatabase db) {
        try (Engine engine = engine(db)) {
            try (Session s = engine.openSession()) {
                s.insert(new Book("Dune", "isbn-1", 1965));
                try (Savepoint sp = s.savepoint()) {
                    s.insert(new Book("Copy", "isbn-1", 1966));
                    sp.release();
                } catch (ConstraintViolationException duplicate) {
                    // close() has rolled back to the savepoint: carry on with the rest of the work
                }
                s.insert(new Note("carried on", 1));
                s.commit();
            }
            assertThat(committedNotes(engine)).containsExactly("carried on");
            long books = engine.transaction(s -> s.query(Book.class).count());
            assertThat(books).isEqualTo(1);
        }
    }

    @AllDatabases
    void aSavepointEndsWithItsTransaction(TestDatabase db) {
        try (Engine engine = engine(db)) {
            try (Session s = engine.openSession()) {
                assertThat(s.query(Note.class).count()).isEqualTo(0); // a read first: the savepoint begins the transaction
                Savepoint sp = s.savepoint();
                s.insert(new Note("committed", 1));
                s.commit();
                assertThat(sp.isActive()).isFalse();
                sp.close(); // a no-op: the work is committed
                LimberException e = assertThrows(LimberException.class, sp::rollback);
                assertThat(e).hasMessageThat().contains("ended with its transaction");
            }
            assertThat(committedNotes(engine)).containsExactly("committed");
        }
    }

    @AllDatabases
    void aSessionRollbackUndoesTheReleasedWorkToo(TestDatabase db) {
        try (Engine engine = engine(db)) {
            try (Session s = engine.openSession()) {
                try (Savepoint sp = s.savepoint()) {
                    s.insert(new Note("released", 1));
                    sp.release();
                }
                s.rollback();
            }
            assertThat(committedNotes(engine)).isEmpty();
        }
    }
}
