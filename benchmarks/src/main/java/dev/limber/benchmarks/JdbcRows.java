package dev.limber.benchmarks;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How hand-written JDBC reads and binds a book's columns on one database: by column index, with
 * the typed getters. SQLite has no date or decimal types, so there the values travel as text in
 * the very format Limber's SQLite dialect keeps them (ISO-8601, nine fraction digits; plain
 * decimal strings); everywhere else JDBC 4.2's java.time mapping serves.
 */
public abstract class JdbcRows {
    private static final JdbcRows STANDARD = new Standard();
    private static final JdbcRows SQLITE = new Sqlite();

    public static JdbcRows of(Database database) {
        return database == Database.SQLITE ? SQLITE : STANDARD;
    }

    /** The book under the cursor, whose columns 1-9 are {@link Schema#COLUMNS}. */
    public abstract BookBean read(ResultSet rs) throws SQLException;

    /** Binds the eight columns after the id (title ... deleted_at) from parameter {@code first}; returns the next. */
    public abstract int bind(PreparedStatement ps, int first, BookBean book) throws SQLException;

    /** Binds a timestamp (null allowed). */
    public abstract void setTimestamp(PreparedStatement ps, int parameter, LocalDateTime value) throws SQLException;

    public abstract LocalDateTime getTimestamp(ResultSet rs, int column) throws SQLException;

    private static final class Standard extends JdbcRows {
        @Override
        public BookBean read(ResultSet rs) throws SQLException {
            return new BookBean(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getBigDecimal(4),
                    rs.getObject(5, LocalDate.class),
                    rs.getInt(6),
                    rs.getBoolean(7),
                    rs.getObject(8, LocalDateTime.class),
                    rs.getObject(9, LocalDateTime.class));
        }

        @Override
        public int bind(PreparedStatement ps, int first, BookBean book) throws SQLException {
            ps.setString(first, book.getTitle());
            ps.setString(first + 1, book.getIsbn());
            ps.setBigDecimal(first + 2, book.getPrice());
            ps.setObject(first + 3, book.getPublished());
            ps.setInt(first + 4, book.getPages());
            ps.setBoolean(first + 5, book.isInPrint());
            ps.setObject(first + 6, book.getCreatedAt());
            ps.setObject(first + 7, book.getDeletedAt());
            return first + 8;
        }

        @Override
        public void setTimestamp(PreparedStatement ps, int parameter, LocalDateTime value) throws SQLException {
            ps.setObject(parameter, value);
        }

        @Override
        public LocalDateTime getTimestamp(ResultSet rs, int column) throws SQLException {
            return rs.getObject(column, LocalDateTime.class);
        }
    }

    private static final class Sqlite extends JdbcRows {
        private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);
        private static final DateTimeFormatter DATE_TIME =
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS", Locale.ROOT);

        @Override
        public BookBean read(ResultSet rs) throws SQLException {
            String deletedAt = rs.getString(9);
            return new BookBean(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    new BigDecimal(rs.getString(4)),
                    LocalDate.parse(rs.getString(5)),
                    rs.getInt(6),
                    rs.getBoolean(7),
                    LocalDateTime.parse(rs.getString(8)),
                    deletedAt == null ? null : LocalDateTime.parse(deletedAt));
        }

        @Override
        public int bind(PreparedStatement ps, int first, BookBean book) throws SQLException {
            ps.setString(first, book.getTitle());
            ps.setString(first + 1, book.getIsbn());
            ps.setString(first + 2, book.getPrice().toPlainString());
            ps.setString(first + 3, DATE.format(book.getPublished()));
            ps.setInt(first + 4, book.getPages());
            ps.setBoolean(first + 5, book.isInPrint());
            ps.setString(first + 6, DATE_TIME.format(book.getCreatedAt()));
            setTimestamp(ps, first + 7, book.getDeletedAt());
            return first + 8;
        }

        @Override
        public void setTimestamp(PreparedStatement ps, int parameter, LocalDateTime value) throws SQLException {
            ps.setString(parameter, value == null ? null : DATE_TIME.format(value));
        }

        @Override
        public LocalDateTime getTimestamp(ResultSet rs, int column) throws SQLException {
            String text = rs.getString(column);
            return text == null ? null : LocalDateTime.parse(text);
        }
    }
}
