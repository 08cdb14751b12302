package dev.limber.database.mapping;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads one row under the cursor into a value, through the dialect's {@link JdbcValues}: what a
 * generated {@code @Query} method hands to {@link dev.limber.database.SqlQuery}. A generated
 * {@link ModelMapper} is one (it reads the model's columns from result column 1).
 */
@FunctionalInterface
public interface RowMapper<T> {
    T read(ResultSet resultSet, JdbcValues values) throws SQLException;
}
