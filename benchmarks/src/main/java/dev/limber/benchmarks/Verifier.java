package dev.limber.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks, before anything is timed, that a contender gives the same answers as hand-written JDBC
 * (and that JDBC gives the seed back): a wrong fast answer is not a result. Writes are checked by
 * reading the row back with plain JDBC, then undone.
 */
public final class Verifier {
    /** The queries of W2 and W7 ask for more than MIN_PAGES + k pages, k in 0 .. MIN_PAGES_VARIANTS - 1. */
    static final int MIN_PAGES = 100;
    static final int MIN_PAGES_VARIANTS = 10;

    private Verifier() {
    }

    /** Throws {@link IllegalStateException} describing the first difference. */
    public static void verify(String name, Contender<Object, Object> contender, Database database) throws SQLException {
        try (Contender<Object, Object> reference = Contenders.open(Contenders.JDBC, database);
                Connection c = Schema.connect(database)) {
            JdbcRows jdbc = JdbcRows.of(database);
            check(name, "W0 SELECT 1", 1, contender.selectOne());

            for (long id : new long[] {1, 2, 4_567, BookRow.SEED_ROWS}) {
                BookRow expected = BookRow.seed((int) id, false);
                check("jdbc", "W1 find " + id, expected, reference.row(reference.find(id)));
                check(name, "W1 find " + id, expected, contender.row(contender.find(id)));
            }

            for (int minPages : new int[] {MIN_PAGES, MIN_PAGES + MIN_PAGES_VARIANTS - 1}) {
                for (int limit : new int[] {10, 100, 1_000}) {
                    String what = " pages > " + minPages + " limit " + limit;
                    List<BookRow> expected = rows(reference, reference.query(minPages, limit), false);
                    check("jdbc", "W2 query size" + what, limit, expected.size());
                    check("jdbc", "W2 query" + what, seedQuery(minPages, limit, false), expected);
                    check(name, "W2 query" + what, expected,
                            rows(contender, contender.query(minPages, limit), false));

                    List<BookRow> live = rows(reference, reference.queryLive(minPages, limit), true);
                    check("jdbc", "W7 live query" + what, seedQuery(minPages, limit, true), live);
                    check(name, "W7 live query" + what, live,
                            rows(contender, contender.queryLive(minPages, limit), true));
                }
            }

            BookRow fresh = BookRow.fresh("verify-insert", 1);
            long id = contender.insert(contender.newBook(fresh));
            check(name, "W3 insert read back", fresh.withId(id), readBook(jdbc, c, id));
            Schema.deleteBook(c, id);

            List<Object> books = new ArrayList<>();
            List<BookRow> batch = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                BookRow row = BookRow.fresh("verify-batch", i);
                batch.add(row);
                books.add(contender.newBook(row));
            }
            contender.insertAll(books);
            List<BookRow> inserted = readInserted(jdbc, c);
            List<BookRow> withoutIds = new ArrayList<>();
            for (BookRow row : inserted) {
                withoutIds.add(row.withId(null));
            }
            check(name, "W4 batch insert read back", batch, withoutIds);
            Schema.deleteInserted(c);

            BookRow changed = BookRow.seed(17, false).withPrice(new BigDecimal("1234.56"));
            contender.update(contender.newBook(changed));
            check(name, "W5 update read back", changed, readBook(jdbc, c, 17));
            reference.update(reference.newBook(BookRow.seed(17, false)));
            check("jdbc", "W5 update undone", BookRow.seed(17, false), readBook(jdbc, c, 17));

            contender.softDelete(contender.newSoftBook(BookRow.seed(21, true)));
            LocalDateTime stamped = readDeletedAt(jdbc, c, 21);
            if (stamped == null) {
                throw new IllegalStateException(name + ": W6 soft delete left soft_book row 21 with deleted_at NULL");
            }
            Schema.undelete(c, 21);
        }
    }

    private static List<BookRow> seedQuery(int minPages, int limit, boolean soft) {
        List<BookRow> rows = new ArrayList<>();
        for (int i = 1; rows.size() < limit; i++) {
            BookRow row = BookRow.seed(i, soft);
            if (row.pages() > minPages && row.deletedAt() == null) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<BookRow> rows(Contender<Object, Object> contender, List<Object> books, boolean soft) {
        List<BookRow> rows = new ArrayList<>(books.size());
        for (Object book : books) {
            rows.add(soft ? contender.softRow(book) : contender.row(book));
        }
        return rows;
    }

    private static void check(String name, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            throw new IllegalStateException(name + " gives a different answer on " + what
                    + "\n  expected: " + expected + "\n  actual:   " + actual);
        }
    }

    private static BookRow readBook(JdbcRows jdbc, Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + Schema.COLUMNS + " FROM book WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? jdbc.read(rs).toRow() : null;
            }
        }
    }

    private static List<BookRow> readInserted(JdbcRows jdbc, Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + Schema.COLUMNS + " FROM book WHERE id > ? ORDER BY isbn")) {
            ps.setLong(1, BookRow.SEED_ROWS);
            try (ResultSet rs = ps.executeQuery()) {
                List<BookRow> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(jdbc.read(rs).toRow());
                }
                return rows;
            }
        }
    }

    private static LocalDateTime readDeletedAt(JdbcRows jdbc, Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT deleted_at FROM soft_book WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return jdbc.getTimestamp(rs, 1);
            }
        }
    }
}
