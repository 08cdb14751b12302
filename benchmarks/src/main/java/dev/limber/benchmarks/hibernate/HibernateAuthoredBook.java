package dev.limber.benchmarks.hibernate;

import dev.limber.benchmarks.AuthoredBookRow;
import dev.limber.benchmarks.BookRow;
import jakarta.persistence.Column;
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

    /**
     * The foreign key itself, read-only, for W10's GROUP BY: {@code b.author.id} joins the author
     * (inner, with its soft-delete condition), dropping the books without a live author, and HQL's
     * {@code fk(b.author)} fails in a select clause (ClassCastException in Hibernate 7.4).
     */
    @Column(name = "author_id", insertable = false, updatable = false)
    private Long authorId;

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
