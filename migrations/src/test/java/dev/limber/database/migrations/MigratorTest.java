package dev.limber.database.migrations;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.container.Application;
import dev.limber.database.DatabaseServiceProvider;
import dev.limber.database.LimberException;
import dev.limber.database.ModelRegistry;
import dev.limber.database.migrations.fixtures.TestModel;
import dev.limber.database.dialect.Dialect;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

class MigratorTest {
    @TempDir
    Path dir;

    private Migrator migrator(TestDatabase db) {
        return Migrator.create(db.url(), db.username(), db.password(), dir.toString());
    }

    private void script(String name, String sql) throws Exception {
        Files.writeString(dir.resolve(name), sql);
    }

    @AllDatabases
    void migrateRefusesAMissingFolderNamingItAndTheWorkingDirectory(TestDatabase db) {
        Path missing = dir.resolve("elsewhere/database/migrations").toAbsolutePath().normalize();
        Migrator migrator = Migrator.create(db.url(), db.username(), db.password(), missing.toString());

        MigrationException e = assertThrows(MigrationException.class, migrator::migrate);

        assertThat(e).hasMessageThat().startsWith("The migrations folder " + missing + " does not exist (working"
                + " directory " + Path.of("").toAbsolutePath() + ")");
        assertThat(e).hasMessageThat().contains("set migrations.location (--location) to the folder that holds the"
                + " scripts");
        assertThat(migrator.info()).isEmpty();
    }

    @AllDatabases
    void autogenerateRefusesAMissingFolderInsteadOfWritingTheWholeSchemaThere(TestDatabase db) {
        Path missing = dir.resolve("elsewhere/database/migrations").toAbsolutePath().normalize();
        Migrator migrator = Migrator.create(db.url(), db.username(), db.password(), missing.toString());
        ModelRegistry registry = ModelRegistry.of(List.of(
                TestModel.table("notes").string("text", 40, false, false).build()));

        MigrationException e = assertThrows(MigrationException.class,
                () -> Revisions.of(migrator).autogenerate("initial schema", migrator, registry));

        assertThat(e).hasMessageThat().contains("The migrations folder " + missing + " does not exist");
        assertThat(e).hasMessageThat().contains("--autogenerate would write the whole schema there");
        assertThat(e).hasMessageThat().contains("mkdir -p " + missing);
        assertThat(Files.exists(missing)).isFalse();
    }

    @AllDatabases
    void migrateAppliesPendingScriptsInVersionOrderExactlyOnce(TestDatabase db) throws Exception {
        Dialect d = db.dialect();
        script("V2__add_notes.sql", "CREATE TABLE " + d.quote("notes") + " (" + d.quote("id") + " INTEGER PRIMARY KEY);\n");
        script("V1__add_people.sql", "CREATE TABLE " + d.quote("people") + " (" + d.quote("id") + " INTEGER PRIMARY KEY);\n");
        Migrator migrator = migrator(db);
        List<String> progress = new ArrayList<>();

        List<AppliedMigration> applied = migrator.migrate(new MigrationListener() {
            @Override
            public void starting(String script, String version, String description) {
                progress.add("start " + script);
            }

            @Override
            public void finished(String script, long millis) {
                progress.add("done " + script);
            }
        });

        assertThat(applied.stream().map(AppliedMigration::version).toList()).containsExactly("1", "2").inOrder();
        assertThat(applied.get(0).description()).isEqualTo("add people");
        assertThat(progress).containsExactly("start V1__add_people.sql", "done V1__add_people.sql",
                "start V2__add_notes.sql", "done V2__add_notes.sql").inOrder();
        assertThat(tables(db)).containsAtLeast("people", "notes");
        assertThat(migrator.migrate()).isEmpty();
    }

    @AllDatabases
    void infoShowsAppliedAndPendingMigrations(TestDatabase db) throws Exception {
        script("V1__first.sql", "CREATE TABLE " + db.dialect().quote("first") + " (" + db.dialect().quote("id")
                + " INTEGER PRIMARY KEY);\n");
        Migrator migrator = migrator(db);
        assertThat(migrator.info()).hasSize(1);
        assertThat(migrator.info().get(0).pending()).isTrue();
        migrator.migrate();
        script("V2__second.sql", "CREATE TABLE " + db.dialect().quote("second") + " (" + db.dialect().quote("id")
                + " INTEGER PRIMARY KEY);\n");

        List<MigrationStatus> info = migrator.info();

        assertThat(info).hasSize(2);
        MigrationStatus first = info.get(0);
        assertThat(first.version()).isEqualTo("1");
        assertThat(first.description()).isEqualTo("first");
        assertThat(first.script()).isEqualTo("V1__first.sql");
        assertThat(first.state()).isEqualTo("Success");
        assertThat(first.applied()).isTrue();
        assertThat(first.checksum()).isNotNull();
        assertThat(first.installedOn()).isNotNull();
        MigrationStatus second = info.get(1);
        assertThat(second.version()).isEqualTo("2");
        assertThat(second.pending()).isTrue();
        assertThat(second.installedOn()).isNull();
    }

    @AllDatabases
    void aFailingScriptNamesTheScriptAndStatementAndCanBeRecoveredFrom(TestDatabase db)
            throws Exception {
        Dialect d = db.dialect();
        script("V1__base.sql", "CREATE TABLE " + d.quote("base") + " (" + d.quote("id") + " INTEGER PRIMARY KEY);\n");
        script("V2__broken.sql", "CREATE TABLE " + d.quote("half") + " (" + d.quote("id") + " INTEGER PRIMARY KEY);\n"
                + "INSERT INTO " + d.quote("no_such_table") + " VALUES (1);\n");
        Migrator migrator = migrator(db);

        MigrationException e = assertThrows(MigrationException.class, migrator::migrate);

        assertThat(e).isInstanceOf(LimberException.class);
        assertThat(e.script()).isEqualTo("V2__broken.sql");
        assertThat(e.sql()).contains("no_such_table");
        assertThat(e.getMessage()).contains("Migration V2__broken.sql failed at line 2");
        assertThat(tables(db)).contains("base");
        if (d == Dialect.MARIADB || d == Dialect.H2) {
            // These commit each DDL statement: the first statement stays, the script is marked failed,
            // and the message says how to recover, which works.
            assertThat(e.getMessage()).contains("cannot roll back DDL");
            assertThat(tables(db)).contains("half");
            assertThat(migrator.info().get(1).state()).isEqualTo("Failed");
            try (Connection connection = db.connect(); var statement = connection.createStatement()) {
                statement.execute("DROP TABLE " + d.quote("half"));
            }
            assertThat(migrator.repair()).isEqualTo(1);
        } else {
            assertThat(e.getMessage()).contains("rolled back; the database is as it was before it");
            assertThat(tables(db)).doesNotContain("half");
            assertThat(migrator.info().get(1).pending()).isTrue();
        }

        script("V2__broken.sql", "CREATE TABLE " + d.quote("half") + " (" + d.quote("id") + " INTEGER PRIMARY KEY);\n");
        assertThat(migrator.migrate()).hasSize(1);
        assertThat(tables(db)).contains("half");
    }

    @AllDatabases
    void validateRejectsAnAppliedScriptThatWasEdited(TestDatabase db) throws Exception {
        Dialect d = db.dialect();
        script("V1__people.sql", "CREATE TABLE " + d.quote("people") + " (" + d.quote("id") + " INTEGER PRIMARY KEY);\n");
        Migrator migrator = migrator(db);
        migrator.migrate();
        migrator.validate();

        script("V1__people.sql", "CREATE TABLE " + d.quote("people") + " (" + d.quote("id") + " BIGINT PRIMARY KEY);\n");

        MigrationException e = assertThrows(MigrationException.class, migrator::validate);
        assertThat(e.getMessage()).contains("checksum mismatch for migration version 1");
        assertThat(e.getMessage()).contains("If an applied script was edited by mistake, restore it");
    }

    @AllDatabases
    void validateReportsAPendingScript(TestDatabase db) throws Exception {
        script("V1__later.sql", "CREATE TABLE " + db.dialect().quote("later") + " (" + db.dialect().quote("id")
                + " INTEGER PRIMARY KEY);\n");
        MigrationException e = assertThrows(MigrationException.class, migrator(db)::validate);
        assertThat(e.getMessage()).contains("not applied");
    }

    @AllDatabases
    void aDatabaseBuiltWithoutMigrationsIsBaselinedThenLaterScriptsRun(TestDatabase db) throws Exception {
        Dialect d = db.dialect();
        String people = "CREATE TABLE " + d.quote("people") + " (" + d.quote("id") + " INTEGER PRIMARY KEY);\n";
        try (Connection connection = db.connect(); var statement = connection.createStatement()) {
            statement.execute(people); // as engine.createAll() would have
        }
        script("V1__people.sql", people);
        Migrator migrator = migrator(db);

        MigrationException e = assertThrows(MigrationException.class, migrator::migrate);
        assertThat(e.getMessage()).contains("already has tables but no migration history");
        assertThat(e.getMessage()).contains("limber baseline");

        assertThat(migrator.baseline(null)).isEqualTo("1");
        assertThat(migrator.migrate()).isEmpty();
        script("V2__pets.sql", "CREATE TABLE " + d.quote("pets") + " (" + d.quote("id") + " INTEGER PRIMARY KEY);\n");
        assertThat(migrator.migrate().stream().map(AppliedMigration::version).toList()).containsExactly("2");
        assertThat(tables(db)).containsAtLeast("people", "pets");

        MigrationException again = assertThrows(MigrationException.class, () -> migrator.baseline("5"));
        assertThat(again.getMessage()).startsWith("Could not baseline the database");
    }

    @AllDatabases
    void anApplicationMigratesItsOwnDatabaseFromItsConfiguredLocation(TestDatabase db) throws Exception {
        script("V1__people.sql", "CREATE TABLE " + db.dialect().quote("people") + " (" + db.dialect().quote("id")
                + " INTEGER PRIMARY KEY);\n");
        java.util.Map<String, String> settings = new java.util.HashMap<>();
        settings.put("database.url", db.url());
        settings.put("migrations.location", dir.toString());
        if (db.username() != null) {
            settings.put("database.username", db.username());
        }
        try (Application app = Application.create(settings).register(new DatabaseServiceProvider())) {
            assertThat(Migrator.create(app).migrate()).hasSize(1);
        }
        assertThat(tables(db)).contains("people");
    }

    @AllDatabases
    void aScriptOlderThanTheNewestAppliedOneIsRefusedNotRunOutOfOrder(TestDatabase db) throws Exception {
        Dialect d = db.dialect();
        script("V20260102000000__newer.sql", "CREATE TABLE " + d.quote("newer") + " (" + d.quote("id")
                + " INTEGER PRIMARY KEY);\n");
        Migrator migrator = migrator(db);
        migrator.migrate();
        script("V20260101000000__from_a_branch.sql", "CREATE TABLE " + d.quote("older") + " (" + d.quote("id")
                + " INTEGER PRIMARY KEY);\n");

        MigrationException e = assertThrows(MigrationException.class, migrator::migrate);

        assertThat(e.getMessage()).contains("script version 20260101000000 is older than the newest applied migration"
                + " and would run out of order; rename it with a newer version");
        assertThat(e.getMessage()).doesNotContain("outOfOrder"); // a Flyway setting Limber does not expose
        assertThat(tables(db)).doesNotContain("older");
    }

    @AllDatabases
    void scriptsCanComeFromTheClassPath(TestDatabase db) throws Exception {
        Migrator migrator = Migrator.create(db.url(), db.username(), db.password(), "classpath:db/sample");
        assertThat(migrator.directory()).isEmpty();
        assertThat(migrator.migrate()).hasSize(1);
        assertThat(tables(db)).contains("sample_notes");
    }

    @AllDatabases
    void aMisnamedScriptIsAnErrorNotSilentlySkipped(TestDatabase db) throws Exception {
        script("V1_missing_second_underscore.sql", "SELECT 1;\n");
        MigrationException e = assertThrows(MigrationException.class, migrator(db)::migrate);
        assertThat(e.getMessage()).contains("V1_missing_second_underscore.sql");
    }

    /** Table names in the test's schema, lower-cased. */
    private static List<String> tables(TestDatabase db) throws Exception {
        try (Connection connection = db.connect()) {
            return SchemaInspector.inspect(connection, db.dialect()).tables().keySet().stream()
                    .map(t -> t.toLowerCase(java.util.Locale.ROOT)).toList();
        }
    }

    @org.junit.jupiter.api.Test
    void aUrlNoDriverAcceptsNamesTheArtifactToAddNotTheCredentials() throws Exception {
        Files.createDirectories(dir.resolve("migrations"));
        // MariaDB's driver is on the class path but refuses jdbc:mysql: without permitMysqlScheme.
        Migrator migrator = Migrator.create("jdbc:mysql://127.0.0.1:3306/app?password=secret", "app", null,
                dir.resolve("migrations").toString());

        MigrationException e = assertThrows(MigrationException.class, migrator::info);

        assertThat(e).hasMessageThat().contains("No JDBC driver on the class path accepts jdbc:mysql://127.0.0.1:3306/app:"
                + " MariaDB needs org.mariadb.jdbc:mariadb-java-client");
        assertThat(e).hasMessageThat().contains("write jdbc:mariadb: instead");
        assertThat(e).hasMessageThat().doesNotContain("secret");
        assertThat(e).hasMessageThat().doesNotContain("check database.url");
    }
}
