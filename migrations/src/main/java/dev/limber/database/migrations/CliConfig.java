package dev.limber.database.migrations;

import dev.limber.container.Config;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The command line's settings: the application's own {@link Config} (defaults, then
 * {@code limber.properties} in the project directory, then {@code LIMBER_*} environment variables),
 * then command-line options, which win. Reading the same Config as {@code Application.boot()}
 * means the command line and the application always agree on the database.
 */
final class CliConfig {
    static final String URL = Config.DATABASE_URL;
    static final String USERNAME = Config.DATABASE_USERNAME;
    static final String PASSWORD = Config.DATABASE_PASSWORD;
    static final String LOCATION = Config.MIGRATIONS_LOCATION;
    static final String DEFAULT_URL = Config.DEFAULT_DATABASE_URL;

    private final Config config;
    private final Map<String, String> overrides = new HashMap<>();

    private CliConfig(Config config) {
        this.config = config;
    }

    /** Reads {@code limber.properties} in {@code projectDirectory} (if present) and {@code env}. */
    static CliConfig load(Path projectDirectory, Map<String, String> env) {
        return new CliConfig(Config.load(projectDirectory, env));
    }

    /** An option given on the command line wins over everything else. */
    void override(String key, String value) {
        if (value != null) {
            overrides.put(key, value);
        }
    }

    /** The value, or null when unset or blank ({@code database.username=} means none). */
    String get(String key) {
        String value = overrides.containsKey(key) ? overrides.get(key) : config.get(key).orElse(null);
        return value == null || value.isBlank() ? null : value;
    }

    /** Where the configuration came from, for messages (see {@link Config#origin()}). */
    String origin() {
        return config.origin();
    }
}
