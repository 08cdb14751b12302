package dev.limber.benchmarks;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * A {@link java.sql.ResultSet} that supports nothing; {@link RowsResultSet} overrides the few
 * methods a mapper calls. Generated from {@code javap java.sql.ResultSet}: every method throws.
 */
@SuppressWarnings("deprecation")
abstract class UnsupportedResultSet implements java.sql.ResultSet {

    static SQLException unsupported() {
        return new SQLFeatureNotSupportedException("not part of the in-memory result set used to time mappers");
    }

    @Override
    public boolean next() throws SQLException {
        throw unsupported();
    }

    @Override
    public void close() throws SQLException {
        throw unsupported();
    }

    @Override
    public boolean wasNull() throws SQLException {
        throw unsupported();
    }

    @Override
    public String getString(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public boolean getBoolean(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public byte getByte(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public short getShort(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public int getInt(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public long getLong(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public float getFloat(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public double getDouble(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.math.BigDecimal getBigDecimal(int p0, int p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public byte[] getBytes(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.sql.Date getDate(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.sql.Time getTime(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.sql.Timestamp getTimestamp(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.io.InputStream getAsciiStream(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.io.InputStream getUnicodeStream(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.io.InputStream getBinaryStream(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public String getString(String p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public boolean getBoolean(String p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public byte getByte(String p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public short getShort(String p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public int getInt(String p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public long getLong(String p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public float getFloat(String p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public double getDouble(String p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.math.BigDecimal getBigDecimal(String p0, int p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public byte[] getBytes(String p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.sql.Date getDate(String p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.sql.Time getTime(String p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.sql.Timestamp getTimestamp(String p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.io.InputStream getAsciiStream(String p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.io.InputStream getUnicodeStream(String p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.io.InputStream getBinaryStream(String p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.sql.SQLWarning getWarnings() throws SQLException {
        throw unsupported();
    }

    @Override
    public void clearWarnings() throws SQLException {
        throw unsupported();
    }

    @Override
    public String getCursorName() throws SQLException {
        throw unsupported();
    }

    @Override
    public java.sql.ResultSetMetaData getMetaData() throws SQLException {
        throw unsupported();
    }

    @Override
    public Object getObject(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public Object getObject(String p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public int findColumn(String p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.io.Reader getCharacterStream(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.io.Reader getCharacterStream(String p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.math.BigDecimal getBigDecimal(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.math.BigDecimal getBigDecimal(String p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        throw unsupported();
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        throw unsupported();
    }

    @Override
    public boolean isFirst() throws SQLException {
        throw unsupported();
    }

    @Override
    public boolean isLast() throws SQLException {
        throw unsupported();
    }

    @Override
    public void beforeFirst() throws SQLException {
        throw unsupported();
    }

    @Override
    public void afterLast() throws SQLException {
        throw unsupported();
    }

    @Override
    public boolean first() throws SQLException {
        throw unsupported();
    }

    @Override
    public boolean last() throws SQLException {
        throw unsupported();
    }

    @Override
    public int getRow() throws SQLException {
        throw unsupported();
    }

    @Override
    public boolean absolute(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public boolean relative(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public boolean previous() throws SQLException {
        throw unsupported();
    }

    @Override
    public void setFetchDirection(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public int getFetchDirection() throws SQLException {
        throw unsupported();
    }

    @Override
    public void setFetchSize(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public int getFetchSize() throws SQLException {
        throw unsupported();
    }

    @Override
    public int getType() throws SQLException {
        throw unsupported();
    }

    @Override
    public int getConcurrency() throws SQLException {
        throw unsupported();
    }

    @Override
    public boolean rowUpdated() throws SQLException {
        throw unsupported();
    }

    @Override
    public boolean rowInserted() throws SQLException {
        throw unsupported();
    }

    @Override
    public boolean rowDeleted() throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateNull(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateBoolean(int p0, boolean p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateByte(int p0, byte p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateShort(int p0, short p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateInt(int p0, int p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateLong(int p0, long p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateFloat(int p0, float p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateDouble(int p0, double p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateBigDecimal(int p0, java.math.BigDecimal p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateString(int p0, String p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateBytes(int p0, byte[] p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateDate(int p0, java.sql.Date p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateTime(int p0, java.sql.Time p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateTimestamp(int p0, java.sql.Timestamp p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateAsciiStream(int p0, java.io.InputStream p1, int p2) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateBinaryStream(int p0, java.io.InputStream p1, int p2) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateCharacterStream(int p0, java.io.Reader p1, int p2) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateObject(int p0, Object p1, int p2) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateObject(int p0, Object p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateNull(String p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateBoolean(String p0, boolean p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateByte(String p0, byte p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateShort(String p0, short p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateInt(String p0, int p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateLong(String p0, long p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateFloat(String p0, float p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateDouble(String p0, double p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateBigDecimal(String p0, java.math.BigDecimal p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateString(String p0, String p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateBytes(String p0, byte[] p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateDate(String p0, java.sql.Date p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateTime(String p0, java.sql.Time p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateTimestamp(String p0, java.sql.Timestamp p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateAsciiStream(String p0, java.io.InputStream p1, int p2) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateBinaryStream(String p0, java.io.InputStream p1, int p2) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateCharacterStream(String p0, java.io.Reader p1, int p2) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateObject(String p0, Object p1, int p2) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateObject(String p0, Object p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void insertRow() throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateRow() throws SQLException {
        throw unsupported();
    }

    @Override
    public void deleteRow() throws SQLException {
        throw unsupported();
    }

    @Override
    public void refreshRow() throws SQLException {
        throw unsupported();
    }

    @Override
    public void cancelRowUpdates() throws SQLException {
        throw unsupported();
    }

    @Override
    public void moveToInsertRow() throws SQLException {
        throw unsupported();
    }

    @Override
    public void moveToCurrentRow() throws SQLException {
        throw unsupported();
    }

    @Override
    public java.sql.Statement getStatement() throws SQLException {
        throw unsupported();
    }

    @Override
    public Object getObject(int p0, java.util.Map<String, Class<?>> p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.sql.Ref getRef(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.sql.Blob getBlob(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.sql.Clob getClob(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.sql.Array getArray(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public Object getObject(String p0, java.util.Map<String, Class<?>> p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.sql.Ref getRef(String p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.sql.Blob getBlob(String p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.sql.Clob getClob(String p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.sql.Array getArray(String p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.sql.Date getDate(int p0, java.util.Calendar p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.sql.Date getDate(String p0, java.util.Calendar p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.sql.Time getTime(int p0, java.util.Calendar p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.sql.Time getTime(String p0, java.util.Calendar p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.sql.Timestamp getTimestamp(int p0, java.util.Calendar p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.sql.Timestamp getTimestamp(String p0, java.util.Calendar p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.net.URL getURL(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.net.URL getURL(String p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateRef(int p0, java.sql.Ref p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateRef(String p0, java.sql.Ref p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateBlob(int p0, java.sql.Blob p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateBlob(String p0, java.sql.Blob p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateClob(int p0, java.sql.Clob p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateClob(String p0, java.sql.Clob p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateArray(int p0, java.sql.Array p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateArray(String p0, java.sql.Array p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.sql.RowId getRowId(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.sql.RowId getRowId(String p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateRowId(int p0, java.sql.RowId p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateRowId(String p0, java.sql.RowId p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public int getHoldability() throws SQLException {
        throw unsupported();
    }

    @Override
    public boolean isClosed() throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateNString(int p0, String p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateNString(String p0, String p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateNClob(int p0, java.sql.NClob p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateNClob(String p0, java.sql.NClob p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.sql.NClob getNClob(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.sql.NClob getNClob(String p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.sql.SQLXML getSQLXML(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.sql.SQLXML getSQLXML(String p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateSQLXML(int p0, java.sql.SQLXML p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateSQLXML(String p0, java.sql.SQLXML p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public String getNString(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public String getNString(String p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.io.Reader getNCharacterStream(int p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public java.io.Reader getNCharacterStream(String p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateNCharacterStream(int p0, java.io.Reader p1, long p2) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateNCharacterStream(String p0, java.io.Reader p1, long p2) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateAsciiStream(int p0, java.io.InputStream p1, long p2) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateBinaryStream(int p0, java.io.InputStream p1, long p2) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateCharacterStream(int p0, java.io.Reader p1, long p2) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateAsciiStream(String p0, java.io.InputStream p1, long p2) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateBinaryStream(String p0, java.io.InputStream p1, long p2) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateCharacterStream(String p0, java.io.Reader p1, long p2) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateBlob(int p0, java.io.InputStream p1, long p2) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateBlob(String p0, java.io.InputStream p1, long p2) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateClob(int p0, java.io.Reader p1, long p2) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateClob(String p0, java.io.Reader p1, long p2) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateNClob(int p0, java.io.Reader p1, long p2) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateNClob(String p0, java.io.Reader p1, long p2) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateNCharacterStream(int p0, java.io.Reader p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateNCharacterStream(String p0, java.io.Reader p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateAsciiStream(int p0, java.io.InputStream p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateBinaryStream(int p0, java.io.InputStream p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateCharacterStream(int p0, java.io.Reader p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateAsciiStream(String p0, java.io.InputStream p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateBinaryStream(String p0, java.io.InputStream p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateCharacterStream(String p0, java.io.Reader p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateBlob(int p0, java.io.InputStream p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateBlob(String p0, java.io.InputStream p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateClob(int p0, java.io.Reader p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateClob(String p0, java.io.Reader p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateNClob(int p0, java.io.Reader p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public void updateNClob(String p0, java.io.Reader p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public <T> T getObject(int p0, Class<T> p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public <T> T getObject(String p0, Class<T> p1) throws SQLException {
        throw unsupported();
    }

    @Override
    public <T> T unwrap(Class<T> p0) throws SQLException {
        throw unsupported();
    }

    @Override
    public boolean isWrapperFor(Class<?> p0) throws SQLException {
        return false;
    }
}
