package dev.limber.samples.bookstore;

import dev.limber.database.NotFoundException;
import dev.limber.database.Query;
import dev.limber.database.Session;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The bookstore's operations, each inside one session that the caller commits. */
final class Catalog {

    /** Which books {@link #list} shows. */
    enum Shelf { LIVE, WITH_TRASHED, ONLY_TRASHED }

    /** A book with its author's name, for printing. */
    record Entry(Book book, String author) {}

    private final Session session;

    Catalog(Session session) {
        this.session = session;
    }

    /** Adds a book, creating its author on first use. */
    // tag::add-book[]
    Book add(String title, String authorName, String isbn) {
        Author author = session.query(Author.class)
                .where(Author_.name.eq(authorName))
                .first()
                .orElseGet(() -> session.insert(new Author(authorName)));
        return session.insert(new Book(title, author, isbn));
    }
    // end::add-book[]

    /** The books on the chosen shelf, by title. */
    // tag::list-books[]
    List<Entry> list(Shelf shelf) {
        Query<Book> query = session.query(Book.class).orderBy(Book_.title.asc(), Book_.id.asc());
        if (shelf == Shelf.WITH_TRASHED) {
            query = query.withTrashed();      // live and soft-deleted books
        } else if (shelf == Shelf.ONLY_TRASHED) {
            query = query.onlyTrashed();      // soft-deleted books only
        }
        List<Book> books = query.list();
        // end::list-books[]
        Map<Long, String> names = new HashMap<>();
        List<Long> authorIds = books.stream().map(Book::getAuthorId).distinct().toList();
        for (Author author : session.query(Author.class).where(Author_.id.in(authorIds)).list()) {
            names.put(author.getId(), author.getName());
        }
        return books.stream().map(book -> new Entry(book, names.get(book.getAuthorId()))).toList();
    }

    /** Soft-deletes a book on the shelves: it disappears from {@link #list} until restored. */
    // tag::delete-book[]
    Book delete(long id) {
        Book book = session.find(Book.class, id)   // empty if absent or already deleted
                .orElseThrow(() -> new NotFoundException("No book on the shelves has id " + id
                        + " (list --only-trashed shows the deleted ones)"));
        session.delete(book);                      // UPDATE books SET deleted_at = now
        return book;
    }
    // end::delete-book[]

    /** Puts a soft-deleted book back on the shelves. */
    // tag::restore-book[]
    Book restore(long id) {
        Book book = session.query(Book.class)
                .onlyTrashed()
                .where(Book_.id.eq(id))
                .first()
                .orElseThrow(() -> new NotFoundException("No deleted book has id " + id));
        session.restore(book);                     // deleted_at back to NULL
        return book;
    }
    // end::restore-book[]

    /** Removes a book for good, deleted or not. */
    // tag::purge-book[]
    Book purge(long id) {
        Book book = session.query(Book.class)
                .withTrashed()
                .where(Book_.id.eq(id))
                .first()
                .orElseThrow(() -> new NotFoundException("No book has id " + id));
        session.forceDelete(book);                 // DELETE FROM books WHERE id = ?
        return book;
    }
    // end::purge-book[]

    /** Removes every book and author, deleted or not; the demo starts from an empty store. */
    void clear() {
        session.query(Book.class).withTrashed().forceDelete();
        session.query(Author.class).forceDelete();
    }

    /** The author's name of {@code book}. */
    String authorOf(Book book) {
        return session.get(Author.class, book.getAuthorId()).getName();
    }
}
