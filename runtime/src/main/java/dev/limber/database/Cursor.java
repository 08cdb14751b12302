package dev.limber.database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** The open result set behind {@link Query#stream()}; reads one row per advance. */
final class Cursor implements AutoCloseable {
    /** Rows fetched per round trip, so PostgreSQL and MariaDB stream instead of loading everything. */
    static final int FETCH_SIZE = 256;

    private final Transaction session;
    private final PreparedStatement statement;
    private final ResultSet resultSet;
    private final String sql;
    private final ModelInfo<?> info;
    private boolean closed;
    private boolean exhausted;

    Cursor(Transaction session, PreparedStatement statement, ResultSet resultSet, String sql, ModelInfo<?> info) {
        this.session = session;
        this.statement = statement;
        this.resultSet = resultSet;
        this.sql = sql;
        this.info = info;
    }

    /** The rows as a stream; it keeps {@code owner} (the session) reachable while it is. */
    <R> Stream<R> stream(Transaction.RowReader<R> reader, Object owner) {
        Spliterator<R> rows = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
            private final Object keptReachable = owner; // held, never read: see the Javadoc

            @Override
            public boolean tryAdvance(Consumer<? super R> action) {
                if (exhausted) {
                    return false;
                }
                if (closed) {
                    throw new LimberException("The stream is closed (its session committed, rolled back or closed)", sql, null);
                }
                try {
                    if (!resultSet.next()) {
                        exhausted = true;
                        close(); // read to the end: free the cursor now, not only when the stream is closed
                        return false;
                    }
                    action.accept(reader.read(resultSet));
                    return true;
                } catch (SQLException e) {
                    throw session.failed(e, sql, info);
                }
            }
        };
        return StreamSupport.stream(rows, false).onClose(this::close);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        session.closed(this);
        try (statement; resultSet) {
            // closing both, result set first
        } catch (SQLException e) {
            throw session.failed(e, sql, info);
        }
    }
}
