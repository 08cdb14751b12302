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
    /** The statement's time limit in whole seconds (0: none), or -1 for the engine's ({@code Query.timeout}). */
    int timeoutSeconds = -1;
    private final JdbcValues jdbc;

    Rendered(JdbcValues jdbc) {
        this.jdbc = jdbc;
    }

    void bind(Object value, Class<?> type) {
        if (value instanceof String text) {
            TextValues.checkCharacters(text, () -> "A query parameter");
        }
        values.add(value);
        types.add(type);
    }

    /** Whether {@code other} binds the same values (the same objects), of the same types, in the same order. */
    boolean bindsAsIn(Rendered other) {
        if (values.size() != other.values.size()) {
            return false;
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != other.values.get(i) || types.get(i) != other.types.get(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    @Override
    public void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value instanceof RelationLoader.KeyArray array) {
                array.bind(statement, i + 1);
            } else {
                jdbc.set(statement, i + 1, value, types.get(i));
            }
        }
    }
}
