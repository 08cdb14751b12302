package dev.limber.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks, before anything is timed, that a relation contender gives the same answers as
 * hand-written JDBC with a JOIN, and that the JOIN gives the seed back: books with the right author
 * or none (no author, or a soft-deleted one), authors with exactly their live books in id order.
 */
public final class RelationVerifier {
    /** W8 asks for more than MIN_PAGES + k pages, W9 for the authors after AFTER_ID_STEP * k, k in 0 .. VARIANTS - 1. */
    static final int MIN_PAGES = 100;
    static final int AFTER_ID_STEP = 90;
    static final int VARIANTS = 10;

    private RelationVerifier() {
    }

    /** Throws {@link IllegalStateException} describing the first difference. */
    public static void verify(String name, RelationContender<Object, Object> contender, Database database) {
        try (RelationContender<Object, Object> reference =
                RelationContenders.open(RelationContenders.JDBC_JOIN, database)) {
            for (int minPages : new int[] {MIN_PAGES, MIN_PAGES + VARIANTS - 1}) {
                for (int limit : new int[] {7, Relations.BOOKS}) {
                    String what = "W8 books with author, pages > " + minPages + " limit " + limit;
                    List<AuthoredBookRow> expected = books(reference, reference.booksWithAuthor(minPages, limit));
                    check(RelationContenders.JDBC_JOIN, what, seedBooks(minPages, limit), expected);
                    check(name, what, expected, books(contender, contender.booksWithAuthor(minPages, limit)));
                }
            }
            for (long afterId : new long[] {0, (long) AFTER_ID_STEP * (VARIANTS - 1)}) {
                for (int limit : new int[] {3, Relations.AUTHORS}) {
                    String what = "W9 authors with books, id > " + afterId + " limit " + limit;
                    List<ShelfRow> expected = shelves(reference, reference.authorsWithBooks(afterId, limit));
                    check(RelationContenders.JDBC_JOIN, what, seedShelves(afterId, limit), expected);
                    check(name, what, expected, shelves(contender, contender.authorsWithBooks(afterId, limit)));
                }
            }
        }
    }

    private static List<AuthoredBookRow> seedBooks(int minPages, int limit) {
        List<AuthoredBookRow> rows = new ArrayList<>();
        for (int i = 1; rows.size() < limit; i++) {
            BookRow book = BookRow.seed(i, true);
            if (book.pages() > minPages && book.deletedAt() == null) {
                Long author = AuthorRow.seedAuthorOf(i);
                boolean live = author != null && AuthorRow.seedDeletedAt(author.intValue()) == null;
                rows.add(new AuthoredBookRow(book, live ? AuthorRow.seed(author.intValue()) : null));
            }
        }
        return rows;
    }

    private static List<ShelfRow> seedShelves(long afterId, int limit) {
        List<ShelfRow> shelves = new ArrayList<>();
        for (int a = (int) afterId + 1; shelves.size() < limit && a <= AuthorRow.SEED_AUTHORS; a++) {
            if (AuthorRow.seedDeletedAt(a) != null) {
                continue;
            }
            List<BookRow> books = new ArrayList<>();
            for (int i = 1; i <= BookRow.SEED_ROWS; i++) {
                Long author = AuthorRow.seedAuthorOf(i);
                if (author != null && author == a) {
                    BookRow book = BookRow.seed(i, true);
                    if (book.deletedAt() == null) {
                        books.add(book);
                    }
                }
            }
            shelves.add(new ShelfRow(AuthorRow.seed(a), books));
        }
        return shelves;
    }

    private static List<AuthoredBookRow> books(RelationContender<Object, Object> contender, List<Object> books) {
        List<AuthoredBookRow> rows = new ArrayList<>(books.size());
        for (Object book : books) {
            rows.add(contender.row(book));
        }
        return rows;
    }

    private static List<ShelfRow> shelves(RelationContender<Object, Object> contender, List<Object> authors) {
        List<ShelfRow> rows = new ArrayList<>(authors.size());
        for (Object author : authors) {
            rows.add(contender.shelf(author));
        }
        return rows;
    }

    /** Names the first differing element rather than printing a thousand rows. */
    private static void check(String name, String what, List<?> expected, List<?> actual) {
        if (Objects.equals(expected, actual)) {
            return;
        }
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!Objects.equals(expected.get(i), actual.get(i))) {
                throw new IllegalStateException(name + " gives a different answer on " + what + " at element " + i
                        + "\n  expected: " + expected.get(i) + "\n  actual:   " + actual.get(i));
            }
        }
        throw new IllegalStateException(name + " gives a different answer on " + what + ": " + actual.size()
                + " elements where " + expected.size() + " were expected");
    }
}
