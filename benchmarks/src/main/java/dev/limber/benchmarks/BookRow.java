package dev.limber.benchmarks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One book's column values, independent of any contender's classes: the seed data is built from
 * these, and every contender's mapped objects are turned back into these to be compared with
 * hand-written JDBC's before anything is timed.
 */
public record BookRow(
        Long id,
        String title,
        String isbn,
        BigDecimal price,
        LocalDate published,
        int pages,
        boolean inPrint,
        LocalDateTime createdAt,
        LocalDateTime deletedAt) {

    /** Rows in each seeded table. */
    public static final int SEED_ROWS = 10_000;

    public BookRow {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(isbn, "isbn");
        // NUMERIC(10,2): compare 9.5 and 9.50 as equal, whatever scale a driver hands back.
        price = price.setScale(2, RoundingMode.UNNECESSARY);
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * The {@code i}-th seeded row (from 1): deterministic, so every fork and every database holds
     * the same data. In the soft-delete table every tenth row is already deleted.
     */
    public static BookRow seed(int i, boolean softDeleteTable) {
        LocalDateTime created = LocalDateTime.of(2020, 1, 1, 0, 0)
                .plusSeconds(i * 7_919L)
                .plusNanos((i % 1_000) * 1_000_000L);
        return new BookRow(
                (long) i,
                "Title " + i + " of the benchmark set",
                isbn("978", i),
                BigDecimal.valueOf(500 + (i * 37L) % 9_500, 2),
                LocalDate.of(1950, 1, 1).plusDays((i * 13L) % 27_000),
                20 + (i * 7_919) % 980,
                i % 3 != 0,
                created,
                softDeleteTable && i % 10 == 0 ? created.plusDays(1) : null);
    }

    /** A row to insert: no id yet, a unique isbn built from {@code prefix} and {@code n}. */
    public static BookRow fresh(String prefix, long n) {
        BookRow seed = seed((int) (n % SEED_ROWS) + 1, false);
        return new BookRow(null, seed.title, isbn(prefix, n), seed.price, seed.published, seed.pages,
                seed.inPrint, seed.createdAt, null);
    }

    private static String isbn(String prefix, long n) {
        return prefix + "-" + n;
    }

    public BookRow withId(Long newId) {
        return new BookRow(newId, title, isbn, price, published, pages, inPrint, createdAt, deletedAt);
    }

    public BookRow withPrice(BigDecimal newPrice) {
        return new BookRow(id, title, isbn, newPrice, published, pages, inPrint, createdAt, deletedAt);
    }

    public BookRow withDeletedAt(LocalDateTime newDeletedAt) {
        return new BookRow(id, title, isbn, price, published, pages, inPrint, createdAt, newDeletedAt);
    }
}
