package dev.limber.database.migrations;

import static com.google.common.truth.Truth.assertThat;

import dev.limber.database.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java code of migrations/README.md, run as written (between the tag markers). */
class ReadmeExampleTest {
    @TempDir
    Path project;

    @Test
    void theReadmeMigratesAtStartUpAndChecksTheSchema() throws Exception {
        Path scripts = Files.createDirectories(project.resolve("database/migrations"));
        try (Engine models = Engine.builder().url("jdbc:h2:mem:readme_ddl").maxPoolSize(1).build()) {
            Files.writeString(scripts.resolve("V20261124153000__create_shop.sql"), String.join(";\n", models.ddl()) + ";\n");
        }
        String location = scripts.toString();
        String url = "jdbc:h2:mem:readme;DB_CLOSE_DELAY=-1";

        // tag::migrate[]
        try (Engine engine = Engine.create(url)) {                 // models: ModelRegistry.discover()
            Migrator migrator = Migrator.create(engine, location);  // default: database/migrations
            List<AppliedMigration> applied = migrator.migrate();   // pending scripts, in version order
            migrator.checkSchema(engine.registry());                // throws, listing every mismatch
            // ... serve requests with engine.openSession()
            // end::migrate[]
            assertThat(applied).hasSize(1);
        }
        List<MigrationStatus> history = Migrator.create(url, null, null, location).info();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).state()).isEqualTo("Success");
    }
}
