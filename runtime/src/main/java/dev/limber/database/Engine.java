package dev.limber.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import dev.limber.database.dialect.Dialect;
import dev.limber.database.mapping.RepositoryFactory;
import dev.limber.database.query.Relation;
import dev.limber.database.schema.TableOrder;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final Isolation isolation;
    private final ConcurrentHashMap<Class<?>, ModelSql<?>> sql = new ConcurrentHashMap<>();
    /** Relations resolved against the registry, by metamodel constant (relations compare by identity). */
    private final ConcurrentHashMap<Relation<?, ?>, RelationSql<?, ?>> relations = new ConcurrentHashMap<>();
    private final Transaction.ConnectionSource sessionConnections = new SessionConnections();
    private final SoftDeleteCascade cascade = new SoftDeleteCascade(this);
    private final Junctions junctions = new Junctions(this);
    /** The registry's repositories by interface, built once. */
    private final Map<Class<?>, RepositoryFactory<?>> repositories;
    /** Whether sessions read in auto-commit until their first write; decided from the first connection. */
    private volatile Boolean readsInAutoCommit;
    private volatile boolean closed;
    private final OpenSessions openSessions;
    private final int maxPoolSize;
    private final long connectionTimeoutMillis;
    private final int statementTimeoutSeconds;
    private final RetryPolicy retry;
    private final ReplicaRouter router;
    /** Where read sessions on the primary borrow: the primary's pool, read-only. */
    private final Transaction.ConnectionSource primaryReads = new PrimaryReads();

    private Engine(Builder b, Dialect dialect) {
        this.dialect = dialect;
        this.url = b.url;
        this.clock = b.clock;
        this.isolation = b.isolation;
        this.registry = b.registry != null ? b.registry : ModelRegistry.discover();
        Map<Class<?>, RepositoryFactory<?>> byType = new HashMap<>();
        for (RepositoryFactory<?> factory : registry.repositories()) {
            byType.put(factory.type(), factory);
        }
        this.repositories = Map.copyOf(byType);
        this.openSessions = new OpenSessions(b.leakDetection != null);
        this.maxPoolSize = b.maxPoolSize;
        this.connectionTimeoutMillis = b.connectionTimeout.toMillis();
        this.statementTimeoutSeconds = Transaction.seconds(b.statementTimeout, "statementTimeout");
        this.retry = b.retry;
        HikariConfig config = poolConfig(b, b.url, dialect, "");
        config.setConnectionTimeout(connectionTimeoutMillis);
        if (b.leakDetection != null) {
            config.setLeakDetectionThreshold(b.leakDetection.toMillis());
        }
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
            if (!driverAccepts(b.url)) {
                throw new LimberException(dialect.noDriver(redact(b.url)), e);
            }
            throw new LimberException("Could not connect to " + redact(b.url) + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage())
                    + "; check that the database is running and the URL, username and password are right", e);
        }
        List<ReplicaEndpoint> replicas = new ArrayList<>();
        for (String replicaUrl : b.replicas) {
            HikariConfig replica = poolConfig(b, replicaUrl, dialect, "-replica");
            // a replica may be down at boot and go down later: the pool starts anyway, and a read
            // waits only briefly for a connection before it goes elsewhere
            replica.setInitializationFailTimeout(-1);
            replica.setConnectionTimeout(Math.min(connectionTimeoutMillis, REPLICA_CONNECTION_TIMEOUT_MILLIS));
            replica.setReadOnly(true);
            replicas.add(new ReplicaEndpoint(redact(replicaUrl), replica, sessionConnections));
        }
        this.router = new ReplicaRouter(dialect, replicas, b.maxReplicaLag.toNanos(), this::primaryPosition);
    }

    /** How long a read waits for a replica's connection before it takes another replica or the primary. */
    private static final long REPLICA_CONNECTION_TIMEOUT_MILLIS = 1000;

    /** The settings every pool of this engine shares: credentials, size, isolation, the dialect's. */
    private static HikariConfig poolConfig(Builder b, String url, Dialect dialect, String kind) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (b.username != null) {
            config.setUsername(b.username);
        }
        if (b.password != null) {
            config.setPassword(b.password);
        }
        config.setMaximumPoolSize(b.maxPoolSize);
        config.setMinimumIdle(Math.min(b.maxPoolSize, 2)); // a small warm core; grows to maxPoolSize under load
        config.setAutoCommit(true);
        if (b.isolation.hikariName() != null) {
            config.setTransactionIsolation(b.isolation.hikariName());
        }
        config.setPoolName("limber-" + dialect.name() + kind + "-" + POOLS.incrementAndGet());
        config.setRegisterMbeans(false);
        dialect.configure(config);
        return config;
    }

    /** The primary's current log position, read on a pooled primary connection (for the lag bound). */
    private String primaryPosition(String query) throws SQLException {
        try (Connection c = borrow(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
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

    /** The isolation level of the pool's connections, as set with {@link Builder#isolation}. */
    public Isolation isolation() {
        return isolation;
    }

    /** A pooled connection in auto-commit mode, at the engine's {@link #isolation()}; the caller closes it. */
    public Connection connect() {
        ensureOpen();
        try {
            return borrow();
        } catch (SQLException e) {
            throw new LimberException("Could not get a connection from the pool: " + e.getMessage(), e);
        }
    }

    /**
     * A new session. It borrows a connection at its first statement; its transaction begins at its
     * first write, or at its first statement where the connections run REPEATABLE READ or stricter
     * (see {@link Session} and {@link Isolation}). Close it (try-with-resources).
     */
    public Session openSession() {
        ensureOpen();
        return new Session(this, sessionConnections);
    }

    /** Where sessions borrow their connections. */
    private class SessionConnections implements Transaction.ConnectionSource {
        @Override
        public Connection acquire() throws SQLException {
            return borrow();
        }

        @Override
        public int statementTimeoutSeconds() {
            return statementTimeoutSeconds;
        }

        @Override
        public void discard(Connection connection) {
            dataSource.evictConnection(connection);
        }

        @Override
        public boolean tracksCommits() {
            return router.hasReplicas();
        }

        @Override
        public void committed(Connection connection) {
            router.committed(connection);
        }

        /**
         * Asked once per engine, of the first connection a session borrows: the pool's connections
         * all start at the same isolation (the engine's {@link Isolation}, which HikariCP sets on
         * each, or the database's default), and asking costs a round trip on some drivers. The
         * connection is the truth either way: sqlite-jdbc reports the level it was given although
         * SQLite's transactions are always serializable, and at READ COMMITTED reading outside a
         * transaction is what gives SQLite read-committed reads.
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

    /** The primary's connections for read sessions: as the engine's, but the sessions only read. */
    private final class PrimaryReads extends SessionConnections {
        @Override
        public boolean readOnly() {
            return true;
        }

        @Override
        public boolean tracksCommits() {
            return false;
        }
    }

    /**
     * A connection from the pool. When every connection stays in use for the whole
     * {@code connectionTimeout}, a {@link LimberException} says how big the pool is and which
     * sessions hold its connections (with where they were opened, under leak detection).
     */
    private Connection borrow() throws SQLException {
        try {
            return dataSource.getConnection();
        } catch (java.sql.SQLTransientConnectionException e) {
            var pool = dataSource.getHikariPoolMXBean();
            if (pool == null || pool.getActiveConnections() < maxPoolSize) {
                throw unreachable(e); // not a pool run dry: the database did not answer
            }
            LimberException exhausted = new LimberException("No pooled connection became free within "
                    + connectionTimeoutMillis + " ms: every connection of the pool (maxPoolSize " + maxPoolSize
                    + ") is in use, and " + openSessions.describe() + ". Close sessions when their work is done"
                    + " (try-with-resources) and close streams; or raise Engine.builder().maxPoolSize(...) or"
                    + " connectionTimeout(...)", e);
            for (Throwable opening : openSessions.openings()) {
                exhausted.addSuppressed(opening);
            }
            throw exhausted;
        }
    }

    /**
     * The pool had room for another connection but could not open one in time: the database is down,
     * restarting or out of reach (HikariCP keeps the last attempt's failure as the cause).
     */
    private LimberException unreachable(SQLException e) {
        Throwable cause = e.getCause();
        String why = cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage().lines().findFirst()
                .orElse("");
        return new LimberException("Could not connect to " + dialect.productName() + " within " + connectionTimeoutMillis
                + " ms (connectionTimeout)" + why + ". The database may be down, restarting or out of reach; nothing"
                + " was sent, so the work can be redone once it answers", e);
    }

    /** The open sessions of this engine. */
    OpenSessions openSessions() {
        return openSessions;
    }

    /**
     * Runs {@code work} in a session on the primary and commits; on any throwable rolls back and
     * rethrows it. Under a {@link RetryPolicy} ({@link Builder#retry}) a retryable failure (a
     * serialization failure, a deadlock, a Galera certification failure, a stale version) rolls
     * back and runs the whole of {@code work} again in a new session, up to the policy's attempts:
     * so {@code work} must do nothing outside the session that it cannot do twice. A COMMIT whose
     * outcome is unknown ({@link CommitOutcomeUnknownException}) is never run again.
     */
    public <R> R transaction(Function<Session, R> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactionOnce(work);
            } catch (RuntimeException failure) {
                if (!retry.retries(failure, attempt, dialect)) {
                    throw failure;
                }
                router.retried();
                retry.pause(attempt, failure);
            }
        }
    }

    /**
     * Runs {@code work} in a session that only reads, and returns what it returns: on a replica
     * that has replayed this engine's last commit and lags no more than
     * {@link Builder#maxReplicaLag}, else on the primary. A write in the session throws before any
     * SQL is sent. When the replica fails during the read (its connection is lost, it is shutting
     * down), the read runs again on another replica or the primary, so {@code work} may run twice;
     * a retryable failure on the primary is retried under the engine's {@link RetryPolicy}.
     * Without replicas every read runs on the primary.
     */
    public <R> R read(Function<Session, R> work) {
        return read(CommitToken.NONE, work);
    }

    /**
     * {@link #read(Function)} on a replica that has also replayed the commit of {@code token}
     * (from {@link #lastCommit()} of this or another engine on the same primary, perhaps in another
     * process): read-your-writes across requests.
     */
    public <R> R read(CommitToken token, Function<Session, R> work) {
        ensureOpen();
        CommitToken wanted = router.wanted(token);
        List<ReplicaEndpoint> failed = null;
        for (int attempt = 1; ; ) {
            ReplicaEndpoint replica = router.choose(wanted, failed);
            try {
                R result;
                try (Session session = new Session(this, replica == null ? primaryReads : replica.connections)) {
                    result = work.apply(session);
                }
                router.served(replica);
                return result;
            } catch (RuntimeException failure) {
                if (replica != null && router.replicaFailed(replica, failure)) {
                    failed = failed == null ? new ArrayList<>(2) : failed;
                    failed.add(replica);
                    continue;
                }
                if (!retry.retries(failure, attempt, dialect)) {
                    throw failure;
                }
                router.retried();
                retry.pause(attempt, failure);
                attempt++;
            }
        }
    }

    /**
     * Where the primary's log stood after this engine's last commit, to carry to another request
     * or process and read with {@link #read(CommitToken, Function)}. {@link CommitToken#NONE}
     * before the first commit, and on an engine without replicas (which does not track positions).
     */
    public CommitToken lastCommit() {
        return router.lastCommit();
    }

    /** What this engine's reads and retries did so far: reads per endpoint, fallbacks, retries. */
    public EngineStats stats() {
        return router.stats();
    }

    private <R> R transactionOnce(Function<Session, R> work) {
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

    /**
     * The statements {@link #createAll()} would run on an empty database: each table, then its
     * indexes, tables in dependency order (see {@link #createAll()}).
     */
    public List<String> ddl() {
        List<String> statements = new ArrayList<>();
        for (ModelInfo<?> model : TableOrder.sort(registry.models())) {
            statements.addAll(model.ddl(dialect.name()));
        }
        return statements;
    }

    /**
     * Creates every registered model's table that does not exist yet, with its indexes. Tables
     * are created in dependency order: a table after the tables its foreign keys reference (a
     * self reference is fine), otherwise in the registry's order. Tables whose foreign keys form a
     * cycle cannot be created this way: a {@link LimberException} names them before anything runs.
     */
    public void createAll() {
        List<ModelInfo<?>> models = TableOrder.sort(registry.models());
        try (Connection connection = connect()) {
            for (ModelInfo<?> model : models) {
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

    /**
     * Drops every registered model's table that exists, in the reverse of {@link #createAll()}'s
     * order: tables referring to others before the tables they refer to.
     */
    public void dropAll() {
        List<ModelInfo<?>> models = new ArrayList<>(TableOrder.sort(registry.models()));
        java.util.Collections.reverse(models);
        try (Connection connection = connect()) {
            try {
                for (String statement : dialect.beforeDropTables()) {
                    execute(connection, statement, null);
                }
                for (ModelInfo<?> model : models) {
                    if (tableExists(connection, model.table())) {
                        execute(connection, "DROP TABLE " + dialect.quote(model.table()), model);
                    }
                }
            } finally {
                try {
                    for (String statement : dialect.afterDropTables()) {
                        execute(connection, statement, null);
                    }
                } catch (RuntimeException e) {
                    dataSource.evictConnection(connection); // its settings were not put back
                    throw e;
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
            throw dialect.translate(e, statement, model, registry);
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
            try {
                router.close();
            } finally {
                dataSource.close();
            }
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

    /** Soft delete and restore across the models' cascading relations. */
    SoftDeleteCascade cascade() {
        return cascade;
    }

    /** The junction rows of the models' many-to-many relations. */
    /** The factory of repository {@code type}, from the registry; a MappingException naming the known ones if absent. */
    @SuppressWarnings("unchecked")
    <R> RepositoryFactory<R> repository(Class<R> type) {
        RepositoryFactory<?> factory = repositories.get(type);
        if (factory == null) {
            List<String> known = new ArrayList<>();
            for (RepositoryFactory<?> each : registry.repositories()) {
                known.add(each.type().getName());
            }
            throw new MappingException(type.getName() + " is not a generated repository; annotate the interface"
                    + " with @Repository(Model.class) and compile it with the Limber processor (the registry"
                    + " lists the repositories of its compilation). Known repositories: "
                    + (known.isEmpty() ? "none" : String.join(", ", known)));
        }
        return (RepositoryFactory<R>) factory;
    }

    Junctions junctions() {
        return junctions;
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

    /** Whether a JDBC driver on the class path takes {@code url} (asked only once the pool failed to start). */
    private static boolean driverAccepts(String url) {
        try {
            return DriverManager.getDriver(url) != null;
        } catch (SQLException none) {
            return false;
        }
    }

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

    private static final Duration DEFAULT_MAX_REPLICA_LAG = Duration.ofSeconds(30);

    /** Configures an {@link Engine}; every setting is checked in {@link #build()}, then fixed. */
    public static final class Builder {
        private String url;
        private String username;
        private String password;
        private int maxPoolSize = 10;
        private Clock clock = Clock.systemUTC();
        private ModelRegistry registry;
        private Isolation isolation = Isolation.READ_COMMITTED;
        private UnaryOperator<DataSource> dataSourceDecorator;
        private Duration connectionTimeout = Duration.ofSeconds(30);
        private Duration leakDetection;
        private Duration statementTimeout = Duration.ZERO;
        private final List<String> replicas = new ArrayList<>();
        private Duration maxReplicaLag = DEFAULT_MAX_REPLICA_LAG;
        private RetryPolicy retry = RetryPolicy.none();

        private Builder() {
        }

        /**
         * Adds a read replica of the primary ({@link #url}): {@link Engine#read} may run there.
         * Repeatable, one pool per replica (same username, password, size and isolation as the
         * primary's), started at the first read, so a replica down at boot does not stop the engine.
         * PostgreSQL (streaming replication) and MariaDB (GTID replication) only.
         */
        public Builder replica(String url) {
            this.replicas.add(url);
            return this;
        }

        /**
         * How far behind the primary a replica may be and still serve {@link Engine#read} (default
         * 30 s), measured by replay position, not by the age of the last replayed transaction: a
         * replica that has replayed all the primary has written is not behind, however long the
         * primary has been idle.
         */
        public Builder maxReplicaLag(Duration maxReplicaLag) {
            this.maxReplicaLag = maxReplicaLag;
            return this;
        }

        /**
         * Runs a transaction's work again on a retryable failure (default {@link RetryPolicy#none()}):
         * {@code retry(RetryPolicy.attempts(5))}.
         */
        public Builder retry(RetryPolicy retry) {
            this.retry = retry;
            return this;
        }

        public Builder url(String url) { this.url = url; return this; }

        public Builder username(String username) { this.username = username; return this; }

        public Builder password(String password) { this.password = password; return this; }

        /** The most connections the pool opens (default 10). */
        public Builder maxPoolSize(int maxPoolSize) { this.maxPoolSize = maxPoolSize; return this; }

        /** The clock that stamps soft deletes (default: system UTC). */
        public Builder clock(Clock clock) { this.clock = clock; return this; }

        /**
         * The isolation level of every pooled connection (default {@link Isolation#READ_COMMITTED}
         * on every database; {@link Isolation#DATABASE_DEFAULT} leaves the database's own). It
         * also decides whether sessions read in auto-commit until their first write; see
         * {@link Isolation} for what each level means on each database.
         */
        public Builder isolation(Isolation isolation) { this.isolation = isolation; return this; }

        /** The models (default: {@link ModelRegistry#discover()}). */
        public Builder registry(ModelRegistry registry) { this.registry = registry; return this; }

        /** Wraps the driver's DataSource under the pool; for tests that need to fail connections. */
        Builder dataSourceDecorator(UnaryOperator<DataSource> decorator) {
            this.dataSourceDecorator = decorator;
            return this;
        }

        /**
         * How long a statement waits for a free pooled connection before it fails (default 30 s, at
         * least 250 ms, HikariCP's {@code connectionTimeout}). The failure names the pool size and
         * the sessions still open.
         */
        public Builder connectionTimeout(Duration timeout) {
            this.connectionTimeout = timeout;
            return this;
        }

        /**
         * Reports a connection held longer than {@code threshold} (at least 2 s; HikariCP's
         * {@code leakDetectionThreshold}): a WARN with the stack trace of where it was taken, logged by
         * {@code com.zaxxer.hikari.pool.ProxyLeakTask}. With it on, the engine also keeps where each
         * session was opened, for the pool-exhausted message and for the WARN logged when a session is
         * garbage collected without being closed (that one is logged either way). Off by default:
         * it costs a stack trace per session.
         */
        public Builder leakDetection(Duration threshold) {
            this.leakDetection = threshold;
            return this;
        }

        /**
         * The longest any statement may run before the database cancels it with a
         * {@link StatementTimeoutException} (default: no limit; {@link Duration#ZERO} is no limit
         * too). JDBC counts in whole seconds, so a part of a second is rounded up.
         * {@link Query#timeout(Duration)} sets one query's own.
         */
        public Builder statementTimeout(Duration timeout) {
            this.statementTimeout = timeout;
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
            if (connectionTimeout == null || connectionTimeout.toMillis() < 250) {
                throw new LimberException("connectionTimeout cannot be less than 250 ms, HikariCP's least (was "
                        + connectionTimeout + ")");
            }
            if (statementTimeout == null || statementTimeout.isNegative()) {
                throw new LimberException("statementTimeout cannot be negative or null; use Duration.ZERO for no limit"
                        + " (was " + statementTimeout + ")");
            }
            if (leakDetection != null && leakDetection.toMillis() < 2000) {
                throw new LimberException("leakDetection cannot be less than 2 s, HikariCP's least (was "
                        + leakDetection + ")");
            }
            if (isolation == null) {
                throw new LimberException("isolation cannot be null; use Isolation.READ_COMMITTED (the default) or"
                        + " Isolation.DATABASE_DEFAULT");
            }
            if (retry == null) {
                throw new LimberException("retry cannot be null; use RetryPolicy.none() for no retries");
            }
            if (maxReplicaLag == null || maxReplicaLag.isNegative() || maxReplicaLag.isZero()) {
                throw new LimberException("maxReplicaLag must be positive, e.g. Duration.ofSeconds(5) (was "
                        + maxReplicaLag + ")");
            }
            Dialect dialect;
            try {
                dialect = Dialect.fromUrl(url);
            } catch (IllegalArgumentException e) {
                throw new LimberException("url: " + e.getMessage(), e);
            }
            for (String replica : replicas) {
                if (replica == null || replica.isBlank()) {
                    throw new LimberException("replica url is blank; pass the replica's JDBC URL, e.g."
                            + " jdbc:postgresql://replica:5432/app");
                }
                Dialect kind;
                try {
                    kind = Dialect.fromUrl(replica);
                } catch (IllegalArgumentException e) {
                    throw new LimberException("replica: " + e.getMessage(), e);
                }
                if (kind != dialect) {
                    throw new LimberException("replica " + redact(replica) + " is " + kind.productName()
                            + " but the primary is " + dialect.productName() + "; a replica replays its primary");
                }
                if (dialect.replayPositions() == null) {
                    throw new LimberException(dialect.productName() + " has no replicas to read from (replica "
                            + redact(replica) + "); replicas are for PostgreSQL and MariaDB");
                }
            }
            return new Engine(this, dialect);
        }
    }
}
