package dev.limber.database.testing;

import dev.limber.database.dialect.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** One empty database for one test invocation. */
public final class TestDatabase {
    private final Dialect dialect;
    private final String url;
    private final String username;
    private final String password;

    TestDatabase(Dialect dialect, String url, String username, String password) {
        this.dialect = dialect;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** A JDBC URL that reaches this invocation's empty schema. */
    public String url() {
        return url;
    }

    /** The user, or null when the URL carries it. */
    public String username() {
        return username;
    }

    /** The password, or null when the URL carries it. */
    public String password() {
        return password;
    }

    /** A plain (unpooled) connection to this database; the caller closes it. */
    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public String toString() {
        return dialect.name();
    }
}
