package dev.limber.benchmarks.limber;

import dev.limber.benchmarks.AuthoredBookRow;
import dev.limber.benchmarks.BookRow;
import dev.limber.database.Ref;
import dev.limber.database.models.BelongsTo;
import dev.limber.database.models.Column;
import dev.limber.database.models.Model;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Table {@code authored_book}: {@link LimberSoftBook}'s columns and a {@code @BelongsTo} author (column {@code author_id}). */
@Model(table = "authored_book", softDelete = true)
public class LimberAuthoredBook {
    @Column(primaryKey = true) Long id;
    @Column(nullable = false, length = 200) String title;
    @Column(nullable = false, unique = true, length = 40) String isbn;
    @Column(nullable = false, precision = 10, scale = 2) BigDecimal price;
    @Column(nullable = false) LocalDate published;
    @Column int pages;
    @Column boolean inPrint;
    @Column(nullable = false) LocalDateTime createdAt;
    @Column LocalDateTime deletedAt;
    @BelongsTo Ref<LimberAuthor> author;

    public LimberAuthoredBook() {
    }

    BookRow toBookRow() {
        return new BookRow(id, title, isbn, price, published, pages, inPrint, createdAt, deletedAt);
    }

    AuthoredBookRow toRow() {
        return new AuthoredBookRow(toBookRow(), author.find().map(LimberAuthor::toRow).orElse(null));
    }
}
