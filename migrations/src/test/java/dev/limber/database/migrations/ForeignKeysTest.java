package dev.limber.database.migrations;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.database.migrations.AutogenerateTest.statements;
import static dev.limber.database.migrations.fixtures.LibraryModels.authors;
import static dev.limber.database.migrations.fixtures.LibraryModels.books;
import static dev.limber.database.migrations.fixtures.LibraryModels.booksWithAuthor;
import static dev.limber.database.migrations.fixtures.LibraryModels.categories;
import static dev.limber.database.migrations.fixtures.LibraryModels.library;
import static dev.limber.database.migrations.fixtures.LibraryModels.registry;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.Engine;
import dev.limber.database.ModelRegistry;
import dev.limber.database.dialect.Dialect;
import dev.limber.database.migrations.fixtures.TestModel;
import dev.limber.database.models.OnDelete;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What autogenerate and check do with the foreign keys of {@code @BelongsTo} relations. */
class ForeignKeysTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T15:30:00Z"), ZoneOffset.UTC);
    private static final Clock LATER = Clock.offset(CLOCK, Duration.ofHours(1));

    @TempDir
    Path dir;

    private Migrator migrator(TestDatabase db) {
        return Migrator.create(db.url(), db.username(), db.password(), dir.toString());
    }

    @AllDatabases
    void autogenerateCreatesReferencedTablesFirstAndTheMigratedSchemaChecksClean(TestDatabase db) throws Exception {
        Migrator migrator = migrator(db);
        Revisions revisions = Revisions.of(migrator).clock(CLOCK);
        ModelRegistry library = library(); // books listed before authors

        Path script = revisions.autogenerate("create library", migrator, library).orElseThrow();

        Dialect d = db.dialect();
        String text = Files.readString(script);
        int authors = text.indexOf("CREATE TABLE " + d.quote("authors"));
        int books = text.indexOf("CREATE TABLE " + d.quote("books"));
        int categories = text.indexOf("CREATE TABLE " + d.quote("categories"));
        assertThat(authors).isAtLeast(0);
        assertThat(books).isGreaterThan(authors);
        assertThat(categories).isAtLeast(0);
        assertThat(text).contains("CONSTRAINT " + d.quote("fk_books_author_id") + " FOREIGN KEY ("
                + d.quote("author_id") + ") REFERENCES " + d.quote("authors") + " (" + d.quote("id")
                + ") ON DELETE CASCADE");
        assertThat(statements(script)).contains("CREATE INDEX " + d.quote("ix_books_author_id") + " ON "
                + d.quote("books") + " (" + d.quote("author_id") + ");");
        assertThat(statements(script)).contains("CREATE INDEX " + d.quote("ix_categories_parent_id") + " ON "
                + d.quote("categories") + " (" + d.quote("parent_id") + ");");

        assertThat(migrator.migrate()).hasSize(1);
        migrator.checkSchema(library);
        assertThat(migrator.diff(library).differences()).isEmpty();
        assertThat(revisions.clock(LATER).autogenerate("again", migrator, library)).isEmpty();

        // The keys are real: deleting an author deletes her books; a parent category its children.
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            s.execute("INSERT INTO " + d.quote("authors") + " (" + d.quote("id") + ", " + d.quote("name")
                    + ") VALUES (1, 'Le Guin')");
            s.execute("INSERT INTO " + d.quote("books") + " (" + d.quote("title") + ", " + d.quote("author_id")
                    + ") VALUES ('The Lathe of Heaven', 1)");
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO " + d.quote("books") + " ("
                    + d.quote("title") + ", " + d.quote("author_id") + ") VALUES ('Orphan', 99)"));
            s.execute("INSERT INTO " + d.quote("categories") + " (" + d.quote("id") + ", " + d.quote("label")
                    + ") VALUES (1, 'fiction')");
            s.execute("INSERT INTO " + d.quote("categories") + " (" + d.quote("id") + ", " + d.quote("label") + ", "
                    + d.quote("parent_id") + ") VALUES (2, 'sf', 1)");
            s.execute("DELETE FROM " + d.quote("authors"));
            s.execute("DELETE FROM " + d.quote("categories") + " WHERE " + d.quote("id") + " = 1");
            assertThat(count(s, d.quote("books"))).isEqualTo(0);
            assertThat(count(s, d.quote("categories"))).isEqualTo(0);
        }
    }

    @AllDatabases
    void createAllAndMigrationsBuildTheSameSchema(TestDatabase db) throws Exception {
        // Listed in dependency order: createAll runs the models' DDL in registry order.
        ModelRegistry library = registry(authors(), booksWithAuthor(false, OnDelete.CASCADE), categories());
        Migrator migrator = migrator(db);
        DatabaseSchema created;
        try (Engine engine = Engine.builder().url(db.url()).username(db.username()).password(db.password())
                .maxPoolSize(1).registry(library).build()) {
            engine.createAll();
            assertThat(migrator.diff(library).differences()).isEmpty();
            created = inspect(db);
            engine.dropAll();
        }

        Revisions.of(migrator).clock(CLOCK).autogenerate("create library", migrator, library).orElseThrow();
        migrator.migrate();
        migrator.checkSchema(library);
        DatabaseSchema migrated = inspect(db);

        for (String table : List.of("authors", "books", "categories")) {
            DatabaseSchema.Table a = created.table(table).orElseThrow();
            DatabaseSchema.Table b = migrated.table(table).orElseThrow();
            assertThat(b.columns()).isEqualTo(a.columns());
            assertThat(b.foreignKeys()).isEqualTo(a.foreignKeys());
            assertThat(declaredIndexes(b)).isEqualTo(declaredIndexes(a));
        }
        DatabaseSchema.ForeignKey author = migrated.table("books").orElseThrow().foreignKeyOn("author_id")
                .orElseThrow();
        assertThat(author.referencedTable()).isEqualTo("authors");
        assertThat(author.referencedColumns()).containsExactly("id");
        assertThat(author.onDelete()).isEqualTo("CASCADE");
        assertThat(author.name()).isEqualTo("fk_books_author_id");
    }

    @AllDatabases
    void aNewBelongsToBecomesItsColumnIndexAndForeignKey(TestDatabase db) throws Exception {
        Migrator migrator = migrator(db);
        Revisions revisions = Revisions.of(migrator).clock(CLOCK);
        revisions.autogenerate("create library", migrator, registry(authors(), books())).orElseThrow();
        migrator.migrate();
        Dialect d = db.dialect();
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            s.execute("INSERT INTO " + d.quote("books") + " (" + d.quote("title") + ") VALUES ('Anonymous')");
        }
        ModelRegistry v2 = registry(authors(), booksWithAuthor(true, OnDelete.CASCADE));

        Path script = revisions.clock(LATER).autogenerate("books belong to authors", migrator, v2).orElseThrow();

        String index = "CREATE INDEX " + d.quote("ix_books_author_id") + " ON " + d.quote("books") + " ("
                + d.quote("author_id") + ");";
        if (d == Dialect.SQLITE) {
            // SQLite cannot add a constraint to a table: the new column carries it.
            assertThat(statements(script)).containsExactly(
                    "ALTER TABLE \"books\" ADD COLUMN \"author_id\" INTEGER REFERENCES \"authors\" (\"id\")"
                            + " ON DELETE CASCADE;",
                    index).inOrder();
        } else {
            assertThat(statements(script)).containsExactly(
                    "ALTER TABLE " + d.quote("books") + " ADD COLUMN " + d.quote("author_id") + " BIGINT;",
                    index,
                    "ALTER TABLE " + d.quote("books") + " ADD CONSTRAINT " + d.quote("fk_books_author_id")
                            + " FOREIGN KEY (" + d.quote("author_id") + ") REFERENCES " + d.quote("authors") + " ("
                            + d.quote("id") + ") ON DELETE CASCADE;").inOrder();
        }
        assertThat(migrator.migrate()).hasSize(1);
        migrator.checkSchema(v2);
        assertThat(migrator.diff(v2).differences()).isEmpty();

        try (Connection c = connect(db); Statement s = c.createStatement()) {
            s.execute("INSERT INTO " + d.quote("authors") + " (" + d.quote("id") + ", " + d.quote("name")
                    + ") VALUES (7, 'Tolkien')");
            s.execute("UPDATE " + d.quote("books") + " SET " + d.quote("author_id") + " = 7");
            assertThrows(SQLException.class, () -> s.execute("UPDATE " + d.quote("books") + " SET "
                    + d.quote("author_id") + " = 8"));
            s.execute("DELETE FROM " + d.quote("authors"));
            assertThat(count(s, d.quote("books"))).isEqualTo(0);
        }
    }

    @AllDatabases
    void aNotNullBelongsToOnAnExistingTableArrivesNullableAndTheScriptSaysWhatRemains(TestDatabase db)
            throws Exception {
        Migrator migrator = migrator(db);
        Revisions revisions = Revisions.of(migrator).clock(CLOCK);
        revisions.autogenerate("create library", migrator, registry(authors(), books())).orElseThrow();
        migrator.migrate();
        ModelRegistry v2 = registry(authors(), booksWithAuthor(false, OnDelete.RESTRICT));

        Path script = revisions.clock(LATER).autogenerate("books need authors", migrator, v2).orElseThrow();

        String text = Files.readString(script);
        if (db.dialect() == Dialect.SQLITE) {
            assertThat(text).contains("SQLite adds a column with a foreign key to an existing table only as nullable");
            assertThat(text).contains("To make it NOT NULL, fill it for existing rows, then create the table anew with"
                    + " the model's DDL");
            assertThat(statements(script).get(0)).endsWith("REFERENCES \"authors\" (\"id\") ON DELETE RESTRICT;");
        } else {
            assertThat(text).contains("is NOT NULL in the model. It is added as nullable");
            assertThat(statements(script)).hasSize(3);
        }
        assertThat(migrator.migrate()).hasSize(1);
        assertThat(migrator.diff(v2).differences().stream().map(SchemaDiff.Difference::kind).toList())
                .containsExactly(SchemaDiff.Kind.NULLABILITY);
    }

    @AllDatabases
    void aChangedOnDeleteIsAMismatchThatAutogenerateReplaces(TestDatabase db) throws Exception {
        Migrator migrator = migrator(db);
        Revisions revisions = Revisions.of(migrator).clock(CLOCK);
        revisions.autogenerate("create library", migrator,
                registry(authors(), booksWithAuthor(true, OnDelete.RESTRICT))).orElseThrow();
        migrator.migrate();
        ModelRegistry v2 = registry(authors(), booksWithAuthor(true, OnDelete.SET_NULL));

        SchemaMismatchException e = assertThrows(SchemaMismatchException.class, () -> migrator.checkSchema(v2));
        assertThat(e.getMessage()).contains("foreign key on books.author_id is ON DELETE RESTRICT in the database but"
                + " ON DELETE SET NULL in the model");

        Path script = revisions.clock(LATER).autogenerate("orphan books", migrator, v2).orElseThrow();
        Dialect d = db.dialect();
        if (d == Dialect.SQLITE) {
            assertThat(statements(script)).isEmpty();
            assertThat(Files.readString(script)).contains("SQLite cannot change a foreign key in place");
            return;
        }
        assertThat(statements(script)).containsExactly(
                d.dropForeignKey("books", "fk_books_author_id").get(0) + ";",
                "ALTER TABLE " + d.quote("books") + " ADD CONSTRAINT " + d.quote("fk_books_author_id")
                        + " FOREIGN KEY (" + d.quote("author_id") + ") REFERENCES " + d.quote("authors") + " ("
                        + d.quote("id") + ") ON DELETE SET NULL;").inOrder();
        migrator.migrate();
        migrator.checkSchema(v2);
    }

    @AllDatabases
    void aForeignKeyWrittenWithoutAnActionMatchesRestrict(TestDatabase db) throws Exception {
        // Hand-written scripts often say only REFERENCES: NO ACTION, which refuses the delete as RESTRICT does.
        Dialect d = db.dialect();
        ModelRegistry models = registry(authors(), booksWithAuthor(true, OnDelete.RESTRICT));
        String type = models.models().get(1).columnForField("author_id").sqlType(d.name());
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            s.execute(authors().build().createTable(d.name()));
            s.execute(books().build().createTable(d.name()));
            s.execute("ALTER TABLE " + d.quote("books") + " ADD COLUMN " + d.quote("author_id") + " " + type
                    + " REFERENCES " + d.quote("authors") + " (" + d.quote("id") + ")");
            s.execute("CREATE INDEX " + d.quote("ix_books_author_id") + " ON " + d.quote("books") + " ("
                    + d.quote("author_id") + ")");
        }
        assertThat(migrator(db).diff(models).differences()).isEmpty();
    }

    @AllDatabases
    void aMissingForeignKeyOnAnExistingColumnIsReportedAndAdded(TestDatabase db) throws Exception {
        Dialect d = db.dialect();
        ModelRegistry plain = registry(authors(), books().column("author_id", Long.class, true));
        Migrator migrator = migrator(db);
        Revisions revisions = Revisions.of(migrator).clock(CLOCK);
        revisions.autogenerate("create library", migrator, plain).orElseThrow();
        migrator.migrate();
        ModelRegistry related = registry(authors(), booksWithAuthor(true, OnDelete.RESTRICT));

        SchemaMismatchException e = assertThrows(SchemaMismatchException.class, () -> migrator.checkSchema(related));
        assertThat(e.getMessage()).contains("foreign key fk_books_author_id on books.author_id -> authors.id"
                + " (ON DELETE RESTRICT) is missing");
        assertThat(e.getMessage()).contains("index ix_books_author_id on books [author_id] is missing");

        Path script = revisions.clock(LATER).autogenerate("relate", migrator, related).orElseThrow();
        String text = Files.readString(script);
        if (d == Dialect.SQLITE) {
            assertThat(text).contains("SQLite cannot add a foreign key to an existing column in place: create the"
                    + " table anew");
            assertThat(statements(script)).hasSize(1); // the index
            return;
        }
        assertThat(text).contains("This fails while rows of books point at no authors row");
        assertThat(statements(script)).hasSize(2);
        migrator.migrate();
        migrator.checkSchema(related);
    }

    @AllDatabases
    void aForeignKeyNoModelDeclaresIsToleratedAndItsDropIsACommentToReview(TestDatabase db) throws Exception {
        Migrator migrator = migrator(db);
        Revisions revisions = Revisions.of(migrator).clock(CLOCK);
        revisions.autogenerate("create library", migrator,
                registry(authors(), booksWithAuthor(true, OnDelete.RESTRICT))).orElseThrow();
        migrator.migrate();
        ModelRegistry v2 = registry(authors(), books()); // the relation is gone from the model

        migrator.checkSchema(v2); // extra keys, like extra columns, are for a person to drop
        assertThat(migrator.diff(v2).differences().stream().map(SchemaDiff.Difference::kind).toList())
                .containsExactly(SchemaDiff.Kind.EXTRA_FOREIGN_KEY, SchemaDiff.Kind.EXTRA_COLUMN).inOrder();
        Path script = revisions.clock(LATER).autogenerate("unrelate", migrator, v2).orElseThrow();

        assertThat(statements(script)).isEmpty();
        Dialect d = db.dialect();
        List<String> commented = Files.readAllLines(script).stream().filter(l -> l.startsWith("-- ALTER TABLE"))
                .map(l -> l.substring(3)).toList();
        if (d == Dialect.SQLITE) {
            assertThat(Files.readString(script)).contains("SQLite cannot drop a foreign key in place");
            assertThat(commented).containsExactly("ALTER TABLE \"books\" DROP COLUMN \"author_id\";");
            return;
        }
        assertThat(commented).containsExactly(d.dropForeignKey("books", "fk_books_author_id").get(0) + ";",
                "ALTER TABLE " + d.quote("books") + " DROP COLUMN " + d.quote("author_id") + ";").inOrder();
        // Uncommented, in the script's order, they drop key and column.
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            for (String statement : commented) {
                s.execute(statement.substring(0, statement.length() - 1));
            }
        }
        assertThat(migrator.diff(v2).differences()).isEmpty();
    }

    @AllDatabases
    void theInspectorReadsEachForeignKeyWithItsOwnName(TestDatabase db) throws Exception {
        // sqlite-jdbc's metadata pins the name of one key on another when named and unnamed keys mix.
        Dialect d = db.dialect();
        String id = d == Dialect.SQLITE ? "INTEGER PRIMARY KEY" : "BIGINT PRIMARY KEY";
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + d.quote("a") + " (" + d.quote("id") + " " + id + ")");
            s.execute("CREATE TABLE " + d.quote("b") + " (" + d.quote("id") + " " + id + ", "
                    + d.quote("p_id") + " BIGINT, " + d.quote("q_id") + " BIGINT, " + d.quote("s_id") + " BIGINT, "
                    + "FOREIGN KEY (" + d.quote("p_id") + ") REFERENCES " + d.quote("a") + " (" + d.quote("id")
                    + ") ON DELETE SET NULL, "
                    + "CONSTRAINT " + d.quote("fk_b_q_id") + " FOREIGN KEY (" + d.quote("q_id") + ") REFERENCES "
                    + d.quote("a") + " (" + d.quote("id") + ") ON DELETE CASCADE, "
                    + "CONSTRAINT " + d.quote("fk_b_s_id") + " FOREIGN KEY (" + d.quote("s_id") + ") REFERENCES "
                    + d.quote("b") + " (" + d.quote("id") + "))");
        }
        DatabaseSchema.Table b = inspect(db).table("b").orElseThrow();

        assertThat(b.foreignKeys()).hasSize(3);
        DatabaseSchema.ForeignKey p = b.foreignKeyOn("p_id").orElseThrow();
        DatabaseSchema.ForeignKey q = b.foreignKeyOn("q_id").orElseThrow();
        DatabaseSchema.ForeignKey self = b.foreignKeyOn("s_id").orElseThrow();
        assertThat(p.onDelete()).isEqualTo("SET NULL");
        assertThat(p.name()).isNotEqualTo("fk_b_q_id");
        assertThat(q.name()).isEqualTo("fk_b_q_id");
        assertThat(q.referencedTable()).isEqualTo("a");
        assertThat(q.referencedColumns()).containsExactly("id");
        assertThat(q.onDelete()).isEqualTo("CASCADE");
        assertThat(self.name()).isEqualTo("fk_b_s_id");
        assertThat(self.referencedTable()).isEqualTo("b");
        assertThat(self.onDelete()).isAnyOf("NO ACTION", "RESTRICT");
    }

    @Test
    void tablesThatReferenceEachOtherAreFlaggedInTheScript() {
        // No order creates both with their constraints; the script says what to do instead.
        ModelRegistry cycle = registry(TestModel.table("people").belongsTo("home", "houses", true, OnDelete.SET_NULL),
                TestModel.table("houses").belongsTo("owner", "people", true, OnDelete.SET_NULL));

        List<String> script = ScriptWriter.write(SchemaDiff.compare(cycle, new DatabaseSchema(Map.of()), Dialect.H2),
                Dialect.H2);

        assertThat(String.join("\n", script)).contains("-- Its foreign key fk_people_home_id references houses, which"
                + " is created below: the tables reference each other.");
    }

    @Test
    void newTablesFollowTheTablesTheyReference() {
        ModelRegistry registry = registry(TestModel.table("loans").belongsTo("book", "books", false, OnDelete.CASCADE)
                        .belongsTo("member", "members", false, OnDelete.RESTRICT),
                booksWithAuthor(false, OnDelete.RESTRICT), TestModel.table("members"), authors(), categories());

        // on an empty database every model's table is missing, one difference each, in script order
        List<String> order = SchemaDiff.compare(registry, new DatabaseSchema(Map.of()), Dialect.H2).differences()
                .stream().map(d -> d.model().table()).toList();

        assertThat(order).containsExactly("members", "authors", "books", "loans", "categories").inOrder();
    }

    private static DatabaseSchema inspect(TestDatabase db) throws SQLException {
        try (Connection c = connect(db)) {
            return SchemaInspector.inspect(c, db.dialect());
        }
    }

    /** The indexes the models declare (databases add their own, named their own way, for keys). */
    private static List<DatabaseSchema.Index> declaredIndexes(DatabaseSchema.Table table) {
        List<DatabaseSchema.Index> declared = new ArrayList<>();
        for (DatabaseSchema.Index index : table.indexes()) {
            if (index.name().startsWith("ix_") || index.name().startsWith("ux_")) {
                declared.add(index);
            }
        }
        return declared;
    }

    /** A connection that enforces foreign keys (SQLite does only when each connection asks). */
    private static Connection connect(TestDatabase db) throws SQLException {
        if (db.dialect() != Dialect.SQLITE) {
            return db.connect();
        }
        Properties properties = new Properties();
        properties.setProperty("foreign_keys", "true");
        return DriverManager.getConnection(db.url(), properties);
    }

    private static long count(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
