package dev.limber.database;

import java.util.List;

/**
 * One page of a query's rows, from {@link Query#page(int, int)}: the rows of page {@code number}
 * (counting from 0) of {@code size} rows each, and the {@code total} number of rows the query
 * matches, counted by one {@code COUNT(*)} with the same conditions and trashed mode.
 *
 * @param content the rows of this page: {@code size} of them, fewer on the last page, none past it
 * @param total   the rows the query matches, on every page
 * @param number  this page's number, from 0
 * @param size    the most rows a page holds
 */
public record Page<T>(List<T> content, long total, int number, int size) {
    public Page {
        content = List.copyOf(content);
    }

    /** The number of pages holding rows: {@code ceil(total / size)}, 0 when nothing matches. */
    public int totalPages() {
        return (int) ((total + size - 1) / size);
    }

    /** Whether a page follows this one. */
    public boolean hasNext() {
        return (long) (number + 1) * size < total;
    }
}
