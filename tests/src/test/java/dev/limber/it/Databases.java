package dev.limber.it;

import dev.limber.database.Engine;
import dev.limber.database.Isolation;
import dev.limber.database.ModelRegistry;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Book;
import dev.limber.it.models.Book_Mapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Engines on the per-test databases, with every model of this module created. */
final class Databases {
    static final Instant START = Instant.parse("2024-05-01T10:15:30.123456Z");

    private Databases() {
    }

    static Engine engine(TestDatabase db) {
        return engine(db, new TestClock(START));
    }

    static Engine engine(TestDatabase db, Clock clock) {
        Engine engine = Engine.builder().url(db.url()).username(db.username()).password(db.password())
                .maxPoolSize(3).clock(clock).build();
        engine.createAll();
        return engine;
    }

    /**
     * An engine that knows only {@link Book}, with a pool of {@code maxPoolSize}: for concurrency
     * tests, which need one table and would spend their time creating the others.
     */
    static Engine books(TestDatabase db, Isolation isolation, int maxPoolSize) {
        Engine engine = Engine.builder().url(db.url()).username(db.username()).password(db.password())
                .registry(ModelRegistry.of(List.of(Book_Mapper.INFO))).isolation(isolation).maxPoolSize(maxPoolSize)
                .build();
        engine.createAll();
        return engine;
    }

    /** A number read with plain JDBC, bypassing Limber (and its soft-delete filter). */
    static long rawCount(TestDatabase db, String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static String q(TestDatabase db, String identifier) {
        return db.dialect().quote(identifier);
    }

    static int active(Engine engine) {
        return engine.dataSource().getHikariPoolMXBean().getActiveConnections();
    }
}
