package dev.limber.benchmarks;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;

/**
 * A forward-only result set over rows held in memory, supporting what a mapper reads: the typed
 * getters by column index, {@code getObject(index, type)} and {@code wasNull}. Values are stored
 * as the Java objects a driver would hand out, so a read is a cast: what is left to time is the
 * mapper's own code.
 */
final class RowsResultSet extends UnsupportedResultSet {
    private final List<Object[]> rows;
    private int cursor = -1;
    private Object[] row;
    private boolean wasNull;

    RowsResultSet(List<Object[]> rows) {
        this.rows = rows;
    }

    @Override
    public void beforeFirst() {
        cursor = -1;
        row = null;
    }

    @Override
    public boolean next() {
        if (++cursor < rows.size()) {
            row = rows.get(cursor);
            return true;
        }
        row = null;
        return false;
    }

    private Object value(int column) {
        Object value = row[column - 1];
        wasNull = value == null;
        return value;
    }

    @Override
    public boolean wasNull() {
        return wasNull;
    }

    @Override
    public String getString(int column) {
        Object value = value(column);
        return value == null ? null : value.toString();
    }

    @Override
    public long getLong(int column) {
        Object value = value(column);
        return value == null ? 0L : ((Number) value).longValue();
    }

    @Override
    public int getInt(int column) {
        Object value = value(column);
        return value == null ? 0 : ((Number) value).intValue();
    }

    @Override
    public boolean getBoolean(int column) {
        Object value = value(column);
        return value != null && (Boolean) value;
    }

    @Override
    public BigDecimal getBigDecimal(int column) {
        return (BigDecimal) value(column);
    }

    @Override
    public <T> T getObject(int column, Class<T> type) throws SQLException {
        Object value = value(column);
        if (value != null && !type.isInstance(value)) {
            throw new SQLException("column " + column + " holds a " + value.getClass().getName() + ", not a " + type.getName());
        }
        return type.cast(value);
    }

    @Override
    public void close() {
    }
}
