package dev.limber.database.relations;

import dev.limber.database.Engine;
import dev.limber.database.Ref;
import dev.limber.database.Session;
import dev.limber.database.StatementLog;
import dev.limber.database.fixtures.relations.Author;
import dev.limber.database.fixtures.relations.Author_;
import dev.limber.database.fixtures.relations.Biography;
import dev.limber.database.fixtures.relations.Biography_;
import dev.limber.database.fixtures.relations.Book;
import dev.limber.database.fixtures.relations.BookTag;
import dev.limber.database.fixtures.relations.BookTag_;
import dev.limber.database.fixtures.relations.Book_;
import dev.limber.database.fixtures.relations.RelationsRegistry;
import dev.limber.database.fixtures.relations.Tag;
import dev.limber.database.fixtures.relations.Tag_;
import dev.limber.database.testing.TestDatabase;
import java.time.Instant;

/**
 * A small library with a soft-deleted row on every path, committed:
 * <ul>
 * <li>Ursula (live, live biography): The Dispossessed [sf, classic], The Lathe of Heaven [classic
 *     through a junction row deleted on its own];
 * <li>Frank (live, trashed biography): Dune [sf, draft (a trashed tag)], Lost Chapter (trashed) [sf];
 * <li>Lonely (live): only Forgotten (trashed) [classic];
 * <li>Ghost (trashed author): Haunted (live) [sf].
 * </ul>
 * Rows are trashed by a bulk update of {@code deleted_at}, so that no cascade touches their relatives.
 */
final class Shelf {
    static final Instant TRASHED_AT = Instant.parse("2024-01-01T00:00:00Z");

    final Engine engine;
    final StatementLog log = new StatementLog();
    Author ursula;
    Author frank;
    Author lonely;
    Author ghost;
    Book dispossessed;
    Book lathe;
    Book dune;
    Book lost;
    Book forgotten;
    Book haunted;
    Tag sf;
    Tag classic;
    Tag draft;
    Biography ursulaBio;
    Biography frankBio;

    Shelf(TestDatabase db) {
        engine = log.engine(db, new RelationsRegistry());
        RelationsRegistry.createTables(engine);
        try (Session s = engine.openSession()) {
            ursula = s.insert(new Author("Ursula"));
            frank = s.insert(new Author("Frank"));
            lonely = s.insert(new Author("Lonely"));
            ghost = s.insert(new Author("Ghost"));
            dispossessed = book(s, "The Dispossessed", ursula);
            lathe = book(s, "The Lathe of Heaven", ursula);
            dune = book(s, "Dune", frank);
            lost = book(s, "Lost Chapter", frank);
            forgotten = book(s, "Forgotten", lonely);
            haunted = book(s, "Haunted", ghost);
            sf = s.insert(new Tag("sf"));
            classic = s.insert(new Tag("classic"));
            draft = s.insert(new Tag("draft"));
            tag(s, dispossessed, sf);
            tag(s, dispossessed, classic);
            BookTag detached = tag(s, lathe, classic);
            tag(s, dune, sf);
            tag(s, dune, draft);
            tag(s, lost, sf);
            tag(s, haunted, sf);
            tag(s, forgotten, classic); // a live link to a trashed book
            ursulaBio = bio(s, ursula, "Born in Berkeley");
            frankBio = bio(s, frank, "Born in Tacoma");

            s.query(Author.class).where(Author_.id.eq(ghost.id)).update(Author_.deletedAt.set(TRASHED_AT));
            s.query(Book.class).where(Book_.id.in(lost.id, forgotten.id)).update(Book_.deletedAt.set(TRASHED_AT));
            s.query(Tag.class).where(Tag_.id.eq(draft.id)).update(Tag_.deletedAt.set(TRASHED_AT));
            s.query(BookTag.class).where(BookTag_.id.eq(detached.id)).update(BookTag_.deletedAt.set(TRASHED_AT));
            s.query(Biography.class).where(Biography_.id.eq(frankBio.id))
                    .update(Biography_.deletedAt.set(TRASHED_AT));
            s.commit();
        }
        log.clear();
    }

    static Book book(Session s, String title, Author author) {
        Book book = new Book(title);
        book.author = Ref.to(author);
        return s.insert(book);
    }

    static BookTag tag(Session s, Book book, Tag tag) {
        BookTag link = new BookTag();
        link.book = Ref.to(book);
        link.tag = Ref.to(tag);
        return s.insert(link);
    }

    static Biography bio(Session s, Author author, String text) {
        Biography bio = new Biography();
        bio.author = Ref.to(author);
        bio.text = text;
        return s.insert(bio);
    }

    Session open() {
        return engine.openSession();
    }
}
