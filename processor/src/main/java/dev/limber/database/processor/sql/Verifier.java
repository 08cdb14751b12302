package dev.limber.database.processor.sql;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Prepares {@code @Query} statements on one database that holds the generated schema: an in-memory
 * H2 (always; the processor's own, shaded copy, opened with {@code DATABASE_TO_LOWER=TRUE} as the
 * runtime opens H2), or a server named by {@code -Alimber.verify.<database>=<url>}, where the schema
 * goes into a scratch schema (PostgreSQL) or database (MariaDB) created on first use and dropped on
 * {@link #close}. SQLite always works in a fresh in-memory database; its URL only selects the
 * driver. Server drivers come from the processor path.
 *
 * <p>Connecting happens on the first statement; if it fails, {@link #unavailable()} says why and
 * no statement is checked there.
 */
final class Verifier implements AutoCloseable {

    /** Preparing one statement: its result columns (empty for a statement without rows), or the database's error. */
    record Prepared(List<ResultColumn> columns, String error) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final String url;
    private final SqlSchema schema;
    private Connection connection;
    private String scratch;
    private boolean opened;
    private String unavailable;

    private Verifier(Database database, String url, SqlSchema schema) {
        this.database = database;
        this.url = url;
        this.schema = schema;
    }

    /** The in-memory H2 verifier, which needs no option. */
    static Verifier h2(SqlSchema schema) {
        return new Verifier(Database.H2, null, schema);
    }

    /** A verifier on the database at {@code url}. */
    static Verifier of(Database database, String url, SqlSchema schema) {
        return new Verifier(database, url, schema);
    }

    Database database() {
        return database;
    }

    /** The URL as given, or "in-memory" for H2. */
    String where() {
        return url == null ? "in-memory" : url;
    }

    /** Why this verifier cannot run (after {@link #prepare} tried to connect), or null. */
    String unavailable() {
        return unavailable;
    }

    /** Prepares {@code jdbcSql}; null when the verifier is unavailable. */
    Prepared prepare(String jdbcSql) {
        if (!opened) {
            opened = true;
            try {
                open();
            } catch (SQLException | RuntimeException | LinkageError e) {
                unavailable = firstLine(e);
                close();
            }
        }
        if (connection == null) {
            return null;
        }
        try (PreparedStatement statement = connection.prepareStatement(jdbcSql)) {
            ResultSetMetaData metaData = statement.getMetaData();
            if (database == Database.POSTGRESQL) {
                // PostgreSQL parses only when asked to describe; this checks statements without rows too.
                statement.getParameterMetaData();
            }
            return new Prepared(columns(metaData), null);
        } catch (SQLException e) {
            if (database == Database.POSTGRESQL && "42P18".equals(e.getSQLState())) {
                // "could not determine data type of parameter": at run time the bound value gives the type.
                return new Prepared(List.of(), null);
            }
            return new Prepared(List.of(), firstLine(e));
        }
    }

    private void open() throws SQLException {
        switch (database) {
            case H2 -> {
                String name = "limber_verify_" + Long.toHexString(RANDOM.nextLong());
                connection = new org.h2.Driver().connect("jdbc:h2:mem:" + name + ";DATABASE_TO_LOWER=TRUE", new Properties());
            }
            case SQLITE -> connection = driver().connect("jdbc:sqlite::memory:", new Properties());
            case POSTGRESQL -> {
                connection = connect(new Properties());
                scratch = "limber_verify_" + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE SCHEMA \"" + scratch + "\"");
                }
                connection.setSchema(scratch);
            }
            case MARIADB -> {
                Properties properties = new Properties();
                // Server-side prepares, so that preparing alone checks names and describes the result.
                properties.setProperty("useServerPrepStmts", "true");
                connection = connect(properties);
                scratch = "limber_verify_" + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE `" + scratch + "`");
                }
                connection.setCatalog(scratch);
            }
            default -> throw new IllegalStateException(database.name());
        }
        if (connection == null) {
            throw new SQLException("the driver does not accept " + where());
        }
        try (Statement statement = connection.createStatement()) {
            for (SqlSchema.Table table : dependencyOrder()) {
                for (String ddl : table.ddl().get(database)) {
                    statement.execute(ddl);
                }
            }
        }
    }

    private Connection connect(Properties properties) throws SQLException {
        Connection opened = driver().connect(url, properties);
        if (opened == null) {
            throw new SQLException("the JDBC driver on the processor path does not accept " + url);
        }
        return opened;
    }

    /** The driver for {@code url} from the processor path (DriverManager cannot see that class loader). */
    private Driver driver() throws SQLException {
        String probe = url == null ? "jdbc:" + database.id() + ":" : url;
        for (Driver driver : ServiceLoader.load(Driver.class, Verifier.class.getClassLoader())) {
            if (driver.acceptsURL(probe)) {
                return driver;
            }
        }
        throw new SQLException("no JDBC driver for " + probe + " on the processor path; add it there (e.g. "
                + coordinates() + ")");
    }

    private String coordinates() {
        return switch (database) {
            case SQLITE -> "org.xerial:sqlite-jdbc";
            case POSTGRESQL -> "org.postgresql:postgresql";
            case MARIADB -> "org.mariadb.jdbc:mariadb-java-client";
            case H2 -> "com.h2database:h2";
        };
    }

    /** Tables after the tables they reference (self references aside); a cycle keeps the given order. */
    private List<SqlSchema.Table> dependencyOrder() {
        List<SqlSchema.Table> left = new ArrayList<>(schema.tables());
        left.sort((a, b) -> a.name().compareTo(b.name()));
        List<SqlSchema.Table> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        boolean progress = true;
        while (!left.isEmpty() && progress) {
            progress = false;
            for (SqlSchema.Table table : List.copyOf(left)) {
                boolean ready = true;
                for (String reference : table.references()) {
                    if (!reference.equals(table.name()) && schema.table(reference) != null && !placed.contains(reference)) {
                        ready = false;
                    }
                }
                if (ready) {
                    ordered.add(table);
                    placed.add(table.name());
                    left.remove(table);
                    progress = true;
                }
            }
        }
        ordered.addAll(left);
        return ordered;
    }

    private static List<ResultColumn> columns(ResultSetMetaData metaData) throws SQLException {
        List<ResultColumn> columns = new ArrayList<>();
        if (metaData == null) {
            return columns;
        }
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            int type = metaData.getColumnType(i);
            String typeName = metaData.getColumnTypeName(i);
            columns.add(new ResultColumn(metaData.getColumnLabel(i), type, typeName, JdbcTypes.javaType(type, typeName),
                    metaData.isNullable(i) != ResultSetMetaData.columnNoNulls));
        }
        return columns;
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int newline = message.indexOf('\n');
        message = newline < 0 ? message : message.substring(0, newline).strip();
        // H2 continues "...; SQL statement:" with the statement on the next lines, which the method shows already.
        return message.endsWith("; SQL statement:") ? message.substring(0, message.length() - "; SQL statement:".length())
                : message;
    }

    /** Drops the scratch schema or database and disconnects; idempotent. */
    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            if (scratch != null && database == Database.POSTGRESQL) {
                statement.execute("DROP SCHEMA IF EXISTS \"" + scratch + "\" CASCADE");
            } else if (scratch != null && database == Database.MARIADB) {
                statement.execute("DROP DATABASE IF EXISTS `" + scratch + "`");
            }
        } catch (SQLException ignored) {
            // Best effort: a scratch schema left behind is named limber_verify_<hex> and holds no data.
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing a connection that failed is not worth a diagnostic.
            }
            connection = null;
        }
    }

    /** Types as {@link Types} name them, for messages: {@code BIGINT}. */
    static String typeDisplay(ResultColumn column) {
        return column.typeName() == null ? String.valueOf(column.jdbcType())
                : column.typeName().toUpperCase(Locale.ROOT);
    }
}
