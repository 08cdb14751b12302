package dev.limber.container;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.DatabaseServiceProvider;
import dev.limber.database.Engine;
import dev.limber.database.Session;
import dev.limber.database.dialect.Dialect;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseServiceProviderTest {

    private static Application app(Map<String, String> properties) {
        return Application.create(properties).register(new DatabaseServiceProvider());
    }

    @Test
    void connectionIsOneEngineOnTheConfiguredDatabase() throws Exception {
        try (Application app = app(Map.of("database.url", "jdbc:h2:mem:provider-engine"))) {
            Engine engine = app.make("db.connection");

            assertThat(app.<Engine>make("db.connection")).isSameInstanceAs(engine);
            assertThat(engine.dialect()).isEqualTo(Dialect.H2);
            try (Connection connection = engine.connect();
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    @AllDatabases
    void servicesWorkOnEveryDatabaseFromConfigurationAlone(TestDatabase db) throws Exception {
        Map<String, String> properties = new HashMap<>();
        properties.put("database.url", db.url());
        if (db.username() != null) {
            properties.put("database.username", db.username());
        }
        if (db.password() != null) {
            properties.put("database.password", db.password());
        }
        try (Application app = app(properties)) {
            Engine engine = app.make("db.connection");
            assertThat(engine.dialect()).isEqualTo(db.dialect());
            try (Session session = app.make("db.session");
                    Statement statement = session.connection().createStatement()) {
                statement.execute("CREATE TABLE " + db.dialect().quote("notes") + " (" + db.dialect().quote("body")
                        + " VARCHAR(20))");
                statement.executeUpdate("INSERT INTO " + db.dialect().quote("notes") + " VALUES ('kept')");
                session.commit();
            }
            try (Session session = app.make("db.session");
                    Statement statement = session.connection().createStatement();
                    ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + db.dialect().quote("notes"))) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void poolSizeAndCredentialsComeFromTheConfiguration() {
        try (Application app = app(Map.of(
                "database.url", "jdbc:h2:mem:provider-pool",
                "database.username", "sa",
                "database.password", "",
                "database.pool.max-size", "3"))) {
            Engine engine = app.make("db.connection", Engine.class);

            assertThat(engine.dataSource().getMaximumPoolSize()).isEqualTo(3);
            assertThat(engine.dataSource().getUsername()).isEqualTo("sa");
        }
    }

    @Test
    void sessionIsNewOnEveryMakeAndSeesWhatAnotherCommitted() throws Exception {
        try (Application app = app(Map.of("database.url", "jdbc:h2:mem:provider-session"))) {
            try (Connection connection = app.<Engine>make("db.connection").connect();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE notes (body VARCHAR(20))");
            }
            try (Session first = app.make("db.session"); Session second = app.make("db.session")) {
                assertThat(second).isNotSameInstanceAs(first);
                try (Statement statement = first.connection().createStatement()) {
                    statement.executeUpdate("INSERT INTO notes VALUES ('hello')");
                }
                first.commit();
                try (Statement statement = second.connection().createStatement();
                        ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM notes")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void closingTheApplicationClosesTheEngine() {
        Application app = app(Map.of("database.url", "jdbc:h2:mem:provider-close"));
        Engine engine = app.make("db.connection");

        app.close();

        assertThat(engine.isClosed()).isTrue();
    }

    @Test
    void engineIsNotCreatedUntilAskedFor() {
        // An unreachable server: boot and register must not connect; the first make reports it.
        try (Application app = app(Map.of("database.url", "jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=1"))) {
            ContainerException e = assertThrows(ContainerException.class, () -> app.make("db.connection"));

            assertThat(e).hasMessageThat().contains("Could not make service 'db.connection'");
        }
    }
}
