package dev.limber.database.dialect;

import dev.limber.database.mapping.JdbcValues;

/** The h2 dialect. */
final class H2Dialect implements Dialect {
    private static final char QUOTE = '"';

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public String quote(String identifier) {
        String q = String.valueOf(QUOTE);
        return q + identifier.replace(q, q + q) + q;
    }

    @Override
    public JdbcValues values() {
        throw new UnsupportedOperationException("TODO(runtime): JdbcValues for h2");
    }

    @Override
    public String toString() {
        return name();
    }
}
