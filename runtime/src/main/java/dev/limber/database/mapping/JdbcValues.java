package dev.limber.database.mapping;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Reads and binds every supported column type, the way one database wants it. Each dialect has
 * one implementation; generated mappers call the typed methods, the runtime calls
 * {@link #get(ResultSet, int, Class)} and {@link #set(PreparedStatement, int, Object, Class)}
 * for condition values and generated keys.
 *
 * <p>The {@code OrNull} getters return null for SQL NULL; the primitive ones return 0 / false,
 * as JDBC does. Setters taking a reference bind SQL NULL for null.
 */
public interface JdbcValues {

    boolean getBoolean(ResultSet rs, int column) throws SQLException;
    Boolean getBooleanOrNull(ResultSet rs, int column) throws SQLException;
    void setBoolean(PreparedStatement ps, int parameter, boolean value) throws SQLException;
    void setBooleanOrNull(PreparedStatement ps, int parameter, Boolean value) throws SQLException;

    byte getByte(ResultSet rs, int column) throws SQLException;
    Byte getByteOrNull(ResultSet rs, int column) throws SQLException;
    void setByte(PreparedStatement ps, int parameter, byte value) throws SQLException;
    void setByteOrNull(PreparedStatement ps, int parameter, Byte value) throws SQLException;

    short getShort(ResultSet rs, int column) throws SQLException;
    Short getShortOrNull(ResultSet rs, int column) throws SQLException;
    void setShort(PreparedStatement ps, int parameter, short value) throws SQLException;
    void setShortOrNull(PreparedStatement ps, int parameter, Short value) throws SQLException;

    int getInt(ResultSet rs, int column) throws SQLException;
    Integer getIntOrNull(ResultSet rs, int column) throws SQLException;
    void setInt(PreparedStatement ps, int parameter, int value) throws SQLException;
    void setIntOrNull(PreparedStatement ps, int parameter, Integer value) throws SQLException;

    long getLong(ResultSet rs, int column) throws SQLException;
    Long getLongOrNull(ResultSet rs, int column) throws SQLException;
    void setLong(PreparedStatement ps, int parameter, long value) throws SQLException;
    void setLongOrNull(PreparedStatement ps, int parameter, Long value) throws SQLException;

    float getFloat(ResultSet rs, int column) throws SQLException;
    Float getFloatOrNull(ResultSet rs, int column) throws SQLException;
    void setFloat(PreparedStatement ps, int parameter, float value) throws SQLException;
    void setFloatOrNull(PreparedStatement ps, int parameter, Float value) throws SQLException;

    double getDouble(ResultSet rs, int column) throws SQLException;
    Double getDoubleOrNull(ResultSet rs, int column) throws SQLException;
    void setDouble(PreparedStatement ps, int parameter, double value) throws SQLException;
    void setDoubleOrNull(PreparedStatement ps, int parameter, Double value) throws SQLException;

    String getString(ResultSet rs, int column) throws SQLException;
    void setString(PreparedStatement ps, int parameter, String value) throws SQLException;

    BigDecimal getBigDecimal(ResultSet rs, int column) throws SQLException;
    void setBigDecimal(PreparedStatement ps, int parameter, BigDecimal value) throws SQLException;

    byte[] getBytes(ResultSet rs, int column) throws SQLException;
    void setBytes(PreparedStatement ps, int parameter, byte[] value) throws SQLException;

    UUID getUuid(ResultSet rs, int column) throws SQLException;
    void setUuid(PreparedStatement ps, int parameter, UUID value) throws SQLException;

    /** Enums are stored by {@link Enum#name()}. */
    <E extends Enum<E>> E getEnum(ResultSet rs, int column, Class<E> type) throws SQLException;
    void setEnum(PreparedStatement ps, int parameter, Enum<?> value) throws SQLException;

    LocalDate getLocalDate(ResultSet rs, int column) throws SQLException;
    void setLocalDate(PreparedStatement ps, int parameter, LocalDate value) throws SQLException;

    LocalTime getLocalTime(ResultSet rs, int column) throws SQLException;
    void setLocalTime(PreparedStatement ps, int parameter, LocalTime value) throws SQLException;

    LocalDateTime getLocalDateTime(ResultSet rs, int column) throws SQLException;
    void setLocalDateTime(PreparedStatement ps, int parameter, LocalDateTime value) throws SQLException;

    Instant getInstant(ResultSet rs, int column) throws SQLException;
    void setInstant(PreparedStatement ps, int parameter, Instant value) throws SQLException;

    OffsetDateTime getOffsetDateTime(ResultSet rs, int column) throws SQLException;
    void setOffsetDateTime(PreparedStatement ps, int parameter, OffsetDateTime value) throws SQLException;

    /** Reads a column of any supported type ({@code type} boxed for primitives); null for SQL NULL. */
    Object get(ResultSet rs, int column, Class<?> type) throws SQLException;

    /** Binds a value of any supported type; {@code type} picks the SQL NULL to bind when value is null. */
    void set(PreparedStatement ps, int parameter, Object value, Class<?> type) throws SQLException;
}
