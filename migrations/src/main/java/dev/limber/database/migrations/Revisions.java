package dev.limber.database.migrations;

import dev.limber.database.LimberException;
import dev.limber.database.ModelRegistry;
import dev.limber.database.dialect.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes new migration scripts: {@code V<yyyyMMddHHmmss>__<slug>.sql}, stamped with the UTC time,
 * either as an empty template or, with {@link #autogenerate}, holding the DDL that brings a live
 * database to the registered models.
 *
 * <p>A directory with {@link Migrator#VENDOR {vendor}} in it ({@code database/migrations/{vendor}})
 * holds one folder per database the project targets: those of {@code h2}, {@code sqlite},
 * {@code postgresql} and {@code mariadb} that exist. A revision is then written once per target,
 * with the same version, each in its own database's SQL, and its header names that database
 * ({@code -- Dialect: postgresql}), which {@link Migrator#migrate()} checks before running it.
 */
public final class Revisions {
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Path directory;
    /** The database a folder without {@code {vendor}} is for, when known (it is named in the header). */
    private final Dialect dialect;
    private final Clock clock;

    private Revisions(Path directory, Dialect dialect, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.dialect = dialect;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Revisions in {@code directory} (which may hold {@code {vendor}}: one folder per database),
     * stamped with the system clock.
     */
    public static Revisions in(Path directory) {
        return new Revisions(directory, null, Clock.systemUTC());
    }

    /** Revisions in the directory of {@code migrator}'s location (which must be a directory). */
    public static Revisions of(Migrator migrator) {
        Path directory = migrator.configuredDirectory().orElseThrow(() -> new LimberException(
                "Cannot write a revision into " + migrator.location() + ": it is not a directory; set"
                        + " migrations.location to a directory such as database/migrations"));
        return new Revisions(directory, migrator.dialect(), Clock.systemUTC());
    }

    /** The same directory, stamped with {@code clock} (tests pass a fixed clock). */
    public Revisions clock(Clock clock) {
        return new Revisions(directory, dialect, clock);
    }

    /** The directory, {@code {vendor}} still in it when it has one. */
    public Path directory() {
        return directory;
    }

    /** Whether the directory holds one folder per database ({@code {vendor}}). */
    public boolean perDatabase() {
        return directory.toString().contains(Migrator.VENDOR);
    }

    /**
     * The folder of each database a revision is written for, in the order h2, sqlite, postgresql,
     * mariadb. With {@code {vendor}}: each whose folder exists; without: the one directory (for the
     * database {@link #of} was given, or for none in particular).
     *
     * @throws LimberException when the directory has {@code {vendor}} and no database's folder exists
     */
    public Map<Dialect, Path> targets() {
        Map<Dialect, Path> targets = new LinkedHashMap<>();
        if (!perDatabase()) {
            targets.put(dialect, directory);
            return targets;
        }
        for (Dialect each : Dialect.all()) {
            Path folder = folderOf(each);
            if (Files.isDirectory(folder)) {
                targets.put(each, folder);
            }
        }
        if (targets.isEmpty()) {
            StringBuilder mkdir = new StringBuilder("mkdir -p");
            for (Dialect each : Dialect.all()) {
                mkdir.append(' ').append(folderOf(each));
            }
            throw new LimberException("No database's folder exists for " + directory + ": " + Migrator.VENDOR
                    + " stands for h2, sqlite, postgresql or mariadb, and a revision is written for each whose folder"
                    + " exists. Create one per database the project runs on, e.g. " + mkdir);
        }
        return targets;
    }

    private Path folderOf(Dialect each) {
        return Path.of(directory.toString().replace(Migrator.VENDOR, each.name()));
    }

    /** Writes an empty, commented template for {@code message}; returns the new file (the first, with {@code {vendor}}). */
    public Path create(String message) {
        return createAll(message).get(0);
    }

    /** Writes an empty, commented template for {@code message} into each {@link #targets() target} folder. */
    public List<Path> createAll(String message) {
        List<String> body = List.of(
                "-- Write the SQL of this change below, statements ending with ';'. Flyway runs each script once,",
                "-- in version order, and records it in flyway_schema_history; never edit a script once applied.",
                "");
        Map<Dialect, List<String>> bodies = new LinkedHashMap<>();
        targets().keySet().forEach(target -> bodies.put(target, body));
        return write(message, "limber revision", bodies);
    }

    /**
     * Compares {@code migrator}'s live database with {@code registry} and writes the DDL that closes
     * the gap. Returns the new file, or empty (and writes nothing) when nothing differs. Drift (a
     * column or foreign key no model declares) is written once, as a commented drop: one that an
     * earlier script in the folder already carries is not written again (see {@link #alreadyWritten}).
     *
     * @throws LimberException when a script is pending or failed: migrate first; or when the
     *     migrations folder does not exist (create it first for a new project)
     */
    public Optional<Path> autogenerate(String message, Migrator migrator, ModelRegistry registry) {
        Map<Dialect, Path> written = autogenerateAll(message, migrator, registry);
        return written.containsKey(migrator.dialect()) ? Optional.of(written.get(migrator.dialect()))
                : written.values().stream().findFirst();
    }

    /**
     * As {@link #autogenerate}, for every {@link #targets() target} database at once: the
     * difference is computed once, against {@code migrator}'s database (or, when that is an
     * embedded database whose file does not exist yet, against no tables at all), and written in
     * each target's SQL into its folder, all with the same version. Returns the scripts by
     * database; empty when nothing differs.
     */
    public Map<Dialect, Path> autogenerateAll(String message, Migrator migrator, ModelRegistry registry) {
        Map<Dialect, Path> targets;
        if (perDatabase()) {
            targets = targets();
        } else {
            // From the wrong folder the diff would be the whole schema, written where no migrate would look.
            if (!Files.isDirectory(directory)) {
                throw Migrator.missingFolder(directory, Path.of("").toAbsolutePath(), autogenerateAdvice(directory));
            }
            targets = Map.of(migrator.dialect(), directory);
        }
        SchemaDiff found = compare(migrator, registry, targets.values());
        // Drift already carried by a script of the folder compared against (or the first) is not written again.
        Path carrier = targets.getOrDefault(migrator.dialect(), targets.values().iterator().next());
        SchemaDiff diff = found.without(alreadyWritten(found, migrator.dialect(), carrier));
        if (diff.isEmpty()) {
            return Map.of();
        }
        Map<Dialect, List<String>> bodies = new LinkedHashMap<>();
        for (Dialect target : targets.keySet()) {
            List<String> body = new ArrayList<>();
            body.add("-- Generated for " + target.name() + " from the difference between the models and the "
                    + (target == migrator.dialect() ? "" : migrator.dialect().name() + " ") + "database:");
            for (SchemaDiff.Difference difference : diff.differences()) {
                body.add("--   " + difference.description());
            }
            body.add("-- Review it before running `limber migrate`.");
            body.add("");
            body.addAll(ScriptWriter.write(diff, target));
            bodies.put(target, body);
        }
        List<Path> files = write(message, "limber revision --autogenerate", bodies);
        Map<Dialect, Path> written = new LinkedHashMap<>();
        int i = 0;
        for (Dialect target : bodies.keySet()) {
            written.put(target, files.get(i++));
        }
        return written;
    }

    /**
     * The difference between {@code migrator}'s database and the models; an embedded database whose
     * file does not exist counts as one without tables (and is not created), provided no script
     * exists that it would lack.
     */
    private static SchemaDiff compare(Migrator migrator, ModelRegistry registry, Collection<Path> folders) {
        Optional<Path> absent = migrator.absentDatabaseFile();
        if (absent.isPresent()) {
            List<String> scripts = new ArrayList<>();
            for (Path folder : folders) {
                scripts.addAll(scriptsIn(folder));
            }
            if (!scripts.isEmpty()) {
                throw new LimberException("The database file " + absent.get() + " does not exist, but scripts do ("
                        + String.join(", ", scripts) + "). Run `limber migrate` first, so that --autogenerate"
                        + " compares the models with the schema they build");
            }
            return SchemaDiff.compare(registry, new DatabaseSchema(Map.of()), migrator.dialect());
        }
        // Against a database that lacks pending scripts, the diff would repeat what those scripts do.
        List<String> notApplied = new ArrayList<>();
        for (MigrationStatus status : migrator.info()) {
            if (status.pending() || "Failed".equals(status.state())) {
                notApplied.add(status.script() + " (" + status.state().toLowerCase(Locale.ROOT) + ")");
            }
        }
        if (!notApplied.isEmpty()) {
            throw new LimberException("The database is not up to date: " + String.join(", ", notApplied)
                    + ". Run `limber migrate` first, so that --autogenerate compares the models with the current schema");
        }
        return migrator.diff(registry);
    }

    private static List<String> scriptsIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (DirectoryStream<Path> scripts = Files.newDirectoryStream(folder, "*.sql")) {
            List<String> names = new ArrayList<>();
            scripts.forEach(script -> names.add(script.getFileName().toString()));
            names.sort(null);
            return names;
        } catch (IOException e) {
            throw new LimberException("Could not read the scripts in " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * The drift of {@code diff} whose commented drop an earlier script in this folder already
     * carries, line for line: it was put before a person once; repeating it in every later script
     * would only bury the news. {@code limber check} keeps listing it until it is dropped or mapped.
     */
    List<SchemaDiff.Difference> alreadyWritten(SchemaDiff diff, Dialect dialect, Path folder) {
        if (diff.drift().isEmpty() || !Files.isDirectory(folder)) {
            return List.of();
        }
        java.util.Set<String> written = new java.util.HashSet<>();
        try (DirectoryStream<Path> scripts = Files.newDirectoryStream(folder, "*.sql")) {
            for (Path script : scripts) {
                written.addAll(Files.readAllLines(script, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new LimberException("Could not read the scripts in " + folder + ": " + e.getMessage(), e);
        }
        List<SchemaDiff.Difference> carried = new ArrayList<>();
        for (SchemaDiff.Difference drift : diff.drift()) {
            List<String> lines = ScriptWriter.write(diff.only(drift), dialect).stream()
                    .filter(line -> !line.isBlank()).toList();
            if (written.containsAll(lines)) {
                carried.add(drift);
            }
        }
        return carried;
    }

    /** What to do when --autogenerate finds no migrations folder, for {@link Migrator#missingFolder}. */
    static String autogenerateAdvice(Path directory) {
        return "; --autogenerate would write the whole schema there, as if the database were new. For a new project"
                + " create the folder first (mkdir -p " + directory + ")";
    }

    /** {@code message} as a file-name slug: lower-case ASCII letters and digits joined by '_'. */
    static String slug(String message) {
        String ascii = Normalizer.normalize(message == null ? "" : message, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80).replaceAll("_+$", "");
        }
        return slug;
    }

    /**
     * Writes one script per database of {@code bodies} (a null key: a folder for no database in
     * particular), all with one version, the first second no folder has taken yet.
     */
    private List<Path> write(String message, String tool, Map<Dialect, List<String>> bodies) {
        String slug = slug(message);
        if (slug.isEmpty()) {
            throw new LimberException("A revision needs a message with letters or digits, e.g. -m \"add isbn to books\"");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Map<Dialect, Path> folders = new LinkedHashMap<>();
        for (Dialect target : bodies.keySet()) {
            folders.put(target, target == null || !perDatabase() ? directory : folderOf(target));
        }
        Path writing = directory;
        try {
            for (Path folder : folders.values()) {
                Files.createDirectories(folder);
            }
            // Two revisions within one second would share a version, which Flyway rejects: take the next second.
            while (versionTaken(VERSION.format(now), folders.values())) {
                now = now.plusSeconds(1);
            }
            List<Path> files = new ArrayList<>();
            for (Map.Entry<Dialect, List<String>> entry : bodies.entrySet()) {
                writing = folders.get(entry.getKey());
                Path file = writing.resolve("V" + VERSION.format(now) + "__" + slug + ".sql");
                List<String> lines = new ArrayList<>();
                lines.add("-- " + message.strip().replace('\n', ' '));
                lines.add("-- Created " + now + " by `" + tool + "`.");
                if (entry.getKey() != null) {
                    lines.add("-- Dialect: " + entry.getKey().name() + " (Limber refuses to run this script on another"
                            + " database)");
                }
                lines.addAll(entry.getValue());
                Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
                files.add(file);
            }
            return files;
        } catch (IOException e) {
            throw new LimberException("Could not write a revision into " + writing + ": " + e.getMessage(), e);
        }
    }

    private static boolean versionTaken(String version, Collection<Path> folders) throws IOException {
        for (Path folder : folders) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "V" + version + "__*")) {
                if (files.iterator().hasNext()) {
                    return true;
                }
            }
        }
        return false;
    }
}
