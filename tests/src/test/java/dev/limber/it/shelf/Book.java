package dev.limber.it.shelf;

import dev.limber.database.Ref;
import dev.limber.database.models.BelongsTo;
import dev.limber.database.models.Column;
import dev.limber.database.models.Model;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A soft-deleted book with a number of each kind to aggregate: whole, decimal, floating, a date. */
@Model(table = "shelf_books", softDelete = true)
public class Book {
    @Column(primaryKey = true) public Long id;
    @Column(nullable = false) public String title;
    @Column public int pages;
    @Column(precision = 10, scale = 2) public BigDecimal price;
    @Column public double rating;
    @Column public LocalDate published;
    @BelongsTo(nullable = false) public Ref<Author> author;
    @Column public Instant deletedAt;

    public Book() {
    }

    public Book(String title, Author author, int pages, String price, double rating, LocalDate published) {
        this.title = title;
        this.author = Ref.to(author);
        this.pages = pages;
        this.price = price == null ? null : new BigDecimal(price);
        this.rating = rating;
        this.published = published;
    }
}
