package dev.limber.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import dev.limber.database.dialect.Dialect;
import dev.limber.database.query.Relation;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * A database: a HikariCP pool, the dialect of its URL, the registered models and a clock.
 * Thread-safe; make one per database and share it. Sessions come from {@link #openSession()}.
 *
 * <pre>{@code
 * try (Engine engine = Engine.create("jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1")) {
 *     engine.createAll();
 *     Book saved = engine.transaction(s -> s.insert(new Book("Dune")));
 * }
 * }</pre>
 */
public final class Engine implements AutoCloseable {
    /** Numbers pool names, so that logs tell the engines of one JVM apart. */
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final ModelRegistry registry;
    private final Clock clock;
    private final String url;
    private final ConcurrentHashMap<Class<?>, ModelSql<?>> sql = new ConcurrentHashMap<>();
    /** Relations resolved against the registry, by metamodel constant (relations compare by identity). */
    private final ConcurrentHashMap<Relation<?, ?>, RelationSql<?, ?>> relations = new ConcurrentHashMap<>();
    private final Transaction.ConnectionSource sessionConnections = new SessionConnections();
    /** Whether sessions read in auto-commit until their first write; decided from the first connection. */
    private volatile Boolean readsInAutoCommit;
    private volatile boolean closed;

    private Engine(Builder b, Dialect dialect) {
        this.dialect = dialect;
        this.url = b.url;
        this.clock = b.clock;
        this.registry = b.registry != null ? b.registry : ModelRegistry.discover();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(b.url);
        if (b.username != null) {
            config.setUsername(b.username);
        }
        if (b.password != null) {
            config.setPassword(b.password);
        }
        config.setMaximumPoolSize(b.maxPoolSize);
        config.setMinimumIdle(Math.min(b.maxPoolSize, 2)); // a small warm core; grows to maxPoolSize under load
        config.setAutoCommit(true);
        config.setPoolName("limber-" + dialect.name() + "-" + POOLS.incrementAndGet());
        config.setRegisterMbeans(false);
        dialect.configure(config);
        if (b.dataSourceDecorator != null) {
            Properties properties = new Properties();
            properties.putAll(config.getDataSourceProperties());
            DataSource driver = new DriverDataSource(config.getJdbcUrl(), null, properties,
                    config.getUsername(), config.getPassword());
            config.setDataSource(b.dataSourceDecorator.apply(driver));
        }
        try {
            this.dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new LimberException("Could not connect to " + redact(b.url) + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage())
                    + "; check that the database is running and the URL, username and password are right", e);
        }
    }

    /** An engine on {@code url} with the defaults (pool of 10, system UTC clock, discovered models). */
    public static Engine create(String url) {
        return builder().url(url).build();
    }

    public static Engine create(String url, String username, String password) {
        return builder().url(url).username(username).password(password).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The HikariCP pool (its {@code getHikariPoolMXBean()} shows active and idle connections). */
    public HikariDataSource dataSource() {
        return dataSource;
    }

    public ModelRegistry registry() {
        return registry;
    }

    /** The clock that stamps {@code deleted_at}. */
    public Clock clock() {
        return clock;
    }

    /** A pooled connection in auto-commit mode; the caller closes it. */
    public Connection connect() {
        ensureOpen();
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new LimberException("Could not get a connection from the pool: " + e.getMessage(), e);
        }
    }

    /**
     * A new session. It borrows a connection at its first statement; its transaction begins at its
     * first write, or at its first statement where the database runs REPEATABLE READ or stricter
     * (see {@link Session}). Close it (try-with-resources).
     */
    public Session openSession() {
        ensureOpen();
        return new Session(this, sessionConnections);
    }

    /** Where sessions borrow their connections. */
    private final class SessionConnections implements Transaction.ConnectionSource {
        @Override
        public Connection acquire() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void discard(Connection connection) {
            dataSource.evictConnection(connection);
        }

        /**
         * Asked once per engine, of the first connection a session borrows: the pool's connections
         * all start at the same isolation, and asking costs a round trip on some drivers.
         */
        @Override
        public boolean readsInAutoCommit(Connection connection) throws SQLException {
            Boolean answer = readsInAutoCommit;
            if (answer == null) {
                int isolation = connection.getTransactionIsolation();
                answer = isolation != Connection.TRANSACTION_NONE && isolation <= Connection.TRANSACTION_READ_COMMITTED;
                readsInAutoCommit = answer;
            }
            return answer;
        }
    }

    /** Runs {@code work} in a session and commits; on any throwable rolls back and rethrows it. */
    public <R> R transaction(Function<Session, R> work) {
        Session session = openSession();
        R result;
        try {
            result = work.apply(session);
            session.commit();
        } catch (Throwable failure) {
            try {
                session.close();
            } catch (Throwable closeFailure) {
                failure.addSuppressed(closeFailure);
            }
            throw failure;
        }
        session.close();
        return result;
    }

    /** {@link #transaction(Function)} for work that returns nothing. */
    public void inTransaction(Consumer<Session> work) {
        transaction(s -> {
            work.accept(s);
            return null;
        });
    }

    /** The statements {@link #createAll()} would run on an empty database: each table, then its indexes. */
    public List<String> ddl() {
        List<String> statements = new ArrayList<>();
        for (ModelInfo<?> model : registry.models()) {
            statements.addAll(model.ddl(dialect.name()));
        }
        return statements;
    }

    /** Creates every registered model's table that does not exist yet, with its indexes. */
    public void createAll() {
        try (Connection connection = connect()) {
            for (ModelInfo<?> model : registry.models()) {
                if (!tableExists(connection, model.table())) {
                    for (String statement : model.ddl(dialect.name())) {
                        execute(connection, statement, model);
                    }
                }
            }
        } catch (SQLException e) {
            throw dialect.translate(e, null, null);
        }
    }

    /** Drops every registered model's table that exists. */
    public void dropAll() {
        try (Connection connection = connect()) {
            List<ModelInfo<?>> models = new ArrayList<>(registry.models());
            java.util.Collections.reverse(models);
            for (ModelInfo<?> model : models) {
                if (tableExists(connection, model.table())) {
                    execute(connection, "DROP TABLE " + dialect.quote(model.table()), model);
                }
            }
        } catch (SQLException e) {
            throw dialect.translate(e, null, null);
        }
    }

    private void execute(Connection connection, String statement, ModelInfo<?> model) {
        Sql.log(statement);
        try (Statement s = connection.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw dialect.translate(e, statement, model);
        }
    }

    /** Whether {@code table} exists in the connection's current schema, asked through JDBC metadata. */
    static boolean tableExists(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String escape = meta.getSearchStringEscape();
        String pattern = escape == null ? table : table.replace(escape, escape + escape)
                .replace("_", escape + "_").replace("%", escape + "%");
        String schema = null;
        try {
            schema = connection.getSchema();
        } catch (SQLException | AbstractMethodError ignored) {
            // drivers without schemas (MariaDB, SQLite) answer for the current catalog
        }
        try (ResultSet rs = meta.getTables(connection.getCatalog(), schema, pattern, null)) {
            while (rs.next()) {
                if (table.equals(rs.getString("TABLE_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Closes the pool; idempotent. Sessions still open lose their connections. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            dataSource.close();
        }
    }

    public boolean isClosed() {
        return closed;
    }

    private void ensureOpen() {
        if (closed) {
            throw new LimberException("Engine for " + redact(url) + " is closed; create a new one");
        }
    }

    /** The SQL of one model, built once and reused so every execution sends identical text. */
    @SuppressWarnings("unchecked")
    <T> ModelSql<T> sql(ModelInfo<T> info) {
        ModelSql<?> cached = sql.get(info.type());
        if (cached == null || cached.info != info) {
            cached = sql.computeIfAbsent(info.type(), t -> new ModelSql<>(info, dialect));
        }
        return (ModelSql<T>) cached;
    }

    @SuppressWarnings("unchecked")
    <T> ModelSql<T> sql(Class<T> type) {
        ModelSql<?> cached = sql.get(type);
        if (cached != null) {
            return (ModelSql<T>) cached;
        }
        return sql(registry.info(type));
    }

    private static final int MAX_CACHED_RELATIONS = 1024;

    /**
     * How {@code relation} joins on this engine: its models and key columns, resolved once per
     * relation constant; a relation made on the fly is resolved each time once the cache is full.
     */
    @SuppressWarnings("unchecked")
    <M, T> RelationSql<M, T> relation(Relation<M, T> relation) {
        RelationSql<?, ?> cached = relations.get(relation);
        if (cached == null) {
            cached = RelationSql.resolve(this, relation);
            if (relations.size() < MAX_CACHED_RELATIONS) {
                relations.putIfAbsent(relation, cached);
            }
        }
        return (RelationSql<M, T>) cached;
    }

    static String redact(String url) {
        return url == null ? null : url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return "Engine[" + dialect.name() + " " + redact(url) + "]";
    }

    /** Configures an {@link Engine}; every setting is checked in {@link #build()}, then fixed. */
    public static final class Builder {
        private String url;
        private String username;
        private String password;
        private int maxPoolSize = 10;
        private Clock clock = Clock.systemUTC();
        private ModelRegistry registry;
        private UnaryOperator<DataSource> dataSourceDecorator;

        private Builder() {
        }

        public Builder url(String url) { this.url = url; return this; }

        public Builder username(String username) { this.username = username; return this; }

        public Builder password(String password) { this.password = password; return this; }

        /** The most connections the pool opens (default 10). */
        public Builder maxPoolSize(int maxPoolSize) { this.maxPoolSize = maxPoolSize; return this; }

        /** The clock that stamps soft deletes (default: system UTC). */
        public Builder clock(Clock clock) { this.clock = clock; return this; }

        /** The models (default: {@link ModelRegistry#discover()}). */
        public Builder registry(ModelRegistry registry) { this.registry = registry; return this; }

        /** Wraps the driver's DataSource under the pool; for tests that need to fail connections. */
        Builder dataSourceDecorator(UnaryOperator<DataSource> decorator) {
            this.dataSourceDecorator = decorator;
            return this;
        }

        public Engine build() {
            if (url == null || url.isBlank()) {
                throw new LimberException("url is required, e.g. Engine.builder().url(\"jdbc:h2:mem:app\")");
            }
            if (maxPoolSize < 1) {
                throw new LimberException("maxPoolSize cannot be less than 1 (was " + maxPoolSize + ")");
            }
            if (clock == null) {
                throw new LimberException("clock cannot be null; use Clock.systemUTC()");
            }
            Dialect dialect;
            try {
                dialect = Dialect.fromUrl(url);
            } catch (IllegalArgumentException e) {
                throw new LimberException("url: " + e.getMessage(), e);
            }
            return new Engine(this, dialect);
        }
    }
}
