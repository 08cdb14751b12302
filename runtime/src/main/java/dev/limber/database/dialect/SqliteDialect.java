package dev.limber.database.dialect;

import dev.limber.database.mapping.JdbcValues;

/** The sqlite dialect. */
final class SqliteDialect implements Dialect {
    private static final char QUOTE = '"';

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public String quote(String identifier) {
        String q = String.valueOf(QUOTE);
        return q + identifier.replace(q, q + q) + q;
    }

    @Override
    public JdbcValues values() {
        throw new UnsupportedOperationException("TODO(runtime): JdbcValues for sqlite");
    }

    @Override
    public String toString() {
        return name();
    }
}
