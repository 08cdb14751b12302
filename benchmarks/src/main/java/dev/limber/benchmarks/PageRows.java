package dev.limber.benchmarks;

import java.util.List;

/** W11's answer: the column values of one page's books, in order, and the total the query matches. */
public record PageRows(List<BookRow> rows, long total) {
    public PageRows {
        rows = List.copyOf(rows);
    }
}
