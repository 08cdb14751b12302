package dev.limber.benchmarks;

import java.util.List;

/**
 * One way of talking to the database, written the way its documentation teaches. Each method is
 * one workload; the benchmarks call nothing else in the timed region. {@code B} is the
 * contender's book class (table {@code book}), {@code S} its soft-deleted book class (table
 * {@code soft_book}).
 *
 * <p>Reads run without an explicit transaction where the library allows it; every write is one
 * transaction, committed.
 */
public interface Contender<B, S> extends AutoCloseable {

    /** W0: {@code SELECT 1}, the floor: pool, driver and round trip, no mapping. */
    int selectOne();

    /** W1: the book with primary key {@code id}. */
    B find(long id);

    /** W2: books with more than {@code minPages} pages, by id, at most {@code limit}. */
    List<B> query(int minPages, int limit);

    /** A new, unsaved book object holding {@code row} (id included when not null). */
    B newBook(BookRow row);

    /** W3: inserts {@code book} and returns its generated id. */
    long insert(B book);

    /** W4: inserts all {@code books} in one transaction, as one batch. */
    void insertAll(List<B> books);

    /** W5: writes every column of {@code book} to the row with its id. */
    void update(B book);

    /** A soft-delete-table book object holding {@code row}. */
    S newSoftBook(BookRow row);

    /** W6: soft-deletes {@code book}: stamps {@code deleted_at} on its row if not already deleted. */
    void softDelete(S book);

    /** W7: live (not soft-deleted) books with more than {@code minPages} pages, by id, at most {@code limit}. */
    List<S> queryLive(int minPages, int limit);

    /** The column values of {@code book}, for comparison with hand-written JDBC. */
    BookRow row(B book);

    /** The column values of {@code book} (a live row: deleted_at is null). */
    BookRow softRow(S book);

    @Override
    void close();
}
