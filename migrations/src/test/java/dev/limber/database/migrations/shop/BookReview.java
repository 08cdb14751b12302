package dev.limber.database.migrations.shop;

import dev.limber.database.Ref;
import dev.limber.database.models.BelongsTo;
import dev.limber.database.models.Column;
import dev.limber.database.models.Model;
import dev.limber.database.models.OnDelete;

/**
 * A review: three foreign keys, one per ON DELETE action (one of them a self reference), so that the
 * keys and indexes the processor writes are read back from the live schema and compared. Its table
 * name sorts before books, so the registry lists it before a table it references.
 */
@Model(table = "book_reviews")
public class BookReview {
    @Column(primaryKey = true) Long id;
    @BelongsTo(nullable = false, onDelete = OnDelete.CASCADE) Ref<Book> book;
    @BelongsTo(onDelete = OnDelete.SET_NULL) Ref<Author> reviewer;
    @BelongsTo Ref<BookReview> replyTo;
    @Column(length = 2000) String text;

    public static BookReview of(Book book, Author reviewer, String text) {
        BookReview review = new BookReview();
        review.book = Ref.to(book);
        review.reviewer = Ref.to(reviewer);
        review.replyTo = Ref.ofId(null);
        review.text = text;
        return review;
    }

    public Long id() {
        return id;
    }

    public Ref<Author> reviewer() {
        return reviewer;
    }
}
