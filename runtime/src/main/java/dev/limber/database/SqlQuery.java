package dev.limber.database;

import dev.limber.database.mapping.JdbcValues;
import dev.limber.database.mapping.RowMapper;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One hand-written statement run in a session, as a generated {@code @Query} method runs it: the
 * SQL is a constant of the generated repository (checked, and rewritten for soft delete, at
 * compile time), values are bound in order through the dialect, and rows are read by a
 * {@link RowMapper}. It runs in the session's transaction, like every other statement of the
 * session. Write a {@code @Query} method rather than calling this by hand: the processor checks
 * the SQL and the result columns against the schema.
 *
 * <pre>{@code
 * return SqlQuery.of(session, BY_AUTHOR_NAME)
 *         .bind(name, String.class)
 *         .list(Book_Mapper.INFO.mapper());
 * }</pre>
 */
public final class SqlQuery implements Transaction.Binder {
    private final Session session;
    private final String sql;
    private final List<Object> values = new ArrayList<>(4);
    private final List<Class<?>> types = new ArrayList<>(4);

    private SqlQuery(Session session, String sql) {
        this.session = session;
        this.sql = sql;
    }

    /** The statement {@code sql} ({@code ?} for each parameter) in {@code session}. */
    public static SqlQuery of(Session session, String sql) {
        return new SqlQuery(session, sql);
    }

    /** Binds the next {@code ?} to {@code value}, of Java type {@code type} (which picks the SQL NULL for null). */
    public SqlQuery bind(Object value, Class<?> type) {
        values.add(value);
        types.add(type);
        return this;
    }

    /**
     * Refuses to run, before any SQL is sent, unless the session's database is one of
     * {@code databases} ({@code "h2"}, {@code "sqlite"}, {@code "postgresql"}, {@code "mariadb"}):
     * what {@code @Query(databases = ...)} says the statement is written for.
     */
    public SqlQuery writtenFor(String method, String... databases) {
        String database = session.engine().dialect().name();
        for (String name : databases) {
            if (name.equals(database)) {
                return this;
            }
        }
        throw new LimberException(method + " is a @Query written for " + String.join(", ", databases)
                + " (its databases), but this engine runs " + database + "; call it on one of those, or write"
                + " the statement for " + database + " too and name it in @Query(databases)", sql, null);
    }

    /** Every row, read by {@code row}. */
    public <T> List<T> list(RowMapper<T> row) {
        JdbcValues jdbc = session.values();
        return session.list(sql, null, this, rs -> row.read(rs, jdbc), 0);
    }

    /** The first row, if any. */
    public <T> Optional<T> first(RowMapper<T> row) {
        JdbcValues jdbc = session.values();
        List<T> rows = session.list(sql, null, this, rs -> row.read(rs, jdbc), 1);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    /** The only row; {@link NotFoundException} when there is none, {@link LimberException} when there are several. */
    public <T> T one(RowMapper<T> row) {
        JdbcValues jdbc = session.values();
        List<T> rows = session.list(sql, null, this, rs -> row.read(rs, jdbc), 2);
        if (rows.isEmpty()) {
            throw new NotFoundException("The statement returned no row, where its method expects exactly one", sql,
                    null);
        }
        if (rows.size() > 1) {
            throw new LimberException("The statement returned more than one row, where its method expects exactly"
                    + " one; return a List or an Optional, or narrow the WHERE clause", sql, null);
        }
        return rows.get(0);
    }

    /** The rows, read lazily from an open cursor; close the stream (it holds the session's connection). */
    public <T> Stream<T> stream(RowMapper<T> row) {
        JdbcValues jdbc = session.values();
        return session.stream(sql, null, this, rs -> row.read(rs, jdbc));
    }

    /** Runs an INSERT, UPDATE or DELETE; the rows it changed. */
    public int update() {
        return session.update(sql, null, this);
    }

    @Override
    public void bind(PreparedStatement statement) throws SQLException {
        JdbcValues jdbc = session.values();
        for (int i = 0; i < values.size(); i++) {
            jdbc.set(statement, i + 1, values.get(i), types.get(i));
        }
    }

    @Override
    public String toString() {
        return "SqlQuery[" + sql + "]";
    }
}
