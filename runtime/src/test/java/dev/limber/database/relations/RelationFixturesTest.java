package dev.limber.database.relations;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.ConstraintViolationException;
import dev.limber.database.Engine;
import dev.limber.database.LimberException;
import dev.limber.database.NotLoadedException;
import dev.limber.database.Ref;
import dev.limber.database.Session;
import dev.limber.database.fixtures.relations.Author;
import dev.limber.database.fixtures.relations.Book;
import dev.limber.database.fixtures.relations.BookTag;
import dev.limber.database.fixtures.relations.Category;
import dev.limber.database.fixtures.relations.Imprint;
import dev.limber.database.fixtures.relations.Publisher;
import dev.limber.database.fixtures.relations.RelationsRegistry;
import dev.limber.database.fixtures.relations.Tag;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;

/** The hand-written relation fixtures hold: their DDL runs, foreign keys bind and read back, holders start unloaded. */
class RelationFixturesTest {

    static Engine engine(TestDatabase db) {
        Engine engine = Engine.builder().url(db.url()).username(db.username()).password(db.password()).maxPoolSize(2)
                .registry(new RelationsRegistry()).build();
        RelationsRegistry.createTables(engine);
        return engine;
    }

    @AllDatabases
    void foreignKeysRoundTripAndHoldersStartUnloaded(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Author ursula = s.insert(new Author("Ursula K. Le Guin"));
            Book book = new Book("The Dispossessed");
            book.author = Ref.to(ursula);
            book = s.insert(book);
            Tag sf = s.insert(new Tag("sf"));
            BookTag link = new BookTag();
            link.book = Ref.to(book);
            link.tag = Ref.ofId(sf.id);
            s.insert(link);
            Category root = s.insert(new Category("Fiction"));
            Category child = new Category("Science fiction");
            child.parent = Ref.to(root);
            s.insert(child);
            Publisher ace = s.insert(new Publisher("Ace"));
            s.insert(new Imprint("Ace Specials", Ref.to(ace)));

            Book read = s.get(Book.class, book.id);
            assertThat(read.author.id()).isEqualTo(ursula.id);
            assertThat(read.author.isLoaded()).isFalse();
            NotLoadedException notLoaded = assertThrows(NotLoadedException.class, () -> read.tags.get());
            assertThat(notLoaded).hasMessageThat().contains("Book.tags was not loaded");
            assertThat(s.get(Category.class, root.id).parent.find()).isEmpty(); // NULL key: loaded, no target
            assertThat(s.get(Category.class, root.id).children.isLoaded()).isFalse();
            assertThat(s.query(Imprint.class).one().publisher().id()).isEqualTo(ace.id());
            assertThat(s.get(Publisher.class, ace.id()).imprints().isLoaded()).isFalse();
            s.commit();
        }
    }

    @AllDatabases
    void theForeignKeysAreEnforced(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Book orphan = new Book("Nobody's");
            orphan.author = Ref.ofId(12345L);
            LimberException e = assertThrows(LimberException.class, () -> s.insert(orphan));
            assertThat(e).isInstanceOf(ConstraintViolationException.class);
        }
    }
}
