package dev.limber.database.migrations;

import dev.limber.database.LimberException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The command line's settings: built-in defaults, then {@code limber.properties}, then
 * {@code LIMBER_*} environment variables ({@code database.url} is {@code LIMBER_DATABASE_URL}),
 * then command-line options — each overriding the one before.
 */
final class CliConfig {
    static final String URL = "database.url";
    static final String USERNAME = "database.username";
    static final String PASSWORD = "database.password";
    static final String LOCATION = "migrations.location";
    static final String DEFAULT_URL = "jdbc:h2:file:./database/limber";

    private final Properties values = new Properties();

    private CliConfig() {
    }

    /**
     * Reads {@code configFile} (or {@code limber.properties} in {@code workingDirectory} when null,
     * skipped if absent) and the environment.
     */
    static CliConfig load(Path workingDirectory, Path configFile, Map<String, String> env) {
        CliConfig config = new CliConfig();
        config.values.setProperty(URL, DEFAULT_URL);
        config.values.setProperty(LOCATION, Migrator.DEFAULT_LOCATION);
        Path file = configFile != null ? workingDirectory.resolve(configFile) : workingDirectory.resolve("limber.properties");
        if (configFile != null && !Files.isRegularFile(file)) {
            throw new LimberException("Config file " + file + " does not exist");
        }
        if (Files.isRegularFile(file)) {
            Properties fromFile = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                fromFile.load(reader);
            } catch (IOException e) {
                throw new LimberException("Could not read " + file + ": " + e.getMessage(), e);
            }
            fromFile.stringPropertyNames().forEach(k -> config.values.setProperty(k, fromFile.getProperty(k).trim()));
        }
        for (String key : new String[] {URL, USERNAME, PASSWORD, LOCATION}) {
            String value = env.get(envName(key));
            if (value != null && !value.isBlank()) {
                config.values.setProperty(key, value);
            }
        }
        return config;
    }

    /** {@code database.url} becomes {@code LIMBER_DATABASE_URL}. */
    static String envName(String key) {
        return "LIMBER_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** An option given on the command line wins over everything else. */
    void override(String key, String value) {
        if (value != null) {
            values.setProperty(key, value);
        }
    }

    String get(String key) {
        String value = values.getProperty(key);
        return value == null || value.isBlank() ? null : value;
    }
}
