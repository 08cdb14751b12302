package dev.limber.benchmarks.limber;

import dev.limber.benchmarks.AuthorStats;
import dev.limber.benchmarks.BookRow;
import dev.limber.benchmarks.Database;
import dev.limber.benchmarks.PageRows;
import dev.limber.benchmarks.Pools;
import dev.limber.benchmarks.ReportContender;
import dev.limber.database.Engine;
import dev.limber.database.Page;
import dev.limber.database.Session;
import dev.limber.database.query.Aggregates;
import java.util.ArrayList;
import java.util.List;

/**
 * Limber's reports as its guide teaches them: a session per unit of work; W10 as
 * {@code select(...).groupBy(...).list(AuthorStats::new)} through the generated metamodel, W11 as
 * {@code orderBy(...).page(number, size)}. Soft delete is left to the runtime on both.
 */
public class LimberReports implements ReportContender<LimberSoftBook, Page<LimberSoftBook>> {
    final Engine engine;

    public LimberReports(Database database) {
        this.engine = Engine.builder()
                .url(database.url())
                .maxPoolSize(Pools.MAX_POOL_SIZE)
                .registry(new BenchmarkModels())
                .build();
    }

    @Override
    public List<AuthorStats> booksPerAuthor(int minPages) {
        try (Session session = engine.openSession()) {
            return session.query(LimberAuthoredBook.class)
                    .where(LimberAuthoredBook_.pages.gt(minPages))
                    .select(LimberAuthoredBook_.author.id(), Aggregates.count(),
                            Aggregates.max(LimberAuthoredBook_.pages))
                    .groupBy(LimberAuthoredBook_.author.id())
                    .orderBy(LimberAuthoredBook_.author.id().asc())
                    .list(AuthorStats::new);
        }
    }

    @Override
    public Page<LimberSoftBook> page(int minPages, int number, int size) {
        try (Session session = engine.openSession()) {
            return session.query(LimberSoftBook.class)
                    .where(LimberSoftBook_.pages.gt(minPages))
                    .orderBy(LimberSoftBook_.id.asc())
                    .page(number, size);
        }
    }

    @Override
    public PageRows rows(Page<LimberSoftBook> page) {
        List<BookRow> books = new ArrayList<>(page.content().size());
        for (LimberSoftBook book : page.content()) {
            books.add(book.toRow());
        }
        return new PageRows(books, page.total());
    }

    @Override
    public void close() {
        engine.close();
    }
}
