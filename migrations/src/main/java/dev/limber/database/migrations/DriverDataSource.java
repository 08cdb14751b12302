package dev.limber.database.migrations;

import dev.limber.database.dialect.Dialect;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Iterator;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * An unpooled DataSource: a command line run opens a handful of connections, so a pool would only
 * add start-up time. It asks the JDBC drivers its own class loader sees first, then
 * {@link DriverManager}: inside a build tool each run has a class loader of its own, whose drivers
 * {@code DriverManager} (which registers drivers once per JVM) would refuse to hand out.
 */
final class DriverDataSource implements DataSource {
    private final String url;
    private final String username;
    private final String password;
    private volatile Driver driver;

    DriverDataSource(String url, String username, String password) {
        this.url = url;
        this.username = username;
        this.password = password;
    }

    String url() {
        return url;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(username, password);
    }

    @Override
    public Connection getConnection(String user, String pass) throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (pass != null) {
            properties.setProperty("password", pass);
        }
        Driver own = driver();
        if (own != null) {
            Connection connection = own.connect(url, properties);
            if (connection != null) {
                return connection;
            }
        }
        try {
            return DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            if (own == null && e.getMessage() != null && e.getMessage().startsWith("No suitable driver")) {
                // Which artifact to add, not "check that the database is running"; the URL without its parameters.
                throw new SQLException(Dialect.fromUrl(url).noDriver(url.replaceAll("[?;].*$", "")), "08001", e);
            }
            throw e;
        }
    }

    /** The driver on this class's class path that accepts the URL, or null. */
    private Driver driver() {
        Driver found = driver;
        if (found == null) {
            for (Iterator<Driver> drivers = ServiceLoader.load(Driver.class, DriverDataSource.class.getClassLoader())
                    .iterator(); found == null && drivers.hasNext(); ) {
                try {
                    Driver candidate = drivers.next();
                    if (candidate.acceptsURL(url)) {
                        found = candidate;
                    }
                } catch (ServiceConfigurationError | SQLException e) {
                    // a driver that cannot load or answer is skipped, as DriverManager skips it
                }
            }
            driver = found;
        }
        return found;
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // DriverManager logs on its own
    }

    @Override
    public void setLoginTimeout(int seconds) {
        DriverManager.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return DriverManager.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public String toString() {
        return url;
    }
}
