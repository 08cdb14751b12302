package dev.limber.benchmarks;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The plain book of table {@code authored_book} that hand-written JDBC, jOOQ and JDBI map rows
 * into: the nine columns of {@link BookBean}, the foreign key {@code author_id}, and the author
 * once loaded.
 */
public final class AuthoredBookBean {
    /** The columns {@link #read} reads, in order, for a table aliased {@code b}. */
    public static final String COLUMNS = "b.id, b.title, b.isbn, b.price, b.published, b.pages, b.in_print,"
            + " b.created_at, b.deleted_at, b.author_id";

    private final Long id;
    private final String title;
    private final String isbn;
    private final BigDecimal price;
    private final LocalDate published;
    private final int pages;
    private final boolean inPrint;
    private final LocalDateTime createdAt;
    private final LocalDateTime deletedAt;
    private final Long authorId;
    private AuthorBean author;

    public AuthoredBookBean(Long id, String title, String isbn, BigDecimal price, LocalDate published, int pages,
            boolean inPrint, LocalDateTime createdAt, LocalDateTime deletedAt, Long authorId) {
        this.id = id;
        this.title = title;
        this.isbn = isbn;
        this.price = price;
        this.published = published;
        this.pages = pages;
        this.inPrint = inPrint;
        this.createdAt = createdAt;
        this.deletedAt = deletedAt;
        this.authorId = authorId;
    }

    /** The book in columns {@code first} .. {@code first + 9} ({@link #COLUMNS}), by index with the typed getters. */
    public static AuthoredBookBean read(ResultSet rs, int first) throws SQLException {
        long key = rs.getLong(first + 9);
        Long authorId = rs.wasNull() ? null : key;
        return new AuthoredBookBean(
                rs.getLong(first),
                rs.getString(first + 1),
                rs.getString(first + 2),
                rs.getBigDecimal(first + 3),
                rs.getObject(first + 4, LocalDate.class),
                rs.getInt(first + 5),
                rs.getBoolean(first + 6),
                rs.getObject(first + 7, LocalDateTime.class),
                rs.getObject(first + 8, LocalDateTime.class),
                authorId);
    }

    public Long getId() { return id; }
    public int getPages() { return pages; }
    /** The foreign key: null when the book has no author. */
    public Long getAuthorId() { return authorId; }
    /** The loaded author: null when there is none or it is soft-deleted. */
    public AuthorBean getAuthor() { return author; }
    public void setAuthor(AuthorBean author) { this.author = author; }

    public BookRow toBookRow() {
        return new BookRow(id, title, isbn, price, published, pages, inPrint, createdAt, deletedAt);
    }

    public AuthoredBookRow toRow() {
        return new AuthoredBookRow(toBookRow(), author == null ? null : author.toRow());
    }
}
