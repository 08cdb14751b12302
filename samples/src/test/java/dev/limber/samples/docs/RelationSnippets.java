package dev.limber.samples.docs;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.Engine;
import dev.limber.database.NotLoadedException;
import dev.limber.database.Query;
import dev.limber.database.Session;
import dev.limber.samples.bookstore.Author;
import dev.limber.samples.bookstore.Author_;
import dev.limber.samples.bookstore.Book;
import dev.limber.samples.bookstore.Book_;
import dev.limber.samples.bookstore.Tag;
import dev.limber.samples.bookstore.Tag_;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The code of docs/relations.md, run against an in-memory H2 database with the bookstore's models. */
class RelationSnippets {
    private Engine engine;
    private Session session;
    private Author herbert;
    private Author leGuin;
    private Book dune;
    private Book messiah;
    private Book earthsea;
    private Tag sf;
    private Tag classic;

    @BeforeEach
    void shelves() {
        engine = Engine.create("jdbc:h2:mem:relations");
        engine.createAll();
        session = engine.openSession();
        herbert = session.insert(new Author("Frank Herbert"));
        leGuin = session.insert(new Author("Ursula K. Le Guin"));
        dune = session.insert(new Book("Dune", herbert, "978-0441172719"));
        messiah = session.insert(new Book("Dune Messiah", herbert, null));
        earthsea = session.insert(new Book("A Wizard of Earthsea", leGuin, "978-0547722023"));
        sf = session.insert(new Tag("sf"));
        classic = session.insert(new Tag("classic"));
        Tag fantasy = session.insert(new Tag("fantasy"));
        session.attach(dune, Book_.tags, sf, classic);
        session.attach(messiah, Book_.tags, sf);
        session.attach(earthsea, Book_.tags, fantasy);
    }

    @AfterEach
    void close() {
        session.close();
        engine.close();
    }

    @Test
    void eagerLoading() {
        // tag::relations-with[]
        List<Book> books = session.query(Book.class)
                .with(Book_.author)                                          // one more query for all the authors
                .with(Book_.tags, tags -> tags.where(Tag_.name.ne("classic")))   // only these tags are loaded
                .orderBy(Book_.title.asc())
                .list();
        Book first = books.get(0);
        String author = first.getAuthor().get().getName();   // loaded: no query runs here
        List<Tag> tags = first.getTags().get();
        // end::relations-with[]
        assertThat(first.getTitle()).isEqualTo("A Wizard of Earthsea");
        assertThat(author).isEqualTo("Ursula K. Le Guin");
        assertThat(tags.stream().map(Tag::getName).toList()).containsExactly("fantasy");
        Book loadedDune = books.stream().filter(b -> b.getTitle().equals("Dune")).findFirst().orElseThrow();
        assertThat(loadedDune.getTags().get().stream().map(Tag::getName).toList()).containsExactly("sf");
    }

    @Test
    void nothingLoadsLazily() {
        // tag::relations-not-loaded[]
        Book plain = session.query(Book.class).where(Book_.title.eq("Dune")).one();
        Object authorId = plain.getAuthor().id();       // the foreign key is always there
        boolean loaded = plain.getAuthor().isLoaded();   // false: no query loaded the author
        NotLoadedException e = assertThrows(NotLoadedException.class, () -> plain.getAuthor().get());
        // "Book.author was not loaded; there is no lazy loading: load it with query(...).with(Book_.author)
        //  or session.load(models, Book_.author)"

        session.load(List.of(plain), Book_.author);     // for models already in hand: one query for them all
        String name = plain.getAuthor().get().getName();
        // end::relations-not-loaded[]
        assertThat(authorId).isEqualTo(herbert.getId());
        assertThat(loaded).isFalse();
        assertThat(e).hasMessageThat().isEqualTo("Book.author was not loaded; there is no lazy loading: load it with"
                + " query(...).with(Book_.author) or session.load(models, Book_.author)");
        assertThat(name).isEqualTo("Frank Herbert");
    }

    @Test
    void nestedThroughTheConstraint() {
        // tag::relations-nested[]
        List<Author> authors = session.query(Author.class)
                .with(Author_.books, books -> books.orderBy(Book_.title.asc()).with(Book_.tags))
                .orderBy(Author_.name.asc())
                .list();                                 // three statements: authors, books, tags
        // end::relations-nested[]
        Author frank = authors.get(0);
        assertThat(frank.getBooks().get().stream().map(Book::getTitle).toList())
                .containsExactly("Dune", "Dune Messiah").inOrder();
        assertThat(frank.getBooks().get().get(0).getTags().get().stream().map(Tag::getName).toList())
                .containsExactly("sf", "classic");
    }

    @Test
    void pathsFilterAndSort() {
        // tag::relations-paths[]
        List<Book> hers = session.query(Book.class)
                .where(Book_.author.get(Author_.name).eq("Ursula K. Le Guin"))   // a join, not a second query
                .list();
        List<Book> byAuthor = session.query(Book.class)
                .orderBy(Book_.author.get(Author_.name).desc(), Book_.title.asc())
                .list();
        // end::relations-paths[]
        assertThat(hers.stream().map(Book::getTitle).toList()).containsExactly("A Wizard of Earthsea");
        assertThat(byAuthor.stream().map(Book::getTitle).toList())
                .containsExactly("A Wizard of Earthsea", "Dune", "Dune Messiah").inOrder();
    }

    @Test
    void whereHasAndCounts() {
        // tag::relations-where-has[]
        List<Book> sciFi = session.query(Book.class)
                .whereHas(Book_.tags, tags -> tags.where(Tag_.name.eq("sf")))   // EXISTS through book_tags
                .list();
        List<Author> withoutBooks = session.query(Author.class)
                .whereDoesntHave(Author_.books)                                // NOT EXISTS
                .list();
        List<Author> counted = session.query(Author.class)
                .withCount(Author_.books)                                      // a COUNT subquery per row
                .orderBy(Author_.name.asc())
                .list();
        long herBooks = counted.get(1).getBooks().count();
        // end::relations-where-has[]
        assertThat(sciFi.stream().map(Book::getTitle).toList()).containsExactly("Dune", "Dune Messiah");
        assertThat(withoutBooks).isEmpty();
        assertThat(counted.get(0).getBooks().count()).isEqualTo(2);
        assertThat(herBooks).isEqualTo(1);
    }

    @Test
    void related() {
        // tag::relations-related[]
        Query<Book> his = session.related(herbert, Author_.books);   // a full query over his live books
        long count = his.count();
        List<Book> sequels = session.related(herbert, Author_.books).where(Book_.title.like("% Messiah")).list();
        // end::relations-related[]
        assertThat(count).isEqualTo(2);
        assertThat(sequels.stream().map(Book::getTitle).toList()).containsExactly("Dune Messiah");
    }

    @Test
    void attachAndDetach() {
        // tag::relations-attach[]
        int added = session.attach(earthsea, Book_.tags, classic, sf);     // inserts book_tags rows
        int again = session.attach(earthsea, Book_.tags, classic);         // 0: attached already
        int removed = session.detach(earthsea, Book_.tags, sf);            // soft-deletes that book_tags row
        // end::relations-attach[]
        assertThat(added).isEqualTo(2);
        assertThat(again).isEqualTo(0);
        assertThat(removed).isEqualTo(1);
        List<Book> books = session.query(Book.class).where(Book_.id.eq(earthsea.getId())).with(Book_.tags).list();
        assertThat(books.get(0).getTags().get().stream().map(Tag::getName).toList())
                .containsExactly("classic", "fantasy");
    }

    @Test
    void cascadeSoftDelete() {
        // tag::relations-cascade[]
        session.delete(messiah);                  // deleted on its own first
        session.delete(herbert);                  // stamps Herbert and his live books with one deleted_at
        long left = session.query(Book.class).count();   // 1: only Earthsea is on the shelves

        session.restore(herbert);                 // restores the books stamped with his deleted_at
        List<Book> back = session.related(herbert, Author_.books).list();   // Dune; Dune Messiah stays deleted
        // end::relations-cascade[]
        assertThat(left).isEqualTo(1);
        assertThat(back.stream().map(Book::getTitle).toList()).containsExactly("Dune");
        assertThat(session.query(Book.class).onlyTrashed().list().stream().map(Book::getTitle).toList())
                .containsExactly("Dune Messiah");
    }

    @Test
    void trashedTargetsPerRelation() {
        session.delete(leGuin);   // and, by cascade, Earthsea
        // tag::relations-trashed[]
        List<Book> all = session.query(Book.class)
                .withTrashed()                                     // every book, deleted or not ...
                .with(Book_.author)                                // ... but only live authors are loaded
                .orderBy(Book_.title.asc())
                .list();
        boolean hers = all.get(0).getAuthor().find().isPresent();   // false: her author is soft-deleted
        List<Book> named = session.query(Book.class)
                .withTrashed()
                .with(Book_.author, authors -> authors.withTrashed())   // the relation's own trashed mode
                .orderBy(Book_.title.asc())
                .list();
        // end::relations-trashed[]
        assertThat(all.get(0).getTitle()).isEqualTo("A Wizard of Earthsea");
        assertThat(hers).isFalse();
        assertThat(named.get(0).getAuthor().get().getName()).isEqualTo("Ursula K. Le Guin");
    }
}
