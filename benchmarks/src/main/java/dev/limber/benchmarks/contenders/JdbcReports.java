package dev.limber.benchmarks.contenders;

import com.zaxxer.hikari.HikariDataSource;
import dev.limber.benchmarks.AuthorStats;
import dev.limber.benchmarks.BookBean;
import dev.limber.benchmarks.BookPage;
import dev.limber.benchmarks.BookRow;
import dev.limber.benchmarks.Database;
import dev.limber.benchmarks.JdbcRows;
import dev.limber.benchmarks.PageRows;
import dev.limber.benchmarks.Pools;
import dev.limber.benchmarks.ReportContender;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline for W10 and W11, what a careful developer writes by hand: constant SQL, columns
 * read by index with the typed getters, reads in auto-commit mode. W11 runs its count and its page
 * on one connection.
 */
public final class JdbcReports implements ReportContender<BookBean, BookPage<BookBean>> {
    static final String BOOKS_PER_AUTHOR = "SELECT author_id, COUNT(*), MAX(pages) FROM authored_book"
            + " WHERE pages > ? AND deleted_at IS NULL GROUP BY author_id ORDER BY author_id";
    static final String COUNT_LIVE = "SELECT COUNT(*) FROM soft_book WHERE pages > ? AND deleted_at IS NULL";
    static final String PAGE_LIVE = "SELECT " + JdbcContender.COLUMNS
            + " FROM soft_book WHERE pages > ? AND deleted_at IS NULL ORDER BY id LIMIT ? OFFSET ?";

    private final JdbcRows rows;
    private final HikariDataSource dataSource;

    public JdbcReports(Database database) {
        this.rows = JdbcRows.of(database);
        this.dataSource = Pools.open(database, "jdbc");
    }

    @Override
    public List<AuthorStats> booksPerAuthor(int minPages) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(BOOKS_PER_AUTHOR)) {
            ps.setInt(1, minPages);
            try (ResultSet rs = ps.executeQuery()) {
                List<AuthorStats> stats = new ArrayList<>();
                while (rs.next()) {
                    long author = rs.getLong(1);
                    Long authorId = rs.wasNull() ? null : author;
                    stats.add(new AuthorStats(authorId, rs.getLong(2), rs.getInt(3)));
                }
                return stats;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("W10", e);
        }
    }

    @Override
    public BookPage<BookBean> page(int minPages, int number, int size) {
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement(COUNT_LIVE)) {
                ps.setInt(1, minPages);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(PAGE_LIVE)) {
                ps.setInt(1, minPages);
                ps.setInt(2, size);
                ps.setLong(3, (long) number * size);
                try (ResultSet rs = ps.executeQuery()) {
                    List<BookBean> books = new ArrayList<>(size);
                    while (rs.next()) {
                        books.add(rows.read(rs));
                    }
                    return new BookPage<>(books, total);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("W11", e);
        }
    }

    @Override
    public PageRows rows(BookPage<BookBean> page) {
        List<BookRow> books = new ArrayList<>(page.rows().size());
        for (BookBean book : page.rows()) {
            books.add(book.toRow());
        }
        return new PageRows(books, page.total());
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
