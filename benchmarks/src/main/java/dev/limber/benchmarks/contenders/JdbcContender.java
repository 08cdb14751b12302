package dev.limber.benchmarks.contenders;

import com.zaxxer.hikari.HikariDataSource;
import dev.limber.benchmarks.BookBean;
import dev.limber.benchmarks.BookRow;
import dev.limber.benchmarks.Contender;
import dev.limber.benchmarks.Database;
import dev.limber.benchmarks.JdbcRows;
import dev.limber.benchmarks.Pools;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline: what a careful developer writes by hand. Prepared statements with constant SQL,
 * columns read by index with the typed getters ({@link JdbcRows}), no reflection, no intermediate
 * objects.
 */
public final class JdbcContender implements Contender<BookBean, BookBean> {
    static final String COLUMNS = "id, title, isbn, price, published, pages, in_print, created_at, deleted_at";
    static final String SELECT_ONE = "SELECT 1";
    static final String FIND = "SELECT " + COLUMNS + " FROM book WHERE id = ?";
    static final String QUERY = "SELECT " + COLUMNS + " FROM book WHERE pages > ? ORDER BY id LIMIT ?";
    static final String INSERT = "INSERT INTO book (title, isbn, price, published, pages, in_print, created_at, deleted_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    static final String UPDATE = "UPDATE book SET title = ?, isbn = ?, price = ?, published = ?, pages = ?,"
            + " in_print = ?, created_at = ?, deleted_at = ? WHERE id = ?";
    static final String SOFT_DELETE = "UPDATE soft_book SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL";
    static final String QUERY_LIVE = "SELECT " + COLUMNS
            + " FROM soft_book WHERE pages > ? AND deleted_at IS NULL ORDER BY id LIMIT ?";

    private final Database database;
    private final JdbcRows rows;
    private final HikariDataSource dataSource;
    private final boolean readsInTransaction;

    /** The baseline: reads in auto-commit mode, as hand-written JDBC runs them. */
    public JdbcContender(Database database) {
        this(database, false);
    }

    /**
     * With {@code readsInTransaction}, reads run inside a transaction: auto-commit off before the
     * statement, rolled back and auto-commit restored after, as a Limber session runs them where it
     * keeps a transaction from the first statement (SQLite, and MariaDB at REPEATABLE READ); on
     * READ COMMITTED databases (H2, PostgreSQL) a session reads in auto-commit until its first
     * write. Not a contender of its own but a control: it shows what that transaction costs, apart
     * from everything else.
     */
    public JdbcContender(Database database, boolean readsInTransaction) {
        this.database = database;
        this.rows = JdbcRows.of(database);
        this.readsInTransaction = readsInTransaction;
        this.dataSource = Pools.open(database, readsInTransaction ? "jdbc-tx" : "jdbc");
    }

    private void beginRead(Connection c) throws SQLException {
        if (readsInTransaction) {
            c.setAutoCommit(false);
        }
    }

    private void endRead(Connection c) throws SQLException {
        if (readsInTransaction) {
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    @Override
    public int selectOne() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SELECT_ONE);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(SELECT_ONE, e);
        }
    }

    @Override
    public BookBean find(long id) {
        try (Connection c = dataSource.getConnection()) {
            beginRead(c);
            try (PreparedStatement ps = c.prepareStatement(FIND)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rows.read(rs) : null;
                }
            } finally {
                endRead(c);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(FIND, e);
        }
    }

    @Override
    public List<BookBean> query(int minPages, int limit) {
        return list(QUERY, minPages, limit);
    }

    @Override
    public List<BookBean> queryLive(int minPages, int limit) {
        return list(QUERY_LIVE, minPages, limit);
    }

    private List<BookBean> list(String sql, int minPages, int limit) {
        try (Connection c = dataSource.getConnection()) {
            beginRead(c);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setInt(1, minPages);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    List<BookBean> books = new ArrayList<>(limit);
                    while (rs.next()) {
                        books.add(rows.read(rs));
                    }
                    return books;
                }
            } finally {
                endRead(c);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public BookBean newBook(BookRow row) {
        return BookBean.of(row);
    }

    @Override
    public long insert(BookBean book) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = database.prepareInsert(c, INSERT)) {
                rows.bind(ps, 1, book);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    book.setId(keys.getLong(1));
                }
            }
            c.commit();
            return book.getId();
        } catch (SQLException e) {
            throw new IllegalStateException(INSERT, e);
        }
    }

    @Override
    public void insertAll(List<BookBean> books) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = database.prepareInsert(c, INSERT)) {
                for (BookBean book : books) {
                    rows.bind(ps, 1, book);
                    ps.addBatch();
                }
                ps.executeBatch();
                // The ORMs hand back saved objects with their ids; so does the baseline.
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    for (BookBean book : books) {
                        keys.next();
                        book.setId(keys.getLong(1));
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(INSERT, e);
        }
    }

    @Override
    public void update(BookBean book) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
                rows.bind(ps, 1, book);
                ps.setLong(9, book.getId());
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(UPDATE, e);
        }
    }

    @Override
    public BookBean newSoftBook(BookRow row) {
        return BookBean.of(row);
    }

    @Override
    public void softDelete(BookBean book) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(SOFT_DELETE)) {
                rows.setTimestamp(ps, 1, LocalDateTime.now());
                ps.setLong(2, book.getId());
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(SOFT_DELETE, e);
        }
    }

    @Override
    public BookRow row(BookBean book) {
        return book.toRow();
    }

    @Override
    public BookRow softRow(BookBean book) {
        return book.toRow();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
