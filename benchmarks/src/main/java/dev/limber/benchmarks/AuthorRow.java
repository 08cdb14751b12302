package dev.limber.benchmarks;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One author as every contender's answer is compared: its id and name (a live author; a
 * soft-deleted one reads as absent). Also the seed of table {@code author} and of the foreign key
 * of table {@code authored_book}, deterministic like {@link BookRow#seed}.
 */
public record AuthorRow(long id, String name) {
    /** Rows in table {@code author}. */
    public static final int SEED_AUTHORS = 1_000;

    public AuthorRow {
        Objects.requireNonNull(name, "name");
    }

    /** The {@code i}-th seeded author (from 1). */
    public static AuthorRow seed(int i) {
        return new AuthorRow(i, "Author " + i);
    }

    /** Every fiftieth author is soft-deleted: 20 of 1,000. */
    public static LocalDateTime seedDeletedAt(int i) {
        return i % 50 == 0 ? LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(i) : null;
    }

    /**
     * The author of seeded book {@code book} (from 1), or null for every 101st book. {@code book * 37
     * mod 10,000} walks all of 0 .. 9,999 once, so each author is named by ten books spread over
     * the table (fewer where one of them has no author); and since {@code 37 * book} and
     * {@code book} are divisible by 10 together, exactly one of those ten is a tenth book, which
     * the table soft-deletes.
     */
    public static Long seedAuthorOf(int book) {
        if (book % 101 == 0) {
            return null;
        }
        return (long) ((book * 37) % BookRow.SEED_ROWS / 10 + 1);
    }
}
