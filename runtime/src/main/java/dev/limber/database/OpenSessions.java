package dev.limber.database;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions of one engine that are open, so that a pool that runs dry can say who holds its
 * connections, and a session dropped without {@code close()} is reported (and its connection
 * returned) when it is garbage collected. Entries refer to a session's transaction, never to the
 * session, which would keep it from being collected.
 */
final class OpenSessions {
    private static final Logger LOG = LoggerFactory.getLogger("dev.limber.database.session");
    /** One daemon thread for every engine. */
    private static final Cleaner CLEANER = Cleaner.create();

    private final Set<Entry> open = ConcurrentHashMap.newKeySet();
    /** Whether to keep where each session was opened (a stack trace per session: only with leak detection). */
    private final boolean traceOpenings;

    OpenSessions(boolean traceOpenings) {
        this.traceOpenings = traceOpenings;
    }

    /** Registers {@code session}, whose work runs in {@code tx}; close the entry when the session closes. */
    Entry opened(Session session, Transaction tx) {
        Entry entry = new Entry(tx, Thread.currentThread().getName(),
                traceOpenings ? new Throwable("the session was opened here") : null);
        open.add(entry);
        entry.cleanable = CLEANER.register(session, entry);
        return entry;
    }

    int count() {
        return open.size();
    }

    /** "2 sessions are open (2 hold a connection), opened on threads main, worker-3", for messages. */
    String describe() {
        List<Entry> entries = new ArrayList<>(open);
        int holding = 0;
        Set<String> threads = new java.util.TreeSet<>();
        for (Entry entry : entries) {
            if (entry.tx.holdsConnection()) {
                holding++;
            }
            threads.add(entry.thread);
        }
        List<String> shown = threads.stream().limit(5).toList();
        return entries.size() + (entries.size() == 1 ? " session is" : " sessions are") + " open (" + holding
                + (holding == 1 ? " holds" : " hold") + " a connection)"
                + (shown.isEmpty() ? "" : ", opened on thread" + (shown.size() == 1 ? " " : "s ")
                        + String.join(", ", shown) + (threads.size() > shown.size() ? ", …" : ""));
    }

    /** Where the open sessions that hold a connection were opened, when that is traced. */
    List<Throwable> openings() {
        List<Throwable> openings = new ArrayList<>();
        for (Entry entry : open) {
            if (entry.openedAt != null && entry.tx.holdsConnection()) {
                openings.add(entry.openedAt);
            }
        }
        return openings;
    }

    /** One open session; run by its owner's {@code close()}, or by the cleaner once the session is unreachable. */
    final class Entry implements Runnable {
        private final Transaction tx;
        private final String thread;
        private final Throwable openedAt;
        private Cleaner.Cleanable cleanable;

        private Entry(Transaction tx, String thread, Throwable openedAt) {
            this.tx = tx;
            this.thread = thread;
            this.openedAt = openedAt;
        }

        /** The session was closed: forget it (runs this entry at most once). */
        void closed() {
            cleanable.clean();
        }

        @Override
        public void run() {
            open.remove(this);
            if (tx.isClosed()) {
                return;
            }
            // the session became unreachable without close(): nobody else can use its transaction now
            String message = "A Session opened on thread " + thread + " was garbage collected without being closed;"
                    + " its transaction was rolled back and its connection returned to the pool. Close every session"
                    + " (try-with-resources: try (Session session = engine.openSession()) { ... })"
                    + (openedAt == null ? "; Engine.builder().leakDetection(...) also shows where it was opened" : "");
            try {
                tx.close();
            } catch (RuntimeException e) {
                LOG.warn(message + " (closing it failed: {})", e.getMessage(), openedAt);
                return;
            }
            LOG.warn(message, openedAt);
        }
    }
}
