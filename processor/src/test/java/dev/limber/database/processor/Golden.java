package dev.limber.database.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/**
 * Golden files for generated sources under src/test/resources/golden. Run with
 * {@code LIMBER_WRITE_GOLDEN=true} to rewrite them after an intended change, then review the diff.
 */
final class Golden {
    private static final Path ROOT = Paths.get("src", "test", "resources", "golden");

    private Golden() {
    }

    static void assertGenerated(Compilation compilation, String generatedPath, String golden) {
        String actual = Sources.generatedSource(compilation, generatedPath);
        Path file = ROOT.resolve(golden);
        try {
            if (writing(System.getenv())) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                throw new AssertionError("No golden file " + file.toAbsolutePath()
                        + "; run the tests with LIMBER_WRITE_GOLDEN=true to create it. Generated:\n" + actual);
            }
            assertWithMessage("%s differs from golden file %s (LIMBER_WRITE_GOLDEN=true rewrites it)", generatedPath, file)
                    .that(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether to rewrite the golden files instead of comparing. Refused under CI ({@code CI} set
     * to anything): there the switch would pass whatever is generated, and nobody reviews the diff.
     */
    static boolean writing(Map<String, String> environment) {
        if (!"true".equals(environment.get("LIMBER_WRITE_GOLDEN"))) {
            return false;
        }
        String ci = environment.get("CI");
        if (ci != null && !ci.isEmpty()) {
            throw new AssertionError("LIMBER_WRITE_GOLDEN=true under CI (CI=" + ci + ") would accept whatever is"
                    + " generated; rewrite golden files locally, review the diff and commit them");
        }
        return true;
    }
}
