package dev.limber.benchmarks.limber;

import dev.limber.benchmarks.Database;
import dev.limber.database.Session;
import java.util.List;

/**
 * Limber through repository methods (W1, W2, W7): the same engine and sessions as
 * {@link LimberContender}, with the reads made by the generated {@link LimberBooks} and
 * {@link LimberSoftBooks}. A derived method's limit is part of its name, so each limit the
 * benchmark asks for has its method.
 */
public final class LimberRepositoryContender extends LimberContender {

    public LimberRepositoryContender(Database database) {
        super(database);
    }

    @Override
    public LimberBook find(long id) {
        try (Session session = engine.openSession()) {
            return session.repository(LimberBooks.class).findById(id).orElse(null);
        }
    }

    @Override
    public List<LimberBook> query(int minPages, int limit) {
        try (Session session = engine.openSession()) {
            LimberBooks books = session.repository(LimberBooks.class);
            switch (limit) {
                case 10: return books.findTop10ByPagesGreaterThanOrderById(minPages);
                case 100: return books.findTop100ByPagesGreaterThanOrderById(minPages);
                case 1_000: return books.findTop1000ByPagesGreaterThanOrderById(minPages);
                default: throw new IllegalArgumentException("no repository method reads " + limit + " rows");
            }
        }
    }

    @Override
    public List<LimberSoftBook> queryLive(int minPages, int limit) {
        try (Session session = engine.openSession()) {
            LimberSoftBooks books = session.repository(LimberSoftBooks.class);
            switch (limit) {
                case 10: return books.findTop10ByPagesGreaterThanOrderById(minPages);
                case 100: return books.findTop100ByPagesGreaterThanOrderById(minPages);
                case 1_000: return books.findTop1000ByPagesGreaterThanOrderById(minPages);
                default: throw new IllegalArgumentException("no repository method reads " + limit + " rows");
            }
        }
    }
}
