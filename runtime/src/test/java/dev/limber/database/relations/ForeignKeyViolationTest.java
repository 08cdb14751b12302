package dev.limber.database.relations;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.ConstraintViolationException;
import dev.limber.database.Engine;
import dev.limber.database.Ref;
import dev.limber.database.Session;
import dev.limber.database.fixtures.relations.Author;
import dev.limber.database.fixtures.relations.Author_;
import dev.limber.database.fixtures.relations.Biography;
import dev.limber.database.fixtures.relations.Book;
import dev.limber.database.fixtures.relations.BookTag;
import dev.limber.database.fixtures.relations.Book_;
import dev.limber.database.fixtures.relations.RelationsRegistry;
import dev.limber.database.fixtures.relations.Tag;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Hard deletes through foreign keys: with {@code cascade = Cascade.DELETE} the children go with the
 * parent (ON DELETE CASCADE); without it the delete fails, on every database, with a
 * {@link ConstraintViolationException} that names the foreign key and the table whose rows hold it.
 */
class ForeignKeyViolationTest {

    private static Engine engine(TestDatabase db) {
        Engine engine = SoftDeleteCascadeTest.engine(db, new TestClock(Instant.parse("2026-01-01T00:00:00Z"),
                ZoneOffset.UTC), new RelationsRegistry());
        RelationsRegistry.createTables(engine);
        return engine;
    }

    private static Book book(Session s, String title, Author author) {
        Book book = new Book(title);
        book.author = Ref.to(author);
        return s.insert(book);
    }

    @AllDatabases
    void forceDeletingAnAuthorRemovesItsBooksTrashedOnesIncluded(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Author ursula = s.insert(new Author("Ursula K. Le Guin"));
            Author frank = s.insert(new Author("Frank Herbert"));
            book(s, "The Dispossessed", ursula);
            s.delete(book(s, "Rocannon's World", ursula));
            book(s, "Dune", frank);
            s.commit();

            s.forceDelete(ursula);
            s.commit();
            assertThat(s.query(Book.class).withTrashed().list().stream().map(b -> b.title).toList())
                    .containsExactly("Dune");
        }
    }

    @AllDatabases
    void forceDeletingAnAuthorThatABiographyStillReferencesFailsNamingTheForeignKey(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Author ursula = s.insert(new Author("Ursula K. Le Guin"));
            Biography biography = new Biography();
            biography.author = Ref.to(ursula);
            s.delete(s.insert(biography)); // a trashed row still holds its key
            s.commit();

            ConstraintViolationException e = assertThrows(ConstraintViolationException.class,
                    () -> s.forceDelete(ursula));
            assertThat(e).hasMessageThat().contains("fk_biographies_author_id (biographies.author_id -> authors)");
            assertThat(e).hasMessageThat().contains("cascade = Cascade.DELETE");
            assertNamed(db, e, "fk_biographies_author_id", "biographies");
            s.rollback();

            ConstraintViolationException bulk = assertThrows(ConstraintViolationException.class,
                    () -> s.query(Author.class).where(Author_.id.eq(ursula.id)).forceDelete());
            assertThat(bulk).hasMessageThat().contains("fk_biographies_author_id (biographies.author_id -> authors)");
            assertNamed(db, bulk, "fk_biographies_author_id", "biographies");
            s.rollback();
            assertThat(s.query(Author.class).count()).isEqualTo(1);
        }
    }

    /** The books would go with the author (ON DELETE CASCADE), but a junction row still refers to one of them. */
    @AllDatabases
    void aRowThatTheCascadeWouldRemoveButThatIsStillReferencedBlocksTheDeleteAndIsNamed(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Author ursula = s.insert(new Author("Ursula K. Le Guin"));
            Book book = book(s, "The Dispossessed", ursula);
            Tag sf = s.insert(new Tag("sf"));
            s.attach(book, Book_.tags, sf);
            s.commit();

            ConstraintViolationException e = assertThrows(ConstraintViolationException.class,
                    () -> s.forceDelete(ursula));
            assertThat(e).hasMessageThat().contains("fk_book_tags_book_id (book_tags.book_id -> books)");
            assertNamed(db, e, "fk_book_tags_book_id", "book_tags");
            s.rollback();
        }
    }

    /**
     * The exception's constraint and table. SQLite's message names no key, and a delete of an author
     * could be blocked by a biography or (through the books it cascades to) a book's tag link: the
     * message lists both keys, and the fields stay empty rather than guess.
     */
    private static void assertNamed(TestDatabase db, ConstraintViolationException e, String constraint, String table) {
        if (db.dialect().name().equals("sqlite")) {
            assertThat(e).hasMessageThat().contains("one of fk_biographies_author_id (biographies.author_id ->"
                    + " authors), fk_book_tags_book_id (book_tags.book_id -> books)");
            assertThat(e.constraint()).isNull();
        } else {
            assertThat(e.constraint()).isEqualTo(constraint);
            assertThat(e.table()).isEqualTo(table);
        }
    }

    /** One key can block this delete, so it is named on SQLite too, though SQLite's message names none. */
    @AllDatabases
    void forceDeletingAnAttachedTagFailsNamingTheJunctionsKey(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Author ursula = s.insert(new Author("Ursula K. Le Guin"));
            Tag sf = s.insert(new Tag("sf"));
            s.attach(book(s, "The Dispossessed", ursula), Book_.tags, sf);
            s.commit();

            ConstraintViolationException e = assertThrows(ConstraintViolationException.class, () -> s.forceDelete(sf));
            assertThat(e.constraint()).isEqualTo("fk_book_tags_tag_id");
            assertThat(e.table()).isEqualTo("book_tags");
            assertThat(e.column()).isEqualTo("tag_id");
            assertThat(e).hasMessageThat().startsWith("Foreign key fk_book_tags_tag_id (book_tags.tag_id -> tags)"
                    + " blocks the delete: rows of book_tags (trashed ones included) still refer to the tags row");
        }
    }

    @AllDatabases
    void insertingABookForAMissingAuthorFailsNamingTheForeignKey(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Book orphan = new Book("Nobody's");
            orphan.author = Ref.ofId(12345L);
            ConstraintViolationException e = assertThrows(ConstraintViolationException.class, () -> s.insert(orphan));
            assertThat(e.constraint()).isEqualTo("fk_books_author_id");
            assertThat(e.table()).isEqualTo("books");
            assertThat(e.column()).isEqualTo("author_id");
            assertThat(e).hasMessageThat().contains("fk_books_author_id");
            assertThat(e).hasMessageThat().contains("a authors row that does not exist");
        }
    }

    /** SQLite names no constraint; with two keys on the table the message lists both, others name the one. */
    @AllDatabases
    void aJunctionRowForAMissingTagNamesItsForeignKey(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Author ursula = s.insert(new Author("Ursula K. Le Guin"));
            Book book = book(s, "The Dispossessed", ursula);
            s.commit();
            BookTag link = new BookTag();
            link.book = Ref.to(book);
            link.tag = Ref.ofId(999L);
            ConstraintViolationException e = assertThrows(ConstraintViolationException.class, () -> s.insert(link));
            assertThat(e).hasMessageThat().contains("fk_book_tags_tag_id");
            assertThat(e.table()).isEqualTo("book_tags");
            if (!db.dialect().name().equals("sqlite")) {
                assertThat(e.constraint()).isEqualTo("fk_book_tags_tag_id");
                assertThat(e.column()).isEqualTo("tag_id");
            }
            s.rollback();
            assertThat(s.query(Tag.class).count()).isEqualTo(0);
        }
    }
}
