package dev.limber.samples.docs;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.limber.database.dialect.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The drivers table of getting-started.md names the artifact each dialect asks for when its driver is missing. */
class DriversTableTest {
    @Test
    void gettingStartedNamesEveryDialectsDriver() throws IOException {
        String page = Files.readString(Path.of("").toAbsolutePath().resolveSibling("docs").resolve("getting-started.md"),
                StandardCharsets.UTF_8);
        for (Dialect dialect : Dialect.all()) {
            assertWithMessage("docs/getting-started.md drivers table, row for %s", dialect.productName())
                    .that(page).contains("| " + dialect.productName());
            assertWithMessage("docs/getting-started.md drivers table, driver of %s", dialect.productName())
                    .that(page).contains("`" + dialect.driverArtifact() + "`");
        }
    }
}
