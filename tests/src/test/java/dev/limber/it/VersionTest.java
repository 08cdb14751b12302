package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Databases.engine;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.Engine;
import dev.limber.database.NotFoundException;
import dev.limber.database.Session;
import dev.limber.database.StaleObjectException;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Book;
import dev.limber.it.models.Book_;
import dev.limber.it.models.Note;

/** Optimistic locking through @Version, and update counts that mean "row found". */
class VersionTest {

    @AllDatabases
    void updateWritesTheRowAndBumpsTheVersion(TestDatabase db) {
        try (Engine engine = engine(db)) {
            Book dune = engine.transaction(s -> s.insert(new Book("Dune", "1", 1965)));
            assertThat(dune.version).isEqualTo(0);
            engine.inTransaction(s -> {
                Book b = s.get(Book.class, dune.id);
                b.title = "Dune Messiah";
                s.update(b);
                assertThat(b.version).isEqualTo(1);
            });
            try (Session s = engine.openSession()) {
                Book b = s.get(Book.class, dune.id);
                assertThat(b.title).isEqualTo("Dune Messiah");
                assertThat(b.version).isEqualTo(1);
            }
        }
    }

    @AllDatabases
    void aConcurrentChangeMakesTheSecondUpdateStale(TestDatabase db) {
        try (Engine engine = engine(db)) {
            Long id = engine.transaction(s -> s.insert(new Book("Dune", "1", 1965))).id;
            Book first = engine.transaction(s -> s.get(Book.class, id));
            Book second = engine.transaction(s -> s.get(Book.class, id));
            first.title = "First";
            engine.inTransaction(s -> s.update(first));
            second.title = "Second";
            StaleObjectException e = assertThrows(StaleObjectException.class,
                    () -> engine.inTransaction(s -> s.update(second)));
            assertThat(e).hasMessageThat().contains("expected version 0");
            assertThat(e.sql()).startsWith("UPDATE");
            assertThat(second.version).isEqualTo(0); // the failed update did not bump the model
            assertThat(engine.transaction(s -> s.get(Book.class, id)).title).isEqualTo("First");
        }
    }

    @AllDatabases
    void anUpdateThatChangesNoColumnIsNotAConflict(TestDatabase db) {
        // MariaDB reports "changed rows" unless told to report "found rows"; this must not look stale
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Note note = s.insert(new Note("same", 1));
            s.update(note);
            s.update(note);
            Book dune = s.insert(new Book("Dune", "1", 1965));
            s.update(dune);
            s.update(dune);
            assertThat(dune.version).isEqualTo(2);
            assertThat(s.query(Note.class).update(dev.limber.it.models.Note_.stars.set(1))).isEqualTo(1);
        }
    }

    @AllDatabases
    void bulkUpdateBumpsVersionsSoLoadedCopiesGoStale(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Book dune = s.insert(new Book("Dune", "1", 1965));
            assertThat(s.query(Book.class).where(Book_.id.eq(dune.id)).update(Book_.year.set(1966))).isEqualTo(1);
            dune.title = "Late";
            assertThrows(StaleObjectException.class, () -> s.update(dune));
            s.rollback();
        }
    }

    @AllDatabases
    void updatingAMissingRowWithoutVersionIsNotFound(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Note ghost = new Note("ghost", 0);
            ghost.id = 424242L;
            assertThrows(NotFoundException.class, () -> s.update(ghost));
        }
    }
}
