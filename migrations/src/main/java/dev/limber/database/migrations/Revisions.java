package dev.limber.database.migrations;

import dev.limber.database.LimberException;
import dev.limber.database.ModelRegistry;
import dev.limber.database.dialect.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes new migration scripts: {@code V<yyyyMMddHHmmss>__<slug>.sql}, stamped with the UTC time,
 * either as an empty template or, with {@link #autogenerate}, holding the DDL that brings a live
 * database to the registered models.
 */
public final class Revisions {
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Path directory;
    private final Clock clock;

    private Revisions(Path directory, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Revisions in {@code directory}, stamped with the system clock. */
    public static Revisions in(Path directory) {
        return new Revisions(directory, Clock.systemUTC());
    }

    /** Revisions in the directory of {@code migrator}'s location (which must be a directory). */
    public static Revisions of(Migrator migrator) {
        Path directory = migrator.directory().orElseThrow(() -> new LimberException(
                "Cannot write a revision into " + migrator.location() + ": it is not a directory; set"
                        + " migrations.location to a directory such as database/migrations"));
        return in(directory);
    }

    /** The same directory, stamped with {@code clock} (tests pass a fixed clock). */
    public Revisions clock(Clock clock) {
        return new Revisions(directory, clock);
    }

    public Path directory() {
        return directory;
    }

    /** Writes an empty, commented template for {@code message}; returns the new file. */
    public Path create(String message) {
        List<String> body = List.of(
                "-- Write the SQL of this change below, statements ending with ';'. Flyway runs each script once,",
                "-- in version order, and records it in flyway_schema_history; never edit a script once applied.",
                "");
        return write(message, "limber revision", body);
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
        // From the wrong folder the diff would be the whole schema, written where no migrate would look.
        if (!Files.isDirectory(directory)) {
            throw Migrator.missingFolder(directory, Path.of("").toAbsolutePath(), autogenerateAdvice(directory));
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
        SchemaDiff found = migrator.diff(registry);
        SchemaDiff diff = found.without(alreadyWritten(found, migrator.dialect()));
        if (diff.isEmpty()) {
            return Optional.empty();
        }
        List<String> body = new ArrayList<>();
        body.add("-- Generated for " + migrator.dialect().name() + " from the difference between the models and the"
                + " database:");
        for (SchemaDiff.Difference difference : diff.differences()) {
            body.add("--   " + difference.description());
        }
        body.add("-- Review it before running `limber migrate`.");
        body.add("");
        body.addAll(ScriptWriter.write(diff, migrator.dialect()));
        return Optional.of(write(message, "limber revision --autogenerate", body));
    }

    /**
     * The drift of {@code diff} whose commented drop an earlier script in this folder already
     * carries, line for line: it was put before a person once; repeating it in every later script
     * would only bury the news. {@code limber check} keeps listing it until it is dropped or mapped.
     */
    List<SchemaDiff.Difference> alreadyWritten(SchemaDiff diff, Dialect dialect) {
        if (diff.drift().isEmpty() || !Files.isDirectory(directory)) {
            return List.of();
        }
        java.util.Set<String> written = new java.util.HashSet<>();
        try (DirectoryStream<Path> scripts = Files.newDirectoryStream(directory, "*.sql")) {
            for (Path script : scripts) {
                written.addAll(Files.readAllLines(script, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new LimberException("Could not read the scripts in " + directory + ": " + e.getMessage(), e);
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

    private Path write(String message, String tool, List<String> body) {
        String slug = slug(message);
        if (slug.isEmpty()) {
            throw new LimberException("A revision needs a message with letters or digits, e.g. -m \"add isbn to books\"");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        try {
            Files.createDirectories(directory);
            // Two revisions within one second would share a version, which Flyway rejects: take the next second.
            while (versionTaken(VERSION.format(now))) {
                now = now.plusSeconds(1);
            }
            Path file = directory.resolve("V" + VERSION.format(now) + "__" + slug + ".sql");
            List<String> lines = new ArrayList<>();
            lines.add("-- " + message.strip().replace('\n', ' '));
            lines.add("-- Created " + now + " by `" + tool + "`.");
            lines.addAll(body);
            Files.write(file, lines, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
            return file;
        } catch (IOException e) {
            throw new LimberException("Could not write a revision into " + directory + ": " + e.getMessage(), e);
        }
    }

    private boolean versionTaken(String version) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "V" + version + "__*")) {
            return files.iterator().hasNext();
        }
    }
}
