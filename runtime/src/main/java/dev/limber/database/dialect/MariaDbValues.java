package dev.limber.database.dialect;

import dev.limber.database.MappingException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * MariaDB has no time-zone-aware column type, so Instant and OffsetDateTime are kept as their
 * UTC wall-clock time in DATETIME(6): the instant survives, an OffsetDateTime's offset does not
 * (it comes back at UTC). Times are truncated to microseconds, as DATETIME(6) / TIME(6) keep
 * them. UUIDs are CHAR(36) text. FLOAT and DOUBLE hold finite numbers only: NaN and infinities
 * are refused with a {@link MappingException}.
 */
final class MariaDbValues extends StandardJdbcValues {
    // times without a sub-microsecond part are bound as they are: truncatedTo would allocate a copy

    @Override
    public void setFloat(PreparedStatement ps, int parameter, float value) throws SQLException {
        finite(value);
        super.setFloat(ps, parameter, value);
    }

    @Override
    public void setDouble(PreparedStatement ps, int parameter, double value) throws SQLException {
        finite(value);
        super.setDouble(ps, parameter, value);
    }

    /** MariaDB's FLOAT and DOUBLE hold finite numbers only. */
    private static void finite(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new MappingException("MariaDB cannot store " + value + " in a FLOAT or DOUBLE column; only finite"
                    + " numbers (store NULL in a boxed column instead)");
        }
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
    public void setLocalTime(PreparedStatement ps, int parameter, LocalTime value) throws SQLException {
        super.setLocalTime(ps, parameter, toMicros(value));
    }

    @Override
    public void setLocalDateTime(PreparedStatement ps, int parameter, LocalDateTime value) throws SQLException {
        super.setLocalDateTime(ps, parameter, toMicros(value));
    }

    @Override
    public Instant getInstant(ResultSet rs, int column) throws SQLException {
        LocalDateTime utc = getLocalDateTime(rs, column);
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    @Override
    public void setInstant(PreparedStatement ps, int parameter, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(parameter, Types.TIMESTAMP);
        } else {
            setLocalDateTime(ps, parameter, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    @Override
    public OffsetDateTime getOffsetDateTime(ResultSet rs, int column) throws SQLException {
        LocalDateTime utc = getLocalDateTime(rs, column);
        return utc == null ? null : utc.atOffset(ZoneOffset.UTC);
    }

    @Override
    public void setOffsetDateTime(PreparedStatement ps, int parameter, OffsetDateTime value) throws SQLException {
        setInstant(ps, parameter, value == null ? null : value.toInstant());
    }
}
