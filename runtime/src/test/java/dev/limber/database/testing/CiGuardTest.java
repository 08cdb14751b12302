package dev.limber.database.testing;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Under CI no database may drop out of a run: the extension is run here through the JUnit Platform
 * TestKit on a fixture, with {@code CI} and the other settings given as system properties (which the
 * extension reads before the environment).
 */
class CiGuardTest {
    private static final String[] SETTINGS = {"CI", "LIMBER_TEST_DIALECTS", DatabaseExtension.POSTGRES_URL,
            DatabaseExtension.MARIADB_URL, "limber.test.ledger", Fixture.SWITCH};

    /** Runs only when this class's tests launch it; its invocations are what they count. */
    @EnabledIfSystemProperty(named = Fixture.SWITCH, matches = "on")
    static class Fixture {
        static final String SWITCH = "limber.test.ci-guard-fixture";

        @AllDatabases // run through EngineTestKit only; the line's comment keeps .ci/run from counting it
        void probe(TestDatabase db) {
            assertThat(db.url()).isNotEmpty();
        }
    }

    /** Each invocation of the fixture, by display name ("[h2]"), with its outcome and any failure message. */
    private static Map<String, String> run(Map<String, String> settings) {
        Map<String, String> saved = new TreeMap<>();
        for (String name : SETTINGS) {
            String value = System.getProperty(name);
            saved.put(name, value);
            System.clearProperty(name);
        }
        settings.forEach(System::setProperty);
        System.setProperty(Fixture.SWITCH, "on");
        System.setProperty("limber.test.ledger", ""); // the fixture's invocations are not the build's
        try {
            Map<String, String> outcomes = new TreeMap<>();
            var events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Fixture.class)).execute()
                    .testEvents();
            for (Event event : events.finished().list()) {
                TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
                outcomes.put(event.getTestDescriptor().getDisplayName(),
                        result.getStatus() + result.getThrowable().map(t -> ": " + t.getMessage()).orElse(""));
            }
            for (Event event : events.skipped().list()) {
                outcomes.put(event.getTestDescriptor().getDisplayName(), "SKIPPED");
            }
            return outcomes;
        } finally {
            for (String name : SETTINGS) {
                if (saved.get(name) == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, saved.get(name));
                }
            }
        }
    }

    @Test
    void underCiTheDialectFilterCannotDropTheServerDatabases() {
        Map<String, String> outcomes = run(Map.of("CI", "1", "LIMBER_TEST_DIALECTS", "h2",
                DatabaseExtension.POSTGRES_URL, "jdbc:postgresql://127.0.0.1:1/unused",
                DatabaseExtension.MARIADB_URL, "jdbc:mariadb://127.0.0.1:1/unused"));

        assertThat(outcomes.keySet()).containsExactly("[h2]", "[postgresql]", "[mariadb]");
        assertThat(outcomes.get("[h2]")).isEqualTo("SUCCESSFUL");
        assertThat(outcomes.get("[postgresql]")).isEqualTo("FAILED: CI is set but LIMBER_TEST_DIALECTS=h2 leaves out"
                + " postgresql; under CI every database runs, so unset LIMBER_TEST_DIALECTS (it is for local runs)");
        assertThat(outcomes.get("[mariadb]")).startsWith("FAILED: CI is set but LIMBER_TEST_DIALECTS=h2 leaves out"
                + " mariadb;");
    }

    @Test
    void anyNonEmptyCiValueTurnsAMissingServerIntoAFailure() {
        Map<String, String> outcomes = run(Map.of("CI", "yes",
                DatabaseExtension.POSTGRES_URL, "", DatabaseExtension.MARIADB_URL, ""));

        assertThat(outcomes.keySet()).containsExactly("[h2]", "[sqlite]", "[postgresql]", "[mariadb]");
        assertThat(outcomes.get("[sqlite]")).isEqualTo("SUCCESSFUL");
        assertThat(outcomes.get("[postgresql]")).isEqualTo("FAILED: CI=yes but postgresql tests need"
                + " LIMBER_TEST_POSTGRES_URL (e.g. jdbc:postgresql://127.0.0.1:5432/limber_test?user=postgres);"
                + " .ci/run sets it");
        assertThat(outcomes.get("[mariadb]")).startsWith("FAILED: CI=yes but mariadb tests need LIMBER_TEST_MARIADB_URL");
    }

    @Test
    void outsideCiTheFilterNarrowsAndAMissingServerSkips() {
        assertThat(run(Map.of("CI", "", "LIMBER_TEST_DIALECTS", "sqlite")))
                .containsExactly("[sqlite]", "SUCCESSFUL");
        assertThat(run(Map.of("CI", "", DatabaseExtension.POSTGRES_URL, "", DatabaseExtension.MARIADB_URL, "")))
                .containsExactly("[h2]", "SUCCESSFUL", "[sqlite]", "SUCCESSFUL", "[postgresql]", "SKIPPED",
                        "[mariadb]", "SKIPPED");
    }
}
