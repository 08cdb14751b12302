package dev.limber.database.migrations;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.Engine;
import dev.limber.database.IndexInfo;
import dev.limber.database.ModelInfo;
import dev.limber.database.ModelRegistry;
import dev.limber.database.Session;
import dev.limber.database.dialect.Dialect;
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
 * {@code @Index} and {@code @Unique} through migrations, on models compiled by the real processor:
 * an index added to a model becomes its CREATE INDEX (exactly the processor's DDL), one removed its
 * DROP INDEX (with the generated column H2 and MariaDB indexed), and the processor's own schema
 * reads back with no difference at all.
 */
class IndexAutogenerateTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T15:30:00Z"), ZoneOffset.UTC);
    private static final String INDEX = "@Index(columns = {\"member\", \"dueOn\"})";
    private static final String UNIQUE = "@Unique(columns = \"bookId\", whereNull = \"returnedAt\")";

    @TempDir
    Path dir;

    @TempDir
    Path build;

    private int step;

    private Migrator migrator(TestDatabase db) {
        return Migrator.create(db.url(), db.username(), db.password(), dir.toString());
    }

    /** The next revision, an hour after the last. */
    private java.util.Optional<Path> revision(Migrator migrator, String message, ModelRegistry models) {
        return Revisions.of(migrator).clock(Clock.offset(CLOCK, Duration.ofHours(step++)))
                .autogenerate(message, migrator, models);
    }

    @AllDatabases
    void indexesAddedToAndRemovedFromAModelBecomeCreateAndDropIndex(TestDatabase db) throws Exception {
        ModelRegistry plain = compile("plain");
        ModelRegistry indexed = compile("indexed", INDEX, UNIQUE);
        ModelRegistry uniqueOnly = compile("uniqueonly", UNIQUE);
        Migrator migrator = migrator(db);
        Dialect d = db.dialect();
        revision(migrator, "library", plain).orElseThrow();
        migrator.migrate();
        assertThat(migrator.diff(plain).differences()).isEmpty();

        // both added: exactly the processor's statements for them, unique indexes first
        Path add = revision(migrator, "loan indexes", indexed).orElseThrow();
        List<String> expected = new ArrayList<>();
        for (boolean unique : new boolean[] {true, false}) {
            for (IndexInfo index : loans(indexed).indexes()) {
                if (index.unique() == unique && !index.name().equals("ix_loans_member_id")) { // the @BelongsTo's
                    index.ddl(d.name()).forEach(statement -> expected.add(statement + ";"));
                }
            }
        }
        assertThat(expected).hasSize(d.partialIndexes() ? 2 : 3);
        assertThat(AutogenerateTest.statements(add)).containsExactlyElementsIn(expected).inOrder();
        assertThat(migrator.migrate()).hasSize(1);
        assertThat(migrator.diff(indexed).differences()).isEmpty();
        migrator.checkSchema(indexed);
        assertThat(revision(migrator, "nothing", indexed)).isEmpty();
        // the migrated unique index works: a copy is out once among open loans
        try (var c = db.connect(); var st = c.createStatement()) {
            st.execute("INSERT INTO " + d.quote("members") + " (" + d.quote("name") + ") VALUES ('Ann')");
            String insert = "INSERT INTO " + d.quote("loans") + " (" + d.quote("book_id") + ", " + d.quote("member_id")
                    + ", " + d.quote("due_on") + ") VALUES (7, (SELECT MIN(" + d.quote("id") + ") FROM "
                    + d.quote("members") + "), '2024-06-01')";
            st.execute(insert);
            assertThrows(java.sql.SQLException.class, () -> st.execute(insert));
        }

        // @Index removed: check names the index still there, and autogenerate writes its DROP INDEX, nothing else
        SchemaMismatchException stale = assertThrows(SchemaMismatchException.class,
                () -> migrator.checkSchema(uniqueOnly));
        assertThat(stale).hasMessageThat().contains("index ix_loans_member_id_due_on on loans [member_id, due_on]"
                + " is in the database but no index of Loan declares it");
        Path dropIndex = revision(migrator, "drop member index", uniqueOnly).orElseThrow();
        assertThat(AutogenerateTest.statements(dropIndex))
                .containsExactly(d.dropIndex("loans", "ix_loans_member_id_due_on") + ";");
        migrator.migrate();
        assertThat(migrator.diff(uniqueOnly).differences()).isEmpty();

        // @Unique removed: its DROP INDEX, and on H2 and MariaDB the generated column it indexed
        Path dropUnique = revision(migrator, "drop open loan unique", plain).orElseThrow();
        List<String> drops = new ArrayList<>();
        drops.add(d.dropIndex("loans", "ux_loans_book_id_where_returned_at_null") + ";");
        if (!d.partialIndexes()) {
            drops.add("ALTER TABLE " + d.quote("loans") + " DROP COLUMN " + d.quote("book_id_if_returned_at_null")
                    + ";");
        }
        assertThat(AutogenerateTest.statements(dropUnique)).containsExactlyElementsIn(drops).inOrder();
        migrator.migrate();
        assertThat(migrator.diff(plain).differences()).isEmpty(); // no drift: the helper column went too
        migrator.checkSchema(plain);
    }

    @AllDatabases
    void anIndexWhoseColumnsChangeUnderItsNameIsDroppedAndMadeAnew(TestDatabase db) throws Exception {
        ModelRegistry before = compile("before", "@Index(columns = \"dueOn\", name = \"loans_by_due\")");
        ModelRegistry after = compile("after", "@Index(columns = {\"bookId\", \"dueOn\"}, name = \"loans_by_due\")");
        Migrator migrator = migrator(db);
        Dialect d = db.dialect();
        revision(migrator, "library", before).orElseThrow();
        migrator.migrate();
        Path change = revision(migrator, "index book too", after).orElseThrow();
        assertThat(AutogenerateTest.statements(change)).containsExactly(
                d.dropIndex("loans", "loans_by_due") + ";",
                "CREATE INDEX " + d.quote("loans_by_due") + " ON " + d.quote("loans") + " (" + d.quote("book_id")
                        + ", " + d.quote("due_on") + ");").inOrder();
        migrator.migrate();
        assertThat(migrator.diff(after).differences()).isEmpty();
    }

    @AllDatabases
    void theProcessorsSchemaAndAutogenerateAgreeOnEveryIndex(TestDatabase db) throws Exception {
        ModelRegistry indexed = compile("agree", INDEX, UNIQUE,
                "@Unique(columns = {\"member\", \"bookId\"}, name = \"one_copy_per_member\")");
        Migrator migrator = migrator(db);
        Dialect d = db.dialect();
        // from an empty database, autogenerate writes exactly the processor's DDL
        Path create = revision(migrator, "library", indexed).orElseThrow();
        List<String> expected = new ArrayList<>();
        for (String table : List.of("members", "loans")) {
            for (String statement : indexed.models().stream().filter(m -> m.table().equals(table)).findFirst()
                    .orElseThrow().ddl(d.name())) {
                expected.add(statement + ";");
            }
        }
        assertThat(String.join("\n", AutogenerateTest.statements(create))).isEqualTo(String.join("\n", expected));

        // and a schema the processor's DDL built (engine.createAll) reads back with no difference
        try (Engine engine = Engine.builder().url(db.url()).username(db.username()).password(db.password())
                .maxPoolSize(1).registry(indexed).build()) {
            engine.createAll();
            assertWithMessage("drift on %s", d.name()).that(migrator.diff(indexed).differences()).isEmpty();
            migrator.checkSchema(indexed);
            try (Session s = engine.openSession()) {
                assertThat(s.query(loans(indexed).type()).count()).isEqualTo(0);
            }
        }
    }

    private static ModelInfo<?> loans(ModelRegistry registry) {
        return registry.models().stream().filter(m -> m.table().equals("loans")).findFirst().orElseThrow();
    }

    /** Member and Loan in package {@code pkg}, Loan carrying {@code annotations}, compiled with the processor. */
    private ModelRegistry compile(String pkg, String... annotations) throws Exception {
        Path sources = Files.createDirectories(build.resolve("src").resolve(pkg));
        Path classes = Files.createDirectories(build.resolve("classes"));
        Path member = sources.resolve("Member.java");
        Files.writeString(member, "package " + pkg + ";\n"
                + "import dev.limber.database.models.*;\n"
                + "@Model(table = \"members\")\n"
                + "public class Member {\n"
                + "    @Column(primaryKey = true) public Long id;\n"
                + "    @Column(nullable = false, length = 100) public String name;\n"
                + "}\n");
        Path loan = sources.resolve("Loan.java");
        Files.writeString(loan, "package " + pkg + ";\n"
                + "import dev.limber.database.Ref;\n"
                + "import dev.limber.database.models.*;\n"
                + "import java.time.Instant;\n"
                + "import java.time.LocalDate;\n"
                + "@Model(table = \"loans\", softDelete = true)\n"
                + String.join("\n", annotations) + "\n"
                + "public class Loan {\n"
                + "    @Column(primaryKey = true) public Long id;\n"
                + "    @Column(nullable = false) public long bookId;\n"
                + "    @BelongsTo(nullable = false) public Ref<Member> member;\n"
                + "    @Column(nullable = false) public LocalDate dueOn;\n"
                + "    @Column public Instant returnedAt;\n"
                + "    @Column public Instant deletedAt;\n"
                + "}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classPath = System.getProperty("java.class.path");
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classPath,
                "-processorpath", classPath, "-Alimber.registry=" + pkg + ".Registry", member.toString(),
                loan.toString()));
        java.io.ByteArrayOutputStream diagnostics = new java.io.ByteArrayOutputStream();
        int result = javac.run(null, null, diagnostics, args.toArray(new String[0]));
        assertWithMessage(diagnostics.toString(java.nio.charset.StandardCharsets.UTF_8)).that(result).isEqualTo(0);
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                IndexAutogenerateTest.class.getClassLoader());
        return (ModelRegistry) loader.loadClass(pkg + ".Registry").getConstructor().newInstance();
    }
}
