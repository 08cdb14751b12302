package dev.limber.samples.docs;

import static com.google.common.truth.Truth.assertThat;

import dev.limber.container.Application;
import dev.limber.database.DatabaseServiceProvider;
import dev.limber.database.Engine;
import dev.limber.database.ModelRegistry;
import dev.limber.database.migrations.AppliedMigration;
import dev.limber.database.migrations.Migrator;
import dev.limber.database.migrations.Revisions;
import dev.limber.samples.bookstore.Author;
import dev.limber.samples.bookstore.Book;
import dev.limber.samples.bookstore.BookTag;
import dev.limber.samples.bookstore.Tag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code of docs/migrations.md, run on the bookstore's own migrations. */
class MigrationSnippets {

    // Only the bookstore's models: the docs' own test models have no migrations.
    private static final ModelRegistry BOOKSTORE = ModelRegistry.of(List.of(
            ModelRegistry.discover().info(Author.class), ModelRegistry.discover().info(Book.class),
            ModelRegistry.discover().info(Tag.class), ModelRegistry.discover().info(BookTag.class)));

    @Test
    void bookstoreMigrationsMatchItsModels() {
        try (Application app = Application.create(Map.of("database.url", "jdbc:h2:mem:migrations"))) {
            app.register(new DatabaseServiceProvider());
            app.singleton("db.connection", a -> Engine.builder()
                    .url(a.config().databaseUrl()).registry(BOOKSTORE).build());
            // tag::migrate[]
            Engine engine = app.make("db.connection");
            Migrator migrator = Migrator.create(engine, app.config().migrationsLocation());   // over the Engine's pool
            List<AppliedMigration> applied = migrator.migrate();      // the pending scripts, in version order
            migrator.checkSchema(engine.registry());                  // SchemaMismatchException if tables and models differ
            // end::migrate[]
            assertThat(applied.stream().map(AppliedMigration::version).toList()).containsExactly("1", "2", "3", "4").inOrder();
            assertThat(migrator.migrate()).isEmpty();
        }
    }

    @Test
    void autogenerateWritesTheMissingDdl(@TempDir Path directory) throws Exception {
        try (Engine engine = Engine.builder().url("jdbc:h2:mem:revisions").registry(BOOKSTORE).build()) {
            Migrator migrator = Migrator.create(engine, directory.toString());
            ModelRegistry registry = engine.registry();
            // tag::revision[]
            Revisions revisions = Revisions.of(migrator);                    // writes into the migrations directory
            Optional<Path> generated = revisions.autogenerate("add books", migrator, registry);   // empty if nothing differs
            Path empty = revisions.create("backfill isbn");                 // V<yyyyMMddHHmmss>__backfill_isbn.sql
            // end::revision[]
            assertThat(empty.getFileName().toString()).endsWith("__backfill_isbn.sql");
            assertThat(generated).isPresent();
            assertThat(Files.readString(generated.get())).contains("CREATE TABLE \"books\"");
        }
    }
}
