package dev.limber.benchmarks.limber;

import dev.limber.benchmarks.AuthoredBookRow;
import dev.limber.benchmarks.Database;
import dev.limber.benchmarks.Pools;
import dev.limber.benchmarks.RelationContender;
import dev.limber.benchmarks.ShelfRow;
import dev.limber.database.Engine;
import dev.limber.database.Session;
import java.util.List;

/**
 * Limber's eager loading as its guide teaches it: a session per unit of work, {@code with(...)}
 * naming the relation through the generated metamodel, soft delete left to the runtime (on both
 * the query and the related rows).
 */
public final class LimberRelations implements RelationContender<LimberAuthoredBook, LimberAuthor> {
    private final Engine engine;

    public LimberRelations(Database database) {
        this.engine = Engine.builder()
                .url(database.url())
                .maxPoolSize(Pools.MAX_POOL_SIZE)
                .registry(new BenchmarkModels())
                .build();
    }

    @Override
    public List<LimberAuthoredBook> booksWithAuthor(int minPages, int limit) {
        try (Session session = engine.openSession()) {
            return session.query(LimberAuthoredBook.class)
                    .where(LimberAuthoredBook_.pages.gt(minPages))
                    .orderBy(LimberAuthoredBook_.id.asc())
                    .limit(limit)
                    .with(LimberAuthoredBook_.author)
                    .list();
        }
    }

    @Override
    public List<LimberAuthor> authorsWithBooks(long afterId, int limit) {
        try (Session session = engine.openSession()) {
            return session.query(LimberAuthor.class)
                    .where(LimberAuthor_.id.gt(afterId))
                    .orderBy(LimberAuthor_.id.asc())
                    .limit(limit)
                    .with(LimberAuthor_.books)
                    .list();
        }
    }

    @Override
    public AuthoredBookRow row(LimberAuthoredBook book) {
        return book.toRow();
    }

    @Override
    public ShelfRow shelf(LimberAuthor author) {
        return author.toShelf();
    }

    @Override
    public void close() {
        engine.close();
    }
}
