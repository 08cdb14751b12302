package dev.limber.database;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.fixtures.Book;
import dev.limber.database.fixtures.Book_Mapper;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/** A session gives its connection back as it found it, whatever happened, or takes it out of the pool. */
class ConnectionHygieneTest {

    /** Connections whose rollback() throws while {@code failRollback} is set. */
    private static DataSource failingRollbacks(DataSource real, AtomicBoolean failRollback) {
        InvocationHandler dataSource = (proxy, method, args) -> {
            Object result = invoke(real, method, args);
            if (result instanceof Connection connection) {
                return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                        (p, m, a) -> {
                            if (m.getName().equals("rollback") && (a == null || a.length == 0) && failRollback.get()) {
                                throw new SQLException("simulated: connection lost during rollback", "08006");
                            }
                            return invoke(connection, m, a);
                        });
            }
            return result;
        };
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                dataSource);
    }

    /**
     * Connections that behave as sqlite-jdbc does when BEGIN IMMEDIATE times out, while
     * {@code failBegin} is set: setAutoCommit(false) fails, yet from then on the connection reports
     * auto-commit off although no transaction began; its statements still commit one by one, and
     * commit() and rollback() fail with "no transaction is active".
     */
    private static DataSource failingBegins(DataSource real, AtomicBoolean failBegin) {
        InvocationHandler dataSource = (proxy, method, args) -> {
            Object result = invoke(real, method, args);
            if (result instanceof Connection connection) {
                AtomicBoolean lying = new AtomicBoolean();
                return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                        (p, m, a) -> {
                            switch (m.getName()) {
                                case "setAutoCommit" -> {
                                    if (!(Boolean) a[0] && failBegin.getAndSet(false)) {
                                        lying.set(true);
                                        throw new SQLException("simulated: [SQLITE_BUSY] database is locked", null, 5);
                                    }
                                    if (lying.get()) {
                                        throw new SQLException("simulated: cannot commit - no transaction is active");
                                    }
                                }
                                case "getAutoCommit" -> {
                                    if (lying.get()) {
                                        return false;
                                    }
                                }
                                case "commit", "rollback" -> {
                                    if (lying.get()) {
                                        throw new SQLException("simulated: cannot " + m.getName()
                                                + " - no transaction is active");
                                    }
                                }
                                default -> { }
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

    private static long books(TestDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + db.dialect().quote("books"))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @AllDatabases
    void connectionsGoBackWithAutoCommitIsolationAndReadOnlyAsTheyWere(TestDatabase db) throws Exception {
        try (Engine engine = builder(db).build()) {
            engine.createAll();
            int isolation;
            boolean readOnly;
            try (Connection c = engine.connect()) {
                isolation = c.getTransactionIsolation();
                readOnly = c.isReadOnly();
            }
            int other = isolation == Connection.TRANSACTION_SERIALIZABLE
                    ? Connection.TRANSACTION_READ_UNCOMMITTED : Connection.TRANSACTION_SERIALIZABLE;
            for (boolean commit : new boolean[] {true, false}) {
                try (Session s = engine.openSession()) {
                    Connection c = s.connection();
                    assertThat(c.getAutoCommit()).isFalse();
                    c.setTransactionIsolation(other);
                    s.insert(new Book("Dune", null));
                    if (commit) {
                        s.commit();
                    }
                }
                // a pool of one: this is the connection the session had
                try (Connection c = engine.connect()) {
                    assertThat(c.getAutoCommit()).isTrue();
                    assertThat(c.getTransactionIsolation()).isEqualTo(isolation);
                    assertThat(c.isReadOnly()).isEqualTo(readOnly);
                }
            }
            assertThat(books(db)).isEqualTo(1);
            assertThat(engine.dataSource().getHikariPoolMXBean().getActiveConnections()).isEqualTo(0);
        }
    }

    @AllDatabases
    void aConnectionWhoseRollbackFailsIsDiscardedAndItsWritesAreNotKept(TestDatabase db) throws Exception {
        AtomicBoolean failRollback = new AtomicBoolean();
        try (Engine engine = builder(db).dataSourceDecorator(real -> failingRollbacks(real, failRollback)).build()) {
            engine.createAll();
            Session session = engine.openSession();
            session.insert(new Book("Half done", null));
            failRollback.set(true);
            LimberException e = assertThrows(LimberException.class, session::close);
            assertThat(e).hasMessageThat().contains("Rollback failed");
            assertThat(e.getCause()).hasMessageThat().contains("simulated");
            failRollback.set(false);

            assertThat(engine.dataSource().getHikariPoolMXBean().getActiveConnections()).isEqualTo(0);
            // auto-commit was not switched back on (that would have committed the half-done work)
            assertThat(books(db)).isEqualTo(0);
            try (Session next = engine.openSession()) {
                // the pool hands out a fresh, clean connection
                assertThat(next.connection().getAutoCommit()).isFalse();
                next.insert(new Book("Whole", null));
                next.commit();
            }
            try (Connection c = engine.connect()) {
                assertThat(c.getAutoCommit()).isTrue();
            }
            assertThat(books(db)).isEqualTo(1);
        }
    }

    @AllDatabases
    void aConnectionWhoseTransactionCouldNotBeginIsNeverTakenToBeInOne(TestDatabase db) throws Exception {
        AtomicBoolean failBegin = new AtomicBoolean();
        try (Engine engine = builder(db).dataSourceDecorator(real -> failingBegins(real, failBegin)).build()) {
            engine.createAll();
            failBegin.set(true);
            try (Session blocked = engine.openSession()) {
                LimberException e = assertThrows(LimberException.class, () -> blocked.insert(new Book("Never", null)));
                assertThat(e).hasMessageThat().contains("simulated");
            }
            // the driver said auto-commit off while no transaction began: that connection left the pool
            try (Session next = engine.openSession()) {
                next.insert(new Book("Rolled back", null));
                next.rollback();
            }
            assertThat(books(db)).isEqualTo(0);
            try (Connection c = engine.connect()) {
                assertThat(c.getAutoCommit()).isTrue();
            }
            assertThat(engine.dataSource().getHikariPoolMXBean().getActiveConnections()).isEqualTo(0);
        }
    }

    @AllDatabases
    void transactionReportsAFailedRollbackAlongsideTheOriginalFailure(TestDatabase db) throws Exception {
        AtomicBoolean failRollback = new AtomicBoolean();
        try (Engine engine = builder(db).dataSourceDecorator(real -> failingRollbacks(real, failRollback)).build()) {
            engine.createAll();
            IllegalStateException boom = new IllegalStateException("boom");
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> engine.inTransaction(s -> {
                s.insert(new Book("Half done", null));
                failRollback.set(true);
                throw boom;
            }));
            failRollback.set(false);
            assertThat(thrown).isSameInstanceAs(boom);
            assertThat(thrown.getSuppressed()).hasLength(1);
            assertThat(thrown.getSuppressed()[0]).hasMessageThat().contains("Rollback failed");
            assertThat(engine.dataSource().getHikariPoolMXBean().getActiveConnections()).isEqualTo(0);
            assertThat(books(db)).isEqualTo(0);
        }
    }
}
