package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.Engine;
import dev.limber.database.LimberException;
import dev.limber.database.ModelRegistry;
import dev.limber.database.Session;
import dev.limber.database.StatementTimeoutException;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Note;
import dev.limber.it.models.Note_Mapper;
import dev.limber.it.models.Tag;
import dev.limber.it.models.Tag_Mapper;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A statement that runs past its time limit is cancelled by the database on every database, fails
 * with a {@link StatementTimeoutException}, and the session carries on after a rollback.
 *
 * <p>The slow statement is a Limber query on {@code Note}, whose table is replaced by a view that
 * takes a minute to answer: {@code pg_sleep} on PostgreSQL, {@code SLEEP} on MariaDB, and on H2 and
 * SQLite (which cannot sleep in SQL) a computation over about 10^10 rows.
 */
class StatementTimeoutTest {
    private static final String COLUMNS = "\"id\", \"text\", \"stars\"";
    private static final Map<String, String> SLOW_VIEW = Map.of(
            "postgresql", "CREATE VIEW \"note\" (" + COLUMNS + ") AS SELECT 1::bigint, 'slow'::varchar, 1 FROM pg_sleep(60)",
            "mariadb", "CREATE VIEW `note` (`id`, `text`, `stars`) AS SELECT 1, 'slow', SLEEP(60)",
            "h2", "CREATE VIEW \"note\" (" + COLUMNS + ") AS SELECT CAST(SUM(a.X * b.X) AS BIGINT), 'slow', 1"
                    + " FROM SYSTEM_RANGE(1, 100000) a, SYSTEM_RANGE(1, 100000) b",
            "sqlite", "CREATE VIEW \"note\" (" + COLUMNS + ") AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL"
                    + " SELECT n + 1 FROM r WHERE n < 10000000000) SELECT MAX(n), 'slow', 1 FROM r");

    /** An engine whose Note reads take a minute; Tag is an ordinary table. */
    private static Engine slowNotes(TestDatabase db, Duration statementTimeout) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(SLOW_VIEW.get(db.dialect().name()));
        }
        Engine engine = Engine.builder().url(db.url()).username(db.username()).password(db.password())
                .registry(ModelRegistry.of(List.of(Note_Mapper.INFO, Tag_Mapper.INFO)))
                .statementTimeout(statementTimeout).build();
        engine.createAll(); // tags; "note" exists, as the view
        return engine;
    }

    /** The session is usable again after a rollback: it writes and commits. */
    private static void carriesOnAfterRollback(Engine engine, Session s) {
        assertThrows(LimberException.class, () -> s.insert(new Tag(UUID.randomUUID(), "refused")));
        s.rollback();
        s.insert(new Tag(UUID.randomUUID(), "after the timeout"));
        s.commit();
        long tags = engine.transaction(other -> other.query(Tag.class).count());
        assertThat(tags).isEqualTo(1);
    }

    @AllDatabases
    void theEngineStatementTimeoutCancelsASlowQuery(TestDatabase db) throws Exception {
        try (Engine engine = slowNotes(db, Duration.ofSeconds(1)); Session s = engine.openSession()) {
            long start = System.nanoTime();
            StatementTimeoutException e = assertThrows(StatementTimeoutException.class,
                    () -> s.query(Note.class).list());
            System.out.printf("[limber-test] %s: a 1 s statementTimeout cancelled a 60 s statement after %d ms%n",
                    db.dialect().name(), (System.nanoTime() - start) / 1_000_000);

            assertThat(e).hasMessageThat().startsWith("The statement was cancelled: it ran longer than its time limit"
                    + " (Engine.builder().statementTimeout or Query.timeout). Roll back the session, then make the"
                    + " statement faster or give it more time (");
            assertThat(e.sql()).startsWith("SELECT ");
            carriesOnAfterRollback(engine, s);
        }
    }

    @AllDatabases
    void aQueryTimeoutCancelsASlowQueryWhereTheEngineHasNoLimit(TestDatabase db) throws Exception {
        try (Engine engine = slowNotes(db, Duration.ZERO); Session s = engine.openSession()) {
            assertThrows(StatementTimeoutException.class,
                    () -> s.query(Note.class).timeout(Duration.ofMillis(500)).count()); // rounds up to 1 s
            carriesOnAfterRollback(engine, s);
        }
    }

    @AllDatabases
    void aQueryTimeoutReplacesTheEngines(TestDatabase db) throws Exception {
        // a generous engine limit; the query's own is the one that fires
        try (Engine engine = slowNotes(db, Duration.ofMinutes(10)); Session s = engine.openSession()) {
            assertThrows(StatementTimeoutException.class, () -> s.query(Note.class).timeout(Duration.ofSeconds(1))
                    .first());
            s.rollback();
        }
    }
}
