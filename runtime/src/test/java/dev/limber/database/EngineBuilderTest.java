package dev.limber.database;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.dialect.Dialect;
import dev.limber.database.fixtures.Book_Mapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineBuilderTest {

    @Test
    void aMissingUrlIsRefusedNamingTheProperty() {
        LimberException e = assertThrows(LimberException.class, () -> Engine.builder().build());
        assertThat(e).hasMessageThat().contains("url is required");
    }

    @Test
    void aPoolSmallerThanOneIsRefusedNamingTheProperty() {
        LimberException e = assertThrows(LimberException.class,
                () -> Engine.builder().url("jdbc:h2:mem:x").maxPoolSize(0).build());
        assertThat(e).hasMessageThat().contains("maxPoolSize cannot be less than 1");
    }

    @Test
    void anUnsupportedUrlIsRefusedListingTheSupportedOnes() {
        LimberException e = assertThrows(LimberException.class, () -> Engine.create("jdbc:oracle:thin:@h:1521/x"));
        assertThat(e).hasMessageThat().contains("jdbc:postgresql:");
    }

    @Test
    void aNullClockIsRefused() {
        LimberException e = assertThrows(LimberException.class,
                () -> Engine.builder().url("jdbc:h2:mem:x").clock(null).build());
        assertThat(e).hasMessageThat().contains("clock");
    }

    @Test
    void timeoutsAreCheckedAndHandedToThePool() {
        LimberException tooShort = assertThrows(LimberException.class, () -> Engine.builder().url("jdbc:h2:mem:x")
                .connectionTimeout(Duration.ofMillis(100)).build());
        assertThat(tooShort).hasMessageThat().isEqualTo("connectionTimeout cannot be less than 250 ms, HikariCP's least"
                + " (was PT0.1S)");
        LimberException leak = assertThrows(LimberException.class, () -> Engine.builder().url("jdbc:h2:mem:x")
                .leakDetection(Duration.ofSeconds(1)).build());
        assertThat(leak).hasMessageThat().isEqualTo("leakDetection cannot be less than 2 s, HikariCP's least (was PT1S)");
        LimberException negative = assertThrows(LimberException.class, () -> Engine.builder().url("jdbc:h2:mem:x")
                .statementTimeout(Duration.ofSeconds(-1)).build());
        assertThat(negative).hasMessageThat().isEqualTo("statementTimeout cannot be negative or null; use Duration.ZERO"
                + " for no limit (was PT-1S)");

        try (Engine engine = Engine.builder().url("jdbc:h2:mem:timeouts").connectionTimeout(Duration.ofSeconds(5))
                .leakDetection(Duration.ofSeconds(20)).build()) {
            assertThat(engine.dataSource().getConnectionTimeout()).isEqualTo(5_000);
            assertThat(engine.dataSource().getLeakDetectionThreshold()).isEqualTo(20_000);
        }
        try (Engine engine = Engine.create("jdbc:h2:mem:defaults")) {
            assertThat(engine.dataSource().getConnectionTimeout()).isEqualTo(30_000);
            assertThat(engine.dataSource().getLeakDetectionThreshold()).isEqualTo(0);
        }
    }

    @Test
    void statementTimeLimitsCountWholeSecondsRoundingUp() {
        assertThat(Transaction.seconds(Duration.ZERO, "timeout")).isEqualTo(0);
        assertThat(Transaction.seconds(Duration.ofMillis(1), "timeout")).isEqualTo(1);
        assertThat(Transaction.seconds(Duration.ofSeconds(2), "timeout")).isEqualTo(2);
        assertThat(Transaction.seconds(Duration.ofMillis(2001), "timeout")).isEqualTo(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Transaction.seconds(Duration.ofMillis(-5), "timeout"));
        assertThat(e).hasMessageThat().isEqualTo("timeout must be zero (no limit) or positive, e.g."
                + " Duration.ofSeconds(30) (was PT-0.005S)");
    }

    @Test
    void replicaAndRetrySettingsAreChecked() {
        assertThat(assertThrows(LimberException.class, () -> Engine.builder().url("jdbc:h2:mem:x")
                .replica("jdbc:h2:mem:y").build())).hasMessageThat()
                .isEqualTo("H2 has no replicas to read from (replica jdbc:h2:mem:y); replicas are for PostgreSQL and"
                        + " MariaDB");
        assertThat(assertThrows(LimberException.class, () -> Engine.builder()
                .url("jdbc:postgresql://db/app").replica("jdbc:mariadb://other/app?password=secret").build()))
                .hasMessageThat().isEqualTo("replica jdbc:mariadb://other/app?password=*** is MariaDB but the primary"
                        + " is PostgreSQL; a replica replays its primary");
        assertThat(assertThrows(LimberException.class, () -> Engine.builder().url("jdbc:postgresql://db/app")
                .replica(" ").build())).hasMessageThat().startsWith("replica url is blank");
        assertThat(assertThrows(LimberException.class, () -> Engine.builder().url("jdbc:h2:mem:x")
                .maxReplicaLag(Duration.ZERO).build())).hasMessageThat()
                .isEqualTo("maxReplicaLag must be positive, e.g. Duration.ofSeconds(5) (was PT0S)");
        assertThat(assertThrows(LimberException.class, () -> Engine.builder().url("jdbc:h2:mem:x").retry(null)
                .build())).hasMessageThat().isEqualTo("retry cannot be null; use RetryPolicy.none() for no retries");
    }

    @Test
    void aNullIsolationIsRefusedNamingTheChoices() {
        LimberException e = assertThrows(LimberException.class,
                () -> Engine.builder().url("jdbc:h2:mem:x").isolation(null).build());
        assertThat(e).hasMessageThat().contains("isolation cannot be null; use Isolation.READ_COMMITTED");
    }

    @Test
    void aUrlNoDriverTakesNamesTheArtifactToAddInsteadOfBlamingTheDatabase() {
        // MariaDB's driver is on this class path but refuses jdbc:mysql: without permitMysqlScheme
        LimberException e = assertThrows(LimberException.class, () -> Engine.builder()
                .url("jdbc:mysql://127.0.0.1:1/app?password=secret").build());
        assertThat(e).hasMessageThat().contains("No JDBC driver on the class path accepts jdbc:mysql://127.0.0.1:1/app");
        assertThat(e).hasMessageThat().contains("MariaDB needs org.mariadb.jdbc:mariadb-java-client");
        assertThat(e).hasMessageThat().contains("<groupId>org.mariadb.jdbc</groupId>"
                + "<artifactId>mariadb-java-client</artifactId>");
        assertThat(e).hasMessageThat().contains("write jdbc:mariadb: instead");
        assertThat(e).hasMessageThat().doesNotContain("database is running");
        assertThat(e).hasMessageThat().doesNotContain("secret");
    }

    @Test
    void aDriverMissingFromTheClassPathIsNamedByItsMavenCoordinates() throws Exception {
        // Limber, HikariCP and SLF4J alone, in a loader that does not see the test class path's drivers
        URL[] jars = {location(Engine.class), location(com.zaxxer.hikari.HikariConfig.class),
                location(org.slf4j.LoggerFactory.class)};
        try (URLClassLoader alone = new URLClassLoader(jars, ClassLoader.getPlatformClassLoader())) {
            Method create = alone.loadClass(Engine.class.getName()).getMethod("create", String.class);
            InvocationTargetException e = assertThrows(InvocationTargetException.class,
                    () -> create.invoke(null, "jdbc:postgresql://127.0.0.1:5432/app"));
            assertThat(e.getCause()).hasMessageThat().contains(
                    "No JDBC driver on the class path accepts jdbc:postgresql://127.0.0.1:5432/app: PostgreSQL needs"
                    + " org.postgresql:postgresql; add it to your build, e.g. <dependency><groupId>org.postgresql"
                    + "</groupId><artifactId>postgresql</artifactId></dependency>");
            assertThat(e.getCause()).hasMessageThat().doesNotContain("database is running");
        }
    }

    @Test
    void everyDialectNamesItsDriver() {
        assertThat(Dialect.all().stream().map(Dialect::driverArtifact).toList()).containsExactly("com.h2database:h2",
                "org.xerial:sqlite-jdbc", "org.postgresql:postgresql", "org.mariadb.jdbc:mariadb-java-client");
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    @Test
    void anUnreachableDatabaseFailsAtBuildNamingTheUrlButNotThePassword() {
        LimberException e = assertThrows(LimberException.class, () -> Engine.builder()
                .url("jdbc:postgresql://127.0.0.1:1/nowhere?password=secret").build());
        assertThat(e).hasMessageThat().contains("Could not connect to jdbc:postgresql://127.0.0.1:1/nowhere");
        assertThat(e).hasMessageThat().doesNotContain("secret");
    }

    @Test
    void everyStatementOfAModelIsBuiltOnceAndQuotedByTheDialect() {
        try (Engine engine = Engine.builder().url("jdbc:h2:mem:builder;DB_CLOSE_DELAY=-1")
                .registry(ModelRegistry.of(List.of(Book_Mapper.INFO))).build()) {
            ModelSql<?> first = engine.sql(Book_Mapper.INFO.type());
            assertThat(engine.sql(Book_Mapper.INFO.type())).isSameInstanceAs(first);
            assertThat(first.findLive).isEqualTo("SELECT \"id\", \"title\", \"isbn\", \"deleted_at\", \"version\""
                    + " FROM \"books\" WHERE \"id\" = ? AND \"deleted_at\" IS NULL");
            assertThat(first.insertGenerated).isEqualTo("INSERT INTO \"books\" (\"title\", \"isbn\", \"deleted_at\","
                    + " \"version\") VALUES (?, ?, ?, ?)");
            assertThat(first.update).isEqualTo("UPDATE \"books\" SET \"title\" = ?, \"isbn\" = ?, \"version\" = ?"
                    + " WHERE \"id\" = ? AND \"version\" = ? AND \"deleted_at\" IS NULL");
            assertThat(first.softDelete).isEqualTo("UPDATE \"books\" SET \"deleted_at\" = ? WHERE \"id\" = ?"
                    + " AND \"version\" = ? AND \"deleted_at\" IS NULL");
            assertThat(first.delete).isEqualTo("DELETE FROM \"books\" WHERE \"id\" = ? AND \"version\" = ?");
        }
    }

    @Test
    void mariaDbQuotesWithBackticksAndPagesWithoutALimit() {
        ModelSql<?> sql = new ModelSql<>(Book_Mapper.INFO, Dialect.MARIADB);
        assertThat(sql.findAny).isEqualTo("SELECT `id`, `title`, `isbn`, `deleted_at`, `version` FROM `books`"
                + " WHERE `id` = ?");
        assertThat(Dialect.MARIADB.limitOffset(false, true)).isEqualTo(" LIMIT 18446744073709551615 OFFSET ?");
        assertThat(Dialect.SQLITE.limitOffset(false, true)).isEqualTo(" LIMIT -1 OFFSET ?");
        assertThat(Dialect.POSTGRESQL.limitOffset(true, true)).isEqualTo(" LIMIT ? OFFSET ?");
        assertThat(Dialect.H2.quote("we\"ird")).isEqualTo("\"we\"\"ird\"");
        assertThat(Dialect.MARIADB.quote("we`ird")).isEqualTo("`we``ird`");
    }
}
