package dev.limber.benchmarks.limber;

import dev.limber.benchmarks.BookRow;
import dev.limber.database.models.Column;
import dev.limber.database.models.Model;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Table {@code soft_book}: a Limber soft-delete model, so every read carries {@code deleted_at IS NULL}. */
@Model(table = "soft_book", softDelete = true)
public class LimberSoftBook {
    @Column(primaryKey = true) Long id;
    @Column(nullable = false, length = 200) String title;
    @Column(nullable = false, unique = true, length = 40) String isbn;
    @Column(nullable = false, precision = 10, scale = 2) BigDecimal price;
    @Column(nullable = false) LocalDate published;
    @Column int pages;
    @Column boolean inPrint;
    @Column(nullable = false) LocalDateTime createdAt;
    @Column LocalDateTime deletedAt;

    public LimberSoftBook() {
    }

    static LimberSoftBook of(BookRow row) {
        LimberSoftBook book = new LimberSoftBook();
        book.id = row.id();
        book.title = row.title();
        book.isbn = row.isbn();
        book.price = row.price();
        book.published = row.published();
        book.pages = row.pages();
        book.inPrint = row.inPrint();
        book.createdAt = row.createdAt();
        book.deletedAt = row.deletedAt();
        return book;
    }

    BookRow toRow() {
        return new BookRow(id, title, isbn, price, published, pages, inPrint, createdAt, deletedAt);
    }
}
