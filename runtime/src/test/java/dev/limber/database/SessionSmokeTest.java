package dev.limber.database;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.fixtures.Book;
import dev.limber.database.fixtures.Book_;
import dev.limber.database.fixtures.Book_Mapper;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

class SessionSmokeTest {

    static Engine engine(TestDatabase db) {
        return Engine.builder().url(db.url()).username(db.username()).password(db.password()).maxPoolSize(2)
                .clock(Clock.fixed(Instant.parse("2024-05-01T10:15:30.123456Z"), ZoneOffset.UTC))
                .registry(ModelRegistry.of(List.of(Book_Mapper.INFO))).build();
    }

    @AllDatabases
    void insertFindUpdateDeleteRestore(TestDatabase db) {
        try (Engine engine = engine(db)) {
            engine.createAll();
            engine.createAll();
            Book dune = engine.transaction(s -> s.insert(new Book("Dune", "isbn-1")));
            assertThat(dune.id).isNotNull();
            assertThat(dune.version).isEqualTo(0);
            try (Session s = engine.openSession()) {
                Book read = s.get(Book.class, dune.id);
                assertThat(read.title).isEqualTo("Dune");
                read.title = "Dune Messiah";
                s.update(read);
                assertThat(read.version).isEqualTo(1);
                s.delete(read);
                assertThat(read.deletedAt).isEqualTo(Instant.parse("2024-05-01T10:15:30.123456Z"));
                assertThat(s.find(Book.class, dune.id)).isEmpty();
                assertThat(s.query(Book.class).withTrashed().one().deletedAt).isEqualTo(read.deletedAt);
                assertThat(s.query(Book.class).count()).isEqualTo(0);
                s.insert(new Book("Another", "isbn-1"));
                s.commit();
                ConstraintViolationException e = assertThrows(ConstraintViolationException.class, () -> s.restore(read));
                assertThat(e.column()).isEqualTo("isbn");
                assertThrows(LimberException.class, s::commit);
                s.rollback();
            }
            try (Session s = engine.openSession()) {
                assertThat(s.query(Book.class).where(Book_.isbn.eq("isbn-1")).withTrashed().count()).isEqualTo(2);
                assertThrows(ConstraintViolationException.class, () -> s.insert(new Book("Third", "isbn-1")));
            }
            assertThat(engine.dataSource().getHikariPoolMXBean().getActiveConnections()).isEqualTo(0);
        }
    }
}
