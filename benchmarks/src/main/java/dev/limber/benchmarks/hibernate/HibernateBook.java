package dev.limber.benchmarks.hibernate;

import dev.limber.benchmarks.BookRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * Table {@code book}. Ids come from a pooled sequence (50 per round trip) rather than the identity
 * column: with identity ids Hibernate cannot batch inserts, and batching is how it is tuned.
 */
@Entity
@Table(name = "book")
public class HibernateBook extends BookColumns {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "book_seq")
    @SequenceGenerator(name = "book_seq", sequenceName = "book_seq", allocationSize = 50)
    private Long id;

    @Column(name = "deleted_at")
    private LocalDateTime deletedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public LocalDateTime getDeletedAt() { return deletedAt; }
    public void setDeletedAt(LocalDateTime deletedAt) { this.deletedAt = deletedAt; }

    static HibernateBook of(BookRow row) {
        HibernateBook book = new HibernateBook();
        book.id = row.id();
        book.setTitle(row.title());
        book.setIsbn(row.isbn());
        book.setPrice(row.price());
        book.setPublished(row.published());
        book.setPages(row.pages());
        book.setInPrint(row.inPrint());
        book.setCreatedAt(row.createdAt());
        book.deletedAt = row.deletedAt();
        return book;
    }

    BookRow toRow() {
        return new BookRow(id, getTitle(), getIsbn(), getPrice(), getPublished(), getPages(), isInPrint(),
                getCreatedAt(), deletedAt);
    }
}
