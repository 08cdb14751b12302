package dev.limber.database.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A MariaDB server of the test's own, from the installed binaries ({@code mariadb-install-db} and
 * {@code mariadbd}): a fresh data folder in a temporary folder, user {@code root} without a
 * password, a database {@code limber}, listening on 127.0.0.1 only, no option file read. Under root
 * the server switches itself to the {@code mysql} OS user ({@code --user=mysql}). The server is
 * this JVM's child process, so its pid is the {@link Process}'s.
 *
 * <pre>{@code
 * try (LocalMariaDb server = LocalMariaDb.startNew()) {
 *     Engine engine = Engine.create(server.url());
 *     server.restart(LocalServer.Stop.CRASH);
 * }
 * }</pre>
 */
public final class LocalMariaDb extends LocalServer {
    private static final String OS_USER = "mysql";
    private static final String SERVER = "/usr/sbin/mariadbd";
    private static final String[] INSTALL = {"/usr/bin/mariadb-install-db", "/usr/bin/mysql_install_db"};

    private LocalMariaDb() {
        super("mariadb", OS_USER);
    }

    /** A new server on a free port of {@code limber.test.ports} (default {@value #DEFAULT_PORTS}). */
    public static LocalMariaDb startNew() {
        return startNew(configuredPorts());
    }

    /** A new server on a free port of {@code ports} ("first-last"). */
    public static LocalMariaDb startNew(String ports) {
        String missing = missing();
        if (missing != null) {
            throw new IllegalStateException(missing);
        }
        LocalMariaDb server = new LocalMariaDb();
        List<String> install = new ArrayList<>(List.of(executable(INSTALL).toString(), "--no-defaults",
                "--datadir=" + server.data(), "--auth-root-authentication-method=normal", "--skip-test-db",
                "--skip-name-resolve"));
        if (isRoot()) {
            install.add("--user=" + OS_USER);
        }
        server.setUp(install, ports, "CREATE DATABASE limber CHARACTER SET utf8mb4");
        return server;
    }

    /**
     * Null when the binaries are installed, else what is missing and how to install it (for a test
     * that skips, or under CI fails, without them).
     */
    public static String missing() {
        if (executable(SERVER) == null || executable(INSTALL) == null) {
            return "A local MariaDB server needs " + SERVER + " and mariadb-install-db (Debian: apt-get install"
                    + " mariadb-server)";
        }
        return null;
    }

    @Override
    public String url() {
        return "jdbc:mariadb://127.0.0.1:" + port() + "/limber?user=root&connectTimeout=5000";
    }

    @Override
    String serverUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port() + "/?user=root&connectTimeout=5000";
    }

    @Override
    List<String> command(int port) {
        List<String> command = new ArrayList<>(List.of(SERVER, "--no-defaults", "--datadir=" + data(),
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + folder().resolve("mariadb.sock"),
                "--pid-file=" + folder().resolve("mariadb.pid"), "--skip-name-resolve", "--max-connections=40",
                "--innodb-buffer-pool-size=64M"));
        if (isRoot()) {
            command.add("--user=" + OS_USER); // it switches to that user itself
        }
        return command;
    }

    /** SIGTERM: a normal shutdown, which ends every connection and rolls back open transactions. */
    @Override
    void shutDown(ProcessHandle server) {
        server.destroy();
    }
}
