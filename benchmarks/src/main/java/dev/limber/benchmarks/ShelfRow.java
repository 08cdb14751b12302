package dev.limber.benchmarks;

import java.util.List;

/** W9's answer for one author: the author and its live books, by id. */
public record ShelfRow(AuthorRow author, List<BookRow> books) {
    public ShelfRow {
        books = List.copyOf(books);
    }
}
