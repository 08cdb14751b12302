package dev.limber.it;

import dev.limber.database.Engine;
import dev.limber.database.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;

/** Engines on the per-test databases, with every model of this module created. */
final class Databases {
    static final Instant START = Instant.parse("2024-05-01T10:15:30.123456Z");

    private Databases() {
    }

    static Engine engine(TestDatabase db) {
        return engine(db, new TestClock(START));
    }

    static Engine engine(TestDatabase db, Clock clock) {
        return engine(db, clock, 3);
    }

    /** An engine whose pool holds {@code maxPoolSize} connections, one per thread of a concurrency test. */
    static Engine engine(TestDatabase db, int maxPoolSize) {
        return engine(db, new TestClock(START), maxPoolSize);
    }

    private static Engine engine(TestDatabase db, Clock clock, int maxPoolSize) {
        Engine engine = Engine.builder().url(db.url()).username(db.username()).password(db.password())
                .maxPoolSize(maxPoolSize).clock(clock).build();
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
