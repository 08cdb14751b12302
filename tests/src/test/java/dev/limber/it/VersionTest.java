package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Databases.engine;
import static dev.limber.it.Databases.q;
import static dev.limber.it.Databases.rawCount;
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
import dev.limber.it.models.Ticket;
import java.util.Optional;

/** Optimistic locking through @Version (on update and on delete), and update counts that mean "row found". */
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

    @AllDatabases
    void deletingAStaleVersionFailsAndKeepsTheRow(TestDatabase db) {
        try (Engine engine = engine(db)) {
            Ticket read = engine.transaction(s -> s.insert(new Ticket(null, "Printer jam", 0)));
            engine.transaction(s -> s.update(read.withTitle("Printer on fire"))); // version 0 -> 1

            StaleObjectException e = assertThrows(StaleObjectException.class,
                    () -> engine.inTransaction(s -> s.delete(read)));

            assertThat(e).hasMessageThat().contains("expected version 0");
            assertThat(e.sql()).startsWith("DELETE");
            Ticket kept = engine.transaction(s -> s.get(Ticket.class, read.id()));
            assertThat(kept.title()).isEqualTo("Printer on fire");
            assertThat(kept.version()).isEqualTo(1);
        }
    }

    @AllDatabases
    void forceDeletingAStaleVersionFailsAndKeepsTheRow(TestDatabase db) {
        try (Engine engine = engine(db)) {
            Book read = engine.transaction(s -> s.insert(new Book("Dune", "1", 1965)));
            Book other = engine.transaction(s -> s.get(Book.class, read.id));
            other.title = "Dune (revised)";
            engine.inTransaction(s -> s.update(other));

            assertThrows(StaleObjectException.class, () -> engine.inTransaction(s -> s.forceDelete(read)));

            assertThat(rawCount(db, "SELECT COUNT(*) FROM " + q(db, "books"))).isEqualTo(1);
            assertThat(engine.transaction(s -> s.get(Book.class, read.id)).title).isEqualTo("Dune (revised)");
        }
    }

    @AllDatabases
    void softDeletingAStaleVersionFailsAndKeepsTheRowLive(TestDatabase db) {
        try (Engine engine = engine(db)) {
            Book read = engine.transaction(s -> s.insert(new Book("Dune", "1", 1965)));
            Book other = engine.transaction(s -> s.get(Book.class, read.id));
            other.year = 1966;
            engine.inTransaction(s -> s.update(other));

            StaleObjectException e = assertThrows(StaleObjectException.class,
                    () -> engine.inTransaction(s -> s.delete(read)));

            assertThat(e.sql()).startsWith("UPDATE");
            assertThat(read.deletedAt).isNull();
            try (Session s = engine.openSession()) {
                Book live = s.get(Book.class, read.id); // still live: not stamped
                assertThat(live.year).isEqualTo(1966);
                assertThat(live.deletedAt).isNull();
            }
        }
    }

    @AllDatabases
    void deletingTheCurrentVersionSucceeds(TestDatabase db) {
        try (Engine engine = engine(db)) {
            Ticket ticket = engine.transaction(s -> s.insert(new Ticket(null, "Printer jam", 0)));
            Ticket updated = engine.transaction(s -> s.update(ticket.withTitle("Printer on fire")));
            assertThat(updated.version()).isEqualTo(1);

            engine.inTransaction(s -> s.delete(updated));

            Optional<Ticket> gone = engine.transaction(s -> s.find(Ticket.class, ticket.id()));
            assertThat(gone).isEmpty();
            Book book = engine.transaction(s -> s.insert(new Book("Dune", "1", 1965)));
            engine.inTransaction(s -> {
                Book b = s.get(Book.class, book.id);
                b.title = "Dune Messiah";
                s.update(b); // the model now carries version 1, as the row does
                s.delete(b);
                assertThat(b.deletedAt).isNotNull();
                s.forceDelete(b);
            });
            assertThat(rawCount(db, "SELECT COUNT(*) FROM " + q(db, "books"))).isEqualTo(0);
        }
    }

    @AllDatabases
    void softDeletingAnAlreadyDeletedCurrentVersionKeepsTheFirstStamp(TestDatabase db) {
        TestClock clock = new TestClock(Databases.START);
        try (Engine engine = engine(db, clock)) {
            Book book = engine.transaction(s -> s.insert(new Book("Dune", "1", 1965)));
            Book copy = engine.transaction(s -> s.get(Book.class, book.id));
            engine.inTransaction(s -> s.delete(book));
            clock.advance(java.time.Duration.ofHours(1));

            engine.inTransaction(s -> s.delete(copy)); // same version: deleting twice is not a conflict

            assertThat(copy.deletedAt).isEqualTo(book.deletedAt);
        }
    }

    @AllDatabases
    void deletingAMissingVersionedRowIsNotFound(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Ticket ghost = new Ticket(424242L, "ghost", 0);
            NotFoundException e = assertThrows(NotFoundException.class, () -> s.delete(ghost));
            assertThat(e).hasMessageThat().contains("No Ticket with id 424242 to delete");
            Book gone = s.insert(new Book("Dune", "1", 1965));
            s.forceDelete(gone);
            assertThrows(NotFoundException.class, () -> s.forceDelete(gone));
            assertThrows(NotFoundException.class, () -> s.delete(gone));
        }
    }
}
