package dev.limber.benchmarks;

import java.util.List;

/**
 * One way of reading reports (W10, W11), written the way its library teaches it. {@code S} is the
 * contender's soft-deleted book class (table {@code soft_book}), {@code P} its page of them. Only
 * live rows are read; reads run without an explicit transaction where the library allows it.
 */
public interface ReportContender<S, P> extends AutoCloseable {

    /**
     * W10: the live books of {@code authored_book} with more than {@code minPages} pages, grouped
     * by {@code author_id} (books without an author form one group), ordered by it: per group
     * {@code COUNT(*)} and {@code MAX(pages)}, each group mapped into an {@link AuthorStats}.
     */
    List<AuthorStats> booksPerAuthor(int minPages);

    /**
     * W11: page {@code number} (from 0) of {@code size} live books of {@code soft_book} with more
     * than {@code minPages} pages, by id, and the total they number: one {@code COUNT(*)} and one
     * page query.
     */
    P page(int minPages, int number, int size);

    /** The page's books' column values and its total, for comparison with hand-written JDBC. */
    PageRows rows(P page);

    @Override
    void close();
}
