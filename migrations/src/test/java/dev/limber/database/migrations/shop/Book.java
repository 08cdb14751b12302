package dev.limber.database.migrations.shop;

import dev.limber.database.models.Column;
import dev.limber.database.models.Model;
import dev.limber.database.models.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A soft-deleted book with a column of every kind the processor maps, so that the DDL it writes
 * for each is read back from the live schema and compared.
 */
@Model(table = "books", softDelete = true)
public class Book {
    /** Stored by name. */
    public enum Format { HARDCOVER, PAPERBACK, EBOOK }

    @Column(primaryKey = true) Long id;
    @Column(nullable = false, length = 200) String title;
    @Column(unique = true, length = 40) String slug;
    @Column long authorId;
    @Column(precision = 10, scale = 2) BigDecimal price;
    @Column boolean inPrint;
    @Column Boolean signed;
    @Column int pages;
    @Column short edition;
    @Column byte shelf;
    @Column double rating;
    @Column float weight;
    @Column byte[] cover;
    @Column UUID publicId;
    @Column(length = 20) Format format;
    @Column LocalTime opensAt;
    @Column LocalDateTime printedAt;
    @Column OffsetDateTime updatedAt;
    @Column Instant deletedAt;
    @Version @Column long version;
    @Column(length = 5000) String blurb;

    public static Book titled(String title, String slug) {
        Book book = new Book();
        book.title = title;
        book.slug = slug;
        return book;
    }

    public Long id() {
        return id;
    }

    public String title() {
        return title;
    }
}
