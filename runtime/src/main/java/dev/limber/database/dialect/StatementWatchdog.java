package dev.limber.database.dialect;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Cancels a statement that runs past its time limit, for drivers whose JDBC query timeout does not
 * (SQLite's only bounds the wait for a lock). One daemon thread serves every engine; a statement
 * costs one scheduled task, and only when it has a time limit.
 */
final class StatementWatchdog implements Runnable {
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final Statement statement;
    private ScheduledFuture<?> task;
    private boolean done;

    private StatementWatchdog(Statement statement) {
        this.statement = statement;
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, work -> {
            Thread thread = new Thread(work, "limber-statement-timeout");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true); // a statement that finished in time leaves nothing behind
        return timer;
    }

    /** Arms a watchdog that cancels {@code statement} after {@code seconds}; run the result once it returns. */
    static Runnable watch(Statement statement, int seconds) {
        StatementWatchdog watchdog = new StatementWatchdog(statement);
        synchronized (watchdog) {
            watchdog.task = TIMER.schedule(watchdog, seconds, TimeUnit.SECONDS);
        }
        return watchdog::disarm;
    }

    /**
     * Cancels the statement unless it returned already. Under the lock that {@link #disarm} takes,
     * so a cancel never lands after the statement returned, on whatever the connection runs next.
     */
    @Override
    public synchronized void run() {
        if (done) {
            return;
        }
        done = true;
        try {
            statement.cancel();
        } catch (SQLException | RuntimeException ignored) {
            // the statement ended meanwhile; nothing to cancel
        }
    }

    private synchronized void disarm() {
        if (!done) {
            done = true;
            task.cancel(false);
        }
    }
}
