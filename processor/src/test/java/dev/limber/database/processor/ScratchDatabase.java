package dev.limber.database.processor;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty database (or schema) for one test, dropped afterwards: H2 and SQLite in memory,
 * PostgreSQL and MariaDB from LIMBER_TEST_POSTGRES_URL / LIMBER_TEST_MARIADB_URL (skipped when
 * unset, a failure when CI=true).
 */
final class ScratchDatabase implements AutoCloseable {
    private final Connection connection;
    private final String cleanup;

    private ScratchDatabase(Connection connection, String cleanup) {
        this.connection = connection;
        this.cleanup = cleanup;
    }

    static ScratchDatabase open(String dialect) throws SQLException {
        String name = "limber_ddl_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        switch (dialect) {
            case "h2":
                return new ScratchDatabase(DriverManager.getConnection("jdbc:h2:mem:" + name), null);
            case "sqlite":
                return new ScratchDatabase(DriverManager.getConnection("jdbc:sqlite::memory:"), null);
            case "postgresql": {
                Connection connection = DriverManager.getConnection(url("LIMBER_TEST_POSTGRES_URL"));
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE SCHEMA " + name);
                    statement.execute("SET search_path TO " + name);
                }
                return new ScratchDatabase(connection, "DROP SCHEMA " + name + " CASCADE");
            }
            case "mariadb": {
                Connection connection = DriverManager.getConnection(url("LIMBER_TEST_MARIADB_URL"));
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE " + name);
                    statement.execute("USE " + name);
                }
                return new ScratchDatabase(connection, "DROP DATABASE " + name);
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

    Connection connection() {
        return connection;
    }
}
