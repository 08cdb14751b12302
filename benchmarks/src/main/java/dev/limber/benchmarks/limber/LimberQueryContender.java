package dev.limber.benchmarks.limber;

import dev.limber.benchmarks.Database;
import dev.limber.database.Session;
import java.util.List;

/**
 * Limber through {@code @Query} methods (W1, W2, W7): the hand-written JDBC contender's SQL,
 * checked at compile time and run by the generated {@link LimberBooks} and {@link LimberSoftBooks};
 * on {@code soft_book} the processor adds {@code deleted_at IS NULL} itself.
 */
public final class LimberQueryContender extends LimberContender {

    public LimberQueryContender(Database database) {
        super(database);
    }

    @Override
    public LimberBook find(long id) {
        try (Session session = engine.openSession()) {
            return session.repository(LimberBooks.class).byId(id).orElse(null);
        }
    }

    @Override
    public List<LimberBook> query(int minPages, int limit) {
        try (Session session = engine.openSession()) {
            return session.repository(LimberBooks.class).thickerThan(minPages, limit);
        }
    }

    @Override
    public List<LimberSoftBook> queryLive(int minPages, int limit) {
        try (Session session = engine.openSession()) {
            return session.repository(LimberSoftBooks.class).thickerThan(minPages, limit);
        }
    }
}
