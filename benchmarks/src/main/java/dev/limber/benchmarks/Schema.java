package dev.limber.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;

/**
 * The one schema and data set every contender runs against: tables {@code book} (plain) and
 * {@code soft_book} (every tenth row soft-deleted), {@value BookRow#SEED_ROWS} rows each; for the
 * relation workloads, tables {@code author} ({@value AuthorRow#SEED_AUTHORS} rows, every fiftieth
 * soft-deleted) and {@code authored_book} (the rows of {@code soft_book} with an {@code author_id}).
 * Rebuilt from scratch at the start of every fork, so one benchmark's writes never reach another.
 */
public final class Schema {
    public static final String BOOK = "book";
    public static final String SOFT_BOOK = "soft_book";
    public static final String AUTHOR = "author";
    public static final String AUTHORED_BOOK = "authored_book";

    /** Column list in the order every contender reads and binds. */
    public static final String COLUMNS = "id, title, isbn, price, published, pages, in_print, created_at, deleted_at";

    private Schema() {
    }

    /** A plain connection outside every contender's pool, for setup, checks and clean-up. */
    public static Connection connect(Database database) throws SQLException {
        return DriverManager.getConnection(database.url());
    }

    /** Drops and recreates both tables, seeds them and refreshes statistics. */
    public static void reset(Database database) throws SQLException {
        database.createDatabaseIfMissing();
        try (Connection c = connect(database)) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                for (String table : new String[] {BOOK, SOFT_BOOK}) {
                    s.execute("DROP TABLE IF EXISTS " + table);
                    if (database != Database.SQLITE) {
                        s.execute("DROP SEQUENCE IF EXISTS " + table + "_seq");
                    }
                    for (String ddl : database.createTable(table)) {
                        s.execute(ddl);
                    }
                }
            }
            seed(c, database, BOOK, false);
            seed(c, database, SOFT_BOOK, true);
            try (Statement s = c.createStatement()) {
                for (String sql : database.restartIds(BookRow.SEED_ROWS + 1)) {
                    s.execute(sql);
                }
                for (String sql : database.analyze()) {
                    s.execute(sql);
                }
            }
        }
    }

    /**
     * Drops and recreates the relation tables ({@code author}, {@code authored_book}), seeds them
     * and refreshes statistics. The book tables of W0-W7 are left alone: a relation fork neither
     * needs nor pays for them.
     */
    public static void resetRelations(Database database) throws SQLException {
        database.createDatabaseIfMissing();
        List<String> ddl = database.createRelationTables();
        try (Connection c = connect(database)) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + AUTHORED_BOOK);
                s.execute("DROP TABLE IF EXISTS " + AUTHOR);
                for (String sql : ddl) {
                    s.execute(sql);
                }
            }
            JdbcRows rows = JdbcRows.of(database);
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO " + AUTHOR + " (id, name, deleted_at) VALUES (?, ?, ?)")) {
                for (int i = 1; i <= AuthorRow.SEED_AUTHORS; i++) {
                    AuthorRow author = AuthorRow.seed(i);
                    ps.setLong(1, author.id());
                    ps.setString(2, author.name());
                    rows.setTimestamp(ps, 3, AuthorRow.seedDeletedAt(i));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + AUTHORED_BOOK
                    + " (" + COLUMNS + ", author_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= BookRow.SEED_ROWS; i++) {
                    BookRow row = BookRow.seed(i, true);
                    ps.setLong(1, row.id());
                    int next = rows.bind(ps, 2, BookBean.of(row));
                    Long author = AuthorRow.seedAuthorOf(i);
                    if (author == null) {
                        ps.setNull(next, Types.BIGINT);
                    } else {
                        ps.setLong(next, author);
                    }
                    ps.addBatch();
                    if (i % 1_000 == 0) {
                        ps.executeBatch();
                    }
                }
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                for (String sql : database.analyzeRelations()) {
                    s.execute(sql);
                }
            }
        }
    }

    private static void seed(Connection c, Database database, String table, boolean softDelete) throws SQLException {
        JdbcRows rows = JdbcRows.of(database);
        c.setAutoCommit(false);
        // Explicit ids: a batch may leave gaps in generated ones (MariaDB reserves auto-increment
        // values in blocks), and row i must be id i everywhere.
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 1; i <= BookRow.SEED_ROWS; i++) {
                BookRow row = BookRow.seed(i, softDelete);
                ps.setLong(1, row.id());
                rows.bind(ps, 2, BookBean.of(row));
                ps.addBatch();
                if (i % 1_000 == 0) {
                    ps.executeBatch();
                }
            }
        }
        c.commit();
        c.setAutoCommit(true);
    }

    /** Removes every row inserted after the seed (by any contender, under any id strategy). */
    public static void deleteInserted(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM book WHERE id > ?")) {
            ps.setLong(1, BookRow.SEED_ROWS);
            ps.executeUpdate();
        }
    }

    /** Removes one inserted row. */
    public static void deleteBook(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM book WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    /** Brings a soft-deleted seed row back, as the seed had it. */
    public static void undelete(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE soft_book SET deleted_at = NULL WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }
}
