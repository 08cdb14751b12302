package dev.limber.database;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.dialect.Dialect;
import dev.limber.database.fixtures.Book;
import dev.limber.database.fixtures.Book_;
import dev.limber.database.fixtures.Book_Mapper;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * When a session's transaction begins: at the first write where the connections read at READ
 * COMMITTED (the engine's default isolation), at the first statement under REPEATABLE READ or
 * SERIALIZABLE. Either way what it reads and writes is what a transaction from the first
 * statement would give.
 */
class SessionTransactionTest {

    /** The transaction calls sessions make on the physical connections, in order. */
    private final List<String> calls = new CopyOnWriteArrayList<>();

    private DataSource recording(DataSource real) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (result instanceof Connection connection) {
                        return Proxy.newProxyInstance(Connection.class.getClassLoader(),
                                new Class<?>[] {Connection.class}, (p, m, a) -> {
                                    record(m, a);
                                    return invoke(connection, m, a);
                                });
                    }
                    return result;
                });
    }

    private void record(Method method, Object[] args) {
        switch (method.getName()) {
            case "setAutoCommit" -> calls.add("autoCommit=" + args[0]);
            case "commit", "rollback" -> {
                if (args == null) {
                    calls.add(method.getName());
                }
            }
            default -> {
            }
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private Engine engine(TestDatabase db) {
        return engine(db, Isolation.READ_COMMITTED);
    }

    private Engine engine(TestDatabase db, Isolation isolation) {
        Engine engine = engineWithoutTables(db, isolation);
        engine.createAll();
        return engine;
    }

    private Engine engineWithoutTables(TestDatabase db) {
        return engineWithoutTables(db, Isolation.READ_COMMITTED);
    }

    private Engine engineWithoutTables(TestDatabase db, Isolation isolation) {
        return Engine.builder().url(db.url()).username(db.username()).password(db.password()).maxPoolSize(1)
                .isolation(isolation).registry(ModelRegistry.of(List.of(Book_Mapper.INFO)))
                .dataSourceDecorator(this::recording).build();
    }

    /**
     * Whether sessions read in auto-commit at {@code isolation}: at READ COMMITTED, and at the
     * database's own default where that is READ COMMITTED (H2, PostgreSQL; MariaDB's is
     * REPEATABLE READ, SQLite's SERIALIZABLE).
     */
    private static boolean readsInAutoCommit(TestDatabase db, Isolation isolation) {
        return isolation == Isolation.READ_COMMITTED || (isolation == Isolation.DATABASE_DEFAULT
                && (db.dialect() == Dialect.H2 || db.dialect() == Dialect.POSTGRESQL));
    }

    private static long count(TestDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + db.dialect().quote("books"))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @AllDatabases
    void aSessionThatOnlyReadsBeginsNoTransactionAtReadCommitted(TestDatabase db) throws Exception {
        for (Isolation level : List.of(Isolation.READ_COMMITTED, Isolation.REPEATABLE_READ, Isolation.SERIALIZABLE,
                Isolation.DATABASE_DEFAULT)) {
            try (Engine engine = engine(db, level)) {
                try (Connection c = engine.connect()) {
                    int isolation = c.getTransactionIsolation();
                    assertThat(isolation <= Connection.TRANSACTION_READ_COMMITTED)
                            .isEqualTo(readsInAutoCommit(db, level));
                }
                calls.clear();
                try (Session s = engine.openSession()) {
                    assertThat(s.find(Book.class, 1L)).isEmpty();
                    assertThat(s.query(Book.class).list()).isEmpty();
                    assertThat(s.query(Book.class).count()).isEqualTo(0);
                }
                assertWithMessage("calls at %s", level).that(calls).isEqualTo(readsInAutoCommit(db, level)
                        ? List.of() : List.of("autoCommit=false", "rollback", "autoCommit=true"));
                try (Connection c = engine.connect()) {
                    assertThat(c.getAutoCommit()).isTrue();
                }
                assertThat(engine.dataSource().getHikariPoolMXBean().getActiveConnections()).isEqualTo(0);
            }
        }
    }

    @AllDatabases
    void theFirstWriteBeginsTheTransactionAndCloseRollsItBack(TestDatabase db) throws Exception {
        try (Engine engine = engine(db)) {
            calls.clear();
            try (Session s = engine.openSession()) {
                assertThat(s.query(Book.class).count()).isEqualTo(0);
                s.insert(new Book("Dune", "isbn-1"));
                assertThat(s.query(Book.class).count()).isEqualTo(1); // its own write, in its transaction
            }
            assertThat(calls).containsExactly("autoCommit=false", "rollback", "autoCommit=true").inOrder();
            assertThat(count(db)).isEqualTo(0);
        }
    }

    @AllDatabases
    void readsThenWritesThenCommitKeepsTheWrites(TestDatabase db) throws Exception {
        try (Engine engine = engine(db)) {
            try (Session s = engine.openSession()) {
                assertThat(s.find(Book.class, 1L)).isEmpty();
                Book dune = s.insert(new Book("Dune", "isbn-1"));
                assertThat(s.get(Book.class, dune.id).title).isEqualTo("Dune");
                s.commit();
                // after a commit the next read starts afresh, on a connection back in auto-commit
                assertThat(s.get(Book.class, dune.id).title).isEqualTo("Dune");
            }
            assertThat(count(db)).isEqualTo(1);
        }
    }

    @AllDatabases
    void aStreamAndTheConnectionRunInTheTransaction(TestDatabase db) throws Exception {
        try (Engine engine = engine(db)) {
            calls.clear();
            try (Session s = engine.openSession(); Stream<Book> books = s.query(Book.class).stream()) {
                assertThat(books.count()).isEqualTo(0);
            }
            assertThat(calls).containsExactly("autoCommit=false", "rollback", "autoCommit=true").inOrder();
            calls.clear();
            try (Session s = engine.openSession()) {
                assertThat(s.find(Book.class, 1L)).isEmpty();
                assertThat(s.connection().getAutoCommit()).isFalse();
            }
            assertThat(calls).containsExactly("autoCommit=false", "rollback", "autoCommit=true").inOrder();
        }
    }

    @AllDatabases
    void aFailedReadStillAsksForRollbackBeforeMoreWork(TestDatabase db) throws Exception {
        try (Engine engine = engineWithoutTables(db); Session s = engine.openSession()) {
            assertThrows(LimberException.class, () -> s.find(Book.class, 1L)); // no table yet
            LimberException refused = assertThrows(LimberException.class, () -> s.find(Book.class, 1L));
            assertThat(refused).hasMessageThat().contains("call rollback()");
            s.rollback();
            engine.createAll();
            assertThat(s.find(Book.class, 1L)).isEmpty();
        }
    }

    /**
     * What a read sees of a row another connection commits between two reads of one session, at
     * each database's own default level: the new row at READ COMMITTED (H2, PostgreSQL: with or
     * without a transaction, each statement reads the data committed when it starts), the
     * session's first snapshot at REPEATABLE READ (MariaDB) and SERIALIZABLE (SQLite, where the
     * session's DEFERRED transaction holds a snapshot, not the write lock, so the other writer
     * commits without waiting).
     */
    @AllDatabases
    void readsSeeWhatTheirIsolationLevelPromises(TestDatabase db) throws Exception {
        try (Engine engine = engine(db, Isolation.DATABASE_DEFAULT); Session s = engine.openSession()) {
            assertThat(s.query(Book.class).where(Book_.title.eq("Dune")).count()).isEqualTo(0);
            try (Connection other = db.connect(); Statement st = other.createStatement()) {
                Dialect d = db.dialect();
                if (d == Dialect.SQLITE) {
                    st.execute("PRAGMA busy_timeout = 50"); // the writer must not need to wait
                }
                st.executeUpdate("INSERT INTO " + d.quote("books") + " (" + d.quote("title") + ", "
                        + d.quote("version") + ") VALUES ('Dune', 1)");
            }
            long seen = s.query(Book.class).where(Book_.title.eq("Dune")).count();
            assertThat(seen).isEqualTo(readsInAutoCommit(db, Isolation.DATABASE_DEFAULT) ? 1 : 0);
        }
    }
}
