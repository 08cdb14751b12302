package dev.limber.database.testing;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The local server kit: a server of its own that stops, starts again with its data and leaves nothing behind. */
class LocalServerTest {

    @Test
    void aLocalPostgresRestartsOnItsPortWithItsDataAndIsGoneWhenClosed() throws Exception {
        LocalServer.requireInstalled(LocalPostgres.missing());
        restartsKeepingItsDataAndLeavesNothing(LocalPostgres::startNew);
    }

    @Test
    void aLocalMariaDbRestartsOnItsPortWithItsDataAndIsGoneWhenClosed() throws Exception {
        LocalServer.requireInstalled(LocalMariaDb.missing());
        restartsKeepingItsDataAndLeavesNothing(LocalMariaDb::startNew);
    }

    private static void restartsKeepingItsDataAndLeavesNothing(Supplier<LocalServer> start) throws Exception {
        LocalServer server = start.get();
        long firstPid;
        try (server) {
            int port = server.port();
            assertThat(port).isAtLeast(15400);
            assertThat(port).isAtMost(15499);
            firstPid = server.pid();
            try (Connection c = server.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (n INT)");
                s.execute("INSERT INTO kept VALUES (1)");
                server.stop(LocalServer.Stop.FAST);
                assertThrows(SQLException.class, () -> s.executeQuery("SELECT n FROM kept").close());
            }
            assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThrows(SQLException.class, () -> server.connect().close());

            server.start();
            assertThat(server.port()).isEqualTo(port);
            try (Connection c = server.connect(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO kept VALUES (2)");
            }
            server.restart(LocalServer.Stop.CRASH);
            assertThat(server.port()).isEqualTo(port);
            try (Connection c = server.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT SUM(n) FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(3); // committed rows survive a crash
            }
        }
        assertThat(ProcessHandle.of(server.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(Files.exists(server.folder())).isFalse();
        assertThrows(SQLException.class, () -> server.connect().close());
    }
}
