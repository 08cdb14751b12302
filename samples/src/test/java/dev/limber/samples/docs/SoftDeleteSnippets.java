package dev.limber.samples.docs;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.ConstraintViolationException;
import dev.limber.database.Engine;
import dev.limber.database.NotFoundException;
import dev.limber.database.Session;
import dev.limber.samples.bookstore.Author;
import dev.limber.samples.bookstore.Book;
import dev.limber.samples.bookstore.Book_;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The code of docs/soft-delete.md. */
class SoftDeleteSnippets {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private Engine engine;
    private Session session;
    private Author herbert;

    @BeforeEach
    void shelves() {
        engine = Engine.builder().url("jdbc:h2:mem:soft-delete").clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        engine.createAll();
        session = engine.openSession();
        herbert = session.insert(new Author("Frank Herbert"));
    }

    @AfterEach
    void close() {
        session.close();
        engine.close();
    }

    @Test
    void deleteHidesRestoreReturnsForceDeleteRemoves() {
        // tag::soft-delete-lifecycle[]
        Book dune = session.insert(new Book("Dune", herbert, "978-0441172719"));

        session.delete(dune);                                   // UPDATE books SET deleted_at = <engine clock>
        session.find(Book.class, dune.getId());                 // Optional.empty(): hidden from every read
        session.query(Book.class).withTrashed().list();         // [Dune]: deleted rows included
        session.query(Book.class).onlyTrashed().list();         // [Dune]: deleted rows only

        session.restore(dune);                                  // deleted_at = NULL: back on every read
        session.forceDelete(dune);                              // DELETE FROM books: gone for good
        // end::soft-delete-lifecycle[]
        assertThat(session.query(Book.class).withTrashed().count()).isEqualTo(0);
    }

    @Test
    void deletedBookIsHiddenUntilRestored() {
        Book dune = session.insert(new Book("Dune", herbert, "978-0441172719"));

        session.delete(dune);

        assertThat(session.find(Book.class, dune.getId())).isEmpty();
        assertThrows(NotFoundException.class, () -> session.get(Book.class, dune.getId()));
        List<Book> trashed = session.query(Book.class).onlyTrashed().list();
        assertThat(trashed).hasSize(1);
        assertThat(trashed.get(0).getDeletedAt()).isEqualTo(NOW);
        assertThat(session.query(Book.class).withTrashed().list()).hasSize(1);
        assertThat(session.query(Book.class).list()).isEmpty();

        session.restore(dune);

        assertThat(session.find(Book.class, dune.getId())).isPresent();
    }

    @Test
    void deletingTwiceKeepsTheFirstDeletedAt() {
        Book dune = session.insert(new Book("Dune", herbert, "978-0441172719"));
        session.delete(dune);
        Book deleted = session.query(Book.class).onlyTrashed().one();

        try (Engine later = Engine.builder().url("jdbc:h2:mem:soft-delete")
                .clock(Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC)).build()) {
            session.commit();
            try (Session other = later.openSession()) {
                other.delete(deleted);
                other.commit();
            }
        }

        assertThat(session.query(Book.class).onlyTrashed().one().getDeletedAt()).isEqualTo(NOW);
    }

    @Test
    void deletedBooksIsbnCanBeReusedButALiveOneCannot() {
        // tag::unique-among-live-rows[]
        Book first = session.insert(new Book("Dune", herbert, "978-0441172719"));
        session.delete(first);                                                    // soft-deleted
        session.insert(new Book("Dune (new edition)", herbert, "978-0441172719"));   // allowed: first is deleted
        // end::unique-among-live-rows[]
        session.commit();

        assertThrows(ConstraintViolationException.class,
                () -> session.insert(new Book("Dune (again)", herbert, "978-0441172719")));
        session.rollback();   // a failed statement spoils the transaction until rolled back
        assertThat(session.query(Book.class).withTrashed().where(Book_.isbn.eq("978-0441172719")).count())
                .isEqualTo(2);
    }
}
