package dev.limber.benchmarks.hibernate;

import dev.limber.benchmarks.BookRow;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;

/**
 * Table {@code soft_book}, with Hibernate's own soft delete (7.0+): {@code deleted_at} stamped on
 * delete and filtered out of every query, Hibernate's counterpart of Limber's. Hibernate owns that
 * column, so the entity has no field for it.
 */
@Entity
@Table(name = "soft_book")
@SoftDelete(strategy = SoftDeleteType.TIMESTAMP, columnName = "deleted_at")
public class HibernateSoftBook extends BookColumns {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "soft_book_seq")
    @SequenceGenerator(name = "soft_book_seq", sequenceName = "soft_book_seq", allocationSize = 50)
    private Long id;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }

    static HibernateSoftBook of(BookRow row) {
        HibernateSoftBook book = new HibernateSoftBook();
        book.id = row.id();
        book.setTitle(row.title());
        book.setIsbn(row.isbn());
        book.setPrice(row.price());
        book.setPublished(row.published());
        book.setPages(row.pages());
        book.setInPrint(row.inPrint());
        book.setCreatedAt(row.createdAt());
        return book;
    }

    BookRow toRow() {
        return new BookRow(id, getTitle(), getIsbn(), getPrice(), getPublished(), getPages(), isInPrint(),
                getCreatedAt(), null);
    }
}
