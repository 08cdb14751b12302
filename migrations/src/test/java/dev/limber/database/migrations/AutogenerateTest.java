package dev.limber.database.migrations;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.LimberException;
import dev.limber.database.ModelInfo;
import dev.limber.database.ModelRegistry;
import dev.limber.database.dialect.Dialect;
import dev.limber.database.migrations.fixtures.ShopModels;
import dev.limber.database.migrations.fixtures.TestModel;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;

class AutogenerateTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T15:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Migrator migrator(TestDatabase db) {
        return Migrator.create(db.url(), db.username(), db.password(), dir.toString());
    }

    @AllDatabases
    void autogenerateFromEmptyDatabaseMigratesToTheModelsAndThenReportsNoChanges(TestDatabase db) throws Exception {
        Migrator migrator = migrator(db);
        Revisions revisions = Revisions.of(migrator).clock(CLOCK);

        Path first = revisions.autogenerate("create shop", migrator, ShopModels.v1()).orElseThrow();
        assertThat(first.getFileName().toString()).isEqualTo("V20261124153000__create_shop.sql");
        String script = Files.readString(first);
        assertThat(script).contains("CREATE TABLE " + db.dialect().quote("authors"));
        assertThat(script).contains("CREATE TABLE " + db.dialect().quote("books"));
        assertThat(script).contains("CREATE UNIQUE INDEX " + db.dialect().quote("ux_books_slug"));

        List<AppliedMigration> applied = migrator.migrate();
        assertThat(applied).hasSize(1);
        assertThat(applied.get(0).version()).isEqualTo("20261124153000");

        SchemaDiff diff = migrator.diff(ShopModels.v1());
        assertThat(diff.differences()).isEmpty();
        assertThat(revisions.autogenerate("nothing", migrator, ShopModels.v1())).isEmpty();
        assertThat(filesIn(dir)).containsExactly("V20261124153000__create_shop.sql");
        migrator.checkSchema(ShopModels.v1());
    }

    @AllDatabases
    void aNewFieldBecomesExactlyOneAddColumn(TestDatabase db) throws Exception {
        Migrator migrator = migrator(db);
        Revisions revisions = Revisions.of(migrator).clock(CLOCK);
        revisions.autogenerate("create shop", migrator, ShopModels.v1()).orElseThrow();
        migrator.migrate();

        Path second = revisions.clock(Clock.offset(CLOCK, java.time.Duration.ofHours(1)))
                .autogenerate("add isbn to books", migrator, ShopModels.v2()).orElseThrow();

        assertThat(second.getFileName().toString()).isEqualTo("V20261124163000__add_isbn_to_books.sql");
        Dialect d = db.dialect();
        assertThat(statements(second)).containsExactly(
                "ALTER TABLE " + d.quote("books") + " ADD COLUMN " + d.quote("isbn") + " VARCHAR(20);");
        assertThat(migrator.migrate()).hasSize(1);
        assertThat(migrator.diff(ShopModels.v2()).isEmpty()).isTrue();
    }

    @AllDatabases
    void aNewNotNullFieldIsAddedNullableAndTightenedByTheNextRevision(TestDatabase db) throws Exception {
        Migrator migrator = migrator(db);
        Revisions revisions = Revisions.of(migrator).clock(CLOCK);
        ModelRegistry v1 = registry(TestModel.table("book_tags").string("label", 40, false, false));
        ModelRegistry v2 = registry(TestModel.table("book_tags").string("label", 40, false, false)
                .column("weight", int.class, false));
        revisions.autogenerate("tags", migrator, v1).orElseThrow();
        migrator.migrate();
        // A neighbour whose name the LIKE pattern book_tags would match if '_' were not escaped.
        try (var connection = db.connect(); var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + db.dialect().quote("bookxtags") + " (" + db.dialect().quote("id")
                    + " INTEGER PRIMARY KEY, " + db.dialect().quote("weight") + " INTEGER)");
        }
        try (var connection = db.connect(); var statement = connection.createStatement()) {
            statement.execute("INSERT INTO " + db.dialect().quote("book_tags") + " (" + db.dialect().quote("label")
                    + ") VALUES ('old')");
        }

        Path add = revisions.autogenerate("tag weight", migrator, v2).orElseThrow();
        String script = Files.readString(add);
        assertThat(statements(add)).containsExactly("ALTER TABLE " + db.dialect().quote("book_tags") + " ADD COLUMN "
                + db.dialect().quote("weight") + " " + v2.models().get(0).columns().get(2).sqlType(db.dialect().name())
                + ";");
        assertThat(script).contains("is NOT NULL in the model. It is added as nullable");
        migrator.migrate(); // succeeds although a row exists: the column arrives nullable

        SchemaDiff diff = migrator.diff(v2);
        assertThat(diff.differences().stream().map(SchemaDiff.Difference::kind).toList())
                .containsExactly(SchemaDiff.Kind.NULLABILITY);
        if (db.dialect() == Dialect.SQLITE) {
            return; // SQLite cannot tighten a column in place; the script says so in a comment
        }
        try (var connection = db.connect(); var statement = connection.createStatement()) {
            statement.execute("UPDATE " + db.dialect().quote("book_tags") + " SET " + db.dialect().quote("weight") + " = 1");
        }
        revisions.autogenerate("tag weight not null", migrator, v2).orElseThrow();
        migrator.migrate();
        assertThat(migrator.diff(v2).isEmpty()).isTrue();
    }

    @AllDatabases
    void autogenerateRefusesWhileAScriptIsPendingInsteadOfRepeatingIt(TestDatabase db) throws Exception {
        Migrator migrator = migrator(db);
        Revisions revisions = Revisions.of(migrator).clock(CLOCK);
        Path first = revisions.autogenerate("create shop", migrator, ShopModels.v1()).orElseThrow();

        LimberException e = assertThrows(LimberException.class,
                () -> revisions.autogenerate("again", migrator, ShopModels.v1()));

        assertThat(e.getMessage()).contains("not up to date: " + first.getFileName() + " (pending)");
        assertThat(e.getMessage()).contains("Run `limber migrate` first");
        assertThat(filesIn(dir)).containsExactly(first.getFileName().toString());
    }

    @AllDatabases
    void aFieldThatBecomesNullableIsLoosenedInPlace(TestDatabase db) throws Exception {
        Migrator migrator = migrator(db);
        Revisions revisions = Revisions.of(migrator).clock(CLOCK);
        revisions.autogenerate("tags", migrator, registry(TestModel.table("tags").string("label", 40, false, false)))
                .orElseThrow();
        migrator.migrate();
        ModelRegistry loose = registry(TestModel.table("tags").string("label", 40, true, false));

        Path script = revisions.clock(Clock.offset(CLOCK, java.time.Duration.ofMinutes(1)))
                .autogenerate("label optional", migrator, loose).orElseThrow();

        if (db.dialect() == Dialect.SQLITE) {
            assertThat(statements(script)).isEmpty();
            assertThat(Files.readString(script)).contains("SQLite cannot change a column's nullability in place");
            return;
        }
        assertThat(statements(script)).hasSize(1);
        migrator.migrate();
        assertThat(migrator.diff(loose).isEmpty()).isTrue();
        try (var connection = db.connect(); var statement = connection.createStatement()) {
            statement.execute("INSERT INTO " + db.dialect().quote("tags") + " (" + db.dialect().quote("label")
                    + ") VALUES (NULL)");
        }
    }

    @AllDatabases
    void checkSchemaListsEveryMismatchInOneMessage(TestDatabase db) throws Exception {
        Dialect d = db.dialect();
        try (var connection = db.connect(); var statement = connection.createStatement()) {
            // books: title nullable and too short, no in_print, no unique index on slug; no authors table.
            statement.execute("CREATE TABLE " + d.quote("books") + " (" + d.quote("id") + " BIGINT PRIMARY KEY, "
                    + d.quote("title") + " VARCHAR(50), " + d.quote("slug") + " VARCHAR(120), "
                    + d.quote("legacy_code") + " VARCHAR(10))");
        }
        ModelRegistry registry = registry(TestModel.table("authors").string("name", 200, false, false),
                TestModel.table("books").string("title", 200, false, false).column("in_print", boolean.class, false)
                        .string("slug", 120, true, true));
        Migrator migrator = migrator(db);

        SchemaMismatchException e = assertThrows(SchemaMismatchException.class, () -> migrator.checkSchema(registry));

        assertThat(e.getMessage()).contains("table authors is missing");
        assertThat(e.getMessage()).contains("column books.title is nullable in the database but NOT NULL in the model");
        assertThat(e.getMessage()).contains("column books.in_print is missing");
        assertThat(e.getMessage()).contains("unique index ux_books_slug on books [slug] is missing");
        List<SchemaDiff.Kind> kinds = e.mismatches().stream().map(SchemaDiff.Difference::kind).toList();
        if (d == Dialect.SQLITE) {
            // SQLite ignores VARCHAR lengths, so 50 vs 200 is no difference there.
            assertThat(kinds).containsExactly(SchemaDiff.Kind.MISSING_TABLE, SchemaDiff.Kind.MISSING_COLUMN,
                    SchemaDiff.Kind.NULLABILITY, SchemaDiff.Kind.MISSING_UNIQUE_INDEX).inOrder();
        } else {
            assertThat(e.getMessage()).contains("column books.title has type");
            assertThat(kinds).containsExactly(SchemaDiff.Kind.MISSING_TABLE, SchemaDiff.Kind.MISSING_COLUMN,
                    SchemaDiff.Kind.NULLABILITY, SchemaDiff.Kind.TYPE, SchemaDiff.Kind.MISSING_UNIQUE_INDEX).inOrder();
        }
        // The unmapped column is a drop candidate for autogenerate, not a mismatch.
        assertThat(e.getMessage()).doesNotContain("legacy_code");
        assertThat(migrator.diff(registry).differences().stream().map(SchemaDiff.Difference::kind).toList())
                .contains(SchemaDiff.Kind.EXTRA_COLUMN);
    }

    @AllDatabases
    void aColumnNoModelMapsIsWrittenAsACommentedDropOnceNotInEveryLaterScript(TestDatabase db) throws Exception {
        Migrator migrator = migrator(db);
        Revisions revisions = Revisions.of(migrator).clock(CLOCK);
        revisions.autogenerate("notes", migrator, registry(TestModel.table("notes")
                .string("body", 100, true, false).string("old", 10, true, false))).orElseThrow();
        migrator.migrate();
        ModelRegistry withoutOld = registry(TestModel.table("notes").string("body", 100, true, false));

        Path script = revisions.clock(Clock.offset(CLOCK, java.time.Duration.ofMinutes(1)))
                .autogenerate("old is unmapped", migrator, withoutOld).orElseThrow();
        assertThat(Files.readString(script)).contains("-- ALTER TABLE " + db.dialect().quote("notes") + " DROP COLUMN "
                + db.dialect().quote("old") + ";");
        migrator.migrate();

        assertThat(revisions.clock(Clock.offset(CLOCK, java.time.Duration.ofMinutes(2)))
                .autogenerate("again", migrator, withoutOld)).isEmpty();
        assertThat(migrator.diff(withoutOld).drift()).hasSize(1); // still drift, for check to list
    }

    @AllDatabases
    void dropsAndTypeChangesAreWrittenOnlyAsCommentsToReview(TestDatabase db) throws Exception {
        Migrator migrator = migrator(db);
        Revisions revisions = Revisions.of(migrator).clock(CLOCK);
        revisions.autogenerate("notes", migrator, registry(TestModel.table("notes")
                .string("body", 100, true, false).string("old", 10, true, false))).orElseThrow();
        migrator.migrate();

        ModelRegistry changed = registry(TestModel.table("notes").string("body", 300, true, false));
        Path script = revisions.clock(Clock.offset(CLOCK, java.time.Duration.ofMinutes(1)))
                .autogenerate("review", migrator, changed).orElseThrow();

        String text = Files.readString(script);
        assertThat(text).contains("-- ALTER TABLE " + db.dialect().quote("notes") + " DROP COLUMN "
                + db.dialect().quote("old") + ";");
        assertThat(statements(script)).isEmpty();
        if (db.dialect() != Dialect.SQLITE) {
            assertThat(text).contains("column notes.body has type");
        }
        migrator.migrate(); // a script of comments only is valid and changes nothing
        try (var connection = db.connect()) {
            var table = SchemaInspector.inspect(connection, db.dialect()).table("notes").orElseThrow();
            assertThat(table.column("old")).isPresent();
        }
    }

    @AllDatabases
    void aChangedLengthOrPrecisionIsATypeDifference(TestDatabase db) throws Exception {
        Dialect d = db.dialect();
        try (var connection = db.connect(); var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + d.quote("prices") + " (" + d.quote("id") + " BIGINT PRIMARY KEY, "
                    + d.quote("code") + " VARCHAR(10), " + d.quote("amount") + " NUMERIC(8,2))");
        }
        ModelRegistry sameLength = registry(TestModel.table("prices").string("code", 10, true, false)
                .column("amount", java.math.BigDecimal.class, true));
        ModelRegistry wider = registry(TestModel.table("prices").string("code", 12, true, false)
                .column("amount", java.math.BigDecimal.class, true));
        Migrator migrator = migrator(db);

        if (d == Dialect.SQLITE) {
            // SQLite stores by affinity: neither the length nor the precision constrains anything there.
            assertThat(migrator.diff(wider).isEmpty()).isTrue();
            return;
        }
        // The hand-built model declares NUMERIC(12, 2); the table has NUMERIC(8,2).
        List<String> differences = migrator.diff(sameLength).differences().stream().map(Object::toString).toList();
        assertThat(differences).hasSize(1);
        assertThat(differences.get(0)).contains("column prices.amount has type");
        assertThat(differences.get(0)).contains("(8,2) in the database but");
        assertThat(migrator.diff(wider).differences().stream().map(SchemaDiff.Difference::kind).toList())
                .containsExactly(SchemaDiff.Kind.TYPE, SchemaDiff.Kind.TYPE);
    }

    @AllDatabases
    void identifierCaseFromTheDatabaseStillMatchesTheModel(TestDatabase db) throws Exception {
        // Unquoted names fold to upper case on H2 and lower case on PostgreSQL; the check must still match.
        try (var connection = db.connect(); var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE Gadgets (ID BIGINT PRIMARY KEY, Label VARCHAR(40) NOT NULL)");
        }
        ModelRegistry registry = registry(TestModel.table("gadgets").string("label", 40, false, false));
        assertThat(migrator(db).diff(registry).differences()).isEmpty();
    }

    private static ModelRegistry registry(TestModel... models) {
        return ModelRegistry.of(java.util.Arrays.stream(models).<ModelInfo<?>>map(TestModel::build).toList());
    }

    /** The executable statements of a script: its lines that are neither comments nor blank. */
    static List<String> statements(Path script) throws IOException {
        return Files.readAllLines(script, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("--"))
                .collect(Collectors.toList());
    }

    static List<String> filesIn(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

}
