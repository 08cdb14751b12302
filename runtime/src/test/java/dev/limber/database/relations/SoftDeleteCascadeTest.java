package dev.limber.database.relations;

import static com.google.common.truth.Truth.assertThat;

import dev.limber.database.Engine;
import dev.limber.database.ModelRegistry;
import dev.limber.database.Ref;
import dev.limber.database.Session;
import dev.limber.database.fixtures.relations.Author;
import dev.limber.database.fixtures.relations.Author_;
import dev.limber.database.fixtures.relations.Biography;
import dev.limber.database.fixtures.relations.Book;
import dev.limber.database.fixtures.relations.Book_;
import dev.limber.database.fixtures.relations.RelationsRegistry;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code @HasMany(cascade = Cascade.DELETE)}: soft-deleting an author, one by one or in bulk, stamps its
 * live books with the author's deleted_at in the same transaction; restoring the author brings back
 * exactly those books, never one deleted on its own before.
 */
class SoftDeleteCascadeTest {
    private static final Instant START = Instant.parse("2026-03-01T10:00:00.123456789Z");

    static Engine engine(TestDatabase db, TestClock clock, ModelRegistry registry) {
        return Engine.builder().url(db.url()).username(db.username()).password(db.password()).maxPoolSize(2)
                .clock(clock).registry(registry).build();
    }

    private static Engine relations(TestDatabase db, TestClock clock) {
        Engine engine = engine(db, clock, new RelationsRegistry());
        RelationsRegistry.createTables(engine);
        return engine;
    }

    private static Book book(Session s, String title, Author author) {
        Book book = new Book(title);
        book.author = Ref.to(author);
        return s.insert(book);
    }

    /** Every book's deleted_at (null: live), by title. */
    private static Map<String, Instant> stamps(Session s) {
        Map<String, Instant> stamps = new TreeMap<>();
        for (Book book : s.query(Book.class).withTrashed().list()) {
            stamps.put(book.title, book.deletedAt);
        }
        return stamps;
    }

    @AllDatabases
    void deletingAnAuthorStampsItsLiveBooksWithItsOwnStampAndRestoringBringsThemBack(TestDatabase db) {
        TestClock clock = new TestClock(START, ZoneOffset.UTC);
        try (Engine engine = relations(db, clock); Session s = engine.openSession()) {
            Author ursula = s.insert(new Author("Ursula K. Le Guin"));
            Author frank = s.insert(new Author("Frank Herbert"));
            book(s, "The Dispossessed", ursula);
            book(s, "The Lathe of Heaven", ursula);
            book(s, "Dune", frank);
            Biography biography = new Biography();
            biography.author = Ref.to(ursula);
            biography.text = "born 1929";
            s.insert(biography); // @HasOne without cascade: not touched
            s.commit();

            clock.advance(Duration.ofMinutes(5));
            Author deleted = s.delete(ursula);
            Instant stamp = deleted.deletedAt;
            assertThat(stamps(s))
                    .containsExactly("Dune", null, "The Dispossessed", stamp, "The Lathe of Heaven", stamp);
            assertThat(s.query(Biography.class).count()).isEqualTo(1);
            s.rollback(); // one transaction: the author and the books come back together
            assertThat(stamps(s)).containsExactly("Dune", null, "The Dispossessed", null, "The Lathe of Heaven", null);

            deleted = s.delete(ursula);
            s.commit();
            assertThat(s.query(Book.class).where(Book_.author.id().eq(ursula.id)).count()).isEqualTo(0);

            clock.advance(Duration.ofMinutes(5));
            s.restore(deleted);
            s.commit();
            assertThat(stamps(s)).containsExactly("Dune", null, "The Dispossessed", null, "The Lathe of Heaven", null);
            assertThat(s.get(Author.class, ursula.id).deletedAt).isNull();
        }
    }

    @AllDatabases
    void aBookDeletedBeforeItsAuthorKeepsItsStampAndStaysDeletedWhenTheAuthorIsRestored(TestDatabase db) {
        TestClock clock = new TestClock(START, ZoneOffset.UTC);
        try (Engine engine = relations(db, clock); Session s = engine.openSession()) {
            Author ursula = s.insert(new Author("Ursula K. Le Guin"));
            Book early = book(s, "Rocannon's World", ursula);
            book(s, "The Dispossessed", ursula);
            s.commit();

            clock.advance(Duration.ofMinutes(1));
            Instant first = s.delete(early).deletedAt;
            clock.advance(Duration.ofMinutes(1));
            Author deleted = s.delete(ursula);
            s.commit();
            assertThat(first).isNotEqualTo(deleted.deletedAt);
            assertThat(stamps(s)).containsExactly("Rocannon's World", first, "The Dispossessed", deleted.deletedAt);

            s.restore(deleted);
            s.commit();
            assertThat(stamps(s)).containsExactly("Rocannon's World", first, "The Dispossessed", null);
        }
    }

    /** A known peer failure: a bulk delete that stamps the parents and forgets their children. */
    @AllDatabases
    void aBulkDeleteCascadesAndABulkRestoreRestoresEachAuthorsBooksByItsOwnStamp(TestDatabase db) {
        TestClock clock = new TestClock(START, ZoneOffset.UTC);
        try (Engine engine = relations(db, clock); Session s = engine.openSession()) {
            Author ursula = s.insert(new Author("Ursula K. Le Guin"));
            Author frank = s.insert(new Author("Frank Herbert"));
            Author iain = s.insert(new Author("Iain M. Banks"));
            Book early = book(s, "Rocannon's World", ursula);
            book(s, "The Dispossessed", ursula);
            book(s, "Dune", frank);
            book(s, "Excession", iain);
            s.commit();

            clock.advance(Duration.ofMinutes(1));
            Instant alone = s.delete(early).deletedAt;
            clock.advance(Duration.ofMinutes(1));
            Instant ursulas = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            assertThat(s.query(Author.class).where(Author_.name.like("Ursula%")).delete()).isEqualTo(1);
            clock.advance(Duration.ofMinutes(1));
            Instant franks = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            assertThat(s.query(Author.class).where(Author_.name.eq("Frank Herbert")).delete()).isEqualTo(1);
            s.commit();
            assertThat(stamps(s)).containsExactly("Dune", franks, "Excession", null, "Rocannon's World", alone,
                    "The Dispossessed", ursulas);

            assertThat(s.query(Author.class).onlyTrashed().restore()).isEqualTo(2);
            s.commit();
            assertThat(stamps(s)).containsExactly("Dune", null, "Excession", null, "Rocannon's World", alone,
                    "The Dispossessed", null);
            assertThat(s.query(Author.class).count()).isEqualTo(3);
        }
    }

    @AllDatabases
    void aBulkRestoreOfSomeAuthorsLeavesTheOthersBooksDeleted(TestDatabase db) {
        TestClock clock = new TestClock(START, ZoneOffset.UTC);
        try (Engine engine = relations(db, clock); Session s = engine.openSession()) {
            Author ursula = s.insert(new Author("Ursula K. Le Guin"));
            Author frank = s.insert(new Author("Frank Herbert"));
            book(s, "The Dispossessed", ursula);
            book(s, "Dune", frank);
            s.commit();

            clock.advance(Duration.ofMinutes(1));
            assertThat(s.query(Author.class).delete()).isEqualTo(2); // both at one moment
            s.commit();
            assertThat(s.query(Book.class).count()).isEqualTo(0);

            assertThat(s.query(Author.class).onlyTrashed().where(Author_.id.eq(frank.id)).restore()).isEqualTo(1);
            s.commit();
            List<String> live = s.query(Book.class).list().stream().map(b -> b.title).toList();
            assertThat(live).containsExactly("Dune");
        }
    }
}
