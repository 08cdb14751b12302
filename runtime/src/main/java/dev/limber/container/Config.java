package dev.limber.container;

import dev.limber.database.dialect.Dialect;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's configuration: an immutable, validated map of keys to strings, with the
 * place each value came from. Built from defaults, then {@code limber.properties} at the project
 * root (the file {@code alembic.ini} was), then {@code LIMBER_*} environment variables
 * ({@code LIMBER_DATABASE_URL} overrides {@code database.url}; dots and dashes become underscores).
 */
public final class Config {
    public static final String DATABASE_URL = "database.url";
    public static final String DATABASE_USERNAME = "database.username";
    public static final String DATABASE_PASSWORD = "database.password";
    public static final String DATABASE_POOL_MAX_SIZE = "database.pool.max-size";
    public static final String MIGRATIONS_LOCATION = "migrations.location";

    public static final String DEFAULT_DATABASE_URL = "jdbc:h2:file:./database/limber";
    public static final String DEFAULT_MIGRATIONS_LOCATION = "database/migrations";

    /** The configuration file, looked up at the project root. */
    public static final String FILE_NAME = "limber.properties";

    /** Every key Limber itself reads. */
    public static final Set<String> KNOWN_KEYS = Set.of(
            DATABASE_URL, DATABASE_USERNAME, DATABASE_PASSWORD, DATABASE_POOL_MAX_SIZE, MIGRATIONS_LOCATION);

    private static final Logger LOG = LoggerFactory.getLogger(Config.class);
    private static final String DEFAULT_SOURCE = "the default";

    private final Map<String, String> values;
    private final Map<String, String> sources;
    private final Path file;
    private final boolean fileFound;

    private Config(Map<String, String> values, Map<String, String> sources, Path file, boolean fileFound) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
        this.sources = Map.copyOf(sources);
        this.file = file;
        this.fileFound = fileFound;
    }

    /** Defaults only: the embedded H2 database under {@code ./database} and migrations in {@code database/migrations}. */
    public static Config defaults() {
        return of(Map.of());
    }

    /** Defaults overridden by {@code properties}; no file or environment is read. For tests and embedding. */
    public static Config of(Map<String, String> properties) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        putDefaults(values, sources);
        properties.forEach((key, value) -> {
            values.put(key, value);
            sources.put(key, "the given properties");
        });
        return validated(values, sources, null, false);
    }

    /**
     * Defaults, then {@code projectRoot/limber.properties} if it exists, then {@code LIMBER_*}
     * environment variables. Relative file paths in the result (an H2 or SQLite database file, the
     * migrations folder) are resolved against {@code projectRoot}, unless it is the empty path
     * (the working directory, as {@code Application.boot()} passes), where they stay as written.
     */
    public static Config load(Path projectRoot) {
        return load(projectRoot, System.getenv());
    }

    /** As {@link #load(Path)}, reading overrides from {@code environment} instead of the process environment. */
    public static Config load(Path projectRoot, Map<String, String> environment) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        putDefaults(values, sources);

        Path file = projectRoot.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigurationException("cannot read " + file.toAbsolutePath().normalize() + ": " + e.getMessage()
                        + "; it must be a UTF-8 Java properties file of key=value lines", e);
            }
            String source = file.toString();
            for (String key : new TreeMap<>(properties).keySet().stream().map(Object::toString).toList()) {
                values.put(key, properties.getProperty(key).strip());
                sources.put(key, source);
            }
        }

        // The environment overrides Limber's keys and any key the file names.
        Set<String> overridable = new TreeSet<>(KNOWN_KEYS);
        overridable.addAll(values.keySet());
        for (String key : overridable) {
            String variable = environmentName(key);
            String value = environment.get(variable);
            if (value != null) {
                values.put(key, value);
                sources.put(key, "environment variable " + variable);
            }
        }
        if (!projectRoot.toString().isEmpty()) {
            resolveAgainst(projectRoot.toAbsolutePath().normalize(), values);
        }
        return validated(values, sources, file.toAbsolutePath().normalize(), Files.isRegularFile(file));
    }

    /**
     * Makes the relative paths of an explicit project root point into it, so that
     * {@code Application.boot(root)} behaves the same from any working directory: the file of an
     * H2 ({@code jdbc:h2:file:./x}, {@code jdbc:h2:./x}) or SQLite ({@code jdbc:sqlite:x.db}) URL
     * and a plain migrations folder. Absolute paths, in-memory and server URLs and prefixed
     * locations ({@code classpath:…}) are left alone.
     */
    private static void resolveAgainst(Path root, Map<String, String> values) {
        values.computeIfPresent(DATABASE_URL, (key, url) -> resolveUrl(root, url));
        values.computeIfPresent(MIGRATIONS_LOCATION, (key, location) -> {
            if (location.isBlank() || location.indexOf(':') >= 0 || Path.of(location).isAbsolute()) {
                return location;
            }
            return root.resolve(location).normalize().toString();
        });
    }

    private static String resolveUrl(Path root, String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        String prefix;
        if (lower.startsWith("jdbc:h2:file:")) {
            prefix = url.substring(0, "jdbc:h2:file:".length());
        } else if (lower.startsWith("jdbc:h2:./") || lower.startsWith("jdbc:h2:../")) {
            prefix = url.substring(0, "jdbc:h2:".length());
        } else if (lower.startsWith("jdbc:sqlite:") && !lower.startsWith("jdbc:sqlite::")
                && !lower.startsWith("jdbc:sqlite:file:")) {
            prefix = url.substring(0, "jdbc:sqlite:".length());
        } else {
            return url;
        }
        String rest = url.substring(prefix.length());
        int end = rest.length();
        for (char separator : new char[] {';', '?'}) {
            int at = rest.indexOf(separator);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        String file = rest.substring(0, end);
        if (file.isEmpty() || file.startsWith("~") || Path.of(file).isAbsolute()) {
            return url;
        }
        return prefix + root.resolve(file).normalize() + rest.substring(end);
    }

    /** The environment variable that overrides {@code key}: {@code database.pool.max-size} → {@code LIMBER_DATABASE_POOL_MAX_SIZE}. */
    public static String environmentName(String key) {
        return "LIMBER_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static void putDefaults(Map<String, String> values, Map<String, String> sources) {
        values.put(DATABASE_URL, DEFAULT_DATABASE_URL);
        values.put(MIGRATIONS_LOCATION, DEFAULT_MIGRATIONS_LOCATION);
        sources.put(DATABASE_URL, DEFAULT_SOURCE);
        sources.put(MIGRATIONS_LOCATION, DEFAULT_SOURCE);
    }

    // Checked once, here, so that a bad value fails at boot with its key instead of deep inside a pool.
    private static Config validated(Map<String, String> values, Map<String, String> sources, Path file,
            boolean fileFound) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (entry.getValue() == null) {
                problems.add(entry.getKey() + " (from " + sources.get(entry.getKey()) + ") has no value");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }

        String url = values.get(DATABASE_URL);
        if (url.isBlank()) {
            problems.add(DATABASE_URL + " (from " + sources.get(DATABASE_URL) + ") is empty; set it to a JDBC URL such as "
                    + DEFAULT_DATABASE_URL + ", or remove it to use that default");
        } else {
            try {
                Dialect.fromUrl(url);
            } catch (IllegalArgumentException e) {
                problems.add(DATABASE_URL + " (from " + sources.get(DATABASE_URL) + ") is '" + url + "', which Limber cannot use: "
                        + e.getMessage());
            }
        }

        String maxSize = values.get(DATABASE_POOL_MAX_SIZE);
        if (maxSize != null) {
            int parsed = -1;
            try {
                parsed = Integer.parseInt(maxSize.strip());
            } catch (NumberFormatException e) {
                // reported below
            }
            if (parsed < 1) {
                problems.add(DATABASE_POOL_MAX_SIZE + " (from " + sources.get(DATABASE_POOL_MAX_SIZE) + ") is '" + maxSize
                        + "'; it must be a whole number of at least 1, e.g. 10");
            }
        }

        if (values.get(MIGRATIONS_LOCATION).isBlank()) {
            problems.add(MIGRATIONS_LOCATION + " (from " + sources.get(MIGRATIONS_LOCATION) + ") is empty; set it to the folder of"
                    + " the migration scripts, e.g. " + DEFAULT_MIGRATIONS_LOCATION + ", or remove it to use that default");
        }
        // Other modules and applications may add their own keys, so an unknown key is only a warning;
        // but when the configuration fails anyway the likely typo belongs in the same report.
        List<String> unknown = new ArrayList<>();
        for (String key : new java.util.TreeSet<>(values.keySet())) {
            if ((key.startsWith("database.") || key.startsWith("migrations.")) && !KNOWN_KEYS.contains(key)) {
                String suggestion = Suggestions.closest(key, KNOWN_KEYS);
                if (suggestion != null) {
                    LOG.warn("Configuration key {} (from {}) is not one Limber reads; did you mean {}?",
                            key, sources.get(key), suggestion);
                    unknown.add(key + " (from " + sources.get(key) + ") is not a key Limber reads; did you mean "
                            + suggestion + "?");
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.addAll(unknown);
            throw new ConfigurationException(problems);
        }
        return new Config(values, sources, file, fileFound);
    }

    /** The value of {@code key}, if set (by default, file, environment or explicitly). */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The value of {@code key}; a {@link ConfigurationException} naming the key and the file if it is not set. */
    public String require(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new ConfigurationException(List.of(key + " is not set; add '" + key + "=…' to " + FILE_NAME
                    + " or set the environment variable " + environmentName(key)));
        }
        return value;
    }

    /** Where the value of {@code key} came from ({@code the default}, a file path, an environment variable), or null if unset. */
    public String source(String key) {
        return values.containsKey(key) ? sources.get(key) : null;
    }

    /** Every key that has a value, sorted. */
    public Set<String> keys() {
        return values.keySet();
    }

    /** An unmodifiable, sorted view of every key and value. */
    public Map<String, String> asMap() {
        return values;
    }

    /** {@code database.url}; never blank, always one of the supported JDBC URL kinds. */
    public String databaseUrl() {
        return values.get(DATABASE_URL);
    }

    public Optional<String> databaseUsername() {
        return get(DATABASE_USERNAME);
    }

    public Optional<String> databasePassword() {
        return get(DATABASE_PASSWORD);
    }

    /** {@code database.pool.max-size}, at least 1; empty leaves the Engine's default. */
    public OptionalInt databasePoolMaxSize() {
        String value = values.get(DATABASE_POOL_MAX_SIZE);
        return value == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(value.strip()));
    }

    /**
     * {@code migrations.location}: a folder, relative to the working directory (or, after
     * {@code load(projectRoot)}, resolved against the project root), or a Flyway location with its
     * prefix ({@code classpath:db/migration}).
     */
    public String migrationsLocation() {
        return values.get(MIGRATIONS_LOCATION);
    }

    /**
     * The {@code limber.properties} this configuration looked for (absolute), whether or not it was
     * there; empty for {@link #defaults()} and {@link #of(Map)}, which read no file.
     */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** Whether {@link #file()} existed and was read. */
    public boolean fileFound() {
        return fileFound;
    }

    /**
     * Where configuration came from, in a sentence for messages and logs: {@code read /app/limber.properties}
     * or {@code no /app/limber.properties, so defaults and LIMBER_* environment variables}.
     */
    public String origin() {
        if (file == null) {
            return "given in code, no file read";
        }
        return fileFound ? "read " + file : "no " + file + ", so defaults and LIMBER_* environment variables";
    }

    /**
     * The file of an embedded database that {@link #databaseUrl()} names: an H2 file URL's
     * {@code .mv.db} file or a SQLite file, absolute (a relative one against the working directory);
     * empty for in-memory and server databases. It may not exist yet: connecting creates it, empty.
     */
    public Optional<Path> databaseFile() {
        return databaseFile(databaseUrl());
    }

    /** As {@link #databaseFile()}, for {@code url}. */
    public static Optional<Path> databaseFile(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        String rest;
        String suffix;
        if (lower.startsWith("jdbc:h2:mem:") || lower.startsWith("jdbc:h2:tcp:") || lower.startsWith("jdbc:h2:ssl:")
                || lower.startsWith("jdbc:sqlite::") || lower.startsWith("jdbc:sqlite:file:")) {
            return Optional.empty();
        } else if (lower.startsWith("jdbc:h2:file:")) {
            rest = url.substring("jdbc:h2:file:".length());
            suffix = ".mv.db";
        } else if (lower.startsWith("jdbc:h2:")) {
            rest = url.substring("jdbc:h2:".length());
            suffix = ".mv.db";
        } else if (lower.startsWith("jdbc:sqlite:")) {
            rest = url.substring("jdbc:sqlite:".length());
            suffix = "";
        } else {
            return Optional.empty();
        }
        int end = rest.length();
        for (char separator : new char[] {';', '?'}) {
            int at = rest.indexOf(separator);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        String name = rest.substring(0, end);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(Path.of(name + suffix).toAbsolutePath().normalize());
    }

    /** The keys and values, with the password masked. */
    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>(values);
        shown.computeIfPresent(DATABASE_PASSWORD, (key, value) -> "****");
        return "Config" + shown;
    }
}
