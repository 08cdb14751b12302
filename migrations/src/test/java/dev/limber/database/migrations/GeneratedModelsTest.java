package dev.limber.database.migrations;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.limber.database.ColumnInfo;
import dev.limber.database.Engine;
import dev.limber.database.Session;
import dev.limber.database.migrations.shop.Author;
import dev.limber.database.migrations.shop.Book;
import dev.limber.database.migrations.shop.BookReview;
import dev.limber.database.migrations.shop.Subscriber;
import java.time.LocalDate;
import dev.limber.database.IndexInfo;
import dev.limber.database.ModelInfo;
import dev.limber.database.ModelRegistry;
import dev.limber.database.dialect.Dialect;
import dev.limber.database.migrations.shop.ShopRegistry;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same round trips as {@link AutogenerateTest}, on models compiled by the real annotation
 * processor: the DDL it writes must read back from every database as exactly the models.
 */
class GeneratedModelsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T15:30:00Z"), ZoneOffset.UTC);
    private static final Path SHOP_SOURCES = Path.of("src/test/java/dev/limber/database/migrations/shop");

    @TempDir
    Path dir;

    @TempDir
    Path build;

    private Migrator migrator(TestDatabase db) {
        return Migrator.create(db.url(), db.username(), db.password(), dir.toString());
    }

    @AllDatabases
    void generatedModelsRoundTripThroughAutogenerateAndMigrate(TestDatabase db) throws Exception {
        Migrator migrator = migrator(db);
        Revisions revisions = Revisions.of(migrator).clock(CLOCK);
        ModelRegistry shop = new ShopRegistry();

        assertThat(revisions.autogenerate("create shop", migrator, shop)).isPresent();
        assertThat(migrator.migrate()).hasSize(1);

        assertThat(migrator.diff(shop).differences()).isEmpty();
        assertThat(revisions.autogenerate("again", migrator, shop)).isEmpty();
        migrator.checkSchema(shop);
    }

    /**
     * Tables made before Limber named a collation (or by hand) take MariaDB's default, which ignores
     * case and trailing spaces: check reports each text column, and autogenerate converts the table.
     * Elsewhere, and on tables made from the model's DDL, there is nothing to report.
     */
    @AllDatabases
    void aMariaDbTableInTheServersDefaultCollationIsReportedAndConverted(TestDatabase db) throws Exception {
        Migrator migrator = migrator(db);
        ModelRegistry shop = new ShopRegistry();
        ModelInfo<?> authors = shop.info(Author.class);
        try (java.sql.Connection c = db.connect(); java.sql.Statement st = c.createStatement()) {
            for (String sql : authors.ddl(db.dialect().name())) {
                st.execute(sql.replace(" COLLATE=utf8mb4_nopad_bin", ""));
            }
        }
        ModelRegistry onlyAuthors = ModelRegistry.of(List.of(authors));

        List<String> found = migrator.diff(onlyAuthors).differences().stream()
                .filter(d -> d.kind() == SchemaDiff.Kind.COLLATION).map(d -> d.column().name()).toList();

        if (db.dialect() != Dialect.MARIADB) {
            assertThat(found).isEmpty();
            return;
        }
        assertThat(found).containsExactly("name");
        // the server's default: utf8mb4_general_ci on the test server, whatever it is on another
        assertThat(migrator.diff(onlyAuthors).toString()).containsMatch("column authors.name has collation \\w+ in"
                + " the database but utf8mb4_nopad_bin in the model, so = and unique indexes may ignore case");
        migrator.baseline(null); // the table was built without migrations
        Path script = Revisions.of(migrator).clock(CLOCK).autogenerate("exact names", migrator, onlyAuthors)
                .orElseThrow();
        assertThat(AutogenerateTest.statements(script)).containsExactly(
                "ALTER TABLE `authors` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin;");
        migrator.migrate();
        assertThat(migrator.diff(onlyAuthors).differences()).isEmpty();
    }

    /**
     * {@code @Column(ignoreCase = true)} columns (H2 VARCHAR_IGNORECASE, SQLite COLLATE NOCASE,
     * MariaDB a column collation, PostgreSQL unique indexes on lower(column)) read back from the
     * model's own DDL as the model: no drift.
     */
    @AllDatabases
    void ignoreCaseColumnsReadBackWithoutDrift(TestDatabase db) throws Exception {
        Migrator migrator = migrator(db);
        ModelRegistry subscribers = ModelRegistry.of(List.of(new ShopRegistry().info(Subscriber.class)));
        Path script = Revisions.of(migrator).clock(CLOCK).autogenerate("subscribers", migrator, subscribers)
                .orElseThrow();
        assertThat(migrator.migrate()).hasSize(1);

        assertThat(migrator.diff(subscribers).differences()).isEmpty();
        migrator.checkSchema(subscribers);
        String text = Files.readString(script);
        switch (db.dialect().name()) {
            case "h2" -> assertThat(text).contains("\"email\" VARCHAR_IGNORECASE(160) NOT NULL");
            case "sqlite" -> assertThat(text).contains("\"email\" TEXT COLLATE NOCASE NOT NULL");
            case "mariadb" ->
                assertThat(text).contains("`email` VARCHAR(80) COLLATE utf8mb4_general_nopad_ci NOT NULL");
            default -> assertThat(text).contains("(lower(\"email\")) WHERE \"deleted_at\" IS NULL");
        }
    }

    /**
     * Turning {@code ignoreCase} on for columns of an existing table: H2 (a type), MariaDB (a column
     * collation) and PostgreSQL (the unique index on lower(column)) report it, and autogenerate
     * writes the statements that make the table the model's. SQLite reports the collation too, but
     * cannot change it in place: the script says how to rebuild the table.
     */
    @AllDatabases
    void turningIgnoreCaseOnIsReportedAndMigrated(TestDatabase db) throws Exception {
        Migrator migrator = migrator(db);
        ModelInfo<?> info = new ShopRegistry().info(Subscriber.class);
        ModelRegistry subscribers = ModelRegistry.of(List.of(info));
        try (java.sql.Connection c = db.connect(); java.sql.Statement st = c.createStatement()) {
            for (String sql : info.ddl(db.dialect().name())) {
                // the same table as the model makes, with ignoreCase off everywhere
                st.execute(sql.replace("VARCHAR_IGNORECASE", "VARCHAR").replace(" COLLATE NOCASE", "")
                        .replace(" COLLATE utf8mb4_general_nopad_ci", "").replaceAll("lower\\((\"\\w+\")\\)", "$1"));
            }
        }
        List<SchemaDiff.Kind> kinds = migrator.diff(subscribers).differences().stream().map(SchemaDiff.Difference::kind)
                .distinct().toList();
        switch (db.dialect().name()) {
            case "h2" -> assertThat(kinds).containsExactly(SchemaDiff.Kind.TYPE);
            case "mariadb" -> assertThat(kinds).containsExactly(SchemaDiff.Kind.COLLATION);
            case "postgresql" -> assertThat(kinds).containsExactly(SchemaDiff.Kind.EXTRA_INDEX,
                    SchemaDiff.Kind.MISSING_UNIQUE_INDEX);
            default -> assertThat(kinds).containsExactly(SchemaDiff.Kind.COLLATION); // SQLite
        }
        migrator.baseline(null); // the table was built without migrations
        Path script = Revisions.of(migrator).clock(CLOCK).autogenerate("ignore case", migrator, subscribers)
                .orElseThrow();
        if (db.dialect() == Dialect.SQLITE) {
            assertThat(Files.readString(script)).contains("-- SQLite cannot change a column's collation in place");
            assertThat(AutogenerateTest.statements(script)).isEmpty();
            return;
        }
        migrator.migrate();
        assertThat(migrator.diff(subscribers).differences()).isEmpty();
    }

    @AllDatabases
    void aGeneratedBelongsToModelRoundTripsWithItsForeignKeysAndTheirActions(TestDatabase db) throws Exception {
        Migrator migrator = migrator(db);
        Revisions revisions = Revisions.of(migrator).clock(CLOCK);
        ModelRegistry shop = new ShopRegistry();
        ModelInfo<?> reviews = shop.models().stream().filter(m -> m.table().equals("book_reviews")).findFirst()
                .orElseThrow();
        assertThat(reviews.foreignKeys()).hasSize(3);

        Path script = revisions.autogenerate("create shop", migrator, shop).orElseThrow();
        Dialect d = db.dialect();
        String text = Files.readString(script);
        // the registry lists book_reviews first; the script creates it after the tables it references
        assertThat(text.indexOf("CREATE TABLE " + d.quote("book_reviews")))
                .isGreaterThan(text.indexOf("CREATE TABLE " + d.quote("books")));
        assertThat(text.indexOf("CREATE TABLE " + d.quote("book_reviews")))
                .isGreaterThan(text.indexOf("CREATE TABLE " + d.quote("authors")));
        assertThat(migrator.migrate()).hasSize(1);

        DatabaseSchema.Table live;
        try (java.sql.Connection c = db.connect()) {
            live = SchemaInspector.inspect(c, d).table("book_reviews").orElseThrow();
        }
        assertThat(live.foreignKeyOn("book_id").orElseThrow().referencedTable()).isEqualTo("books");
        assertThat(live.foreignKeyOn("book_id").orElseThrow().onDelete()).isEqualTo("CASCADE");
        assertThat(live.foreignKeyOn("reviewer_id").orElseThrow().onDelete()).isEqualTo("SET NULL");
        assertThat(live.foreignKeyOn("reply_to_id").orElseThrow().referencedTable()).isEqualTo("book_reviews");
        assertThat(live.foreignKeyOn("reply_to_id").orElseThrow().onDelete()).isAnyOf("RESTRICT", "NO ACTION");
        assertThat(migrator.diff(shop).differences()).isEmpty();
        assertThat(revisions.clock(Clock.offset(CLOCK, Duration.ofHours(1))).autogenerate("again", migrator, shop))
                .isEmpty();
        migrator.checkSchema(shop);

        // the migrated keys act as the models say, through the runtime's session
        try (Engine engine = Engine.builder().url(db.url()).username(db.username()).password(db.password())
                .maxPoolSize(1).registry(shop).build(); Session s = engine.openSession()) {
            Author ursula = s.insert(Author.of("Ursula K. Le Guin", LocalDate.of(1929, 10, 21)));
            Book book = s.insert(Book.titled("The Dispossessed", "dispossessed"));
            Book other = s.insert(Book.titled("Dune", "dune"));
            s.insert(BookReview.of(book, ursula, "Ambiguous"));
            Long kept = s.insert(BookReview.of(other, ursula, "Vast")).id();
            s.commit();
            s.forceDelete(ursula);
            s.forceDelete(book);
            s.commit();
            List<BookReview> left = s.query(BookReview.class).list();
            assertThat(left.stream().map(BookReview::id).toList()).containsExactly(kept);
            assertThat(left.get(0).reviewer().id()).isNull();
        }
    }

    @AllDatabases
    void aFieldAddedToAGeneratedModelBecomesItsColumnAndIndexOnly(TestDatabase db) throws Exception {
        Migrator migrator = migrator(db);
        Revisions revisions = Revisions.of(migrator).clock(CLOCK);
        revisions.autogenerate("create shop", migrator, new ShopRegistry()).orElseThrow();
        migrator.migrate();

        // Version 2 of the application: Book gains a unique isbn; compiled as the user's build would.
        ModelRegistry v2 = compileShopWith("    @Column(unique = true, length = 20) String isbn;\n");
        Path script = revisions.clock(Clock.offset(CLOCK, Duration.ofHours(1)))
                .autogenerate("add isbn to books", migrator, v2).orElseThrow();

        Dialect d = db.dialect();
        ModelInfo<?> book = v2.models().stream().filter(m -> m.table().equals("books")).findFirst().orElseThrow();
        ColumnInfo isbn = book.columns().get(book.columnIndex("isbn"));
        IndexInfo index = book.indexes().stream().filter(i -> i.columns().equals(List.of("isbn"))).findFirst()
                .orElseThrow();
        List<String> expected = new ArrayList<>();
        expected.add("ALTER TABLE " + d.quote("books") + " ADD COLUMN " + d.quote("isbn") + " "
                + isbn.sqlType(d.name()) + ";");
        index.ddl(d.name()).forEach(statement -> expected.add(statement + ";"));
        assertThat(AutogenerateTest.statements(script)).containsExactlyElementsIn(expected).inOrder();

        assertThat(migrator.migrate()).hasSize(1);
        assertThat(migrator.diff(v2).differences()).isEmpty();
    }

    @AllDatabases
    void aMigratedSchemaServesTheRuntimeSession(TestDatabase db) throws Exception {
        try (Engine engine = Engine.builder().url(db.url()).username(db.username()).password(db.password())
                .maxPoolSize(2).registry(new ShopRegistry()).build()) {
            Migrator migrator = Migrator.create(engine, dir.toString());
            Revisions.of(migrator).clock(CLOCK).autogenerate("create shop", migrator, engine.registry()).orElseThrow();
            migrator.migrate();
            migrator.checkSchema(engine.registry());

            Long authorId = engine.transaction(s -> s.insert(Author.of("Ursula K. Le Guin", LocalDate.of(1929, 10, 21))).id());
            Long bookId = engine.transaction(s -> s.insert(Book.titled("The Dispossessed", "dispossessed")).id());

            try (Session session = engine.openSession()) {
                assertThat(session.get(Author.class, authorId).name()).isEqualTo("Ursula K. Le Guin");
                assertThat(session.get(Author.class, authorId).born()).isEqualTo(LocalDate.of(1929, 10, 21));
                assertThat(session.get(Book.class, bookId).title()).isEqualTo("The Dispossessed");
            }
        }
    }

    /** Compiles the shop's sources plus {@code extraField} in Book, in another package, with the processor. */
    private ModelRegistry compileShopWith(String extraField) throws Exception {
        Path sources = Files.createDirectories(build.resolve("src/shop2"));
        Path classes = Files.createDirectories(build.resolve("classes"));
        List<String> files = new ArrayList<>();
        for (String name : List.of("Author.java", "Book.java")) {
            String source = Files.readString(SHOP_SOURCES.resolve(name))
                    .replace("package dev.limber.database.migrations.shop;", "package shop2;");
            if (name.equals("Book.java")) {
                int end = source.lastIndexOf('}');
                source = source.substring(0, end) + extraField + "}\n";
            }
            Path file = sources.resolve(name);
            Files.writeString(file, source);
            files.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classPath = System.getProperty("java.class.path");
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classPath,
                "-processorpath", classPath, "-Alimber.registry=shop2.Shop2Registry"));
        args.addAll(files);
        java.io.ByteArrayOutputStream diagnostics = new java.io.ByteArrayOutputStream();
        int result = javac.run(null, null, diagnostics, args.toArray(new String[0]));
        assertWithMessage(diagnostics.toString(java.nio.charset.StandardCharsets.UTF_8)).that(result).isEqualTo(0);
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                GeneratedModelsTest.class.getClassLoader());
        return (ModelRegistry) loader.loadClass("shop2.Shop2Registry").getConstructor().newInstance();
    }
}
