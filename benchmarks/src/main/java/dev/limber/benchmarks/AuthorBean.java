package dev.limber.benchmarks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** The plain author that hand-written JDBC, jOOQ and JDBI map rows into, with its books once loaded. */
public final class AuthorBean {
    /** The columns {@link #read} reads, in order, for a table aliased {@code a}. */
    public static final String COLUMNS = "a.id, a.name, a.deleted_at";

    private final long id;
    private final String name;
    private final LocalDateTime deletedAt;
    private List<AuthoredBookBean> books;

    public AuthorBean(long id, String name, LocalDateTime deletedAt) {
        this.id = id;
        this.name = name;
        this.deletedAt = deletedAt;
    }

    /**
     * The author in columns {@code first} .. {@code first + 2} ({@link #COLUMNS}); null when its id
     * is NULL (the far side of a LEFT JOIN that found none).
     */
    public static AuthorBean read(ResultSet rs, int first) throws SQLException {
        long id = rs.getLong(first);
        if (rs.wasNull()) {
            return null;
        }
        return new AuthorBean(id, rs.getString(first + 1), rs.getObject(first + 2, LocalDateTime.class));
    }

    public long getId() { return id; }
    public String getName() { return name; }
    public LocalDateTime getDeletedAt() { return deletedAt; }

    /** The loaded books; an author read with none has an empty list. */
    public List<AuthoredBookBean> getBooks() { return books; }
    public void setBooks(List<AuthoredBookBean> books) { this.books = books; }

    /** Adds a book, starting the list on the first (for readers that group rows as they come). */
    public void addBook(AuthoredBookBean book) {
        if (books == null) {
            books = new ArrayList<>();
        }
        books.add(book);
    }

    public AuthorRow toRow() {
        return new AuthorRow(id, name);
    }

    public ShelfRow toShelf() {
        List<BookRow> rows = new ArrayList<>(books == null ? 0 : books.size());
        if (books != null) {
            for (AuthoredBookBean book : books) {
                rows.add(book.toBookRow());
            }
        }
        return new ShelfRow(toRow(), rows);
    }
}
