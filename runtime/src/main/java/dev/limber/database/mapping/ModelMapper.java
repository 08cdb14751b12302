package dev.limber.database.mapping;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Moves one model between Java and JDBC without reflection. The annotation processor writes
 * one implementation per {@code @Model}; the runtime builds the SQL and calls these methods.
 *
 * <p>Column numbers are positions in {@link dev.limber.database.ModelInfo#columns()} (from 0).
 * Every value goes through {@link JdbcValues}, so that dialect differences (how SQLite keeps an
 * Instant, how MariaDB keeps a UUID) stay in the dialect and out of generated code.
 */
public interface ModelMapper<T> extends RowMapper<T> {

    /**
     * Reads the row under the cursor, whose result columns are all of the model's columns in
     * {@code ModelInfo.columns()} order, starting at result column 1.
     */
    @Override
    T read(ResultSet resultSet, JdbcValues values) throws SQLException;

    /**
     * Binds {@code columns[k]} of {@code model} to parameter {@code firstParameter + k} and
     * returns the index of the next free parameter.
     */
    int bind(PreparedStatement statement, int firstParameter, T model, int[] columns, JdbcValues values)
            throws SQLException;

    /** The value of column {@code column} of {@code model}, boxed (for ids, versions and deleted_at). */
    Object get(T model, int column);

    /**
     * Writes {@code value} (of the column's Java type, boxed) into column {@code column}. Returns
     * {@code model} itself for a class, or a new instance for a record.
     */
    T with(T model, int column, Object value);
}
