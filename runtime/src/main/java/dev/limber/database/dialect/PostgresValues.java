package dev.limber.database.dialect;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * PostgreSQL keeps times to the microsecond and would round a nanosecond value (possibly into
 * the next day); Limber truncates to microseconds before binding so what is stored is
 * predictable. TIMESTAMPTZ stores the instant only: an OffsetDateTime comes back at UTC.
 */
final class PostgresValues extends StandardJdbcValues {
    @Override
    public void setLocalTime(PreparedStatement ps, int parameter, LocalTime value) throws SQLException {
        super.setLocalTime(ps, parameter, toMicros(value));
    }

    @Override
    public void setLocalDateTime(PreparedStatement ps, int parameter, LocalDateTime value) throws SQLException {
        super.setLocalDateTime(ps, parameter, toMicros(value));
    }

    @Override
    public void setOffsetDateTime(PreparedStatement ps, int parameter, OffsetDateTime value) throws SQLException {
        super.setOffsetDateTime(ps, parameter, toMicros(value));
    }
}
