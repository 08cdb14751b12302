package dev.limber.database;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.fixtures.Book;
import dev.limber.database.fixtures.Book_Mapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's BEGIN IMMEDIATE can time out on another connection's write lock; sqlite-jdbc then
 * reports auto-commit off with no transaction open. A session must never hand such a connection on
 * as "in a transaction": its writes would commit one by one and its rollback would fail.
 */
class RollbackAfterLockTimeoutTest {

    @TempDir
    Path folder;

    @Test
    void aRollbackAfterALockTimeoutLeavesNothingBehind() throws Exception {
        Path file = folder.resolve("locked.db");
        // a short busy timeout from the URL, so that the lock times out in a fraction of a second
        String url = "jdbc:sqlite:" + file + "?busy_timeout=100";
        try (Engine engine = Engine.builder().url(url).maxPoolSize(1)
                .registry(ModelRegistry.of(List.of(Book_Mapper.INFO))).build()) {
            engine.createAll();
            try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement lock = holder.createStatement()) {
                lock.execute("BEGIN IMMEDIATE");
                try (Session blocked = engine.openSession()) {
                    LimberException e = assertThrows(LimberException.class,
                            () -> blocked.insert(new Book("Never", "1")));
                    assertThat(e).hasMessageThat().contains("database is locked");
                }
                lock.execute("ROLLBACK");
            }
            assertThat(Files.exists(file)).isTrue();

            // the pool holds one connection: the next session gets the one that timed out, or a fresh one
            try (Session next = engine.openSession()) {
                next.insert(new Book("Rolled back", "2"));
                next.insert(new Book("Rolled back too", "3"));
                next.rollback();
            }
            assertThat(count(file)).isEqualTo(0);

            try (Session last = engine.openSession()) {
                last.insert(new Book("Kept", "4"));
                last.commit();
            }
            assertThat(count(file)).isEqualTo(1);
            assertThat(engine.dataSource().getHikariPoolMXBean().getActiveConnections()).isEqualTo(0);
        }
    }

    private static long count(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"books\"")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
