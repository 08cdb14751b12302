package dev.limber.samples.docs;

import dev.limber.database.Ref;
import dev.limber.database.models.BelongsTo;
import dev.limber.database.models.Column;
import dev.limber.database.models.Model;
import dev.limber.samples.bookstore.Book;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A sale of a bookstore book: the numbers docs/queries.md aggregates. */
// tag::sale-model[]
@Model(table = "sales", softDelete = true)
public class Sale {
    @Column(primaryKey = true) Long id;
    @BelongsTo(nullable = false) Ref<Book> book;
    @Column int copies;
    @Column(precision = 10, scale = 2) BigDecimal amount;
    @Column LocalDate soldOn;
    @Column Instant deletedAt;

    Sale() {}

    Sale(Book book, int copies, String amount, LocalDate soldOn) {
        this.book = Ref.to(book);
        this.copies = copies;
        this.amount = new BigDecimal(amount);
        this.soldOn = soldOn;
    }
}
// end::sale-model[]
