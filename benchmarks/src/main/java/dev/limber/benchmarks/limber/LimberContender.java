package dev.limber.benchmarks.limber;

import dev.limber.benchmarks.BookRow;
import dev.limber.benchmarks.Contender;
import dev.limber.benchmarks.Database;
import dev.limber.benchmarks.Pools;
import dev.limber.database.Engine;
import dev.limber.database.Session;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Limber as its guide teaches it: a session per unit of work, the generated metamodel for
 * conditions, soft delete left to the runtime. The engine builds its own HikariCP pool; it gets
 * the same size, and {@link Pools} gives every other contender Limber's per-dialect settings.
 */
public class LimberContender implements Contender<LimberBook, LimberSoftBook> {
    final Engine engine;

    public LimberContender(Database database) {
        this.engine = Engine.builder()
                .url(database.url())
                .maxPoolSize(Pools.MAX_POOL_SIZE)
                .registry(new BenchmarkModels())
                .build();
    }

    @Override
    public int selectOne() {
        // Limber has no raw-SQL API; engine.connect() is what it offers for plain SQL.
        try (Connection connection = engine.connect();
                PreparedStatement ps = connection.prepareStatement("SELECT 1");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("SELECT 1", e);
        }
    }

    @Override
    public LimberBook find(long id) {
        try (Session session = engine.openSession()) {
            return session.find(LimberBook.class, id).orElse(null);
        }
    }

    @Override
    public List<LimberBook> query(int minPages, int limit) {
        try (Session session = engine.openSession()) {
            return books(session, minPages, limit);
        }
    }

    /** W2's query in {@code session}. */
    static List<LimberBook> books(Session session, int minPages, int limit) {
        return session.query(LimberBook.class)
                .where(LimberBook_.pages.gt(minPages))
                .orderBy(LimberBook_.id.asc())
                .limit(limit)
                .list();
    }

    @Override
    public List<LimberSoftBook> queryLive(int minPages, int limit) {
        try (Session session = engine.openSession()) {
            return liveBooks(session, minPages, limit);
        }
    }

    /** W7's query in {@code session}: soft delete filters it. */
    static List<LimberSoftBook> liveBooks(Session session, int minPages, int limit) {
        return session.query(LimberSoftBook.class)
                .where(LimberSoftBook_.pages.gt(minPages))
                .orderBy(LimberSoftBook_.id.asc())
                .limit(limit)
                .list();
    }

    @Override
    public LimberBook newBook(BookRow row) {
        return LimberBook.of(row);
    }

    @Override
    public long insert(LimberBook book) {
        try (Session session = engine.openSession()) {
            LimberBook saved = session.insert(book);
            session.commit();
            return saved.id;
        }
    }

    @Override
    public void insertAll(List<LimberBook> books) {
        try (Session session = engine.openSession()) {
            session.insertAll(books);
            session.commit();
        }
    }

    @Override
    public void update(LimberBook book) {
        try (Session session = engine.openSession()) {
            session.update(book);
            session.commit();
        }
    }

    @Override
    public LimberSoftBook newSoftBook(BookRow row) {
        return LimberSoftBook.of(row);
    }

    @Override
    public void softDelete(LimberSoftBook book) {
        try (Session session = engine.openSession()) {
            session.delete(book);
            session.commit();
        }
    }

    @Override
    public BookRow row(LimberBook book) {
        return book.toRow();
    }

    @Override
    public BookRow softRow(LimberSoftBook book) {
        return book.toRow();
    }

    @Override
    public void close() {
        engine.close();
    }
}
