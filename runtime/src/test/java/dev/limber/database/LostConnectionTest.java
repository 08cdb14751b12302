package dev.limber.database;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.fixtures.Book;
import dev.limber.database.fixtures.Book_Mapper;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.SocketException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A connection that breaks under a session (its server went away): the session says so, its
 * rollback does not fail on the dead connection (the database ended that transaction already), it
 * carries on with a fresh connection, and the broken one never reaches a session again, whatever
 * SQLSTATE the driver gave (the one here gives none, only a socket error as its cause).
 */
class LostConnectionTest {

    /** Physical connections that, once dropped, fail every call as a reset socket does. */
    private static final class Dropping {
        private final AtomicInteger opened = new AtomicInteger();
        private final Set<Connection> all = ConcurrentHashMap.newKeySet();
        private final Set<Connection> dropped = ConcurrentHashMap.newKeySet();
        /** Drops a connection right after its next COMMIT succeeds, as a server that goes down just then. */
        private final AtomicBoolean afterCommit = new AtomicBoolean();

        DataSource wrap(DataSource real) {
            return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                    new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                        Object result = invoke(real, method, args);
                        if (result instanceof Connection connection) {
                            opened.incrementAndGet();
                            all.add(connection);
                            return Proxy.newProxyInstance(Connection.class.getClassLoader(),
                                    new Class<?>[] {Connection.class}, (p, m, a) -> {
                                        boolean gone = dropped.contains(connection);
                                        switch (m.getName()) {
                                            case "close", "isClosed" -> {
                                                return invoke(connection, m, a);
                                            }
                                            case "isValid" -> {
                                                return !gone && (Boolean) invoke(connection, m, a);
                                            }
                                            case "commit" -> {
                                                Object committed = invoke(connection, m, a);
                                                if (afterCommit.getAndSet(false)) {
                                                    dropped.add(connection);
                                                }
                                                return committed;
                                            }
                                            default -> {
                                                if (gone) {
                                                    throw new SQLException("simulated: Socket closed", null, 0,
                                                            new SocketException("Connection reset"));
                                                }
                                                return invoke(connection, m, a);
                                            }
                                        }
                                    });
                        }
                        return result;
                    });
        }

        /** Breaks every connection opened so far. */
        void dropAll() {
            dropped.addAll(all);
        }
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Engine engine(TestDatabase db, Dropping dropping) {
        Engine engine = Engine.builder().url(db.url()).username(db.username()).password(db.password()).maxPoolSize(1)
                .registry(ModelRegistry.of(List.of(Book_Mapper.INFO))).dataSourceDecorator(dropping::wrap).build();
        engine.createAll();
        return engine;
    }

    @AllDatabases
    void aSessionWhoseConnectionIsLostMidTransactionRollsBackAndCarriesOn(TestDatabase db) {
        Dropping dropping = new Dropping();
        try (Engine engine = engine(db, dropping)) {
            try (Session session = engine.openSession()) {
                session.insert(new Book("Before", "1"));
                dropping.dropAll();
                LimberException e = assertThrows(LimberException.class, () -> session.insert(new Book("Lost", "2")));
                assertThat(e).isNotInstanceOf(CommitOutcomeUnknownException.class);
                assertThat(e).hasMessageThat().startsWith("The connection to " + engine.dialect().productName()
                        + " was lost (simulated: Socket closed): the server went away or ended the session, and the"
                        + " transaction's uncommitted work went with it. Roll back the session and redo the work once"
                        + " the database answers");
                session.rollback(); // nothing to undo on a dead connection, and nothing thrown
                session.insert(new Book("After", "3"));
                session.commit();
            }
            assertThat(dropping.opened.get()).isEqualTo(2);
            try (Session session = engine.openSession()) {
                assertThat(session.query(Book.class).list().stream().map(b -> b.title).toList()).containsExactly("After");
            }
            assertThat(engine.dataSource().getHikariPoolMXBean().getActiveConnections()).isEqualTo(0);
        }
    }

    @AllDatabases
    void aConnectionLostUnderASavepointRollbackIsDiscardedToo(TestDatabase db) {
        Dropping dropping = new Dropping();
        try (Engine engine = engine(db, dropping)) {
            try (Session session = engine.openSession()) {
                Savepoint savepoint = session.savepoint();
                session.insert(new Book("Before", "1"));
                dropping.dropAll();
                LimberException e = assertThrows(LimberException.class, savepoint::rollback);
                assertThat(e).hasMessageThat().contains("simulated: Socket closed");
                session.rollback(); // the dead connection is discarded, not rolled back
                session.insert(new Book("After", "2"));
                session.commit();
            }
            assertThat(dropping.opened.get()).isEqualTo(2);
            assertThat(engine.dataSource().getHikariPoolMXBean().getActiveConnections()).isEqualTo(0);
        }
    }

    @AllDatabases
    void aConnectionLostUnderAReadIsNotHandedOutAgain(TestDatabase db) {
        Dropping dropping = new Dropping();
        try (Engine engine = engine(db, dropping)) {
            try (Session session = engine.openSession()) {
                assertThat(session.query(Book.class).count()).isEqualTo(0);
                dropping.dropAll();
                assertThrows(LimberException.class, () -> session.query(Book.class).count());
            }
            // a pool of one, borrowed again at once (HikariCP checks an idle connection only after 500 ms)
            try (Session session = engine.openSession()) {
                assertThat(session.query(Book.class).count()).isEqualTo(0);
            }
            assertThat(dropping.opened.get()).isEqualTo(2);
            assertThat(engine.dataSource().getHikariPoolMXBean().getActiveConnections()).isEqualTo(0);
        }
    }

    /**
     * The server acknowledged the COMMIT, then went away before the session could put the
     * connection back in auto-commit: the work is committed, so the commit succeeds (a failure
     * here would have a caller redo committed work), and the connection leaves the pool.
     */
    @AllDatabases
    void aCommitAcknowledgedJustBeforeTheConnectionIsLostSucceeds(TestDatabase db) {
        Dropping dropping = new Dropping();
        try (Engine engine = engine(db, dropping)) {
            dropping.afterCommit.set(true);
            Book saved = engine.transaction(s -> s.insert(new Book("Committed", "1")));
            assertThat(saved.id).isNotNull();
            assertThat(dropping.dropped).hasSize(1);
            try (Session session = engine.openSession()) {
                assertThat(session.query(Book.class).list().stream().map(b -> b.title).toList())
                        .containsExactly("Committed");
            }
            assertThat(dropping.opened.get()).isEqualTo(2);
            assertThat(engine.dataSource().getHikariPoolMXBean().getActiveConnections()).isEqualTo(0);
        }
    }
}
