package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Databases.engine;
import static dev.limber.it.Databases.q;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.Engine;
import dev.limber.database.MappingException;
import dev.limber.database.NotFoundException;
import dev.limber.database.Session;
import dev.limber.database.StaleObjectException;
import dev.limber.database.query.Property;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Author_;
import dev.limber.it.models.Book;
import dev.limber.it.models.Book_;
import dev.limber.it.models.Note;
import dev.limber.it.models.Note_;
import dev.limber.it.models.Ticket;
import dev.limber.it.models.Ticket_;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** update(model, properties...): only the named columns are written, with the @Version check and bump. */
class PartialUpdateTest {

    @AllDatabases
    void twoSessionsUpdatingDifferentColumnsKeepBothChanges(TestDatabase db) {
        try (Engine engine = engine(db)) {
            Long id = engine.transaction(s -> s.insert(new Note("draft", 1))).id;
            try (Session mine = engine.openSession(); Session theirs = engine.openSession()) {
                Note myCopy = mine.get(Note.class, id);
                Note theirCopy = theirs.get(Note.class, id);

                myCopy.text = "final";
                mine.update(myCopy, Note_.text);
                mine.commit();

                theirCopy.stars = 5;                  // their copy still says "draft" ...
                theirs.update(theirCopy, Note_.stars); // ... which is not written back
                theirs.commit();
            }
            Note both = engine.transaction(s -> s.get(Note.class, id));
            assertThat(both.text).isEqualTo("final");
            assertThat(both.stars).isEqualTo(5);
        }
    }

    @AllDatabases
    void aColumnNotNamedIsLeftAsTheDatabaseHasIt(TestDatabase db) throws SQLException {
        try (Engine engine = engine(db)) {
            Book dune = engine.transaction(s -> s.insert(new Book("Dune", "isbn-1", 1965)));
            try (Connection other = db.connect(); Statement st = other.createStatement()) {
                st.executeUpdate("UPDATE " + q(db, "books") + " SET " + q(db, "isbn") + " = 'changed'");
            }
            dune.title = "Dune (revised)";
            dune.isbn = "stale";
            Book updated = engine.transaction(s -> s.update(dune, Book_.title, Book_.year));
            assertThat(updated.version).isEqualTo(1);
            Book read = engine.transaction(s -> s.get(Book.class, dune.id));
            assertThat(read.title).isEqualTo("Dune (revised)");
            assertThat(read.isbn).isEqualTo("changed");
            assertThat(read.version).isEqualTo(1);
        }
    }

    @AllDatabases
    void theUpdateNamesOnlyItsColumnsAndChecksTheVersion(TestDatabase db) {
        try (Engine engine = engine(db)) {
            Book read = engine.transaction(s -> s.insert(new Book("Dune", "isbn-1", 1965)));
            Book other = engine.transaction(s -> s.get(Book.class, read.id));
            other.year = 1966;
            engine.inTransaction(s -> s.update(other, Book_.year)); // version 0 -> 1

            read.title = "Late";
            StaleObjectException stale = assertThrows(StaleObjectException.class,
                    () -> engine.inTransaction(s -> s.update(read, Book_.title)));
            assertThat(stale).hasMessageThat().contains("expected version 0");
            // the columns come in the model's order, whatever the order they are named in
            StaleObjectException again = assertThrows(StaleObjectException.class,
                    () -> engine.inTransaction(s -> s.update(read, Book_.year, Book_.title)));
            assertThat(again.sql()).isEqualTo("UPDATE " + q(db, "books") + " SET " + q(db, "title") + " = ?, "
                    + q(db, "year") + " = ?, " + q(db, "version") + " = ? WHERE " + q(db, "id") + " = ? AND "
                    + q(db, "version") + " = ? AND " + q(db, "deleted_at") + " IS NULL");
            Book kept = engine.transaction(s -> s.get(Book.class, read.id));
            assertThat(kept.title).isEqualTo("Dune");
            assertThat(kept.year).isEqualTo(1966);
            assertThat(kept.version).isEqualTo(1);
        }
    }

    @AllDatabases
    void aRecordComesBackWithItsNewVersion(TestDatabase db) {
        try (Engine engine = engine(db)) {
            Ticket ticket = engine.transaction(s -> s.insert(new Ticket(null, "Printer jam", 0)));
            Ticket updated = engine.transaction(s -> s.update(ticket.withTitle("Printer fixed"), Ticket_.title));
            assertThat(updated.version()).isEqualTo(1);
            assertThat(engine.transaction(s -> s.get(Ticket.class, ticket.id())).title()).isEqualTo("Printer fixed");
        }
    }

    @AllDatabases
    void aMissingRowIsNotFound(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Note ghost = new Note("ghost", 0);
            ghost.id = 424242L;
            assertThrows(NotFoundException.class, () -> s.update(ghost, Note_.text));
        }
    }

    @AllDatabases
    @SuppressWarnings({"unchecked", "rawtypes"})
    void columnsItCannotWriteAreRefusedBeforeAnySql(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Book dune = s.insert(new Book("Dune", "isbn-1", 1965));

            Property[] noColumns = {}; // e.g. a list of changed columns that came out empty
            MappingException none = assertThrows(MappingException.class, () -> s.update(dune, noColumns));
            assertThat(none).hasMessageThat().contains("names no column to write");
            Property foreign = Author_.name; // the compiler refuses another model's property; a raw one gets here
            MappingException other = assertThrows(MappingException.class, () -> s.update(dune, foreign));
            assertThat(other).hasMessageThat().contains("Author.name is not a column of Book");
            assertThat(assertThrows(MappingException.class, () -> s.update(dune, Book_.id)))
                    .hasMessageThat().contains("the primary key");
            assertThat(assertThrows(MappingException.class, () -> s.update(dune, Book_.title, Book_.version)))
                    .hasMessageThat().contains("the @Version column");
            assertThat(assertThrows(MappingException.class, () -> s.update(dune, Book_.deletedAt)))
                    .hasMessageThat().contains("use delete() and restore()");
            // nothing was sent, so the session is not spoilt
            assertThat(s.get(Book.class, dune.id).version).isEqualTo(0);
        }
    }
}
