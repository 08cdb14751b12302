package dev.limber.benchmarks.contenders;

import com.zaxxer.hikari.HikariDataSource;
import dev.limber.benchmarks.AuthorBean;
import dev.limber.benchmarks.AuthoredBookBean;
import dev.limber.benchmarks.AuthoredBookRow;
import dev.limber.benchmarks.Database;
import dev.limber.benchmarks.Pools;
import dev.limber.benchmarks.RelationContender;
import dev.limber.benchmarks.ShelfRow;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baselines for W8 and W9, what a careful developer writes by hand, in two shapes:
 * <ul>
 * <li>{@code jdbc-join}: one statement. W8 LEFT JOINs the author (its soft-delete condition in the
 * ON clause, so a book with a deleted author is kept); W9 LEFT JOINs the books to a derived table of
 * the page of authors (the LIMIT counts authors, not rows) and groups the rows as they come.
 * <li>{@code jdbc-in}: two statements on one connection. The parents first, then the related rows
 * by key in one statement, and a hash map to put them in place. The keys travel as one array
 * parameter ({@code = ANY(?)}), so the SQL text is the same whatever their number (the driver and
 * the server can keep it prepared); on MariaDB, which has no arrays, as {@code IN (?, ...)}.
 * </ul>
 * Columns are read by index with the typed getters, no reflection.
 */
public final class JdbcRelations implements RelationContender<AuthoredBookBean, AuthorBean> {
    static final String BOOKS_WITH_AUTHOR = "SELECT " + AuthoredBookBean.COLUMNS + ", " + AuthorBean.COLUMNS
            + " FROM authored_book b LEFT JOIN author a ON a.id = b.author_id AND a.deleted_at IS NULL"
            + " WHERE b.pages > ? AND b.deleted_at IS NULL ORDER BY b.id LIMIT ?";
    static final String AUTHORS_WITH_BOOKS = "SELECT " + AuthorBean.COLUMNS + ", " + AuthoredBookBean.COLUMNS
            + " FROM (SELECT id, name, deleted_at FROM author WHERE id > ? AND deleted_at IS NULL ORDER BY id LIMIT ?) a"
            + " LEFT JOIN authored_book b ON b.author_id = a.id AND b.deleted_at IS NULL"
            + " ORDER BY a.id, b.id";

    static final String BOOKS = "SELECT " + AuthoredBookBean.COLUMNS
            + " FROM authored_book b WHERE b.pages > ? AND b.deleted_at IS NULL ORDER BY b.id LIMIT ?";
    static final String AUTHORS = "SELECT " + AuthorBean.COLUMNS
            + " FROM author a WHERE a.id > ? AND a.deleted_at IS NULL ORDER BY a.id LIMIT ?";
    static final String AUTHORS_BY_ID = "SELECT " + AuthorBean.COLUMNS
            + " FROM author a WHERE a.id = ANY(?) AND a.deleted_at IS NULL";
    static final String BOOKS_BY_AUTHOR = "SELECT " + AuthoredBookBean.COLUMNS
            + " FROM authored_book b WHERE b.author_id = ANY(?) AND b.deleted_at IS NULL ORDER BY b.id";

    private final HikariDataSource dataSource;
    private final boolean twoStatements;
    private final boolean arrays;

    public JdbcRelations(Database database, boolean twoStatements) {
        this.twoStatements = twoStatements;
        this.arrays = database != Database.MARIADB;
        this.dataSource = Pools.open(database, twoStatements ? "jdbc-in" : "jdbc-join");
    }

    @Override
    public List<AuthoredBookBean> booksWithAuthor(int minPages, int limit) {
        try (Connection c = dataSource.getConnection()) {
            return twoStatements ? booksThenAuthors(c, minPages, limit) : booksJoined(c, minPages, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("W8 (" + (twoStatements ? "two statements" : "join") + ")", e);
        }
    }

    @Override
    public List<AuthorBean> authorsWithBooks(long afterId, int limit) {
        try (Connection c = dataSource.getConnection()) {
            return twoStatements ? authorsThenBooks(c, afterId, limit) : authorsJoined(c, afterId, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("W9 (" + (twoStatements ? "two statements" : "join") + ")", e);
        }
    }

    private static List<AuthoredBookBean> booksJoined(Connection c, int minPages, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(BOOKS_WITH_AUTHOR)) {
            ps.setInt(1, minPages);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<AuthoredBookBean> books = new ArrayList<>(limit);
                while (rs.next()) {
                    AuthoredBookBean book = AuthoredBookBean.read(rs, 1);
                    book.setAuthor(AuthorBean.read(rs, 11));
                    books.add(book);
                }
                return books;
            }
        }
    }

    private static List<AuthorBean> authorsJoined(Connection c, long afterId, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(AUTHORS_WITH_BOOKS)) {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<AuthorBean> authors = new ArrayList<>(limit);
                AuthorBean current = null;
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (current == null || current.getId() != id) {
                        current = AuthorBean.read(rs, 1);
                        current.setBooks(new ArrayList<>());
                        authors.add(current);
                    }
                    rs.getLong(4);
                    if (!rs.wasNull()) { // an author with no live book has one row of NULLs
                        current.addBook(AuthoredBookBean.read(rs, 4));
                    }
                }
                return authors;
            }
        }
    }

    private List<AuthoredBookBean> booksThenAuthors(Connection c, int minPages, int limit) throws SQLException {
        List<AuthoredBookBean> books = new ArrayList<>(limit);
        Map<Long, AuthorBean> authors = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(BOOKS)) {
            ps.setInt(1, minPages);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AuthoredBookBean book = AuthoredBookBean.read(rs, 1);
                    if (book.getAuthorId() != null) {
                        authors.put(book.getAuthorId(), null);
                    }
                    books.add(book);
                }
            }
        }
        if (authors.isEmpty()) {
            return books;
        }
        try (PreparedStatement ps = c.prepareStatement(byKeys(AUTHORS_BY_ID, authors.size()))) {
            bindKeys(c, ps, authors.keySet());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AuthorBean author = AuthorBean.read(rs, 1);
                    authors.put(author.getId(), author);
                }
            }
        }
        for (AuthoredBookBean book : books) {
            if (book.getAuthorId() != null) {
                book.setAuthor(authors.get(book.getAuthorId()));
            }
        }
        return books;
    }

    private List<AuthorBean> authorsThenBooks(Connection c, long afterId, int limit) throws SQLException {
        List<AuthorBean> authors = new ArrayList<>(limit);
        Map<Long, AuthorBean> byId = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(AUTHORS)) {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AuthorBean author = AuthorBean.read(rs, 1);
                    author.setBooks(new ArrayList<>());
                    authors.add(author);
                    byId.put(author.getId(), author);
                }
            }
        }
        if (authors.isEmpty()) {
            return authors;
        }
        try (PreparedStatement ps = c.prepareStatement(byKeys(BOOKS_BY_AUTHOR, byId.size()))) {
            bindKeys(c, ps, byId.keySet());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AuthoredBookBean book = AuthoredBookBean.read(rs, 1);
                    byId.get(book.getAuthorId()).addBook(book);
                }
            }
        }
        return authors;
    }

    /** The statement for {@code count} keys: as written with an array, else {@code IN} with a placeholder each. */
    private String byKeys(String sql, int count) {
        if (arrays) {
            return sql;
        }
        StringBuilder in = new StringBuilder(count * 3 + 4).append("IN (");
        for (int i = 0; i < count; i++) {
            in.append(i == 0 ? "?" : ", ?");
        }
        return sql.replace("= ANY(?)", in.append(')').toString());
    }

    private void bindKeys(Connection c, PreparedStatement ps, Collection<Long> keys) throws SQLException {
        if (arrays) {
            Array array = c.createArrayOf("BIGINT", keys.toArray());
            ps.setArray(1, array);
            return;
        }
        int i = 1;
        for (Long key : keys) {
            ps.setLong(i++, key);
        }
    }

    @Override
    public AuthoredBookRow row(AuthoredBookBean book) {
        return book.toRow();
    }

    @Override
    public ShelfRow shelf(AuthorBean author) {
        return author.toShelf();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
