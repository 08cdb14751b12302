package dev.limber.benchmarks.hibernate;

import dev.limber.benchmarks.AuthorRow;
import dev.limber.benchmarks.BookRow;
import dev.limber.benchmarks.ShelfRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;

/**
 * Table {@code author}, with Hibernate's own soft delete, and its books as a lazy
 * {@code @OneToMany} ordered by id. The batch sizes matter only to {@code hibernate-batch}: they let
 * one statement load the authors of W8's 1,000 books (about 860 of them) or the books of W9's 100
 * authors, as the two-statement JDBC baseline does.
 */
@Entity
@Table(name = "author")
@SoftDelete(strategy = SoftDeleteType.TIMESTAMP, columnName = "deleted_at")
@BatchSize(size = 1_000)
public class HibernateAuthor {
    @Id
    private Long id;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @OneToMany(mappedBy = "author")
    @OrderBy("id")
    @BatchSize(size = 100)
    private List<HibernateAuthoredBook> books = new ArrayList<>();

    public Long getId() { return id; }
    public String getName() { return name; }
    public List<HibernateAuthoredBook> getBooks() { return books; }

    AuthorRow toRow() {
        return new AuthorRow(id, name);
    }

    ShelfRow toShelf() {
        List<BookRow> rows = new ArrayList<>(books.size());
        for (HibernateAuthoredBook book : books) {
            rows.add(book.toBookRow());
        }
        return new ShelfRow(toRow(), rows);
    }
}
