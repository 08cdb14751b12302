package dev.limber.database.dialect;

import dev.limber.database.MappingException;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

/**
 * SQLite has no date, decimal or UUID types, so these are TEXT: temporals as fixed-width
 * ISO-8601 with nine fraction digits (so that comparing the text compares the times, for years
 * 0000-9999), Instant and OffsetDateTime normalised to UTC with a trailing {@code Z} (the offset
 * is not kept), BigDecimal as its plain decimal string (scale kept; but compared as text, so
 * {@code lt}/{@code gt} on a BigDecimal column order lexically), UUID in its canonical form.
 * A NaN float or double is refused (SQLite would store NULL); infinities are kept.
 * Reading accepts any ISO-8601 form SQLite's own functions write ({@code 2024-01-31 10:00:00}).
 */
final class SqliteValues extends StandardJdbcValues {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSSSS", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS", Locale.ROOT);
    private static final DateTimeFormatter UTC_DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'", Locale.ROOT);

    @Override
    public void setFloat(PreparedStatement ps, int parameter, float value) throws SQLException {
        setDouble(ps, parameter, value);
    }

    /** SQLite turns a NaN into NULL; refuse it rather than store something else. */
    @Override
    public void setDouble(PreparedStatement ps, int parameter, double value) throws SQLException {
        if (Double.isNaN(value)) {
            throw new MappingException("SQLite cannot store NaN (it would become NULL); store NULL in a boxed"
                    + " column instead");
        }
        super.setDouble(ps, parameter, value);
    }

    @Override
    public BigDecimal getBigDecimal(ResultSet rs, int column) throws SQLException {
        String text = rs.getString(column);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new MappingException("Column " + column + " holds '" + text + "', which is not a decimal number",
                    null, e);
        }
    }

    @Override
    public void setBigDecimal(PreparedStatement ps, int parameter, BigDecimal value) throws SQLException {
        setString(ps, parameter, value == null ? null : value.toPlainString());
    }

    @Override
    public UUID getUuid(ResultSet rs, int column) throws SQLException {
        return getUuidAsText(rs, column);
    }

    @Override
    public void setUuid(PreparedStatement ps, int parameter, UUID value) throws SQLException {
        setUuidAsText(ps, parameter, value);
    }

    @Override
    public LocalDate getLocalDate(ResultSet rs, int column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : parse(text, column, () -> LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text));
    }

    @Override
    public void setLocalDate(PreparedStatement ps, int parameter, LocalDate value) throws SQLException {
        setString(ps, parameter, value == null ? null : DATE.format(value));
    }

    @Override
    public LocalTime getLocalTime(ResultSet rs, int column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : parse(text, column, () -> LocalTime.parse(text));
    }

    @Override
    public void setLocalTime(PreparedStatement ps, int parameter, LocalTime value) throws SQLException {
        setString(ps, parameter, value == null ? null : TIME.format(value));
    }

    @Override
    public LocalDateTime getLocalDateTime(ResultSet rs, int column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : parse(text, column, () -> LocalDateTime.parse(isoT(text)));
    }

    @Override
    public void setLocalDateTime(PreparedStatement ps, int parameter, LocalDateTime value) throws SQLException {
        setString(ps, parameter, value == null ? null : DATE_TIME.format(value));
    }

    @Override
    public void setInstant(PreparedStatement ps, int parameter, Instant value) throws SQLException {
        setString(ps, parameter, value == null ? null : UTC_DATE_TIME.format(value.atOffset(ZoneOffset.UTC)));
    }

    @Override
    public OffsetDateTime getOffsetDateTime(ResultSet rs, int column) throws SQLException {
        String text = rs.getString(column);
        if (text == null) {
            return null;
        }
        String iso = isoT(text);
        return parse(text, column, () -> hasOffset(iso)
                ? OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC)
                : LocalDateTime.parse(iso).atOffset(ZoneOffset.UTC));
    }

    @Override
    public void setOffsetDateTime(PreparedStatement ps, int parameter, OffsetDateTime value) throws SQLException {
        setInstant(ps, parameter, value == null ? null : value.toInstant());
    }

    /** SQLite's own functions write a space between date and time; java.time wants a T. */
    private static String isoT(String text) {
        return text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
    }

    private static boolean hasOffset(String iso) {
        if (iso.endsWith("Z")) {
            return true;
        }
        int t = iso.indexOf('T');
        return t >= 0 && (iso.indexOf('+', t) >= 0 || iso.indexOf('-', t) >= 0);
    }

    private static <V> V parse(String text, int column, java.util.function.Supplier<V> parser) {
        try {
            return parser.get();
        } catch (DateTimeParseException e) {
            throw new MappingException("Column " + column + " holds '" + text + "', which is not an ISO-8601 date/time"
                    + " (Limber keeps SQLite temporals as text like 2024-01-31T10:15:30.000000000Z)", null, e);
        }
    }
}
