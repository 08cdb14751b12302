package dev.limber.database.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The hot standby of {@code .ci/cluster}, stopped and started from a test: {@link #kill()} sends
 * SIGKILL to its postmaster (as a crash or an OOM kill would) and waits until its processes are
 * gone; {@link #start()} starts it again with {@code pg_ctl} as the {@code postgres} user. Its
 * data folder is {@code LIMBER_TEST_PG_REPLICA_DATA}.
 */
public final class Standby {
    private static final String PG_CTL = "/usr/lib/postgresql/15/bin/pg_ctl";
    private final Path data;

    private Standby(Path data) {
        this.data = data;
    }

    /** The standby of the cluster; skips the test (fails it under CI) when the cluster is not configured. */
    public static Standby of() {
        return new Standby(Path.of(Cluster.required(Cluster.PG_REPLICA_DATA)));
    }

    /** Kills the postmaster with SIGKILL, then whatever of its children outlive it; returns once all are gone. */
    public void kill() throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("no standby postmaster with pid " + pid));
        List<ProcessHandle> children = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        awaitExit(postmaster);
        for (ProcessHandle child : children) {
            // the children notice the postmaster's death and exit; any that lingers is killed by its own pid
            try {
                child.onExit().get(3, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                child.destroyForcibly();
                awaitExit(child);
            }
        }
    }

    /** Starts the standby (pg_ctl -w: returns once it accepts connections). */
    public void start() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("runuser", "-u", "postgres", "--", PG_CTL, "-D", data.toString(), "-l",
                data.resolveSibling("pg-standby.log").toString(), "-w", "-t", "30", "start")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("pg_ctl start of the standby failed: " + output);
        }
    }

    private static void awaitExit(ProcessHandle process) throws InterruptedException {
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("process " + process.pid() + " did not exit within 10 s", e);
        }
    }
}
