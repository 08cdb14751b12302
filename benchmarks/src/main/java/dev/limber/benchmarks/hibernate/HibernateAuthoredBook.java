package dev.limber.benchmarks.hibernate;

import dev.limber.benchmarks.AuthoredBookRow;
import dev.limber.benchmarks.BookRow;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;

/**
 * Table {@code authored_book}, with Hibernate's own soft delete, and its author as a
 * {@code @ManyToOne}. Eager, JPA's default for a to-one: Hibernate's guide would make it lazy, but
 * Hibernate refuses a lazy to-one to an entity with {@code @SoftDelete} ("cannot be mapped as
 * LAZY"), since a proxy could not tell a deleted target from a live one.
 */
@Entity
@Table(name = "authored_book")
@SoftDelete(strategy = SoftDeleteType.TIMESTAMP, columnName = "deleted_at")
public class HibernateAuthoredBook extends BookColumns {
    @Id
    private Long id;

    @ManyToOne
    @JoinColumn(name = "author_id")
    private HibernateAuthor author;

    public Long getId() { return id; }
    public HibernateAuthor getAuthor() { return author; }

    BookRow toBookRow() {
        return new BookRow(id, getTitle(), getIsbn(), getPrice(), getPublished(), getPages(), isInPrint(),
                getCreatedAt(), null);
    }

    AuthoredBookRow toRow() {
        return new AuthoredBookRow(toBookRow(), author == null ? null : author.toRow());
    }
}
