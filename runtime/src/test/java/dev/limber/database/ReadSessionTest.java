package dev.limber.database;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.dialect.Dialect;
import dev.limber.database.fixtures.Book;
import dev.limber.database.fixtures.Book_;
import dev.limber.database.fixtures.Book_Mapper;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import java.util.List;
import java.util.function.Consumer;

/** engine.read: a session that only reads, on the primary when the engine has no replicas. */
class ReadSessionTest {
    private static final ModelRegistry MODELS = ModelRegistry.of(List.of(Book_Mapper.INFO));

    @AllDatabases
    void withoutReplicasReadsRunOnThePrimary(TestDatabase db) {
        try (Engine engine = Engine.builder().url(db.url()).username(db.username()).password(db.password())
                .registry(MODELS).build()) {
            engine.createAll();
            engine.inTransaction(s -> s.insert(new Book("Dune", "1")));
            long count = engine.read(s -> s.query(Book.class).count());
            assertThat(count).isEqualTo(1L);
            EngineStats stats = engine.stats();
            assertThat(stats.primaryReads()).isEqualTo(1L);
            assertThat(stats.replicaReads()).isEqualTo(0L);
            assertThat(stats.fallbacks()).isEqualTo(0L); // there was nowhere else to go
            assertThat(engine.lastCommit()).isEqualTo(CommitToken.NONE); // no replica: no positions tracked
        }
    }

    @AllDatabases
    void aWriteInAReadSessionThrowsBeforeAnySqlIsSent(TestDatabase db) {
        StatementLog log = new StatementLog();
        try (Engine engine = log.engine(db, MODELS)) {
            engine.createAll();
            Book dune = engine.transaction(s -> s.insert(new Book("Dune", "1")));
            List<Consumer<Session>> writes = List.of(
                    s -> s.insert(new Book("Emma", "2")),
                    s -> s.insertAll(List.of(new Book("Emma", "2"))),
                    s -> s.update(dune),
                    s -> s.update(dune, Book_.title),
                    s -> s.delete(dune),
                    s -> s.forceDelete(dune),
                    s -> s.restore(dune),
                    s -> s.query(Book.class).update(Book_.title.set("x")),
                    s -> s.query(Book.class).delete(),
                    s -> s.query(Book.class).forceDelete(),
                    s -> s.query(Book.class).onlyTrashed().restore());
            for (Consumer<Session> write : writes) {
                log.clear();
                long count = engine.read(s -> {
                    LimberException e = assertThrows(LimberException.class, () -> write.accept(s));
                    assertThat(e).hasMessageThat().contains("This session only reads (it comes from engine.read");
                    assertThat(log.statements()).isEmpty();
                    return s.query(Book.class).count(); // the session still reads
                });
                assertThat(count).isEqualTo(1L);
            }
            String title = engine.read(s -> s.query(Book.class).list().get(0).title);
            assertThat(title).isEqualTo("Dune");
        }
    }

    @AllDatabases
    void theConnectionOfAReadSessionIsReadOnlyAndGoesBackAsItWas(TestDatabase db) {
        try (Engine engine = Engine.builder().url(db.url()).username(db.username()).password(db.password())
                .maxPoolSize(1).registry(MODELS).build()) {
            boolean inRead = engine.read(s -> {
                try {
                    return s.connection().isReadOnly();
                } catch (java.sql.SQLException e) {
                    throw new AssertionError(e);
                }
            });
            // sqlite-jdbc fixes the flag when it opens a connection; elsewhere it is set for the session
            assertThat(inRead).isEqualTo(db.dialect() != Dialect.SQLITE);
            boolean inTransaction = engine.transaction(s -> {
                try {
                    return s.connection().isReadOnly();
                } catch (java.sql.SQLException e) {
                    throw new AssertionError(e);
                }
            });
            assertThat(inTransaction).isFalse();
        }
    }
}
