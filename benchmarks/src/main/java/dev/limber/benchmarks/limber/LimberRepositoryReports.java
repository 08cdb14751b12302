package dev.limber.benchmarks.limber;

import dev.limber.benchmarks.AuthorStats;
import dev.limber.benchmarks.Database;
import dev.limber.database.Page;
import dev.limber.database.Session;
import dev.limber.database.repository.PageRequest;
import java.util.List;

/**
 * Limber's reports through repositories: W10 as the {@code @Query} {@link LimberReportQueries},
 * W11 as the derived {@link LimberSoftBookPages} method.
 */
public final class LimberRepositoryReports extends LimberReports {

    public LimberRepositoryReports(Database database) {
        super(database);
    }

    @Override
    public List<AuthorStats> booksPerAuthor(int minPages) {
        try (Session session = engine.openSession()) {
            return session.repository(LimberReportQueries.class).booksPerAuthor(minPages);
        }
    }

    @Override
    public Page<LimberSoftBook> page(int minPages, int number, int size) {
        try (Session session = engine.openSession()) {
            return session.repository(LimberSoftBookPages.class).findByPagesGreaterThanOrderById(minPages,
                    PageRequest.of(number, size));
        }
    }
}
