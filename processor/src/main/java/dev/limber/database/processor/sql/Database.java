package dev.limber.database.processor.sql;

import java.util.Locale;

/**
 * The four databases a {@code @Query} can be verified on, named as the runtime's dialects
 * ({@code Dialect.name()}) and the {@code -Alimber.verify.<id>} options.
 */
public enum Database {
    H2("h2"),
    SQLITE("sqlite"),
    POSTGRESQL("postgresql"),
    MARIADB("mariadb");

    private final String id;

    Database(String id) {
        this.id = id;
    }

    /** {@code postgresql}: the dialect name and the suffix of the verify option. */
    public String id() {
        return id;
    }

    /** {@code limber.verify.postgresql}. */
    public String option() {
        return "limber.verify." + id;
    }

    /** The database named {@code name} (a constant name or an id, any case), or null. */
    public static Database named(String name) {
        for (Database database : values()) {
            if (database.name().equalsIgnoreCase(name) || database.id.equals(name.toLowerCase(Locale.ROOT))) {
                return database;
            }
        }
        return null;
    }
}
