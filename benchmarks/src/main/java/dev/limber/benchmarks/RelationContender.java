package dev.limber.benchmarks;

import java.util.List;

/**
 * One way of loading related rows (W8, W9), written the way its library teaches it. {@code W} is
 * the contender's book class (table {@code authored_book}), {@code A} its author class (table
 * {@code author}). Both tables soft-delete: only live rows are read, and a live book whose author
 * is soft-deleted keeps its place with no author. Reads run without an explicit transaction where
 * the library allows it.
 */
public interface RelationContender<W, A> extends AutoCloseable {

    /**
     * W8 (to-one): live books with more than {@code minPages} pages, by id, at most {@code limit},
     * each with its live author loaded (none when the book has no author or it is soft-deleted).
     */
    List<W> booksWithAuthor(int minPages, int limit);

    /**
     * W9 (to-many): live authors with an id above {@code afterId}, by id, at most {@code limit},
     * each with all its live books loaded, by id.
     */
    List<A> authorsWithBooks(long afterId, int limit);

    /** The book's column values and its author, for comparison with hand-written JDBC. */
    AuthoredBookRow row(W book);

    /** The author and its books' column values, for comparison with hand-written JDBC. */
    ShelfRow shelf(A author);

    @Override
    void close();
}
