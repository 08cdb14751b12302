package dev.limber.samples.docs;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.container.Application;
import dev.limber.container.Config;
import dev.limber.container.ConfigurationException;
import dev.limber.container.ServiceProvider;
import dev.limber.database.DatabaseServiceProvider;
import dev.limber.database.Engine;
import dev.limber.database.Session;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The code of docs/container.md and docs/configuration.md. */
class ContainerSnippets {

    // tag::service-provider[]
    /** Binds the shop's own services; register it next to the DatabaseServiceProvider. */
    public static final class ShopServiceProvider implements ServiceProvider {
        @Override
        public void register(Application app) {
            app.singleton("clock", a -> Clock.systemUTC());                       // one instance, made on first use
            app.bind("receipt", a -> new Receipt(a.make("clock", Clock.class)));  // a new instance per make
        }
    }

    public record Receipt(Clock clock) {
        public Instant issuedAt() {
            return clock.instant();
        }
    }
    // end::service-provider[]

    @Test
    void databaseServices() {
        try (Application app = Application.create(Map.of("database.url", "jdbc:h2:mem:container"))) {
            // tag::database-services[]
            app.register(new DatabaseServiceProvider());
            Engine engine = app.make("db.connection");               // one Engine per Application
            try (Session session = app.make("db.session")) {        // a new Session each time; yours to close
                session.commit();
            }
            Engine same = app.make("db.connection", Engine.class);   // typed lookup, checked
            // end::database-services[]
            assertThat(same).isSameInstanceAs(engine);
            Session first = app.make("db.session");
            Session second = app.make("db.session");
            assertThat(second).isNotSameInstanceAs(first);
            first.close();
            second.close();
        }
    }

    @Test
    void ownServicesAndATestReplacement() {
        Instant fixed = Instant.parse("2026-11-24T12:00:00Z");
        // tag::testing-with-the-container[]
        try (Application app = Application.create(Map.of("database.url", "jdbc:h2:mem:test"))) {   // no file, no env
            app.register(new ShopServiceProvider());
            app.singleton("clock", a -> Clock.fixed(fixed, ZoneOffset.UTC));   // replaces the provider's clock

            Receipt receipt = app.make("receipt");
            System.out.println(receipt.issuedAt());                             // 2026-11-24T12:00:00Z
        }
        // end::testing-with-the-container[]
        try (Application app = Application.create(Map.of())) {
            app.register(new ShopServiceProvider());
            app.singleton("clock", a -> Clock.fixed(fixed, ZoneOffset.UTC));
            assertThat(app.<Receipt>make("receipt").issuedAt()).isEqualTo(fixed);
        }
    }

    @Test
    void anEngineWithTimeLimitsReplacesTheProvidersOwn() {
        try (Application app = Application.create(Map.of("database.url", "jdbc:h2:mem:limits"))) {
            // tag::engine-with-limits[]
            app.register(new DatabaseServiceProvider());
            app.singleton("db.connection", a -> Engine.builder()            // replaces the provider's Engine
                    .url(a.config().databaseUrl())
                    .username(a.config().databaseUsername().orElse(null))
                    .password(a.config().databasePassword().orElse(null))
                    .connectionTimeout(Duration.ofSeconds(5))
                    .statementTimeout(Duration.ofSeconds(30))
                    .build());
            // end::engine-with-limits[]
            Engine engine = app.make("db.connection");
            assertThat(engine.dataSource().getConnectionTimeout()).isEqualTo(5_000);
            try (Session session = app.make("db.session")) {                  // sessions come from that Engine
                assertThat(session.toString()).startsWith("Session[h2");
            }
        }
    }

    @Test
    void configurationPageShowsTheRealValidationMessage() throws Exception {
        String page = Files.readString(Path.of("..", "docs", "configuration.md"), StandardCharsets.UTF_8);
        int start = page.indexOf("```text\n", page.indexOf("## Validation")) + "```text\n".length();
        String shown = page.substring(start, page.indexOf("\n```", start));

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Config.load(Path.of(""), Map.of(
                "LIMBER_DATABASE_URL", "jdbc:oracle:thin:@db:1521:shop",
                "LIMBER_DATABASE_POOL_MAX_SIZE", "ten")));

        assertThat(e).hasMessageThat().isEqualTo(shown);
    }

    @Test
    void configurationIsReadable() {
        try (Application app = Application.create(Map.of("database.url", "jdbc:h2:mem:config", "shop.currency", "EUR"))) {
            // tag::reading-config[]
            Config config = app.config();
            String url = config.databaseUrl();                           // jdbc:h2:file:./database/limber unless set
            String currency = config.get("shop.currency").orElse("USD");  // your own keys work too
            String where = config.source("database.url");                // "the default", the file, or LIMBER_DATABASE_URL
            // end::reading-config[]
            assertThat(url).isEqualTo("jdbc:h2:mem:config");
            assertThat(currency).isEqualTo("EUR");
            assertThat(where).isEqualTo("the given properties");
        }
    }
}
