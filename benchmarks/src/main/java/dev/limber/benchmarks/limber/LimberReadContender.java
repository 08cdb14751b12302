package dev.limber.benchmarks.limber;

import dev.limber.benchmarks.Database;
import java.util.List;

/**
 * Limber's reads through {@code engine.read} (W1, W2, W7): with no replica configured, a read-only
 * session on the primary. Set beside {@code limber}, it is what routing a read costs an application
 * that has not added a replica yet: the read-only flag on the connection and the routing decision.
 */
public final class LimberReadContender extends LimberContender {

    public LimberReadContender(Database database) {
        super(database);
    }

    @Override
    public LimberBook find(long id) {
        return engine.read(session -> session.find(LimberBook.class, id).orElse(null));
    }

    @Override
    public List<LimberBook> query(int minPages, int limit) {
        return engine.read(session -> books(session, minPages, limit));
    }

    @Override
    public List<LimberSoftBook> queryLive(int minPages, int limit) {
        return engine.read(session -> liveBooks(session, minPages, limit));
    }
}
