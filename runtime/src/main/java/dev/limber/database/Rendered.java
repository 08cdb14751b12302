package dev.limber.database;

import dev.limber.database.mapping.JdbcValues;
import dev.limber.database.query.Condition;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** One statement's SQL with its parameters, bound in order through the dialect's JdbcValues. */
final class Rendered implements Transaction.Binder {
    String sql;
    final List<Object> values = new ArrayList<>();
    final List<Class<?>> types = new ArrayList<>();
    /** The longest in(...) list rendered, to name it when the statement binds too many values. */
    Condition.In longestIn;
    private final JdbcValues jdbc;

    Rendered(JdbcValues jdbc) {
        this.jdbc = jdbc;
    }

    void bind(Object value, Class<?> type) {
        values.add(value);
        types.add(type);
    }

    @Override
    public void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            jdbc.set(statement, i + 1, values.get(i), types.get(i));
        }
    }
}
