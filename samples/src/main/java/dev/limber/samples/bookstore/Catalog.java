package dev.limber.samples.bookstore;

import dev.limber.database.NotFoundException;
import dev.limber.database.Query;
import dev.limber.database.Session;
import java.util.List;

/** The bookstore's operations, each inside one session that the caller commits. */
final class Catalog {

    /** Which books {@link #list} shows. */
    enum Shelf { LIVE, WITH_TRASHED, ONLY_TRASHED }

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

    /** The books on the chosen shelf, by title, with their authors and tags; only those tagged {@code tag} if set. */
    // tag::list-books[]
    List<Book> list(Shelf shelf, String tag) {
        Query<Book> query = session.query(Book.class)
                .with(Book_.author, authors -> authors.withTrashed())   // one more query for all the authors
                .with(Book_.tags)                                       // and one for all the tags
                .orderBy(Book_.title.asc(), Book_.id.asc());
        if (shelf == Shelf.WITH_TRASHED) {
            query = query.withTrashed();      // live and soft-deleted books
        } else if (shelf == Shelf.ONLY_TRASHED) {
            query = query.onlyTrashed();      // soft-deleted books only
        }
        if (tag != null) {
            query = query.whereHas(Book_.tags, tags -> tags.where(Tag_.name.eq(tag)));
        }
        return query.list();
    }
    // end::list-books[]

    /** Every author on the shelves, by name, with the number of their books on the shelves. */
    // tag::list-authors[]
    List<Author> authors() {
        return session.query(Author.class)
                .withCount(Author_.books)             // author.getBooks().count(): live books only
                .orderBy(Author_.name.asc())
                .list();
    }
    // end::list-authors[]

    /** The books on the shelves by the author named {@code name}, by title. */
    // tag::books-by-author[]
    List<Book> byAuthor(String name) {
        BookRepository books = session.repository(BookRepository.class);   // bound to this session
        return books.findByAuthorNameOrderByTitle(name);
    }
    // end::books-by-author[]

    /** Soft-deletes an author and, through Cascade.DELETE, their books on the shelves. */
    // tag::delete-author[]
    Author deleteAuthor(long id) {
        Author author = session.find(Author.class, id)
                .orElseThrow(() -> new NotFoundException("No author has id " + id + " (authors lists them)"));
        session.delete(author);       // stamps the author and their live books with one deleted_at
        return author;
    }
    // end::delete-author[]

    /** Brings an author back, with exactly the books their deletion took away. */
    // tag::restore-author[]
    Author restoreAuthor(long id) {
        Author author = session.query(Author.class)
                .onlyTrashed()
                .where(Author_.id.eq(id))
                .first()
                .orElseThrow(() -> new NotFoundException("No deleted author has id " + id));
        session.restore(author);      // books deleted on their own before stay deleted
        return author;
    }
    // end::restore-author[]

    /** Puts tag {@code name} on a book, creating the tag on first use; false if the book had it already. */
    // tag::tag-book[]
    boolean tag(long bookId, String name) {
        Book book = session.get(Book.class, bookId);
        Tag tag = session.query(Tag.class)
                .where(Tag_.name.eq(name))
                .first()
                .orElseGet(() -> session.insert(new Tag(name)));
        return session.attach(book, Book_.tags, tag) == 1;   // a book_tags row, unless there is one already
    }
    // end::tag-book[]

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

    /** Removes every book, tag and author, deleted or not; the demo starts from an empty store. */
    void clear() {
        session.query(Book.class).withTrashed().forceDelete();     // their book_tags rows go with them
        session.query(Tag.class).forceDelete();
        session.query(Author.class).withTrashed().forceDelete();
    }
}
