package dev.limber.database.testing;

import dev.limber.database.dialect.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.TestWatcher;

/** Provides one invocation per database for {@link AllDatabases} tests. */
final class DatabaseExtension implements TestTemplateInvocationContextProvider {
    static final String POSTGRES_URL = "LIMBER_TEST_POSTGRES_URL";
    static final String MARIADB_URL = "LIMBER_TEST_MARIADB_URL";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Set<String> ANNOUNCED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getRequiredTestMethod().isAnnotationPresent(AllDatabases.class)
                || context.getRequiredTestMethod().isAnnotationPresent(ServerDatabases.class);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Set<String> wanted = wantedDialects();
        boolean serversOnly = context.getRequiredTestMethod().isAnnotationPresent(ServerDatabases.class);
        boolean ci = underCi();
        return Dialect.all().stream()
                .filter(d -> !serversOnly || urlVariable(d) != null)
                // under CI a server database is never filtered out: its invocation fails instead (see Invocation)
                .filter(d -> wanted.isEmpty() || wanted.contains(d.name()) || (ci && urlVariable(d) != null))
                .map(d -> new Invocation(d, wanted.isEmpty() || wanted.contains(d.name())));
    }

    private static Set<String> wantedDialects() {
        String value = setting("LIMBER_TEST_DIALECTS");
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(value.split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }

    static String setting(String name) {
        String value = System.getProperty(name);
        return value != null ? value : System.getenv(name);
    }

    /**
     * Whether this is a CI run: {@code CI} set to anything at all (CI services set {@code true},
     * {@code 1} or their own name), as an environment variable or, for the extension's own tests, a
     * system property.
     */
    static boolean underCi() {
        String value = setting("CI");
        return value != null && !value.isEmpty();
    }

    private static String exampleUrl(Dialect dialect) {
        return dialect == Dialect.POSTGRESQL
                ? "jdbc:postgresql://127.0.0.1:5432/limber_test?user=postgres"
                : "jdbc:mariadb://127.0.0.1:3306/limber_test?user=root";
    }

    /** The URL variable a server dialect needs, or null for embedded ones. */
    private static String urlVariable(Dialect dialect) {
        if (dialect == Dialect.POSTGRESQL) {
            return POSTGRES_URL;
        }
        if (dialect == Dialect.MARIADB) {
            return MARIADB_URL;
        }
        return null;
    }

    /** One dialect's invocation: skip or fail when its server is not configured, else a fresh database. */
    private static final class Invocation implements TestTemplateInvocationContext {
        private final Dialect dialect;
        /** False for a server database that LIMBER_TEST_DIALECTS leaves out under CI: it must fail. */
        private final boolean wanted;

        Invocation(Dialect dialect, boolean wanted) {
            this.dialect = dialect;
            this.wanted = wanted;
        }

        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + dialect.name() + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            List<Extension> extensions = new ArrayList<>();
            extensions.add(new Ledger(dialect));
            if (!wanted) {
                // a leftover LIMBER_TEST_DIALECTS in a CI job must not quietly drop a database
                extensions.add((BeforeEachCallback) ctx -> {
                    throw new IllegalStateException("CI is set but LIMBER_TEST_DIALECTS=" + setting("LIMBER_TEST_DIALECTS")
                            + " leaves out " + dialect.name() + "; under CI every database runs, so unset"
                            + " LIMBER_TEST_DIALECTS (it is for local runs)");
                });
                return extensions;
            }
            String variable = urlVariable(dialect);
            if (variable != null && blank(setting(variable))) {
                String reason = dialect.name() + " tests need " + variable + " (e.g. " + exampleUrl(dialect)
                        + "); .ci/run sets it";
                if (underCi()) {
                    // Fail rather than skip: CI must prove every database.
                    extensions.add((BeforeEachCallback) ctx -> {
                        throw new IllegalStateException("CI=" + setting("CI") + " but " + reason);
                    });
                    return extensions;
                }
                if (ANNOUNCED.add(dialect.name())) {
                    System.out.println("[limber-test] skipping " + dialect.name() + ": " + reason);
                }
                extensions.add((ExecutionCondition) ctx -> ConditionEvaluationResult.disabled(reason));
                return extensions;
            }
            extensions.add(new FreshDatabase(dialect));
            return extensions;
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    /**
     * Appends one line per finished invocation, {@code <dialect> <outcome> <class>#<method>}, to the
     * file named by system property {@code limber.test.ledger} (the build sets it to
     * {@code target/limber-invocations.log}); .ci/run counts the server databases' successful lines
     * against the database tests in the sources, so a test that silently stops running on a
     * database fails CI.
     */
    private static final class Ledger implements TestWatcher {
        private final Dialect dialect;

        Ledger(Dialect dialect) {
            this.dialect = dialect;
        }

        @Override
        public void testSuccessful(ExtensionContext context) {
            record(context, "passed");
        }

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            record(context, "failed");
        }

        @Override
        public void testAborted(ExtensionContext context, Throwable cause) {
            record(context, "aborted");
        }

        @Override
        public void testDisabled(ExtensionContext context, java.util.Optional<String> reason) {
            record(context, "disabled");
        }

        private void record(ExtensionContext context, String outcome) {
            String file = System.getProperty("limber.test.ledger");
            if (file == null || file.isBlank()) {
                return;
            }
            String line = dialect.name() + " " + outcome + " " + context.getRequiredTestClass().getName() + "#"
                    + context.getRequiredTestMethod().getName() + System.lineSeparator();
            synchronized (Ledger.class) {
                try {
                    Path path = Path.of(file);
                    Files.createDirectories(path.toAbsolutePath().getParent());
                    Files.writeString(path, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("Could not write the test ledger " + file, e);
                }
            }
        }
    }

    /** Creates an empty database before the test and drops it after. */
    private static final class FreshDatabase implements ParameterResolver, AfterEachCallback {
        private final Dialect dialect;
        private TestDatabase database;
        private Runnable cleanup = () -> { };

        FreshDatabase(Dialect dialect) {
            this.dialect = dialect;
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestDatabase.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            if (database == null) {
                try {
                    database = create(context);
                } catch (Exception e) {
                    throw new ParameterResolutionException("Could not prepare a " + dialect.name()
                            + " test database: " + e.getMessage(), e);
                }
            }
            return database;
        }

        private TestDatabase create(ExtensionContext context) throws Exception {
            String name = "limber_t" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet();
            if (dialect == Dialect.H2) {
                String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
                cleanup = () -> execute(url, null, null, "SHUTDOWN");
                return new TestDatabase(dialect, url, null, null);
            }
            if (dialect == Dialect.SQLITE) {
                Path file = Files.createTempFile(name, ".db");
                cleanup = () -> {
                    for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                        try {
                            Files.deleteIfExists(Path.of(file + suffix));
                        } catch (java.io.IOException ignored) {
                            // a leftover temp file is harmless
                        }
                    }
                };
                return new TestDatabase(dialect, "jdbc:sqlite:" + file, null, null);
            }
            String base = setting(urlVariable(dialect));
            if (dialect == Dialect.POSTGRESQL) {
                execute(base, null, null, "CREATE SCHEMA \"" + name + "\"");
                cleanup = () -> execute(base, null, null, "DROP SCHEMA IF EXISTS \"" + name + "\" CASCADE");
                return new TestDatabase(dialect, withParameter(base, "currentSchema", name), null, null);
            }
            // the server's default character set and collation, as a user's database has them: the
            // tables Limber creates must give the same answers whatever those are (CollationTest)
            execute(base, null, null, "CREATE DATABASE `" + name + "`");
            cleanup = () -> execute(base, null, null, "DROP DATABASE IF EXISTS `" + name + "`");
            return new TestDatabase(dialect, withDatabase(base, name), null, null);
        }

        @Override
        public void afterEach(ExtensionContext context) {
            cleanup.run();
        }
    }

    static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run " + sql + " on " + url + ": " + e.getMessage(), e);
        }
    }

    /** {@code url} with {@code name=value} added to its query string. */
    static String withParameter(String url, String name, String value) {
        return url + (url.contains("?") ? "&" : "?") + name + "=" + value;
    }

    /** A MariaDB URL pointing at database {@code name} instead of its own. */
    static String withDatabase(String url, String name) {
        int hostStart = url.indexOf("//");
        int query = url.indexOf('?');
        String head = query < 0 ? url : url.substring(0, query);
        String tail = query < 0 ? "" : url.substring(query);
        int pathStart = head.indexOf('/', hostStart + 2);
        String hostPart = pathStart < 0 ? head : head.substring(0, pathStart);
        return hostPart + "/" + name + tail;
    }
}
