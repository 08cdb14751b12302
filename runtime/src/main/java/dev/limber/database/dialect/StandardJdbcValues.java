package dev.limber.database.dialect;

import dev.limber.database.MappingException;
import dev.limber.database.mapping.JdbcValues;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Reads and binds values the JDBC 4.2 way: primitives through the typed getters and setters,
 * java.time through {@code getObject(column, Class)} / {@code setObject}, UUID natively.
 * H2 and PostgreSQL use it almost unchanged; each dialect overrides only what its database
 * keeps differently.
 */
public class StandardJdbcValues implements JdbcValues {

    protected StandardJdbcValues() {
    }

    // --- boolean and integers ---

    @Override
    public boolean getBoolean(ResultSet rs, int column) throws SQLException {
        return rs.getBoolean(column);
    }

    @Override
    public Boolean getBooleanOrNull(ResultSet rs, int column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    @Override
    public void setBoolean(PreparedStatement ps, int parameter, boolean value) throws SQLException {
        ps.setBoolean(parameter, value);
    }

    @Override
    public void setBooleanOrNull(PreparedStatement ps, int parameter, Boolean value) throws SQLException {
        if (value == null) {
            ps.setNull(parameter, booleanSqlType());
        } else {
            setBoolean(ps, parameter, value);
        }
    }

    /** The java.sql.Types code bound for a NULL boolean. */
    protected int booleanSqlType() {
        return Types.BOOLEAN;
    }

    @Override
    public byte getByte(ResultSet rs, int column) throws SQLException {
        return rs.getByte(column);
    }

    @Override
    public Byte getByteOrNull(ResultSet rs, int column) throws SQLException {
        byte value = rs.getByte(column);
        return rs.wasNull() ? null : value;
    }

    @Override
    public void setByte(PreparedStatement ps, int parameter, byte value) throws SQLException {
        ps.setByte(parameter, value);
    }

    @Override
    public void setByteOrNull(PreparedStatement ps, int parameter, Byte value) throws SQLException {
        if (value == null) {
            ps.setNull(parameter, Types.TINYINT);
        } else {
            setByte(ps, parameter, value);
        }
    }

    @Override
    public short getShort(ResultSet rs, int column) throws SQLException {
        return rs.getShort(column);
    }

    @Override
    public Short getShortOrNull(ResultSet rs, int column) throws SQLException {
        short value = rs.getShort(column);
        return rs.wasNull() ? null : value;
    }

    @Override
    public void setShort(PreparedStatement ps, int parameter, short value) throws SQLException {
        ps.setShort(parameter, value);
    }

    @Override
    public void setShortOrNull(PreparedStatement ps, int parameter, Short value) throws SQLException {
        if (value == null) {
            ps.setNull(parameter, Types.SMALLINT);
        } else {
            setShort(ps, parameter, value);
        }
    }

    @Override
    public int getInt(ResultSet rs, int column) throws SQLException {
        return rs.getInt(column);
    }

    @Override
    public Integer getIntOrNull(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    @Override
    public void setInt(PreparedStatement ps, int parameter, int value) throws SQLException {
        ps.setInt(parameter, value);
    }

    @Override
    public void setIntOrNull(PreparedStatement ps, int parameter, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(parameter, Types.INTEGER);
        } else {
            setInt(ps, parameter, value);
        }
    }

    @Override
    public long getLong(ResultSet rs, int column) throws SQLException {
        return rs.getLong(column);
    }

    @Override
    public Long getLongOrNull(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    @Override
    public void setLong(PreparedStatement ps, int parameter, long value) throws SQLException {
        ps.setLong(parameter, value);
    }

    @Override
    public void setLongOrNull(PreparedStatement ps, int parameter, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(parameter, Types.BIGINT);
        } else {
            setLong(ps, parameter, value);
        }
    }

    // --- floating point ---

    @Override
    public float getFloat(ResultSet rs, int column) throws SQLException {
        return rs.getFloat(column);
    }

    @Override
    public Float getFloatOrNull(ResultSet rs, int column) throws SQLException {
        float value = rs.getFloat(column);
        return rs.wasNull() ? null : value;
    }

    @Override
    public void setFloat(PreparedStatement ps, int parameter, float value) throws SQLException {
        ps.setFloat(parameter, value);
    }

    @Override
    public void setFloatOrNull(PreparedStatement ps, int parameter, Float value) throws SQLException {
        if (value == null) {
            ps.setNull(parameter, Types.REAL);
        } else {
            setFloat(ps, parameter, value);
        }
    }

    @Override
    public double getDouble(ResultSet rs, int column) throws SQLException {
        return rs.getDouble(column);
    }

    @Override
    public Double getDoubleOrNull(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    @Override
    public void setDouble(PreparedStatement ps, int parameter, double value) throws SQLException {
        ps.setDouble(parameter, value);
    }

    @Override
    public void setDoubleOrNull(PreparedStatement ps, int parameter, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(parameter, Types.DOUBLE);
        } else {
            setDouble(ps, parameter, value);
        }
    }

    // --- strings, numbers, bytes, uuid, enums ---

    @Override
    public String getString(ResultSet rs, int column) throws SQLException {
        return rs.getString(column);
    }

    @Override
    public void setString(PreparedStatement ps, int parameter, String value) throws SQLException {
        if (value == null) {
            ps.setNull(parameter, Types.VARCHAR);
        } else {
            ps.setString(parameter, value);
        }
    }

    @Override
    public BigDecimal getBigDecimal(ResultSet rs, int column) throws SQLException {
        return rs.getBigDecimal(column);
    }

    @Override
    public void setBigDecimal(PreparedStatement ps, int parameter, BigDecimal value) throws SQLException {
        if (value == null) {
            ps.setNull(parameter, Types.NUMERIC);
        } else {
            ps.setBigDecimal(parameter, value);
        }
    }

    @Override
    public byte[] getBytes(ResultSet rs, int column) throws SQLException {
        return rs.getBytes(column);
    }

    @Override
    public void setBytes(PreparedStatement ps, int parameter, byte[] value) throws SQLException {
        if (value == null) {
            ps.setNull(parameter, Types.VARBINARY);
        } else {
            ps.setBytes(parameter, value);
        }
    }

    @Override
    public UUID getUuid(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    @Override
    public void setUuid(PreparedStatement ps, int parameter, UUID value) throws SQLException {
        if (value == null) {
            ps.setNull(parameter, Types.OTHER);
        } else {
            ps.setObject(parameter, value);
        }
    }

    @Override
    public <E extends Enum<E>> E getEnum(ResultSet rs, int column, Class<E> type) throws SQLException {
        String name = rs.getString(column);
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new MappingException("Column " + column + " holds '" + name + "', which is not a constant of "
                    + type.getName() + "; enums are stored by name, so renaming a constant needs a data migration",
                    null, e);
        }
    }

    @Override
    public void setEnum(PreparedStatement ps, int parameter, Enum<?> value) throws SQLException {
        setString(ps, parameter, value == null ? null : value.name());
    }

    // --- java.time ---

    @Override
    public LocalDate getLocalDate(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    @Override
    public void setLocalDate(PreparedStatement ps, int parameter, LocalDate value) throws SQLException {
        if (value == null) {
            ps.setNull(parameter, Types.DATE);
        } else {
            ps.setObject(parameter, value);
        }
    }

    @Override
    public LocalTime getLocalTime(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalTime.class);
    }

    @Override
    public void setLocalTime(PreparedStatement ps, int parameter, LocalTime value) throws SQLException {
        if (value == null) {
            ps.setNull(parameter, Types.TIME);
        } else {
            ps.setObject(parameter, value);
        }
    }

    @Override
    public LocalDateTime getLocalDateTime(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class);
    }

    @Override
    public void setLocalDateTime(PreparedStatement ps, int parameter, LocalDateTime value) throws SQLException {
        if (value == null) {
            ps.setNull(parameter, Types.TIMESTAMP);
        } else {
            ps.setObject(parameter, value);
        }
    }

    /** JDBC 4.2 has no Instant mapping; it travels as an OffsetDateTime at UTC. */
    @Override
    public Instant getInstant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = getOffsetDateTime(rs, column);
        return value == null ? null : value.toInstant();
    }

    @Override
    public void setInstant(PreparedStatement ps, int parameter, Instant value) throws SQLException {
        setOffsetDateTime(ps, parameter, value == null ? null : value.atOffset(ZoneOffset.UTC));
    }

    @Override
    public OffsetDateTime getOffsetDateTime(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }

    @Override
    public void setOffsetDateTime(PreparedStatement ps, int parameter, OffsetDateTime value) throws SQLException {
        if (value == null) {
            ps.setNull(parameter, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(parameter, value);
        }
    }

    // --- by type, for condition values, keys and stamps ---

    @Override
    public Object get(ResultSet rs, int column, Class<?> type) throws SQLException {
        Class<?> t = JavaTypes.boxed(type);
        if (t == String.class) return getString(rs, column);
        if (t == Long.class) return getLongOrNull(rs, column);
        if (t == Integer.class) return getIntOrNull(rs, column);
        if (t == Boolean.class) return getBooleanOrNull(rs, column);
        if (t == Short.class) return getShortOrNull(rs, column);
        if (t == Byte.class) return getByteOrNull(rs, column);
        if (t == Double.class) return getDoubleOrNull(rs, column);
        if (t == Float.class) return getFloatOrNull(rs, column);
        if (t == BigDecimal.class) return getBigDecimal(rs, column);
        if (t == byte[].class) return getBytes(rs, column);
        if (t == UUID.class) return getUuid(rs, column);
        if (t == Instant.class) return getInstant(rs, column);
        if (t == OffsetDateTime.class) return getOffsetDateTime(rs, column);
        if (t == LocalDateTime.class) return getLocalDateTime(rs, column);
        if (t == LocalDate.class) return getLocalDate(rs, column);
        if (t == LocalTime.class) return getLocalTime(rs, column);
        if (t.isEnum()) return getEnumUnchecked(rs, column, t);
        throw unsupported(t);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object getEnumUnchecked(ResultSet rs, int column, Class<?> type) throws SQLException {
        return getEnum(rs, column, (Class) type);
    }

    @Override
    public void set(PreparedStatement ps, int parameter, Object value, Class<?> type) throws SQLException {
        Class<?> t = JavaTypes.boxed(type);
        if (value != null && !t.isInstance(value)) {
            throw new MappingException("Cannot bind a " + value.getClass().getName() + " where a " + t.getName()
                    + " is expected; pass a value of the property's type");
        }
        if (t == String.class) setString(ps, parameter, (String) value);
        else if (t == Long.class) setLongOrNull(ps, parameter, (Long) value);
        else if (t == Integer.class) setIntOrNull(ps, parameter, (Integer) value);
        else if (t == Boolean.class) setBooleanOrNull(ps, parameter, (Boolean) value);
        else if (t == Short.class) setShortOrNull(ps, parameter, (Short) value);
        else if (t == Byte.class) setByteOrNull(ps, parameter, (Byte) value);
        else if (t == Double.class) setDoubleOrNull(ps, parameter, (Double) value);
        else if (t == Float.class) setFloatOrNull(ps, parameter, (Float) value);
        else if (t == BigDecimal.class) setBigDecimal(ps, parameter, (BigDecimal) value);
        else if (t == byte[].class) setBytes(ps, parameter, (byte[]) value);
        else if (t == UUID.class) setUuid(ps, parameter, (UUID) value);
        else if (t == Instant.class) setInstant(ps, parameter, (Instant) value);
        else if (t == OffsetDateTime.class) setOffsetDateTime(ps, parameter, (OffsetDateTime) value);
        else if (t == LocalDateTime.class) setLocalDateTime(ps, parameter, (LocalDateTime) value);
        else if (t == LocalDate.class) setLocalDate(ps, parameter, (LocalDate) value);
        else if (t == LocalTime.class) setLocalTime(ps, parameter, (LocalTime) value);
        else if (t.isEnum()) setEnum(ps, parameter, (Enum<?>) value);
        else throw unsupported(t);
    }

    /** For databases that keep UUIDs as text (CHAR(36), TEXT). */
    protected final UUID getUuidAsText(ResultSet rs, int column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : UUID.fromString(text);
    }

    protected final void setUuidAsText(PreparedStatement ps, int parameter, UUID value) throws SQLException {
        setString(ps, parameter, value == null ? null : value.toString());
    }

    // For databases that keep microseconds: a value without a sub-microsecond part is returned as
    // it is, since truncatedTo would allocate a copy on every bind.

    protected static LocalTime toMicros(LocalTime value) {
        return value == null || value.getNano() % 1_000 == 0 ? value : value.truncatedTo(ChronoUnit.MICROS);
    }

    protected static LocalDateTime toMicros(LocalDateTime value) {
        return value == null || value.getNano() % 1_000 == 0 ? value : value.truncatedTo(ChronoUnit.MICROS);
    }

    protected static OffsetDateTime toMicros(OffsetDateTime value) {
        return value == null || value.getNano() % 1_000 == 0 ? value : value.truncatedTo(ChronoUnit.MICROS);
    }

    private static MappingException unsupported(Class<?> type) {
        return new MappingException("Unsupported column type " + type.getName() + "; Limber maps boolean, byte, short,"
                + " int, long, float, double and their boxes, String, BigDecimal, byte[], UUID, enums, LocalDate,"
                + " LocalTime, LocalDateTime, Instant and OffsetDateTime");
    }
}
