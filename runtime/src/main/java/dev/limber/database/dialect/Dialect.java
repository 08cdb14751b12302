package dev.limber.database.dialect;

import dev.limber.database.mapping.JdbcValues;

/**
 * Everything that differs between the supported databases lives behind this interface, one
 * class per database; session and query code never asks which database it is talking to.
 */
public interface Dialect {
    Dialect H2 = new H2Dialect();
    Dialect SQLITE = new SqliteDialect();
    Dialect POSTGRESQL = new PostgresDialect();
    Dialect MARIADB = new MariaDbDialect();

    /** The short name used for DDL resources and configuration: h2, sqlite, postgresql, mariadb. */
    String name();

    /** {@code identifier} quoted for this database, embedded quote characters escaped. */
    String quote(String identifier);

    /** How values of every supported type are read and bound. */
    JdbcValues values();

    /** The dialect for a JDBC URL; MySQL URLs use the MariaDB dialect. */
    static Dialect fromUrl(String jdbcUrl) {
        if (jdbcUrl == null) {
            throw new IllegalArgumentException("JDBC URL is null; pass e.g. jdbc:h2:mem:app");
        }
        String url = jdbcUrl.toLowerCase(java.util.Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            return MARIADB;
        }
        throw new IllegalArgumentException("Unsupported JDBC URL " + jdbcUrl
                + "; Limber supports jdbc:h2:, jdbc:sqlite:, jdbc:postgresql:, jdbc:mariadb: and jdbc:mysql:");
    }

    /** The dialect named {@code name} (h2, sqlite, postgresql, mariadb). */
    static Dialect named(String name) {
        for (Dialect dialect : all()) {
            if (dialect.name().equals(name)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("Unknown dialect " + name + "; use one of h2, sqlite, postgresql, mariadb");
    }

    static java.util.List<Dialect> all() {
        return java.util.List.of(H2, SQLITE, POSTGRESQL, MARIADB);
    }
}
