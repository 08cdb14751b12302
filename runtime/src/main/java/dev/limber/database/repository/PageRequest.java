package dev.limber.database.repository;

/**
 * Which page a repository method returning {@link dev.limber.database.Page} reads: page
 * {@code number} (counting from 0) of {@code size} rows.
 *
 * <pre>{@code
 * Page<Book> second = books.findByPagesGreaterThan(300, PageRequest.of(1, 20));
 * }</pre>
 *
 * @param number the page, from 0
 * @param size   the most rows a page holds, at least 1
 */
public record PageRequest(int number, int size) {
    public PageRequest {
        if (number < 0) {
            throw new IllegalArgumentException("page number cannot be negative (pages count from 0): " + number);
        }
        if (size < 1) {
            throw new IllegalArgumentException("page size cannot be less than 1: " + size);
        }
    }

    /** Page {@code number} (from 0) of {@code size} rows. */
    public static PageRequest of(int number, int size) {
        return new PageRequest(number, size);
    }

    /** The page after this one, of the same size. */
    public PageRequest next() {
        return new PageRequest(number + 1, size);
    }
}
