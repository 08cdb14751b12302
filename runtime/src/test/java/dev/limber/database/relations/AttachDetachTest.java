package dev.limber.database.relations;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.Engine;
import dev.limber.database.MappingException;
import dev.limber.database.Ref;
import dev.limber.database.Session;
import dev.limber.database.fixtures.relations.Author;
import dev.limber.database.fixtures.relations.Author_;
import dev.limber.database.fixtures.relations.Book;
import dev.limber.database.fixtures.relations.BookTag;
import dev.limber.database.fixtures.relations.BookTag_;
import dev.limber.database.fixtures.relations.Book_;
import dev.limber.database.fixtures.relations.RelationsRegistry;
import dev.limber.database.fixtures.relations.Tag;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * {@code session.attach/detach} on a {@code @BelongsToMany} whose junction soft-deletes: a pair is
 * linked once however often it is attached, detaching stamps the junction row, and attaching again
 * makes a new live row beside the trashed one.
 */
class AttachDetachTest {
    private static final Instant START = Instant.parse("2026-05-01T08:00:00Z");

    private static Engine engine(TestDatabase db, TestClock clock) {
        Engine engine = SoftDeleteCascadeTest.engine(db, clock, new RelationsRegistry());
        RelationsRegistry.createTables(engine);
        return engine;
    }

    private static Book book(Session s, String title) {
        Author author = s.insert(new Author("Ursula K. Le Guin"));
        Book book = new Book(title);
        book.author = Ref.to(author);
        return s.insert(book);
    }

    /** The tag ids linked to {@code book} by live junction rows. */
    private static List<Long> linked(Session s, Book book) {
        return s.query(BookTag.class).where(BookTag_.book.id().eq(book.id)).list().stream()
                .map(link -> (Long) link.tag.id()).sorted().toList();
    }

    @AllDatabases
    void attachingLinksEachPairOnceAndCountsTheRowsInserted(TestDatabase db) {
        try (Engine engine = engine(db, new TestClock(START, ZoneOffset.UTC)); Session s = engine.openSession()) {
            Book book = book(s, "The Dispossessed");
            Book other = book(s, "Dune");
            Tag sf = s.insert(new Tag("sf"));
            Tag classic = s.insert(new Tag("classic"));
            Tag utopia = s.insert(new Tag("utopia"));

            assertThat(s.attach(book, Book_.tags, sf, classic)).isEqualTo(2);
            assertThat(s.attach(book, Book_.tags, classic, sf, classic)).isEqualTo(0);
            assertThat(s.attach(book, Book_.tags, List.of(sf, utopia, utopia))).isEqualTo(1);
            assertThat(s.attach(other, Book_.tags, sf)).isEqualTo(1);
            s.commit();

            assertThat(linked(s, book)).containsExactly(sf.id, classic.id, utopia.id);
            assertThat(linked(s, other)).containsExactly(sf.id);
            assertThat(s.query(BookTag.class).withTrashed().count()).isEqualTo(4);
        }
    }

    @AllDatabases
    void detachingStampsTheJunctionRowAndAttachingAgainMakesANewLiveRow(TestDatabase db) {
        TestClock clock = new TestClock(START, ZoneOffset.UTC);
        try (Engine engine = engine(db, clock); Session s = engine.openSession()) {
            Book book = book(s, "The Dispossessed");
            Book other = book(s, "Dune");
            Tag sf = s.insert(new Tag("sf"));
            Tag classic = s.insert(new Tag("classic"));
            s.attach(book, Book_.tags, sf, classic);
            s.attach(other, Book_.tags, sf);
            s.commit();

            clock.advance(Duration.ofHours(1));
            assertThat(s.detach(book, Book_.tags, sf)).isEqualTo(1);
            assertThat(s.detach(book, Book_.tags, sf)).isEqualTo(0); // already detached: its stamp stays
            s.commit();
            assertThat(linked(s, book)).containsExactly(classic.id);
            assertThat(linked(s, other)).containsExactly(sf.id); // another book's link is its own
            BookTag detached = s.query(BookTag.class).onlyTrashed().one();
            assertThat(detached.tag.id()).isEqualTo(sf.id);
            assertThat(detached.deletedAt).isEqualTo(START.plus(Duration.ofHours(1)));

            assertThat(s.attach(book, Book_.tags, sf)).isEqualTo(1);
            s.commit();
            assertThat(linked(s, book)).containsExactly(sf.id, classic.id);
            assertThat(s.query(BookTag.class).onlyTrashed().count()).isEqualTo(1);
            assertThat(s.detach(book, Book_.tags)).isEqualTo(0); // no targets: nothing detached
            assertThat(s.detach(book, Book_.tags, List.of(sf, classic))).isEqualTo(2);
            s.commit();
            assertThat(linked(s, book)).isEmpty();
        }
    }

    @AllDatabases
    void attachRefusesAHasManyAndModelsWithoutIds(TestDatabase db) {
        try (Engine engine = engine(db, new TestClock(START, ZoneOffset.UTC)); Session s = engine.openSession()) {
            Book book = book(s, "The Dispossessed");
            Author author = s.insert(new Author("Frank Herbert"));

            MappingException hasMany = assertThrows(MappingException.class,
                    () -> s.attach(author, Author_.books, book));
            assertThat(hasMany).hasMessageThat().contains("Author.books is a @HasMany");
            assertThat(hasMany).hasMessageThat()
                    .contains("set the child's @BelongsTo (e.g. child.author = Ref.to(parent))");

            MappingException unsavedBook = assertThrows(MappingException.class,
                    () -> s.attach(new Book("Unsaved"), Book_.tags, s.insert(new Tag("sf"))));
            assertThat(unsavedBook).hasMessageThat().contains("This Book has no id");
            MappingException unsavedTag = assertThrows(MappingException.class,
                    () -> s.detach(book, Book_.tags, new Tag("new")));
            assertThat(unsavedTag).hasMessageThat().contains("target 0 (a Tag) has no id; insert it first");
        }
    }
}
