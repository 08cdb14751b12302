package dev.limber.database.migrations;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.database.migrations.fixtures.LibraryModels.authors;
import static dev.limber.database.migrations.fixtures.LibraryModels.books;
import static dev.limber.database.migrations.fixtures.LibraryModels.booksWithAuthor;
import static dev.limber.database.migrations.fixtures.LibraryModels.categories;
import static dev.limber.database.migrations.fixtures.LibraryModels.registry;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.LimberException;
import dev.limber.database.ModelRegistry;
import dev.limber.database.dialect.Dialect;
import dev.limber.database.models.OnDelete;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrations.location=.../{vendor}}: one revision, computed once, written for every database
 * the project targets; each database migrates from its own folder and refuses another's scripts.
 */
class PerDatabaseFoldersTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T15:30:00Z"), ZoneOffset.UTC);
    private static final Clock LATER = Clock.offset(CLOCK, Duration.ofHours(1));

    @TempDir
    Path dir;

    private String location() {
        return dir.resolve("migrations").resolve(Migrator.VENDOR).toString();
    }

    private Path folder(Dialect dialect) {
        return dir.resolve("migrations").resolve(dialect.name());
    }

    /** The developer's database the revisions are computed against: an H2 file, absent at first. */
    private Migrator developmentDatabase() {
        return Migrator.create("jdbc:h2:file:" + dir.resolve("dev/limber"), null, null, location());
    }

    @AllDatabases
    void aModelChangeComputedOnH2YieldsAScriptPerDatabaseThatAppliesAndChecksCleanOnEach(TestDatabase db)
            throws Exception {
        for (Dialect dialect : Dialect.all()) {
            Files.createDirectories(folder(dialect));
        }
        Migrator dev = developmentDatabase();
        Revisions revisions = Revisions.of(dev).clock(CLOCK);
        ModelRegistry v1 = registry(authors(), books());
        ModelRegistry v2 = registry(authors(), booksWithAuthor(true, OnDelete.CASCADE), categories());

        // The development database does not exist yet: the first revision comes from the models alone.
        Map<Dialect, Path> first = revisions.autogenerateAll("create library", dev, v1);
        assertThat(Files.exists(dir.resolve("dev/limber.mv.db"))).isFalse();
        dev.migrate();
        Map<Dialect, Path> second = revisions.clock(LATER).autogenerateAll("books belong to authors", dev, v2);

        for (Map<Dialect, Path> revision : List.of(first, second)) {
            assertThat(revision.keySet()).containsExactlyElementsIn(Dialect.all()).inOrder();
            for (Map.Entry<Dialect, Path> script : revision.entrySet()) {
                assertThat(script.getValue().getParent()).isEqualTo(folder(script.getKey()));
                assertThat(script.getValue().getFileName()).isEqualTo(revision.get(Dialect.H2).getFileName());
                assertThat(Files.readAllLines(script.getValue())).contains("-- Dialect: " + script.getKey().name()
                        + " (Limber refuses to run this script on another database)");
            }
        }
        Dialect d = db.dialect();
        assertThat(Files.readString(second.get(d))).contains("ALTER TABLE " + d.quote("books") + " ADD COLUMN "
                + d.quote("author_id"));

        // The database under test migrates from its own folder, to the models of the second revision.
        Migrator target = Migrator.create(db.url(), db.username(), db.password(), location());
        assertThat(target.directory()).hasValue(folder(d));
        assertThat(target.migrate()).hasSize(2);
        target.checkSchema(v2);
        assertThat(target.diff(v2).differences()).isEmpty();
    }

    @AllDatabases
    void aScriptWrittenForAnotherDatabaseIsRefusedByNameBeforeAnythingRuns(TestDatabase db) throws Exception {
        Dialect other = db.dialect() == Dialect.H2 ? Dialect.POSTGRESQL : Dialect.H2;
        Files.createDirectories(folder(other));
        Migrator dev = developmentDatabase();
        Path script = Revisions.of(dev).clock(CLOCK).autogenerateAll("create library", dev, registry(authors()))
                .get(other);

        // Pointed at the other database's folder, as a hand-set location would be.
        Migrator wrong = Migrator.create(db.url(), db.username(), db.password(), folder(other).toString());
        MigrationException e = assertThrows(MigrationException.class, wrong::migrate);

        assertThat(e).hasMessageThat().contains("Migration " + script.getFileName() + " was written for "
                + other.productName() + " (its header says \"-- Dialect: " + other.name() + "\"), but this database is "
                + db.dialect().productName() + "; nothing was applied");
        assertThat(e).hasMessageThat().contains("database/migrations/{vendor} picks database/migrations/"
                + db.dialect().name());
        assertThat(wrong.info().stream().filter(MigrationStatus::applied).toList()).isEmpty();
        assertThat(wrong.diff(registry(authors())).differences().get(0).kind())
                .isEqualTo(SchemaDiff.Kind.MISSING_TABLE);
    }

    @Test
    void theProjectTargetsTheDatabasesWhoseFoldersExist() throws Exception {
        Files.createDirectories(folder(Dialect.MARIADB));
        Files.createDirectories(folder(Dialect.H2));
        Revisions revisions = Revisions.in(Path.of(location())).clock(CLOCK);

        List<Path> written = revisions.createAll("add isbn");

        assertThat(revisions.targets().keySet()).containsExactly(Dialect.H2, Dialect.MARIADB).inOrder();
        assertThat(written).containsExactly(folder(Dialect.H2).resolve("V20261124153000__add_isbn.sql"),
                folder(Dialect.MARIADB).resolve("V20261124153000__add_isbn.sql")).inOrder();
        assertThat(Files.exists(folder(Dialect.SQLITE))).isFalse();
    }

    @Test
    void aVersionTakenInAnyFolderIsSkippedInAll() throws Exception {
        Files.createDirectories(folder(Dialect.H2));
        Files.createDirectories(folder(Dialect.SQLITE));
        Files.writeString(folder(Dialect.SQLITE).resolve("V20261124153000__hand_made.sql"), "SELECT 1;\n");

        List<Path> written = Revisions.in(Path.of(location())).clock(CLOCK).createAll("next");

        assertThat(written.stream().map(p -> p.getFileName().toString()).toList())
                .containsExactly("V20261124153001__next.sql", "V20261124153001__next.sql");
    }

    @Test
    void withoutAnyDatabaseFolderTheErrorSaysWhichToCreate() {
        Revisions revisions = Revisions.in(Path.of(location()));

        LimberException e = assertThrows(LimberException.class, () -> revisions.createAll("first"));

        assertThat(e).hasMessageThat().contains("No database's folder exists for " + location());
        assertThat(e).hasMessageThat().contains("mkdir -p " + folder(Dialect.H2) + " " + folder(Dialect.SQLITE) + " "
                + folder(Dialect.POSTGRESQL) + " " + folder(Dialect.MARIADB));
    }

    @Test
    void anAbsentDatabaseWithScriptsAlreadyWrittenIsMigratedFirstNotComparedAsEmpty() throws Exception {
        Files.createDirectories(folder(Dialect.H2));
        Files.writeString(folder(Dialect.H2).resolve("V1__authors.sql"), "CREATE TABLE \"authors\" (\"id\" INT);\n");
        Migrator dev = developmentDatabase();

        LimberException e = assertThrows(LimberException.class,
                () -> Revisions.of(dev).autogenerateAll("again", dev, registry(authors())));

        assertThat(e).hasMessageThat().contains("The database file " + dir.resolve("dev/limber.mv.db")
                + " does not exist, but scripts do (V1__authors.sql). Run `limber migrate` first");
        assertThat(Files.exists(dir.resolve("dev/limber.mv.db"))).isFalse();
    }

    @Test
    void theCommandLineWritesEveryTargetAndMigratesFromItsDatabasesFolder() throws Exception {
        // As a project would configure it; the models come from the test class path (ShopRegistry).
        Files.createDirectories(folder(Dialect.H2));
        Files.createDirectories(folder(Dialect.POSTGRESQL));
        Files.writeString(dir.resolve("limber.properties"), "migrations.location=migrations/{vendor}\n");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        Cli cli = new Cli(dir, Map.of(), CLOCK);

        assertThat(cli.run(new String[] {"revision", "-m", "create shop", "--autogenerate"}, print, print)).isEqualTo(0);
        assertThat(cli.run(new String[] {"migrate"}, print, print)).isEqualTo(0);
        assertThat(cli.run(new String[] {"check"}, print, print)).isEqualTo(0);

        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains(String.join(System.lineSeparator(),
                "Created migrations/h2/V20261124153000__create_shop.sql",
                "Created migrations/postgresql/V20261124153000__create_shop.sql",
                "Review them, then run `limber migrate` on each database.",
                "Migrating h2 database, scripts in migrations/h2"));
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("The database matches the");
    }
}
