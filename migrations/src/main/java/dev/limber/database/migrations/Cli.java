package dev.limber.database.migrations;

import dev.limber.container.Config;
import dev.limber.database.LimberException;
import dev.limber.database.ModelInfo;
import dev.limber.database.ModelRegistry;
import dev.limber.database.dialect.Dialect;
import dev.limber.database.schema.TableOrder;
import java.io.File;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code limber} command line: {@code migrate}, {@code info}, {@code validate}, {@code repair},
 * {@code baseline}, {@code check}, {@code schema} and {@code revision}. Settings come from
 * {@code limber.properties}, {@code LIMBER_*} environment variables and options, in that order of
 * precedence (options win).
 * Exit codes: 0 success, 1 failure (one line on stderr says why), 2 bad usage.
 */
public final class Cli {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final DateTimeFormatter INSTALLED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final String COMMON_OPTIONS = String.join("\n",
            "  --url URL           JDBC URL (database.url, LIMBER_DATABASE_URL; default " + CliConfig.DEFAULT_URL + ")",
            "  --username USER     (database.username, LIMBER_DATABASE_USERNAME)",
            "  --password PASS     (database.password, LIMBER_DATABASE_PASSWORD)",
            "  --location DIR      migration scripts (migrations.location, LIMBER_MIGRATIONS_LOCATION;",
            "                      default database/migrations; classpath:... also accepted)",
            "  --help              this help");
    private static final String MODEL_OPTIONS =
            "  --classpath PATHS   where the compiled models are, e.g. target/classes (separated by '"
                    + File.pathSeparator + "'); default: the class path";

    /** Each command's one-line summary and its own help text. */
    private static final Map<String, String[]> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("migrate", new String[] {"apply every pending migration, in version order",
            "Usage: limber migrate [options]\n\nApplies every pending script in the migrations location, printing each one.\n\n"
                + COMMON_OPTIONS});
        COMMANDS.put("info", new String[] {"list applied and pending migrations",
            "Usage: limber info [options]\n\nLists every migration with its version, description, state, install time"
                + " (UTC) and checksum.\n\n" + COMMON_OPTIONS});
        COMMANDS.put("validate", new String[] {"check that applied scripts are unchanged and none is pending",
            "Usage: limber validate [options]\n\nFails when an applied script was edited (its checksum changed), is"
                + " missing, or when a script is pending.\n\n" + COMMON_OPTIONS});
        COMMANDS.put("repair", new String[] {"clear a failed migration from the history",
            "Usage: limber repair [options]\n\nAfter a script failed on H2 or MariaDB (which cannot roll DDL back) and"
                + " you undid its effects by hand: removes the failed entry and realigns checksums.\n\n"
                + COMMON_OPTIONS});
        COMMANDS.put("baseline", new String[] {"mark a database built without migrations as migrated",
            "Usage: limber baseline [--version V] [options]\n\nFor a database whose tables exist already (made by"
                + " engine.createAll() or by hand) and has no\nmigration history: records it as being at version V"
                + " (default: the newest script), so\nscripts up to V count as applied and later ones run on the next"
                + " migrate.\n\n  --version V         the version the database is at\n" + COMMON_OPTIONS});
        COMMANDS.put("check", new String[] {"compare the database with the models",
            "Usage: limber check [options]\n\nFails, listing every mismatch, when a table, column, index or foreign"
                + " key of the models is missing, a column's nullability or type differs, or a foreign key"
                + " references\nanother table or has another ON DELETE action.\n\n" + COMMON_OPTIONS + "\n"
                + MODEL_OPTIONS});
        COMMANDS.put("schema", new String[] {"print the DDL of the models",
            "Usage: limber schema [--dialect h2|sqlite|postgresql|mariadb] [options]\n\nPrints the CREATE TABLE and"
                + " CREATE INDEX statements of every model, in the dialect given or else the database's.\n\n"
                + "  --dialect NAME      h2, sqlite, postgresql or mariadb\n" + COMMON_OPTIONS + "\n" + MODEL_OPTIONS});
        COMMANDS.put("revision", new String[] {"write a new migration script",
            "Usage: limber revision -m \"message\" [--autogenerate] [options]\n\nWrites"
                + " <location>/V<yyyyMMddHHmmss>__<message>.sql (UTC); with {vendor} in the location (e.g."
                + " database/migrations/{vendor}),\none script per database whose folder exists (h2, sqlite, postgresql,"
                + " mariadb), each in its SQL. Without --autogenerate the script is an empty"
                + " template;\nwith it, the script holds the DDL that brings the database to the models: new tables,"
                + " columns, indexes\nand foreign keys, nullability and ON DELETE changes; drops and type changes only"
                + " as comments to review.\nWhen nothing differs it writes nothing. Run migrate first, so the database"
                + " is current.\n\n"
                + "  -m, --message TEXT  what the revision does (becomes the file name)\n"
                + "  --autogenerate      compare the database with the models and write the difference\n"
                + COMMON_OPTIONS + "\n" + MODEL_OPTIONS});
    }

    private static final Set<String> VALUE_OPTIONS = Set.of("--url", "--username", "--password", "--location",
            "--classpath", "--dialect", "-m", "--message", "--version");
    private static final Set<String> FLAGS = Set.of("--autogenerate", "--help", "-h");

    private final Path workingDirectory;
    private final Map<String, String> env;
    private final Clock clock;

    /** A command line working in {@code workingDirectory}, reading {@code env}, stamping revisions with {@code clock}. */
    public Cli(Path workingDirectory, Map<String, String> env, Clock clock) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.env = Map.copyOf(env);
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(run(Path.of(""), args, System.out, System.err));
    }

    /**
     * Runs one command in {@code workingDirectory} (where {@code limber.properties} is, and relative
     * locations start) with this process's environment; returns the exit code. The Maven plugin
     * calls this inside the project's class path.
     */
    public static int run(Path workingDirectory, String[] args, PrintStream out, PrintStream err) {
        quietLoggers();
        return new Cli(workingDirectory, System.getenv(), Clock.systemUTC()).run(args, out, err);
    }

    private static void quietLoggers() {
        // Flyway logs through SLF4J; the command line prints its own progress and errors, so only
        // warnings get through, minus the two loggers that repeat the error the command prints anyway.
        quietLogger("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        quietLogger("org.slf4j.simpleLogger.log.org.flywaydb.core.internal.command.DbMigrate", "off");
        quietLogger("org.slf4j.simpleLogger.log.org.mariadb.jdbc.message.server.ErrorPacket", "off");
        // A missing migrations directory is normal in a new project; the commands say so themselves.
        quietLogger("org.slf4j.simpleLogger.log.org.flywaydb.core.internal.scanner.filesystem.FileSystemScanner", "off");
        quietLogger("org.slf4j.simpleLogger.log.org.flywaydb.core.internal.command.DbValidate", "off");
    }

    private static void quietLogger(String property, String level) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, level);
        }
    }

    /** Runs one command; returns the exit code. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.println(usage());
            return args.length == 0 ? USAGE : OK;
        }
        String command = args[0];
        if (!COMMANDS.containsKey(command)) {
            err.println("limber: unknown command '" + command + "'; commands: " + String.join(", ", COMMANDS.keySet())
                    + " (limber --help)");
            return USAGE;
        }
        Map<String, String> options = new LinkedHashMap<>();
        String problem = parse(args, options);
        if (problem != null) {
            err.println("limber " + command + ": " + problem + " (limber " + command + " --help)");
            return USAGE;
        }
        if (options.containsKey("--help")) {
            out.println(COMMANDS.get(command)[1]);
            return OK;
        }
        try {
            return switch (command) {
                case "migrate" -> migrate(options, out);
                case "info" -> info(options, out);
                case "validate" -> validate(options, out);
                case "repair" -> repair(options, out);
                case "baseline" -> baseline(options, out);
                case "check" -> check(options, out);
                case "schema" -> schema(options, out);
                case "revision" -> revision(options, out, err);
                default -> throw new IllegalStateException(command);
            };
        } catch (SchemaMismatchException e) {
            for (SchemaDiff.Difference mismatch : e.mismatches()) {
                out.println("  - " + mismatch.description());
            }
            err.println("limber " + command + ": the database does not match the models (" + e.mismatches().size()
                    + (e.mismatches().size() == 1 ? " problem" : " problems")
                    + "); run `limber revision --autogenerate -m \"...\"`, then `limber migrate`");
            return FAILED;
        } catch (LimberException | IllegalArgumentException e) {
            err.println("limber " + command + ": " + oneLine(e.getMessage()));
            return FAILED;
        }
    }

    private static String parse(String[] args, Map<String, String> options) {
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (name.equals("-h")) {
                name = "--help";
            }
            if (name.equals("-m")) {
                name = "--message";
            }
            if (FLAGS.contains(name)) {
                if (value != null) {
                    return name + " takes no value";
                }
                options.put(name, "true");
            } else if (VALUE_OPTIONS.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        return name + " needs a value";
                    }
                    value = args[++i];
                }
                options.put(name, value);
            } else {
                return "unknown option '" + arg + "'";
            }
        }
        return null;
    }

    private int migrate(Map<String, String> options, PrintStream out) {
        Migrator migrator = migrator(options);
        refuseMissingFolder(migrator, options, "");
        out.println("Migrating " + describe(migrator));
        boolean[] running = {false};
        List<AppliedMigration> applied;
        try {
            applied = migrator.migrate(new MigrationListener() {
                @Override
                public void starting(String script, String version, String description) {
                    out.print("  " + script + " ... ");
                    out.flush();
                    running[0] = true;
                }

                @Override
                public void finished(String script, long millis) {
                    out.println("done (" + millis + " ms)");
                    running[0] = false;
                }
            });
        } catch (LimberException e) {
            if (running[0]) {
                out.println("FAILED");
            }
            throw e;
        }
        String version = currentVersion(migrator).map(v -> " at version " + v).orElse("");
        if (applied.isEmpty()) {
            out.println("Nothing to migrate: the database is up to date" + version + ".");
        } else {
            out.println("Applied " + applied.size() + (applied.size() == 1 ? " migration" : " migrations")
                    + "; the database is now" + version + ".");
        }
        return OK;
    }

    /** "2 models" or "model", after "the", for the messages that count them. */
    private static String models(ModelRegistry registry) {
        int n = registry.models().size();
        return n == 1 ? "model" : n + " models";
    }

    /**
     * Refuses a migrations folder that does not exist, saying where configuration was looked for and
     * which database file connecting would create: run from the wrong folder, both are new and empty.
     */
    private void refuseMissingFolder(Migrator migrator, Map<String, String> options, String advice) {
        Optional<Path> missing = migrator.missingDirectory();
        if (missing.isEmpty()) {
            return;
        }
        CliConfig config = config(options);
        String more = "; configuration: " + config.origin();
        Optional<Path> file = Config.databaseFile(config.get(CliConfig.URL));
        if (file.isPresent() && !Files.exists(file.get())) {
            more += "; the database file " + file.get() + " does not exist either, and connecting would create it empty";
        }
        throw Migrator.missingFolder(missing.get(), workingDirectory, more + advice);
    }

    /** The version of the newest successfully applied migration. */
    private static Optional<String> currentVersion(Migrator migrator) {
        String version = null;
        for (MigrationStatus status : migrator.info()) {
            if (status.applied() && status.version() != null && "Success".equals(status.state())) {
                version = status.version();
            }
        }
        return Optional.ofNullable(version);
    }

    private int info(Map<String, String> options, PrintStream out) {
        Migrator migrator = migrator(options);
        List<MigrationStatus> statuses = migrator.info();
        out.println("Migrations of " + describe(migrator));
        if (statuses.isEmpty()) {
            out.println("No migrations yet; write one with `limber revision -m \"...\"`.");
            return OK;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Version", "Description", "State", "Installed on (UTC)", "Checksum"});
        for (MigrationStatus s : statuses) {
            rows.add(new String[] {
                s.version() == null ? "" : s.version(),
                s.description(),
                s.state(),
                s.installedOn() == null ? "" : INSTALLED.format(s.installedOn()),
                s.checksum() == null ? "" : String.valueOf(s.checksum())});
        }
        printTable(rows, out);
        long failed = statuses.stream().filter(MigrationStatus::failed).count();
        long applied = statuses.stream().filter(s -> s.applied() && !s.failed()).count();
        long pending = statuses.stream().filter(MigrationStatus::pending).count();
        if (failed == 0) {
            out.println(applied + " applied, " + pending + " pending.");
        } else {
            out.println(applied + " applied, " + failed + " failed, " + pending + " pending. Undo what a failed script"
                    + " changed, run `limber repair`, fix the script and migrate again.");
        }
        return OK;
    }

    private int validate(Map<String, String> options, PrintStream out) {
        Migrator migrator = migrator(options);
        migrator.validate();
        long applied = migrator.info().stream().filter(MigrationStatus::applied).count();
        out.println("Valid: " + applied + (applied == 1 ? " applied migration matches its script" :
                " applied migrations match their scripts") + "; none pending.");
        return OK;
    }

    private int repair(Map<String, String> options, PrintStream out) {
        int removed = migrator(options).repair();
        out.println("Repaired the history: " + removed + " failed " + (removed == 1 ? "entry" : "entries") + " removed.");
        return OK;
    }

    private int baseline(Map<String, String> options, PrintStream out) {
        String version = migrator(options).baseline(options.get("--version"));
        out.println("Baselined the database at version " + version + ": scripts up to it count as applied.");
        return OK;
    }

    /**
     * Mismatches fail (exit 1); drift — columns and foreign keys no model declares — is listed as
     * warnings with exit 0: the models run on such a database, and a drop loses data, so it is for
     * a person to decide (autogenerate has written it, once, as a commented drop).
     */
    private int check(Map<String, String> options, PrintStream out) {
        ModelRegistry registry = models(options);
        Migrator migrator = migrator(options);
        SchemaDiff diff = migrator.diff(registry);
        if (!diff.mismatches().isEmpty()) {
            throw new SchemaMismatchException(diff.mismatches());
        }
        List<SchemaDiff.Difference> drift = diff.drift();
        if (drift.isEmpty()) {
            out.println("The database matches the " + models(registry) + ".");
            return OK;
        }
        out.println("The database matches the " + models(registry) + ", with drift to review (" + drift.size()
                + (drift.size() == 1 ? " item" : " items") + " no model declares; to remove, uncomment the drop that"
                + " `limber revision --autogenerate` wrote, in a new revision):");
        for (SchemaDiff.Difference difference : drift) {
            out.println("  ! " + difference.description());
        }
        return OK;
    }

    private int schema(Map<String, String> options, PrintStream out) {
        ModelRegistry registry = models(options);
        Dialect dialect = options.containsKey("--dialect") ? Dialect.named(options.get("--dialect"))
                : Dialect.fromUrl(config(options).get(CliConfig.URL));
        // Referenced tables first, so that the printed DDL runs top to bottom on an empty database.
        for (ModelInfo<?> model : TableOrder.sortLeavingCycles(registry.models())) {
            out.println("-- " + model.type().getName() + " (" + model.table() + ")");
            for (String statement : model.ddl(dialect.name())) {
                String s = statement.strip();
                out.println(s.endsWith(";") ? s : s + ";");
            }
            out.println();
        }
        return OK;
    }

    private int revision(Map<String, String> options, PrintStream out, PrintStream err) {
        String message = options.get("--message");
        if (message == null || message.isBlank()) {
            err.println("limber revision: -m \"message\" is required, e.g. limber revision -m \"add isbn to books\"");
            return USAGE;
        }
        Migrator migrator = migrator(options);
        Revisions revisions = Revisions.of(migrator).clock(clock);
        if (!options.containsKey("--autogenerate")) {
            for (Path file : revisions.createAll(message)) {
                out.println("Created " + relative(file));
            }
            return OK;
        }
        if (!revisions.perDatabase()) {
            refuseMissingFolder(migrator, options, Revisions.autogenerateAdvice(revisions.directory()));
        }
        ModelRegistry registry = models(options);
        Map<Dialect, Path> files = revisions.autogenerateAll(message, migrator, registry);
        if (files.isEmpty()) {
            int drift = migrator.diff(registry).drift().size();
            out.println("No changes: the database matches the " + models(registry) + "; no revision written."
                    + (drift == 0 ? "" : " " + drift + " drift " + (drift == 1 ? "item is" : "items are") + " already"
                            + " in a script as a commented drop (`limber check` lists them)."));
            return OK;
        }
        for (Path file : files.values()) {
            out.println("Created " + relative(file));
        }
        out.println("Review " + (files.size() == 1 ? "it" : "them") + ", then run `limber migrate`"
                + (files.size() == 1 ? "." : " on each database."));
        return OK;
    }

    private CliConfig config(Map<String, String> options) {
        CliConfig config = CliConfig.load(workingDirectory, env);
        config.override(CliConfig.URL, options.get("--url"));
        config.override(CliConfig.USERNAME, options.get("--username"));
        config.override(CliConfig.PASSWORD, options.get("--password"));
        config.override(CliConfig.LOCATION, options.get("--location"));
        return config;
    }

    private Migrator migrator(Map<String, String> options) {
        CliConfig config = config(options);
        String location = config.get(CliConfig.LOCATION);
        if (!location.startsWith("classpath:")) {
            String path = location.startsWith("filesystem:") ? location.substring("filesystem:".length()) : location;
            location = workingDirectory.resolve(path).normalize().toString();
        }
        return Migrator.create(config.get(CliConfig.URL), config.get(CliConfig.USERNAME),
                config.get(CliConfig.PASSWORD), location);
    }

    /** The registered models: from {@code --classpath} entries if given, else from this class path. */
    private ModelRegistry models(Map<String, String> options) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        String classpath = options.get("--classpath");
        if (classpath != null) {
            List<URL> urls = new ArrayList<>();
            for (String entry : classpath.split(File.pathSeparator)) {
                if (entry.isBlank()) {
                    continue;
                }
                try {
                    urls.add(workingDirectory.resolve(entry).toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new LimberException("Bad --classpath entry " + entry + ": " + e.getMessage(), e);
                }
            }
            // Not closed: the models' classes stay in use until the command ends.
            loader = new URLClassLoader(urls.toArray(new URL[0]), Cli.class.getClassLoader());
        }
        ModelRegistry registry = ModelRegistry.discover(loader);
        if (registry.models().isEmpty()) {
            throw new LimberException("No models found on the class path: compile your @Model classes with the Limber"
                    + " processor and pass them with --classpath (e.g. --classpath target/classes)");
        }
        return registry;
    }

    private String describe(Migrator migrator) {
        return migrator.dialect().name() + " database, scripts in " + relative(migrator.location());
    }

    private String relative(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute).toString() : absolute.toString();
    }

    private String relative(String location) {
        if (location.startsWith("filesystem:")) {
            return relative(Path.of(location.substring("filesystem:".length())));
        }
        return location;
    }

    private static void printTable(List<String[]> rows, PrintStream out) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == 0 ? "" : "  ").append(String.format(Locale.ROOT, "%-" + widths[i] + "s", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String oneLine(String message) {
        return message == null ? "failed" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static String usage() {
        StringBuilder text = new StringBuilder("Usage: limber <command> [options]\n\nCommands:\n");
        COMMANDS.forEach((name, help) -> text.append(String.format(Locale.ROOT, "  %-10s %s%n", name, help[0])));
        text.append("\nSettings come from ./limber.properties, then LIMBER_* environment variables, then options.\n")
                .append("Run `limber <command> --help` for a command's options.");
        return text.toString();
    }
}
