package dev.limber.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Checks, before anything is timed, that a report contender gives the same answers as
 * hand-written JDBC, and that JDBC gives the seed back: W10's groups (author, count, max pages) in
 * order, W11's page (every column of its books) and total.
 */
public final class ReportVerifier {
    /** W10 and W11 ask for more than MIN_PAGES + k pages, k in 0 .. VARIANTS - 1. */
    static final int MIN_PAGES = 100;
    static final int VARIANTS = 10;
    static final int PAGE = 50;
    static final int PAGE_SIZE = 20;

    private ReportVerifier() {
    }

    /** Throws {@link IllegalStateException} describing the first difference. */
    public static void verify(String name, ReportContender<Object, Object> contender, Database database) {
        try (ReportContender<Object, Object> reference = ReportContenders.open(ReportContenders.JDBC, database)) {
            for (int minPages : new int[] {MIN_PAGES, MIN_PAGES + VARIANTS - 1}) {
                String what = "W10 books per author, pages > " + minPages;
                List<AuthorStats> expected = reference.booksPerAuthor(minPages);
                // ORDER BY author_id puts the group of books without an author first on H2 and last on
                // PostgreSQL; every contender meets the same database, the seed is compared nulls first.
                List<AuthorStats> nullsFirst = new ArrayList<>(expected);
                nullsFirst.sort(Comparator.comparing(AuthorStats::authorId,
                        Comparator.nullsFirst(Comparator.naturalOrder())));
                check(ReportContenders.JDBC, what, seedStats(minPages), nullsFirst);
                check(name, what, expected, contender.booksPerAuthor(minPages));
                for (int number : new int[] {0, PAGE, 10_000}) {
                    String page = "W11 page " + number + " of " + PAGE_SIZE + ", pages > " + minPages;
                    PageRows rows = reference.rows(reference.page(minPages, number, PAGE_SIZE));
                    check(ReportContenders.JDBC, page, List.of(seedPage(minPages, number, PAGE_SIZE)), List.of(rows));
                    check(name, page, List.of(rows), List.of(contender.rows(contender.page(minPages, number,
                            PAGE_SIZE))));
                }
            }
        }
    }

    private static List<AuthorStats> seedStats(int minPages) {
        TreeMap<Long, long[]> groups = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        for (int i = 1; i <= BookRow.SEED_ROWS; i++) {
            BookRow book = BookRow.seed(i, true);
            if (book.deletedAt() == null && book.pages() > minPages) {
                long[] group = groups.computeIfAbsent(AuthorRow.seedAuthorOf(i), k -> new long[2]);
                group[0]++;
                group[1] = Math.max(group[1], book.pages());
            }
        }
        List<AuthorStats> stats = new ArrayList<>();
        groups.forEach((author, group) -> stats.add(new AuthorStats(author, group[0], (int) group[1])));
        return stats;
    }

    private static PageRows seedPage(int minPages, int number, int size) {
        List<BookRow> rows = new ArrayList<>();
        long total = 0;
        for (int i = 1; i <= BookRow.SEED_ROWS; i++) {
            BookRow book = BookRow.seed(i, true);
            if (book.deletedAt() == null && book.pages() > minPages) {
                if (total >= (long) number * size && rows.size() < size) {
                    rows.add(book);
                }
                total++;
            }
        }
        return new PageRows(rows, total);
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
