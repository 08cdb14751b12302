package dev.limber.database.processor;

/** The four databases the processor writes DDL for, in the order schema files and ModelInfo list them. */
enum SqlDialect {
    H2("h2", '"'),
    SQLITE("sqlite", '"'),
    POSTGRESQL("postgresql", '"'),
    MARIADB("mariadb", '`');

    private final String id;
    private final char quote;

    SqlDialect(String id, char quote) {
        this.id = id;
        this.quote = quote;
    }

    /** The runtime's dialect name ({@code Dialect.name()}). */
    String id() {
        return id;
    }

    /** {@code identifier} quoted, embedded quote characters doubled, as the runtime's dialects quote. */
    String quote(String identifier) {
        String q = String.valueOf(quote);
        return q + identifier.replace(q, q + q) + q;
    }
}
