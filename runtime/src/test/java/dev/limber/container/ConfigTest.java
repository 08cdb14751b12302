package dev.limber.container;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

    @TempDir
    Path root;

    private void writeProperties(String text) throws IOException {
        Files.writeString(root.resolve("limber.properties"), text, StandardCharsets.UTF_8);
    }

    @Test
    void withoutFileOrEnvironmentTheDefaultsPointAtTheEmbeddedDatabase() {
        Config config = Config.defaults();

        assertThat(config.databaseUrl()).isEqualTo("jdbc:h2:file:./database/limber");
        assertThat(config.migrationsLocation()).isEqualTo("database/migrations");
        assertThat(config.databaseUsername()).isEmpty();
        assertThat(config.databasePassword()).isEmpty();
        assertThat(config.databasePoolMaxSize()).isEqualTo(OptionalInt.empty());
        assertThat(config.source("database.url")).isEqualTo("the default");
    }

    @Test
    void itSaysWhereItLookedForTheFileAndWhichDatabaseFileTheUrlNames() throws IOException {
        Path abs = root.toAbsolutePath().normalize();
        Config none = Config.load(root, Map.of());
        assertThat(none.fileFound()).isFalse();
        assertThat(none.origin()).isEqualTo("no " + abs.resolve("limber.properties")
                + ", so defaults and LIMBER_* environment variables");
        assertThat(none.databaseFile()).hasValue(abs.resolve("database/limber.mv.db"));

        writeProperties("database.url=jdbc:sqlite:data/app.db?foreign_keys=on\n");
        Config read = Config.load(root, Map.of());
        assertThat(read.origin()).isEqualTo("read " + abs.resolve("limber.properties"));
        assertThat(read.databaseFile()).hasValue(abs.resolve("data/app.db"));
        assertThat(Config.databaseFile("jdbc:h2:mem:app")).isEmpty();
        assertThat(Config.databaseFile("jdbc:postgresql://localhost/app")).isEmpty();
        assertThat(Config.of(Map.of()).origin()).isEqualTo("given in code, no file read");
    }

    @Test
    void propertiesFileAtTheProjectRootOverridesTheDefaults() throws IOException {
        writeProperties("""
                # the shop's database
                database.url = jdbc:postgresql://localhost/shop
                database.username=shop
                database.password=secret
                database.pool.max-size=4
                migrations.location=db/migrations
                """);

        Config config = Config.load(root, Map.of());

        assertThat(config.databaseUrl()).isEqualTo("jdbc:postgresql://localhost/shop");
        assertThat(config.databaseUsername()).hasValue("shop");
        assertThat(config.databasePassword()).hasValue("secret");
        assertThat(config.databasePoolMaxSize()).isEqualTo(OptionalInt.of(4));
        assertThat(config.migrationsLocation()).isEqualTo(root.resolve("db/migrations").toAbsolutePath().toString());
        assertThat(config.source("database.url")).endsWith("limber.properties");
    }

    @Test
    void explicitProjectRootAnchorsTheDefaultDatabaseFileAndMigrationsFolder() {
        Config config = Config.load(root, Map.of());
        Path absolute = root.toAbsolutePath().normalize();

        assertThat(config.databaseUrl()).isEqualTo("jdbc:h2:file:" + absolute.resolve("database/limber"));
        assertThat(config.migrationsLocation()).isEqualTo(absolute.resolve("database/migrations").toString());
    }

    @Test
    void relativeFileUrlsAreResolvedAgainstTheProjectRootAndOthersAreLeftAlone() {
        Path absolute = root.toAbsolutePath().normalize();
        Map<String, String> expected = Map.of(
                "jdbc:h2:./data/shop;MODE=PostgreSQL", "jdbc:h2:" + absolute.resolve("data/shop") + ";MODE=PostgreSQL",
                "jdbc:sqlite:shop.db?journal_mode=WAL", "jdbc:sqlite:" + absolute.resolve("shop.db") + "?journal_mode=WAL",
                "jdbc:h2:mem:shop", "jdbc:h2:mem:shop",
                "jdbc:h2:file:/var/lib/shop", "jdbc:h2:file:/var/lib/shop",
                "jdbc:h2:~/shop", "jdbc:h2:~/shop",
                "jdbc:sqlite::memory:", "jdbc:sqlite::memory:",
                "jdbc:postgresql://localhost/shop", "jdbc:postgresql://localhost/shop");
        expected.forEach((url, resolved) -> assertWithMessage(url)
                .that(Config.load(root, Map.of("LIMBER_DATABASE_URL", url)).databaseUrl()).isEqualTo(resolved));
        assertThat(Config.load(root, Map.of("LIMBER_MIGRATIONS_LOCATION", "classpath:db/migration")).migrationsLocation())
                .isEqualTo("classpath:db/migration");
    }

    @Test
    void workingDirectoryBootKeepsPathsAsWritten() {
        Config config = Config.load(Path.of(""), Map.of("LIMBER_DATABASE_URL", "jdbc:h2:file:./database/x",
                "LIMBER_MIGRATIONS_LOCATION", "database/migrations"));

        assertThat(config.databaseUrl()).isEqualTo("jdbc:h2:file:./database/x");
        assertThat(config.migrationsLocation()).isEqualTo("database/migrations");
    }

    @Test
    void environmentOverridesTheFile() throws IOException {
        writeProperties("database.url=jdbc:h2:mem:from-file\ndatabase.pool.max-size=4\n");

        Config config = Config.load(root, Map.of(
                "LIMBER_DATABASE_URL", "jdbc:h2:mem:from-env",
                "LIMBER_DATABASE_POOL_MAX_SIZE", "2",
                "LIMBER_DATABASE_PASSWORD", ""));

        assertThat(config.databaseUrl()).isEqualTo("jdbc:h2:mem:from-env");
        assertThat(config.databasePoolMaxSize()).isEqualTo(OptionalInt.of(2));
        // An empty variable is an empty password (MariaDB's root often has one), not an unset one.
        assertThat(config.databasePassword()).hasValue("");
        assertThat(config.source("database.url")).isEqualTo("environment variable LIMBER_DATABASE_URL");
    }

    @Test
    void environmentAlsoOverridesTheApplicationsOwnKeysFromTheFile() throws IOException {
        writeProperties("mail.host=localhost\n");

        Config config = Config.load(root, Map.of("LIMBER_MAIL_HOST", "smtp.example.com"));

        assertThat(config.get("mail.host")).hasValue("smtp.example.com");
    }

    @Test
    void unrelatedLimberVariablesDoNotBecomeKeys() {
        Config config = Config.load(root, Map.of("LIMBER_TEST_POSTGRES_URL", "jdbc:postgresql://x/y"));

        assertThat(config.keys()).containsExactly("database.url", "migrations.location");
    }

    @Test
    void environmentNameReplacesDotsAndDashesWithUnderscores() {
        assertThat(Config.environmentName("database.pool.max-size")).isEqualTo("LIMBER_DATABASE_POOL_MAX_SIZE");
    }

    @Test
    void configViewCannotBeModified() {
        Config config = Config.of(Map.of("database.url", "jdbc:h2:mem:x"));

        assertThrows(UnsupportedOperationException.class, () -> config.asMap().put("database.url", "jdbc:h2:mem:y"));
    }

    @Test
    void unsupportedUrlNamesTheKeyAndWhereItCameFrom() throws IOException {
        writeProperties("database.url=jdbc:oracle:thin:@localhost:1521:shop\n");

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Config.load(root, Map.of()));

        assertThat(e).hasMessageThat().contains("database.url (from ");
        assertThat(e).hasMessageThat().contains("limber.properties) is 'jdbc:oracle:thin:@localhost:1521:shop'");
        assertThat(e).hasMessageThat().contains("jdbc:postgresql:");
    }

    @Test
    void poolSizeMustBeAPositiveNumber() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> Config.load(root, Map.of("LIMBER_DATABASE_POOL_MAX_SIZE", "zero")));

        assertThat(e).hasMessageThat().contains(
                "database.pool.max-size (from environment variable LIMBER_DATABASE_POOL_MAX_SIZE) is 'zero';"
                        + " it must be a whole number of at least 1");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Config.of(Map.of(
                "database.url", "",
                "database.pool.max-size", "0",
                "migrations.location", " ")));

        assertThat(e.problems()).hasSize(3);
        assertThat(e.problems().get(0)).startsWith("database.url (from the given properties) is empty");
        assertThat(e.problems().get(1)).startsWith("database.pool.max-size");
        assertThat(e.problems().get(2)).startsWith("migrations.location");
    }

    @Test
    void aShortenedKeyIsSuggestedTheKeyItShortens() {
        assertThat(Suggestions.closest("database.user", Config.KNOWN_KEYS)).isEqualTo("database.username");
        assertThat(Suggestions.closest("database.pass", Config.KNOWN_KEYS)).isEqualTo("database.password");
        assertThat(Suggestions.closest("database.ulr", Config.KNOWN_KEYS)).isEqualTo("database.url");
    }

    @Test
    void anUnknownKeysHintIsReportedWithTheProblemsOfOtherKeys() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Config.of(Map.of(
                "database.user", "sa",
                "database.pool.max-size", "zero")));

        assertThat(e.problems()).containsExactly(
                "database.pool.max-size (from the given properties) is 'zero'; it must be a whole number of at least 1,"
                        + " e.g. 10",
                "database.user (from the given properties) is not a key Limber reads; did you mean database.username?")
                .inOrder();
    }

    @Test
    void requireNamesTheMissingKeyAndItsVariable() {
        Config config = Config.defaults();

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> config.require("mail.host"));

        assertThat(e).hasMessageThat().contains("mail.host is not set");
        assertThat(e).hasMessageThat().contains("LIMBER_MAIL_HOST");
    }

    @Test
    void toStringHidesThePassword() {
        Config config = Config.of(Map.of("database.password", "hunter2"));

        assertThat(config.toString()).doesNotContain("hunter2");
        assertThat(config.toString()).contains("database.password=****");
    }

    @Test
    void applicationBootReadsTheProjectRoot() throws IOException {
        writeProperties("database.url=jdbc:sqlite:shop.db\n");

        try (Application app = Application.boot(root)) {
            // The process environment could set LIMBER_DATABASE_URL; only assert when it does not.
            if (System.getenv("LIMBER_DATABASE_URL") == null) {
                assertThat(app.config().databaseUrl())
                        .isEqualTo("jdbc:sqlite:" + root.toAbsolutePath().normalize().resolve("shop.db"));
            } else {
                assertThat(app.config().source("database.url")).isEqualTo("environment variable LIMBER_DATABASE_URL");
            }
        }
    }
}
