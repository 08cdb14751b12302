package dev.limber.database.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A database server of a test's own, for what the shared servers must never go through (a restart,
 * a crash): installed into a temporary folder, started on a free loopback port of a range, stopped
 * and started again on the same port and data, and on {@link #close()} stopped by its own process
 * id and deleted. A server whose JVM died without closing it (a killed test run) is stopped and
 * deleted by the next run that starts one. See {@link LocalPostgres} and {@link LocalMariaDb}.
 *
 * <p>Ports come from {@code limber.test.ports} (system property, else environment variable
 * {@code LIMBER_TEST_PORTS}), a range such as {@code 15400-15499}, the default; a test that shares
 * the machine with other users of this kit passes its own range to {@code startNew}.
 */
public abstract class LocalServer implements AutoCloseable {
    /** How a server is stopped. */
    public enum Stop {
        /** A clean shutdown that ends the open connections (PostgreSQL's fast shutdown, SIGINT; MariaDB's SIGTERM). */
        FAST,
        /** Every process of the server killed at once (SIGKILL): it recovers from its log at the next start. */
        CRASH
    }

    /** The range used when none is given. */
    public static final String DEFAULT_PORTS = "15400-15499";
    static final String FOLDER_PREFIX = "limber-local-";
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final Set<LocalServer> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (LocalServer server : OPEN) {
                server.close();
            }
        }, "limber-local-servers"));
    }

    private final Path folder;
    private int port;
    private long pid;
    private boolean running;
    private boolean closed;

    /** A new, empty folder for a server of {@code kind}, which the OS user {@code owner} may write (null: this one). */
    LocalServer(String kind, String owner) {
        sweep();
        try {
            folder = Files.createTempDirectory(FOLDER_PREFIX + kind + "-" + ProcessHandle.current().pid() + "-");
            if (owner != null && isRoot()) {
                UserPrincipalLookupService users = folder.getFileSystem().getUserPrincipalLookupService();
                Files.setOwner(folder, users.lookupPrincipalByName(owner));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make a folder for a local " + kind + " server", e);
        }
        OPEN.add(this);
    }

    /**
     * For a test that needs a local server: does nothing when {@code missing} (a {@code missing()}
     * answer) is null; else skips the test with that reason, or under CI ({@code CI} set to
     * anything) fails it, since a CI run must not skip what it was meant to prove.
     */
    public static void requireInstalled(String missing) {
        if (missing == null) {
            return;
        }
        if (DatabaseExtension.underCi()) {
            throw new IllegalStateException("CI=" + DatabaseExtension.setting("CI") + " but " + missing);
        }
        System.out.println("[skipped] " + missing);
        org.junit.jupiter.api.Assumptions.abort(missing);
    }

    /** The loopback port the server listens on (the same after a restart). */
    public final int port() {
        return port;
    }

    /** The process id of the running server (its main process). */
    public final synchronized long pid() {
        return pid;
    }

    /** The folder holding the server's data, socket and log; deleted by {@link #close()}. */
    public final Path folder() {
        return folder;
    }

    public final synchronized boolean isRunning() {
        return running;
    }

    /** A JDBC URL of database {@code limber} on this server, for its superuser. */
    public abstract String url();

    /** A JDBC URL that reaches the server from its first start, before database {@code limber} exists. */
    abstract String serverUrl();

    /** A plain connection to {@link #url()}; the caller closes it. */
    public final Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    /** Starts the server again, on its port and data, and returns once it accepts connections. */
    public final synchronized void start() {
        ensureOpen();
        if (running) {
            throw new IllegalStateException(this + " is running already");
        }
        long logStart = logSize();
        List<String> command = command(port);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + String.join(" ", command), e);
        }
        pid = process.pid();
        running = true;
        writePid();
        awaitReady(logStart);
        pid = serverPid(process);
        writePid();
    }

    /** Stops the server ({@code how}) and returns once its every process is gone. */
    public final synchronized void stop(Stop how) {
        ensureOpen();
        if (!running) {
            throw new IllegalStateException(this + " is not running");
        }
        ProcessHandle main = ProcessHandle.of(pid).orElse(null);
        if (main != null) {
            List<ProcessHandle> all = new ArrayList<>(main.descendants().toList());
            all.add(0, main);
            if (how == Stop.FAST) {
                shutDown(main);
            } else {
                all.forEach(ProcessHandle::destroyForcibly);
            }
            awaitGone(all, how == Stop.FAST ? Duration.ofSeconds(30) : Duration.ofSeconds(10));
        }
        running = false;
    }

    /** {@link #stop(Stop)}, then {@link #start()}. */
    public final void restart(Stop how) {
        stop(how);
        start();
    }

    /** Kills the server if it runs and deletes its folder; idempotent, never throws. */
    @Override
    public final synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        OPEN.remove(this);
        if (running) {
            ProcessHandle.of(pid).ifPresent(main -> {
                List<ProcessHandle> all = new ArrayList<>(main.descendants().toList());
                all.add(0, main);
                all.forEach(ProcessHandle::destroyForcibly);
                awaitGone(all, Duration.ofSeconds(10));
            });
            running = false;
        }
        delete(folder);
    }

    /**
     * Sets up a new server: runs {@code install} (which fills its data folder), starts it on a free
     * port of {@code ports} and runs {@code createDatabase}; closes it if any of that fails.
     */
    final void setUp(List<String> install, String ports, String createDatabase) {
        try {
            run(install, folder.resolve("install.log"));
            firstStart(ports);
            try (Connection c = DriverManager.getConnection(serverUrl()); Statement s = c.createStatement()) {
                s.execute(createDatabase);
            }
        } catch (RuntimeException | SQLException e) {
            close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(this + " could not be set up", e);
        }
    }

    /**
     * Picks a free port of {@code ports} ("first-last") and starts the server there; a port taken
     * meanwhile by someone else is given up for the next one.
     */
    final void firstStart(String ports) {
        int[] range = parse(ports);
        IllegalStateException last = null;
        for (int candidate = range[0]; candidate <= range[1]; candidate++) {
            if (!free(candidate)) {
                continue;
            }
            try {
                port = candidate;
                start();
                return;
            } catch (PortTaken e) {
                last = new IllegalStateException(e.getMessage(), e);
            }
        }
        close();
        throw new IllegalStateException("No free loopback port in " + ports + " for a local server"
                + (last == null ? "" : ": " + last.getMessage()), last);
    }

    /** The range of {@code limber.test.ports}, else {@link #DEFAULT_PORTS}. */
    static String configuredPorts() {
        String value = System.getProperty("limber.test.ports");
        if (value == null || value.isBlank()) {
            value = System.getenv("LIMBER_TEST_PORTS");
        }
        return value == null || value.isBlank() ? DEFAULT_PORTS : value.trim();
    }

    /**
     * The command that runs the server on {@code port} in the foreground, logging to its output. It
     * runs as this JVM's child, so that its end is noticed (and the process reaped) at once.
     */
    abstract List<String> command(int port);

    /** The server's main process, once it is ready, {@code launched} or one of its children. */
    long serverPid(Process launched) {
        return launched.pid();
    }

    /** Asks {@code server} for a clean shutdown that ends open connections. */
    abstract void shutDown(ProcessHandle server);

    /** The server's data folder. */
    final Path data() {
        return folder.resolve("data");
    }

    /** The server's log (its output), for failure messages. */
    final Path log() {
        return folder.resolve("server.log");
    }

    /** The server's port was taken by another process. */
    static final class PortTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PortTaken(String message) {
            super(message);
        }
    }

    /** Waits until {@link #url()} takes connections, or fails with the log's end. */
    private void awaitReady(long logStart) {
        try {
            DriverManager.getDriver(serverUrl());
        } catch (SQLException e) {
            throw new IllegalStateException("No JDBC driver on the class path takes " + serverUrl(), e);
        }
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
                running = false;
                throw failedToStart(logStart);
            }
            try (Connection ignored = DriverManager.getConnection(serverUrl())) {
                return;
            } catch (SQLException e) {
                last = e;
            }
            sleep(50);
        }
        throw new IllegalStateException(this + " did not take connections within " + READY_WITHIN.toSeconds()
                + " s (" + (last == null ? "" : last.getMessage()) + "); its log ends:\n" + tail(), last);
    }

    /**
     * Waits until every one of {@code processes} has exited (killing what is left at the deadline):
     * the first, the server's main process, until it is reaped (a server checks that its predecessor's
     * pid is gone); the others until they are at least zombies, whose reaping by the machine's first
     * process may take seconds.
     */
    private static void awaitGone(List<ProcessHandle> processes, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (processes.get(0).isAlive() || processes.stream().skip(1).anyMatch(LocalServer::running)) {
            if (System.nanoTime() > deadline) {
                processes.forEach(ProcessHandle::destroyForcibly);
                deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            }
            sleep(10);
        }
    }

    /** Whether {@code process} runs: neither gone nor a zombie (exited, not yet reaped). */
    private static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return !stat.substring(stat.lastIndexOf(')') + 1).strip().startsWith("Z");
        } catch (IOException | RuntimeException noProc) {
            return process.isAlive();
        }
    }

    /**
     * The failure of a start, from what the log says since {@code logStart}: {@link PortTaken} when
     * another process holds the port.
     */
    final RuntimeException failedToStart(long logStart) {
        String said;
        try {
            byte[] bytes = Files.readAllBytes(log());
            said = new String(bytes, (int) Math.min(logStart, bytes.length), (int) Math.max(0, bytes.length - logStart),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            said = "(no log at " + log() + ")";
        }
        if (said.contains("Address already in use")) {
            return new PortTaken(this + ": port " + port + " is taken");
        }
        return new IllegalStateException(this + " could not start; its log says:\n" + said.strip());
    }

    private long logSize() {
        try {
            return Files.size(log());
        } catch (IOException e) {
            return 0;
        }
    }

    /** The last lines of the server's log. */
    final String tail() {
        try {
            List<String> lines = Files.readAllLines(log(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log at " + log() + ")";
        }
    }

    /** Runs {@code command} to its end, failing with its output when it fails. */
    static String run(List<String> command, Path output) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out: " + String.join(" ", command));
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Failed (exit " + process.exitValue() + "): " + String.join(" ", command)
                        + "\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + String.join(" ", command), e);
        }
    }

    /** {@code command} run as OS user {@code user} when this JVM runs as root (servers refuse root), else as is. */
    static List<String> as(String user, List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", user, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The first of {@code candidates} that is an executable file, or null. */
    static Path executable(String... candidates) {
        for (String candidate : candidates) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        return null;
    }

    private void writePid() {
        try {
            Files.writeString(folder.resolve("server.pid"), Long.toString(pid));
            Files.writeString(folder.resolve("owner.pid"), Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops and deletes the servers of JVMs that are gone: their folders say which JVM owned them
     * and which process is the server, and a process is killed only when its command line names
     * the folder (a pid may have been reused since).
     */
    private static void sweep() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> entries = Files.list(tmp)) {
            for (Path stale : entries.filter(p -> p.getFileName().toString().startsWith(FOLDER_PREFIX)).toList()) {
                long owner = readPid(stale.resolve("owner.pid"));
                if (owner <= 0 || ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                    continue; // a live JVM's server, or one still being set up
                }
                long server = readPid(stale.resolve("server.pid"));
                ProcessHandle.of(server)
                        .filter(p -> p.info().commandLine().map(c -> c.contains(stale.toString())).orElse(false))
                        .ifPresent(p -> {
                            List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
                            all.add(0, p);
                            all.forEach(ProcessHandle::destroyForcibly);
                            awaitGone(all, Duration.ofSeconds(10));
                        });
                delete(stale);
            }
        } catch (IOException e) {
            // nothing to sweep
        }
    }

    private static long readPid(Path file) {
        try {
            return Long.parseLong(Files.readString(file).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            // a leftover temp folder is swept by the next run
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int[] parse(String ports) {
        String[] parts = ports.split("-");
        try {
            int first = Integer.parseInt(parts[0].trim());
            int last = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : first;
            if (parts.length <= 2 && first > 0 && first <= last && last < 65536) {
                return new int[] {first, last};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("A port range is first-last, e.g. " + DEFAULT_PORTS + " (was " + ports + ")");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException(this + " is closed");
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[127.0.0.1:" + port + ", " + folder + "]";
    }
}
