package dev.limber.database.migrations;

import dev.limber.container.Application;
import dev.limber.container.Config;
import dev.limber.database.Engine;
import dev.limber.database.LimberException;
import dev.limber.database.ModelRegistry;
import dev.limber.database.dialect.Dialect;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;

/**
 * Runs the migration scripts under a location with Flyway, which keeps the version history in
 * {@code flyway_schema_history}; compares the live schema with the registered models.
 *
 * <pre>{@code
 * Migrator migrator = Migrator.create(engine);          // scripts in database/migrations
 * List<AppliedMigration> applied = migrator.migrate();
 * migrator.checkSchema(engine.registry());            // fails, listing every mismatch
 * }</pre>
 */
public final class Migrator {
    /** Where migrations live unless {@code migrations.location} says otherwise. */
    public static final String DEFAULT_LOCATION = "database/migrations";

    /**
     * In a location, stands for the database's kind ({@code h2}, {@code sqlite}, {@code postgresql},
     * {@code mariadb}): {@code database/migrations/{vendor}} keeps one folder of scripts per
     * database, as Flyway's placeholder of the same name does.
     */
    public static final String VENDOR = "{vendor}";

    /** A script's header line naming the database it was written for; checked before it runs. */
    static final Pattern DIALECT_HEADER =
            Pattern.compile("^--\\s*Dialect:\\s*([A-Za-z0-9]+)\\b.*");

    private final DataSource dataSource;
    private final Dialect dialect;
    /** The location as configured, {@code {vendor}} and all, with its prefix. */
    private final String configured;
    private final String location;

    private Migrator(DataSource dataSource, Dialect dialect, String location) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.configured = flywayLocation(location);
        this.location = configured.replace(VENDOR, dialect.name());
    }

    /**
     * A migrator for the application's database ({@code db.connection}, so register
     * {@code DatabaseServiceProvider} first) and its {@code migrations.location}.
     */
    public static Migrator create(Application app) {
        return create(app.make("db.connection", Engine.class), app.config().migrationsLocation());
    }

    /** A migrator for {@code engine}'s database and the scripts in {@code database/migrations}. */
    public static Migrator create(Engine engine) {
        return create(engine, DEFAULT_LOCATION);
    }

    /** A migrator for {@code engine}'s database (through its pool) and the scripts in {@code location}. */
    public static Migrator create(Engine engine, String location) {
        return new Migrator(engine.dataSource(), engine.dialect(), location);
    }

    /** A migrator for the scripts in {@code database/migrations} (relative to the working directory). */
    public static Migrator create(DataSource dataSource, Dialect dialect) {
        return new Migrator(dataSource, dialect, DEFAULT_LOCATION);
    }

    /**
     * A migrator for the scripts in {@code location}: a directory ({@code database/migrations},
     * {@code /abs/path}), or a Flyway location with its prefix ({@code classpath:db/migration},
     * {@code filesystem:...}).
     */
    public static Migrator create(DataSource dataSource, Dialect dialect, String location) {
        return new Migrator(dataSource, dialect, location);
    }

    /**
     * A migrator that connects to {@code url} on its own (no pool: migrations open few connections);
     * {@code username} and {@code password} may be null when the URL carries them.
     */
    public static Migrator create(String url, String username, String password, String location) {
        Dialect dialect = Dialect.fromUrl(url);
        return new Migrator(new DriverDataSource(dialect.connectionUrl(url), username, password), dialect, location);
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The Flyway location, always with its prefix ({@code filesystem:/abs/dir} or {@code classpath:...}). */
    public String location() {
        return location;
    }

    /**
     * The directory of a {@code filesystem:} location ({@code {vendor}} replaced by this database's
     * kind); empty for a {@code classpath:} one.
     */
    public Optional<Path> directory() {
        if (location.startsWith(FILESYSTEM)) {
            return Optional.of(Path.of(location.substring(FILESYSTEM.length())));
        }
        return Optional.empty();
    }

    /**
     * The directory as configured, {@code {vendor}} still in it (the same as {@link #directory()}
     * when the location has none); empty for a {@code classpath:} location.
     */
    Optional<Path> configuredDirectory() {
        if (configured.startsWith(FILESYSTEM)) {
            return Optional.of(Path.of(configured.substring(FILESYSTEM.length())));
        }
        return Optional.empty();
    }

    /**
     * The file of an embedded database (H2 or SQLite) that does not exist yet: connecting would
     * create it empty. Empty when the database is a server, in memory, or its file exists.
     */
    Optional<Path> absentDatabaseFile() {
        if (dataSource instanceof DriverDataSource driver) {
            return Config.databaseFile(driver.url()).filter(file -> !Files.exists(file));
        }
        return Optional.empty();
    }

    /** The directory of a {@code filesystem:} location when it does not exist (or is not a directory). */
    Optional<Path> missingDirectory() {
        return directory().filter(d -> !Files.isDirectory(d));
    }

    /**
     * The error for a migrations folder that does not exist: names it, the working directory a
     * relative location was resolved against, and {@code more} (what else the caller knows).
     */
    static MigrationException missingFolder(Path directory, Path workingDirectory, String more) {
        return new MigrationException("The migrations folder " + directory + " does not exist (working directory "
                + workingDirectory + more + "). Run from your project's folder, or set migrations.location (--location)"
                + " to the folder that holds the scripts; a new project starts it with `limber revision -m \"...\"`",
                null, null, null);
    }

    /** Applies every pending migration, in version order; returns what it applied (empty when up to date). */
    public List<AppliedMigration> migrate() {
        return migrate(new MigrationListener() { });
    }

    /**
     * Applies every pending migration, telling {@code listener} about each script. Each script runs
     * in its own transaction; where DDL is transactional (PostgreSQL, SQLite) a failing script leaves
     * the database as it was before it. H2 and MariaDB commit each DDL statement, so there the
     * statements before the failing one stay applied and the script is recorded as failed (see
     * {@link #repair()}).
     *
     * @throws MigrationException naming the script and the statement that failed; or, before
     *     anything runs, naming the folder when the location is a directory that does not exist
     *     (from the wrong working directory, migrating nothing would look like success)
     */
    public List<AppliedMigration> migrate(MigrationListener listener) {
        Objects.requireNonNull(listener, "listener");
        Optional<Path> missing = missingDirectory();
        if (missing.isPresent()) {
            throw missingFolder(missing.get(), Path.of("").toAbsolutePath(), "");
        }
        refuseScriptsOfAnotherDatabase();
        MigrateResult result;
        try {
            result = flyway(new ProgressCallback(listener)).migrate();
        } catch (FlywayMigrateException e) {
            throw migrationFailed(e);
        } catch (FlywayException e) {
            throw new MigrationException("Could not migrate: " + tidy(reason(e), true), null, null, e);
        }
        List<AppliedMigration> applied = new ArrayList<>();
        for (MigrateOutput output : result.migrations) {
            applied.add(new AppliedMigration(blankToNull(output.version), output.description, output.filepath,
                    output.executionTime));
        }
        return applied;
    }

    /**
     * Refuses, before anything runs, a pending script whose header names another kind of database
     * ({@code -- Dialect: h2} on PostgreSQL): its SQL would fail halfway, or worse, succeed with
     * another meaning. Scripts without such a line (written by hand) are not checked.
     */
    private void refuseScriptsOfAnotherDatabase() {
        MigrationInfo[] pending;
        try {
            pending = flyway(null).info().pending();
        } catch (FlywayException e) {
            return; // migrate reports it, in its own words
        }
        for (MigrationInfo info : pending) {
            Optional<String> written = writtenFor(info.getScript());
            if (written.isPresent() && !written.get().equalsIgnoreCase(dialect.name())) {
                Dialect other = Dialect.named(written.get().toLowerCase(Locale.ROOT));
                throw new MigrationException("Migration " + info.getScript() + " was written for "
                        + other.productName() + " (its header says \"-- Dialect: " + written.get() + "\"), but this"
                        + " database is " + dialect.productName() + "; nothing was applied. Point migrations.location"
                        + " at the " + dialect.productName() + " scripts: with one folder per database, "
                        + DEFAULT_LOCATION + "/" + VENDOR + " picks " + DEFAULT_LOCATION + "/" + dialect.name()
                        + " here", info.getScript(), null, null);
            }
        }
    }

    /** The database a script's header names, read from its leading comment lines. */
    private Optional<String> writtenFor(String script) {
        try (InputStream in = open(script)) {
            if (in == null) {
                return Optional.empty();
            }
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.strip().startsWith("--")) {
                    break;
                }
                Matcher m = DIALECT_HEADER.matcher(line.strip());
                if (m.matches()) {
                    String name = m.group(1).toLowerCase(Locale.ROOT);
                    return Dialect.all().stream().anyMatch(d -> d.name().equals(name)) ? Optional.of(name)
                            : Optional.empty();
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // Flyway reads it next and says what is wrong
        }
    }

    private InputStream open(String script) throws IOException {
        Optional<Path> dir = directory();
        if (dir.isPresent()) {
            Path file = dir.get().resolve(script);
            return Files.isRegularFile(file) ? Files.newInputStream(file) : null;
        }
        String root = location.substring("classpath:".length()).replaceAll("^/+|/+$", "");
        return Migrator.class.getClassLoader().getResourceAsStream(root.isEmpty() ? script : root + "/" + script);
    }

    /** Every migration the database or the location knows, oldest first, with its state. */
    public List<MigrationStatus> info() {
        try {
            List<MigrationStatus> statuses = new ArrayList<>();
            for (MigrationInfo info : flyway(null).info().all()) {
                statuses.add(new MigrationStatus(
                        info.getVersion() == null ? null : info.getVersion().getVersion(),
                        info.getDescription(),
                        info.getScript(),
                        info.getChecksum(),
                        info.getInstalledOn() == null ? null : info.getInstalledOn().toInstant(),
                        info.getState().getDisplayName(),
                        info.getState().isApplied()));
            }
            return statuses;
        } catch (FlywayException e) {
            throw new MigrationException("Could not read the migration history: " + reason(e), null, null, e);
        }
    }

    /**
     * Checks that every applied migration still matches its script (an edited script changes its
     * checksum), that none is missing from the location, and that none is pending.
     *
     * @throws MigrationException listing every problem
     */
    public void validate() {
        ValidateResult result;
        try {
            result = flyway(null).validateWithResult();
        } catch (FlywayException e) {
            throw new MigrationException("Validation failed: " + tidy(reason(e), false), null, null, e);
        }
        if (!result.validationSuccessful) {
            String problems = result.getAllErrorMessages();
            throw new MigrationException("Validation failed: " + tidy(problems, false)
                    + (problems.contains("checksum mismatch")
                            ? ". If an applied script was edited by mistake, restore it; put a change in a new revision"
                            : ""), null, null, null);
        }
    }

    /**
     * Removes failed entries from the history (after a script failed on a database without
     * transactional DDL and its effects were undone by hand) and realigns the checksums of applied
     * scripts with the files. Returns how many failed entries it removed.
     */
    public int repair() {
        try {
            return flyway(null).repair().migrationsRemoved.size();
        } catch (FlywayException e) {
            throw new MigrationException("Could not repair the migration history: " + reason(e), null, null, e);
        }
    }

    /**
     * Marks a database that was built without migrations (by {@code engine.createAll()}, or by hand)
     * as being at {@code version}: scripts up to it count as applied and are never run on it, later
     * ones run as usual. Null means the newest script in the location ({@code 0} when there is
     * none), as {@code alembic stamp head} does. Returns the version.
     *
     * @throws MigrationException when the database already has a migration history
     */
    public String baseline(String version) {
        String target = version;
        if (target == null || target.isBlank()) {
            target = "0";
            for (MigrationStatus status : info()) {
                if (status.version() != null) {
                    target = status.version(); // info() lists in version order
                }
            }
        }
        try {
            flyway(null, target).baseline();
            return target;
        } catch (FlywayException e) {
            throw new MigrationException("Could not baseline the database: " + reason(e), null, null, e);
        }
    }

    /** The differences between the live schema and {@code registry}'s models (empty when they agree). */
    public SchemaDiff diff(ModelRegistry registry) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseSchema live = SchemaInspector.inspect(connection, dialect);
            return SchemaDiff.compare(registry, live, dialect);
        } catch (SQLException e) {
            throw new LimberException("Could not read the database schema: " + e.getMessage(), e);
        }
    }

    /**
     * Checks that the live schema has every table, column, index and foreign key the registered
     * models need, with matching nullability, types, foreign-key targets and ON DELETE actions.
     * Columns and foreign keys no model declares are tolerated (see {@link SchemaDiff#mismatches()});
     * an index no model declares is not: autogenerate drops it.
     *
     * @throws SchemaMismatchException listing every mismatch, when there is one
     */
    public void checkSchema(ModelRegistry registry) {
        SchemaDiff diff = diff(registry);
        List<SchemaDiff.Difference> problems = diff.mismatches();
        if (!problems.isEmpty()) {
            throw new SchemaMismatchException(problems);
        }
    }

    private Flyway flyway(Callback callback) {
        return flyway(callback, null);
    }

    private Flyway flyway(Callback callback, String baselineVersion) {
        var configuration = Flyway.configure(Migrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations(location)
                // A misnamed script is an error, not a file Flyway silently skips.
                .validateMigrationNaming(true)
                .cleanDisabled(true)
                .failOnMissingLocations(false);
        if (callback != null) {
            configuration.callbacks(callback);
        }
        if (baselineVersion != null) {
            configuration.baselineVersion(baselineVersion).baselineDescription("baseline by Limber");
        }
        return configuration.load();
    }

    private MigrationException migrationFailed(FlywayMigrateException e) {
        String script = e.getMigration() == null ? null : e.getMigration().getScript();
        FlywaySqlScriptException sqlError = find(e, FlywaySqlScriptException.class);
        String statement = sqlError == null ? null : withoutLeadingComments(sqlError.getStatement());
        SQLException driverError = find(e, SQLException.class);
        String reason = driverError != null ? driverError.getMessage() : e.getMessage();
        StringBuilder message = new StringBuilder("Migration ").append(script == null ? "?" : script).append(" failed");
        if (sqlError != null && sqlError.getLineNumber() > 0) {
            message.append(" at line ").append(sqlError.getLineNumber());
        }
        message.append(": ").append(reason == null ? "" : reason.strip()).append(". ");
        if (e.isExecutableInTransaction() && transactionalDdl()) {
            message.append("The script was rolled back; the database is as it was before it. Fix the script and run migrate again.");
        } else {
            message.append(transactionalDdl()
                    ? "The script ran outside a transaction (one of its statements cannot run inside one)"
                    : dialect.name() + " cannot roll back DDL")
                    .append(": statements before the failing one stay applied and the script is recorded as failed."
                            + " Undo them by hand, fix the script, run `limber repair` (Migrator.repair()) to clear"
                            + " the failed entry, then migrate again.");
        }
        return new MigrationException(message.toString(), script, statement, e);
    }

    /**
     * What went wrong, in a sentence: the driver's message when there is one (Flyway wraps it in a
     * block of "SQL State / Error Code" lines), else Flyway's first line.
     */
    private String reason(FlywayException e) {
        SQLException driverError = find(e, SQLException.class);
        if (driverError != null && driverError.getMessage() != null) {
            String message = driverError.getMessage().strip();
            boolean connecting = e.getMessage() != null && e.getMessage().startsWith("Unable to obtain connection")
                    && !message.startsWith("No JDBC driver");
            return connecting
                    ? "cannot connect to the " + dialect.name() + " database: " + message
                            + " (check database.url, database.username and database.password)"
                    : message;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        if (message.contains("but no schema history table")) {
            return "the database already has tables but no migration history, so it was built without migrations"
                    + " (e.g. by engine.createAll()). If it is what your scripts build, run `limber baseline`"
                    + " (Migrator.baseline(null)) to count them as applied; or migrate an empty database";
        }
        int rule = message.indexOf("\n---");
        return rule > 0 ? message.substring(0, rule).strip() : message;
    }

    private static final Pattern NOT_APPLIED =
            Pattern.compile("Detected resolved migration not applied to database: ([^\\s]+?)\\.(\\s|$)");

    /**
     * Flyway's validation text in Limber's terms: its hints name Flyway settings (outOfOrder,
     * ignoreMigrationPatterns) that Limber does not expose, so they are replaced by what to do.
     */
    static String tidy(String message, boolean migrating) {
        String text = message.replace("Validate failed: Migrations have failed validation", "");
        Matcher m = NOT_APPLIED.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String advice = migrating
                    ? "script version " + m.group(1) + " is older than the newest applied migration and would run out"
                            + " of order; rename it with a newer version (e.g. today's timestamp)."
                    : "version " + m.group(1) + " is not applied (pending: run `limber migrate`; older than the newest"
                            + " applied one: rename it with a newer version).";
            m.appendReplacement(out, Matcher.quoteReplacement(advice + m.group(2)));
        }
        m.appendTail(out);
        text = out.toString()
                .replaceAll("To fix this error, either run migrate, or set -ignoreMigrationPatterns='[^']*'\\.", "")
                .replaceAll("To ignore this migration, set -ignoreMigrationPatterns='[^']*'\\.", "")
                .replaceAll("To allow executing this migration, set -outOfOrder=true\\.", "")
                .replaceAll("Need more flexibility with validation rules\\? Learn more: \\S+", "")
                .replace("run repair to update the schema history", "run `limber repair` to accept the edited script");
        return text.replaceAll("\\s*\\R\\s*", " ").replaceAll(" {2,}", " ").strip().replaceAll("\\.$", "");
    }

    /** Flyway hands over a statement with the comment lines before it; the SQL alone says more. */
    private static String withoutLeadingComments(String statement) {
        if (statement == null) {
            return null;
        }
        String[] lines = statement.split("\\R", -1);
        int first = 0;
        while (first < lines.length - 1 && (lines[first].isBlank() || lines[first].strip().startsWith("--"))) {
            first++;
        }
        return String.join("\n", java.util.Arrays.asList(lines).subList(first, lines.length)).strip();
    }

    private boolean transactionalDdl() {
        // H2 and MariaDB commit implicitly around every DDL statement; PostgreSQL and SQLite roll DDL back.
        return dialect == Dialect.POSTGRESQL || dialect == Dialect.SQLITE;
    }

    private static <X extends Throwable> X find(Throwable t, Class<X> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    private static final String FILESYSTEM = "filesystem:";

    static String flywayLocation(String location) {
        if (location == null || location.isBlank()) {
            location = DEFAULT_LOCATION;
        }
        if (location.startsWith("classpath:")) {
            return location;
        }
        String path = location.startsWith(FILESYSTEM) ? location.substring(FILESYSTEM.length()) : location;
        return FILESYSTEM + Path.of(path).toAbsolutePath().normalize();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Turns Flyway's per-script events into listener calls. */
    private static final class ProgressCallback implements Callback {
        private final MigrationListener listener;
        private long started;

        ProgressCallback(MigrationListener listener) {
            this.listener = listener;
        }

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            MigrationInfo info = context.getMigrationInfo();
            if (info == null) {
                return;
            }
            if (event == Event.BEFORE_EACH_MIGRATE) {
                started = System.nanoTime();
                listener.starting(info.getScript(), info.getVersion() == null ? null : info.getVersion().getVersion(),
                        info.getDescription());
            } else {
                listener.finished(info.getScript(), (System.nanoTime() - started) / 1_000_000);
            }
        }

        @Override
        public String getCallbackName() {
            return "limber-progress";
        }
    }
}
