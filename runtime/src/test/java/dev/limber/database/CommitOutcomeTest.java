package dev.limber.database;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.dialect.Dialect;
import dev.limber.database.fixtures.Book;
import dev.limber.database.fixtures.Book_Mapper;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.ServerDatabases;
import dev.limber.database.testing.TestDatabase;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * A COMMIT whose connection breaks may have committed: it must never read as a rollback (a caller's
 * retry would write the work twice), and the broken connection must leave the pool.
 */
class CommitOutcomeTest {

    /** Connections whose commit() throws {@code failure} (once) while it is set, after rolling back. */
    static DataSource failingCommits(DataSource real, AtomicReference<SQLException> failure) {
        InvocationHandler dataSource = (proxy, method, args) -> {
            Object result = invoke(real, method, args);
            if (result instanceof Connection connection) {
                return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                        (p, m, a) -> {
                            SQLException f = failure.get();
                            if (m.getName().equals("commit") && f != null) {
                                failure.set(null);
                                invoke(connection, Connection.class.getMethod("rollback"), null);
                                throw f;
                            }
                            return invoke(connection, m, a);
                        });
            }
            return result;
        };
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                dataSource);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Engine.Builder builder(TestDatabase db) {
        return Engine.builder().url(db.url()).username(db.username()).password(db.password()).maxPoolSize(1)
                .registry(ModelRegistry.of(List.of(Book_Mapper.INFO)));
    }

    @AllDatabases
    void aCommitThatLosesItsConnectionSaysTheOutcomeIsUnknown(TestDatabase db) throws Exception {
        AtomicReference<SQLException> failure = new AtomicReference<>();
        try (Engine engine = builder(db).dataSourceDecorator(real -> failingCommits(real, failure)).build()) {
            engine.createAll();
            failure.set(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
            CommitOutcomeUnknownException e = assertThrows(CommitOutcomeUnknownException.class,
                    () -> engine.inTransaction(s -> s.insert(new Book("Maybe", "1"))));
            assertThat(e).hasMessageThat().contains("was lost during COMMIT (FATAL: terminating connection due to"
                    + " administrator command): the transaction may or may not have been committed");
            assertThat(e.sql()).isEqualTo("COMMIT");
            assertThat(e.getSuppressed()).isEmpty();

            assertThat(engine.dataSource().getHikariPoolMXBean().getActiveConnections()).isEqualTo(0);
            // the session is reusable and the pool hands out a working connection
            try (Session s = engine.openSession()) {
                s.insert(new Book("Next", "2"));
                s.commit();
            }
            try (Session s = engine.openSession()) {
                assertThat(s.query(Book.class).count()).isEqualTo(1);
            }
        }
    }

    @AllDatabases
    void aCommitRefusedByTheDatabaseIsAnOrdinaryFailure(TestDatabase db) throws Exception {
        AtomicReference<SQLException> failure = new AtomicReference<>();
        try (Engine engine = builder(db).dataSourceDecorator(real -> failingCommits(real, failure)).build()) {
            engine.createAll();
            failure.set(new SQLException("could not serialize access", "40001"));
            LimberException e = assertThrows(LimberException.class,
                    () -> engine.inTransaction(s -> s.insert(new Book("Rolled back", "1"))));
            assertThat(e).isNotInstanceOf(CommitOutcomeUnknownException.class);
            assertThat(e).hasMessageThat().contains("retry");
            assertThat(engine.dataSource().getHikariPoolMXBean().getActiveConnections()).isEqualTo(0);
        }
    }

    /**
     * The real thing: the server ends the session's connection (as a restart does) while its
     * transaction waits for COMMIT; the driver learns it only when it sends the COMMIT.
     */
    @ServerDatabases
    void aConnectionEndedByTheServerBeforeCommitSurfacesAsAnUnknownOutcome(TestDatabase db) throws Exception {
        boolean postgres = db.dialect() == Dialect.POSTGRESQL;
        String tag = "limber-commit-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        String url = postgres ? db.url() + "&ApplicationName=" + tag : db.url();
        try (Engine engine = Engine.builder().url(url).maxPoolSize(1)
                .registry(ModelRegistry.of(List.of(Book_Mapper.INFO))).build()) {
            engine.createAll();
            Session session = engine.openSession();
            session.insert(new Book("Orphan", "1"));
            try (Connection admin = db.connect(); Statement s = admin.createStatement()) {
                // the one connection of this engine's pool: by its application name, or by its own database
                String end = postgres
                        ? "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '" + tag + "'"
                        : "SELECT id FROM information_schema.PROCESSLIST WHERE db = DATABASE() AND id <> CONNECTION_ID()";
                try (ResultSet rs = s.executeQuery(end)) {
                    assertThat(rs.next()).isTrue();
                    if (!postgres) {
                        long id = rs.getLong(1);
                        assertThat(rs.next()).isFalse();
                        s.execute("KILL CONNECTION " + id);
                    }
                }
            }
            CommitOutcomeUnknownException e = assertThrows(CommitOutcomeUnknownException.class, session::commit);
            assertThat(e).hasMessageThat().contains("may or may not have been committed");
            session.close();

            assertThat(engine.dataSource().getHikariPoolMXBean().getActiveConnections()).isEqualTo(0);
            try (Session s = engine.openSession()) {
                s.insert(new Book("After", "2"));
                s.commit();
            }
            try (Session s = engine.openSession()) {
                // the server rolled the ended session back; only the later row is there
                assertThat(s.query(Book.class).list().stream().map(b -> b.title).toList()).containsExactly("After");
            }
        }
    }
}
