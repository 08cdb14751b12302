package dev.limber.database.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL server of the test's own, from the installed binaries ({@code initdb} and
 * {@code postgres} in {@code LIMBER_TEST_POSTGRES_BIN}, else {@code /usr/lib/postgresql/<newest>/bin}):
 * a fresh cluster in a temporary folder, trust authentication for user {@code postgres}, a database
 * {@code limber}, listening on 127.0.0.1 only. PostgreSQL refuses to run as root, so under root
 * it runs as the {@code postgres} OS user ({@code runuser -u postgres --}).
 *
 * <pre>{@code
 * try (LocalPostgres server = LocalPostgres.startNew()) {
 *     Engine engine = Engine.create(server.url());
 *     server.restart(LocalServer.Stop.FAST);
 * }
 * }</pre>
 */
public final class LocalPostgres extends LocalServer {
    private static final String OS_USER = "postgres";
    private final Path bin;

    private LocalPostgres(Path bin) {
        super("postgres", OS_USER);
        this.bin = bin;
    }

    /** A new server on a free port of {@code limber.test.ports} (default {@value #DEFAULT_PORTS}). */
    public static LocalPostgres startNew() {
        return startNew(configuredPorts());
    }

    /** A new server on a free port of {@code ports} ("first-last"). */
    public static LocalPostgres startNew(String ports) {
        Path bin = bin();
        if (bin == null) {
            throw new IllegalStateException(missing());
        }
        LocalPostgres server = new LocalPostgres(bin);
        server.setUp(server.as(List.of(bin.resolve("initdb").toString(), "-D", server.data().toString(), "-U",
                "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync")), ports, "CREATE DATABASE limber");
        return server;
    }

    /**
     * Null when the binaries are installed, else what is missing and how to install it (for a test
     * that skips, or under CI fails, without them).
     */
    public static String missing() {
        boolean noRunuser = isRoot() && executable("/usr/sbin/runuser", "/usr/bin/runuser", "/sbin/runuser") == null;
        if (bin() == null) {
            return "A local PostgreSQL server needs initdb and postgres (Debian: apt-get install"
                    + " postgresql-15; they are in /usr/lib/postgresql/<version>/bin), or LIMBER_TEST_POSTGRES_BIN"
                    + " naming their folder";
        }
        return noRunuser ? "A local PostgreSQL server started as root needs runuser (util-linux) to run as the"
                + " postgres OS user" : null;
    }

    @Override
    public String url() {
        return url("limber");
    }

    @Override
    String serverUrl() {
        return url("postgres");
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database + "?user=postgres&connectTimeout=5";
    }

    /**
     * The postmaster in the foreground, logging to its output, as the postgres OS user under root.
     * Without fsync: a killed server loses nothing the kernel holds (what a restart test is about);
     * only a machine that goes down would.
     */
    @Override
    List<String> command(int port) {
        return as(List.of(bin.resolve("postgres").toString(), "-D", data().toString(), "-p", Integer.toString(port),
                "-k", folder().toString(), "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=40",
                "-c", "shared_buffers=16MB", "-c", "fsync=off"));
    }

    /** The postmaster: under root the launched process is runuser, its parent; postmaster.pid names it. */
    @Override
    long serverPid(Process launched) {
        try {
            return Long.parseLong(Files.readAllLines(data().resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(this + " wrote no postmaster.pid; its log ends:\n" + tail(), e);
        }
    }

    /** SIGINT: fast shutdown, which rolls back open transactions and ends every connection. */
    @Override
    void shutDown(ProcessHandle server) {
        run(List.of("kill", "-s", "INT", Long.toString(server.pid())), folder().resolve("kill.log"));
    }

    private List<String> as(List<String> command) {
        return LocalServer.as(OS_USER, command);
    }

    private static Path bin() {
        String configured = System.getenv("LIMBER_TEST_POSTGRES_BIN");
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        } else {
            try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
                versions.sorted((a, b) -> version(b) - version(a)).forEach(v -> candidates.add(v.resolve("bin")));
            } catch (IOException | UncheckedIOException none) {
                // not installed there
            }
        }
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate.resolve("initdb")) && Files.isExecutable(candidate.resolve("postgres"))) {
                return candidate;
            }
        }
        return null;
    }

    private static int version(Path folder) {
        try {
            return Integer.parseInt(folder.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
