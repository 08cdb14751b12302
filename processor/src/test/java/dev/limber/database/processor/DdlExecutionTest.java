package dev.limber.database.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the generated schema on the real databases: H2 and SQLite always, PostgreSQL and MariaDB
 * when LIMBER_TEST_POSTGRES_URL / LIMBER_TEST_MARIADB_URL are set (required under CI=true).
 */
class DdlExecutionTest {
    private static final Compilation COMPILATION = compile();

    private static Compilation compile() {
        Compilation compilation = Sources.compile(GeneratedCodeTest.STRICT, Shapes.note(), Shapes.inventoryItem(),
                GeneratedCodeTest.everyType(), Shapes.author(), Shapes.customer(), Shapes.invoice());
        assertThat(compilation).succeededWithoutWarnings();
        return compilation;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "sqlite", "postgresql", "mariadb"})
    void generatedSchemaRunsAndUniqueHoldsAmongLiveRowsOnly(String dialect) throws SQLException {
        try (Scratch db = Scratch.open(dialect)) {
            String schema = Sources.generatedResource(COMPILATION, "META-INF/limber/schema/" + dialect + ".sql");
            try (Statement statement = db.connection.createStatement()) {
                for (String sql : schema.split(";\n")) {
                    statement.execute(sql);
                }
                String q = dialect.equals("mariadb") ? "`" : "\"";
                String notes = q + "notes" + q + " (" + q + "slug" + q;
                // Two deleted rows and one live row may share a slug...
                statement.execute("INSERT INTO " + notes + ", " + q + "deleted_at" + q + ") VALUES ('dune', CURRENT_TIMESTAMP)");
                statement.execute("INSERT INTO " + notes + ", " + q + "deleted_at" + q + ") VALUES ('dune', CURRENT_TIMESTAMP)");
                statement.execute("INSERT INTO " + notes + ") VALUES ('dune')");
                // ...but not two live rows.
                assertThrows(SQLException.class,
                        () -> statement.execute("INSERT INTO " + notes + ") VALUES ('dune')"));
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + q + "notes" + q)) {
                    rows.next();
                    assertThat(rows.getInt(1)).isEqualTo(3);
                }
                String items = q + "inventory_item" + q + " (" + q + "title" + q + ", " + q + "pages" + q + ", "
                        + q + "isbn" + q + ")";
                statement.execute("INSERT INTO " + items + " VALUES ('a', 1, 'x')");
                assertThrows(SQLException.class,
                        () -> statement.execute("INSERT INTO " + items + " VALUES ('b', 2, 'x')"));
            }
        }
    }

    /** A fresh, empty database (or schema) for one test, dropped afterwards. */
    private static final class Scratch implements AutoCloseable {
        final Connection connection;
        private final String cleanup;

        private Scratch(Connection connection, String cleanup) {
            this.connection = connection;
            this.cleanup = cleanup;
        }

        static Scratch open(String dialect) throws SQLException {
            String name = "limber_ddl_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            switch (dialect) {
                case "h2":
                    return new Scratch(DriverManager.getConnection("jdbc:h2:mem:" + name), null);
                case "sqlite":
                    return new Scratch(DriverManager.getConnection("jdbc:sqlite::memory:"), null);
                case "postgresql": {
                    Connection connection = DriverManager.getConnection(url("LIMBER_TEST_POSTGRES_URL"));
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CREATE SCHEMA " + name);
                        statement.execute("SET search_path TO " + name);
                    }
                    return new Scratch(connection, "DROP SCHEMA " + name + " CASCADE");
                }
                case "mariadb": {
                    Connection connection = DriverManager.getConnection(url("LIMBER_TEST_MARIADB_URL"));
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CREATE DATABASE " + name);
                        statement.execute("USE " + name);
                    }
                    return new Scratch(connection, "DROP DATABASE " + name);
                }
                default:
                    throw new IllegalArgumentException(dialect);
            }
        }

        private static String url(String variable) {
            String url = System.getenv(variable);
            if (url == null || url.isBlank()) {
                if ("true".equals(System.getenv("CI"))) {
                    throw new AssertionError(variable + " must be set when CI=true");
                }
                Assumptions.abort(variable + " is not set; skipping " + variable.toLowerCase(Locale.ROOT));
            }
            return url;
        }

        @Override
        public void close() throws SQLException {
            try (Connection c = connection) {
                if (cleanup != null) {
                    try (Statement statement = c.createStatement()) {
                        statement.execute(cleanup);
                    }
                }
            }
        }
    }
}
