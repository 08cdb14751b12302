package dev.limber.database.migrations;

import static com.google.common.truth.Truth.assertThat;

import dev.limber.database.dialect.Dialect;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the command line in-process, as a user would from a project directory. */
class CliTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T15:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path project;

    private Map<String, String> env = Map.of();
    private String out;
    private String err;

    private int limber(String... args) {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
            code = new Cli(project, env, CLOCK).run(args, o, e);
        }
        out = outBytes.toString(StandardCharsets.UTF_8);
        err = errBytes.toString(StandardCharsets.UTF_8);
        return code;
    }

    /** {@code args} followed by the options that reach {@code db}. */
    private static String[] on(TestDatabase db, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--url");
        all.add(db.url());
        if (db.username() != null) {
            all.add("--username");
            all.add(db.username());
        }
        if (db.password() != null) {
            all.add("--password");
            all.add(db.password());
        }
        return all.toArray(new String[0]);
    }

    private Path migrations() throws Exception {
        return Files.createDirectories(project.resolve("database/migrations"));
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("migrate", "info", "validate", "repair", "baseline", "check", "schema",
                "revision")) {
            assertThat(limber(command, "--help")).isEqualTo(0);
            assertThat(out).startsWith("Usage: limber " + command);
            assertThat(out).contains("--url");
        }
        assertThat(limber("--help")).isEqualTo(0);
        assertThat(out).contains("revision");
    }

    @Test
    void badUsageExitsWithTwoAndOneLineOnStderr() {
        assertThat(limber()).isEqualTo(2);
        assertThat(limber("frobnicate")).isEqualTo(2);
        assertThat(err).contains("unknown command 'frobnicate'");
        assertThat(err.strip().lines().count()).isEqualTo(1);
        assertThat(limber("migrate", "--colour")).isEqualTo(2);
        assertThat(err).contains("unknown option '--colour'");
        assertThat(limber("migrate", "--url")).isEqualTo(2);
        assertThat(err).contains("--url needs a value");
        assertThat(limber("revision")).isEqualTo(2);
        assertThat(err).contains("-m \"message\" is required");
    }

    @Test
    void anUnsupportedUrlFailsWithTheReason() {
        assertThat(limber("migrate", "--url", "jdbc:oracle:thin:@x")).isEqualTo(1);
        assertThat(err).startsWith("limber migrate: Unsupported JDBC URL jdbc:oracle:thin:@x");
        assertThat(err.strip().lines().count()).isEqualTo(1);
    }

    @Test
    void anUnreachableDatabaseFailsWithOneLineAndNoPassword() {
        assertThat(limber("info", "--url", "jdbc:postgresql://127.0.0.1:1/shop?user=app&password=hunter2")).isEqualTo(1);
        assertThat(err).startsWith("limber info: Could not read the migration history: cannot connect to the postgresql"
                + " database: ");
        assertThat(err).contains("check database.url, database.username and database.password");
        assertThat(err).doesNotContain("hunter2");
        assertThat(err.strip().lines().count()).isEqualTo(1);
    }

    @Test
    void migrateFromAFolderWithoutMigrationsRefusesNamingTheFolderTheConfigurationAndTheDatabaseFile() {
        // the default URL, jdbc:h2:file:./database/limber, as from a folder that is not the project's
        assertThat(limber("migrate")).isEqualTo(1);

        Path root = project.toAbsolutePath().normalize();
        assertThat(err).startsWith("limber migrate: The migrations folder " + root.resolve("database/migrations")
                + " does not exist (working directory " + root + "; configuration: no " + root.resolve("limber.properties")
                + ", so defaults and LIMBER_* environment variables; the database file "
                + root.resolve("database/limber.mv.db") + " does not exist either, and connecting would create it empty)");
        assertThat(err.strip().lines().count()).isEqualTo(1);
        assertThat(Files.exists(root.resolve("database/limber.mv.db"))).isFalse();
    }

    @AllDatabases
    void autogenerateWithoutAMigrationsFolderRefusesToWriteTheWholeSchemaThere(TestDatabase db) {
        assertThat(limber(on(db, "revision", "--autogenerate", "-m", "initial schema"))).isEqualTo(1);

        Path folder = project.toAbsolutePath().normalize().resolve("database/migrations");
        assertThat(err).startsWith("limber revision: The migrations folder " + folder + " does not exist");
        assertThat(err).contains("--autogenerate would write the whole schema there, as if the database were new."
                + " For a new project create the folder first (mkdir -p " + folder + ")");
        assertThat(Files.exists(folder)).isFalse();
    }

    @Test
    void aNewProjectStartsItsMigrationsFolderWithARevision() throws Exception {
        String url = "jdbc:sqlite:" + project.resolve("new.db");
        assertThat(limber("info", "--url", url)).isEqualTo(0);
        assertThat(out).contains("No migrations yet; write one with `limber revision -m \"...\"`.");
        assertThat(limber("revision", "-m", "first", "--url", url)).isEqualTo(0);
        assertThat(limber("migrate", "--url", url)).isEqualTo(0);
        assertThat(out).contains("Applied 1 migration");
    }

    @Test
    void revisionWritesAnEmptyTemplateNamedByTimeAndMessage() throws Exception {
        assertThat(limber("revision", "-m", "Add ISBN to books", "--url", "jdbc:h2:mem:unused")).isEqualTo(0);

        Path file = project.resolve("database/migrations/V20261124153000__add_isbn_to_books.sql");
        assertThat(out.strip()).isEqualTo("Created database/migrations/V20261124153000__add_isbn_to_books.sql");
        assertThat(Files.readString(file)).startsWith("-- Add ISBN to books\n");
    }

    @Test
    void settingsComeFromPropertiesThenEnvironmentThenOptions() throws Exception {
        Path sqlite = project.resolve("from-properties.db");
        Files.writeString(project.resolve("limber.properties"),
                "database.url=jdbc:sqlite:" + sqlite + "\nmigrations.location=props-dir\n");

        assertThat(limber("revision", "-m", "one")).isEqualTo(0);
        assertThat(Files.exists(project.resolve("props-dir/V20261124153000__one.sql"))).isTrue();
        assertThat(limber("migrate")).isEqualTo(0);
        assertThat(out).contains("sqlite database, scripts in props-dir");
        assertThat(Files.exists(sqlite)).isTrue();

        env = Map.of("LIMBER_MIGRATIONS_LOCATION", "env-dir");
        assertThat(limber("revision", "-m", "two")).isEqualTo(0);
        assertThat(Files.exists(project.resolve("env-dir/V20261124153000__two.sql"))).isTrue();

        assertThat(limber("revision", "-m", "three", "--location", "flag-dir")).isEqualTo(0);
        assertThat(Files.exists(project.resolve("flag-dir/V20261124153000__three.sql"))).isTrue();
    }

    @AllDatabases
    void migratePrintsEachScriptThenInfoAndValidateReportTheHistory(TestDatabase db) throws Exception {
        Dialect d = db.dialect();
        Files.writeString(migrations().resolve("V1__people.sql"),
                "CREATE TABLE " + d.quote("people") + " (" + d.quote("id") + " INTEGER PRIMARY KEY);\n");
        Files.writeString(migrations().resolve("V2__pets.sql"),
                "CREATE TABLE " + d.quote("pets") + " (" + d.quote("id") + " INTEGER PRIMARY KEY);\n");

        assertThat(limber(on(db, "migrate"))).isEqualTo(0);
        assertThat(out).contains("  V1__people.sql ... done (");
        assertThat(out).contains("  V2__pets.sql ... done (");
        assertThat(out.indexOf("V1__people.sql")).isLessThan(out.indexOf("V2__pets.sql"));
        assertThat(out).contains("Applied 2 migrations; the database is now at version 2.");

        assertThat(limber(on(db, "migrate"))).isEqualTo(0);
        assertThat(out).contains("Nothing to migrate: the database is up to date at version 2.");

        Files.writeString(migrations().resolve("V3__toys.sql"),
                "CREATE TABLE " + d.quote("toys") + " (" + d.quote("id") + " INTEGER PRIMARY KEY);\n");
        assertThat(limber(on(db, "info"))).isEqualTo(0);
        assertThat(out).containsMatch("(?m)^Version +Description +State +Installed on \\(UTC\\) +Checksum$");
        assertThat(out).containsMatch("(?m)^1 +people +Success +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +-?\\d+$");
        assertThat(out).containsMatch("(?m)^3 +toys +Pending +-?\\d+$");
        assertThat(out).contains("2 applied, 1 pending.");

        assertThat(limber(on(db, "validate"))).isEqualTo(1);
        assertThat(err).contains("not applied");
        assertThat(limber(on(db, "migrate"))).isEqualTo(0);
        assertThat(limber(on(db, "validate"))).isEqualTo(0);
        assertThat(out).contains("Valid: 3 applied migrations match their scripts; none pending.");
    }

    @AllDatabases
    void aFailingScriptExitsWithOneLineNamingIt(TestDatabase db) throws Exception {
        Files.writeString(migrations().resolve("V1__broken.sql"), "-- oops\nINSERT INTO no_such_table VALUES (1);\n");
        assertThat(limber(on(db, "migrate"))).isEqualTo(1);
        assertThat(out).contains("  V1__broken.sql ... FAILED\n");
        assertThat(err).startsWith("limber migrate: Migration V1__broken.sql failed at line 2");
        assertThat(err).contains("[SQL: INSERT INTO no_such_table VALUES (1)]");
        assertThat(err).contains("no_such_table");
        assertThat(err.strip().lines().count()).isEqualTo(1);
    }

    @AllDatabases
    void infoCountsAFailedScriptAsFailedNotApplied(TestDatabase db) throws Exception {
        Dialect d = db.dialect();
        Files.writeString(migrations().resolve("V1__good.sql"),
                "CREATE TABLE " + d.quote("good") + " (" + d.quote("id") + " INTEGER PRIMARY KEY);\n");
        Files.writeString(migrations().resolve("V2__broken.sql"), "INSERT INTO no_such_table VALUES (1);\n");
        assertThat(limber(on(db, "migrate"))).isEqualTo(1);

        assertThat(limber(on(db, "info"))).isEqualTo(0);
        // H2 and MariaDB cannot roll DDL back, so Flyway records the script as failed; PostgreSQL and
        // SQLite roll the whole script back, and it is pending again
        if (d == Dialect.H2 || d == Dialect.MARIADB) {
            assertThat(out).containsMatch("(?m)^2 +broken +Failed ");
            assertThat(out).contains("1 applied, 1 failed, 0 pending. Undo what a failed script changed, run"
                    + " `limber repair`, fix the script and migrate again.");
        } else {
            assertThat(out).containsMatch("(?m)^2 +broken +Pending ");
            assertThat(out).contains("1 applied, 1 pending.");
        }
    }

    @AllDatabases
    void repairClearsAScriptThatFailedHalfwaySoTheFixedOneRuns(TestDatabase db) throws Exception {
        Dialect d = db.dialect();
        Path script = migrations().resolve("V1__half.sql");
        String create = "CREATE TABLE " + d.quote("half") + " (" + d.quote("id") + " INTEGER PRIMARY KEY);\n";
        Files.writeString(script, create + "INSERT INTO no_such_table VALUES (1);\n");
        assertThat(limber(on(db, "migrate"))).isEqualTo(1);
        boolean halfApplied = d == Dialect.H2 || d == Dialect.MARIADB;
        if (halfApplied) {
            try (var connection = db.connect(); var statement = connection.createStatement()) {
                statement.execute("DROP TABLE " + d.quote("half")); // undo by hand, as the error says
            }
        }

        assertThat(limber(on(db, "repair"))).isEqualTo(0);

        assertThat(out.strip()).isEqualTo(halfApplied
                ? "Repaired the history: 1 failed entry removed."
                : "Repaired the history: 0 failed entries removed.");
        Files.writeString(script, create);
        assertThat(limber(on(db, "migrate"))).isEqualTo(0);
        assertThat(out).contains("Applied 1 migration");
    }

    @Test
    void baselineMarksAnExistingDatabaseAtTheNewestScript() throws Exception {
        String url = "jdbc:sqlite:" + project.resolve("old.db");
        try (var connection = java.sql.DriverManager.getConnection(url); var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE people (id INTEGER PRIMARY KEY)");
        }
        Files.writeString(migrations().resolve("V20260101000000__people.sql"), "CREATE TABLE people (id INTEGER PRIMARY KEY);\n");
        Files.writeString(migrations().resolve("V20260102000000__more.sql"), "CREATE TABLE more (id INTEGER PRIMARY KEY);\n");
        assertThat(limber("migrate", "--url", url)).isEqualTo(1);
        assertThat(err).contains("run `limber baseline`");

        assertThat(limber("baseline", "--url", url, "--version", "20260101000000")).isEqualTo(0);
        assertThat(out.strip()).isEqualTo("Baselined the database at version 20260101000000: scripts up to it count as"
                + " applied.");
        assertThat(limber("migrate", "--url", url)).isEqualTo(0);
        assertThat(out).contains("V20260102000000__more.sql ... done");
        assertThat(out).doesNotContain("V20260101000000__people.sql");
    }

    @AllDatabases
    void autogenerateMigrateThenCheckAgreeWithTheModelsOnTheClassPath(TestDatabase db) throws Exception {
        assertThat(limber(on(db, "check"))).isEqualTo(1);
        assertThat(out).contains("table authors is missing");
        assertThat(out).contains("table books is missing");
        assertThat(err.strip().lines().count()).isEqualTo(1);

        migrations(); // a new project makes its migrations folder first; --autogenerate refuses a missing one
        assertThat(limber(on(db, "revision", "--autogenerate", "-m", "create shop"))).isEqualTo(0);
        assertThat(out).startsWith("Created database/migrations/V20261124153000__create_shop.sql");
        assertThat(limber(on(db, "migrate"))).isEqualTo(0);

        assertThat(limber(on(db, "revision", "--autogenerate", "-m", "again"))).isEqualTo(0);
        assertThat(out.strip()).isEqualTo("No changes: the database matches the 4 models; no revision written.");
        assertThat(AutogenerateTest.filesIn(migrations())).containsExactly("V20261124153000__create_shop.sql");
        assertThat(limber(on(db, "check"))).isEqualTo(0);
        assertThat(out.strip()).isEqualTo("The database matches the 4 models.");
    }

    @AllDatabases
    void checkListsAColumnNoModelMapsAndAutogenerateWritesItsDropOnce(TestDatabase db) throws Exception {
        migrations();
        assertThat(limber(on(db, "revision", "--autogenerate", "-m", "create shop"))).isEqualTo(0);
        assertThat(limber(on(db, "migrate"))).isEqualTo(0);
        try (var connection = db.connect(); var statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + db.dialect().quote("authors") + " ADD COLUMN "
                    + db.dialect().quote("legacy_code") + " VARCHAR(10)");
        }
        String drift = "  ! column authors.legacy_code is in the database but no field of Author maps it";

        assertThat(limber(on(db, "check"))).isEqualTo(0);
        assertThat(out).contains("The database matches the 4 models, with drift to review (1 item no model declares;");
        assertThat(out).contains(drift);

        assertThat(limber(on(db, "revision", "--autogenerate", "-m", "legacy code"))).isEqualTo(0);
        Path script = migrations().resolve("V20261124153001__legacy_code.sql");
        assertThat(Files.readString(script)).contains("-- ALTER TABLE " + db.dialect().quote("authors")
                + " DROP COLUMN " + db.dialect().quote("legacy_code") + ";");
        assertThat(limber(on(db, "migrate"))).isEqualTo(0);

        // the drop was put before a person once; later revisions do not repeat it, check keeps listing it
        assertThat(limber(on(db, "revision", "--autogenerate", "-m", "again"))).isEqualTo(0);
        assertThat(out.strip()).isEqualTo("No changes: the database matches the 4 models; no revision written. 1 drift"
                + " item is already in a script as a commented drop (`limber check` lists them).");
        assertThat(AutogenerateTest.filesIn(migrations())).containsExactly("V20261124153000__create_shop.sql",
                "V20261124153001__legacy_code.sql");
        assertThat(limber(on(db, "check"))).isEqualTo(0);
        assertThat(out).contains(drift);
    }

    @AllDatabases
    void checkReportsAMissingForeignKeyAsItReportsAMissingColumn(TestDatabase db) throws Exception {
        compileRegistry("dev.limber.database.migrations.fixtures.TestModel.table(\"writers\").build(), "
                + "dev.limber.database.migrations.fixtures.TestModel.table(\"novels\")"
                + ".belongsTo(\"writer\", \"writers\", true, dev.limber.database.models.OnDelete.CASCADE).build()");
        Dialect d = db.dialect();
        try (var connection = db.connect(); var statement = connection.createStatement()) {
            // novels.writer_id exists, without its key.
            statement.execute(dev.limber.database.migrations.fixtures.TestModel.table("writers").build()
                    .createTable(d.name()));
            statement.execute(dev.limber.database.migrations.fixtures.TestModel.table("novels")
                    .column("writer_id", Long.class, true).build().createTable(d.name()));
        }

        assertThat(limber(on(db, "check", "--classpath", "target/classes"))).isEqualTo(1);

        assertThat(out).contains("  - foreign key fk_novels_writer_id on novels.writer_id -> writers.id"
                + " (ON DELETE CASCADE) is missing");
        assertThat(out).contains("  - index ix_novels_writer_id on novels [writer_id] is missing");
        assertThat(out).doesNotContain("column novels.writer_id");
        assertThat(err).contains("the database does not match the models");
    }

    @Test
    void schemaPrintsTheModelsDdlInTheDialectAsked() {
        assertThat(limber("schema", "--dialect", "postgresql")).isEqualTo(0);
        assertThat(out).contains("-- dev.limber.database.migrations.shop.Author (authors)\nCREATE TABLE \"authors\" (");
        assertThat(out).contains("CREATE UNIQUE INDEX \"ux_books_slug\" ON \"books\" (\"slug\") WHERE \"deleted_at\" IS NULL;");

        assertThat(limber("schema", "--dialect", "mariadb")).isEqualTo(0);
        assertThat(out).contains("CREATE TABLE `books` (");

        assertThat(limber("schema", "--dialect", "oracle")).isEqualTo(1);
        assertThat(err).contains("Unknown dialect oracle");
    }

    /**
     * Compiles into {@code target/classes} of the project a registry listing {@code models} (Java
     * expressions), and registers it as a service there.
     */
    private void compileRegistry(String models) throws Exception {
        Path sources = Files.createDirectories(project.resolve("src/com/example"));
        Path classes = Files.createDirectories(project.resolve("target/classes"));
        Files.writeString(sources.resolve("Registry.java"), String.join("\n",
                "package com.example;",
                "public final class Registry implements dev.limber.database.ModelRegistry {",
                "    public java.util.List<dev.limber.database.ModelInfo<?>> models() {",
                "        return java.util.List.of(" + models + ");",
                "    }",
                "}"));
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        int compiled = javac.run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), sources.resolve("Registry.java").toString());
        assertThat(compiled).isEqualTo(0);
        Path services = Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(services.resolve("dev.limber.database.ModelRegistry"), "com.example.Registry\n");
    }

    @Test
    void modelsCanComeFromAClassPathDirectoryGivenOnTheCommandLine() throws Exception {
        // A registry compiled into target/classes, which is not on this JVM's class path.
        compileRegistry("dev.limber.database.migrations.fixtures.TestModel.table(\"invoices\")"
                + ".string(\"number\", 30, false, true).build()");

        assertThat(limber("schema", "--dialect", "h2")).isEqualTo(0);
        assertThat(out).doesNotContain("invoices");

        assertThat(limber("schema", "--dialect", "h2", "--classpath", "target/classes")).isEqualTo(0);
        assertThat(out).contains("CREATE TABLE \"invoices\"");
        assertThat(out).contains("CREATE UNIQUE INDEX \"ux_invoices_number\"");
    }
}
