package dev.limber.database;

import dev.limber.database.dialect.Dialect;
import dev.limber.database.mapping.JdbcValues;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists of keys bound into {@code IN (?, ...)}, cut into chunks: cascades and junction writes
 * select and update rows by key, and a list may be longer than one statement takes.
 */
final class KeyLists {
    /** The most keys one IN list binds; the dialect's parameter limit lowers it further. */
    private static final int CHUNK = 1000;

    private KeyLists() {
    }

    /** {@code keys} in consecutive chunks, each small enough to bind beside a few other values. */
    static List<List<Object>> chunks(List<Object> keys, Dialect dialect) {
        int size = Math.min(CHUNK, dialect.maxParameters() - 8);
        List<List<Object>> chunks = new ArrayList<>((keys.size() + size - 1) / size);
        for (int from = 0; from < keys.size(); from += size) {
            chunks.add(keys.subList(from, Math.min(keys.size(), from + size)));
        }
        return chunks;
    }

    /** {@code " IN (?, ?, ...)"} for the chunk's size. */
    static String in(List<Object> chunk) {
        StringBuilder sql = new StringBuilder(6 + 3 * chunk.size()).append(" IN (");
        for (int i = 0; i < chunk.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        return sql.append(')').toString();
    }

    /** Binds {@code keys} as {@code type} from parameter {@code first}; returns the next parameter. */
    static int bind(JdbcValues values, PreparedStatement ps, int first, List<Object> keys, Class<?> type)
            throws SQLException {
        int next = first;
        for (Object key : keys) {
            values.set(ps, next++, key, type);
        }
        return next;
    }
}
