package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Databases.active;
import static dev.limber.it.Databases.engine;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.Engine;
import dev.limber.database.LimberException;
import dev.limber.database.MappingException;
import dev.limber.database.NotFoundException;
import dev.limber.database.Session;
import dev.limber.database.query.Condition;
import dev.limber.database.query.Property;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Book;
import dev.limber.it.models.Book_;
import dev.limber.it.models.Note;
import dev.limber.it.models.Note_;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Query conditions, ordering, paging and the bulk terminals, on a table of ten notes (stars 0..9). */
class QueryTest {

    private static Engine seeded(TestDatabase db) {
        Engine engine = engine(db);
        engine.inTransaction(s -> {
            for (int i = 0; i < 10; i++) {
                s.insert(new Note(i % 2 == 0 ? "even " + i : "odd " + i, i));
            }
        });
        return engine;
    }

    private static List<Integer> stars(List<Note> notes) {
        return notes.stream().map(n -> n.stars).collect(Collectors.toList());
    }

    @AllDatabases
    void everyComparisonOperatorFilters(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            assertThat(s.query(Note.class).where(Note_.stars.eq(3)).one().text).isEqualTo("odd 3");
            assertThat(s.query(Note.class).where(Note_.stars.ne(3)).count()).isEqualTo(9);
            assertThat(s.query(Note.class).where(Note_.stars.lt(3)).count()).isEqualTo(3);
            assertThat(s.query(Note.class).where(Note_.stars.le(3)).count()).isEqualTo(4);
            assertThat(s.query(Note.class).where(Note_.stars.gt(3)).count()).isEqualTo(6);
            assertThat(s.query(Note.class).where(Note_.stars.ge(3)).count()).isEqualTo(7);
            assertThat(s.query(Note.class).where(Note_.stars.in(1, 4, 42)).count()).isEqualTo(2);
            assertThat(s.query(Note.class).where(Note_.stars.in(List.of())).count()).isEqualTo(0);
            assertThat(s.query(Note.class).where(Note_.text.like("even%")).count()).isEqualTo(5);
            assertThat(s.query(Note.class).where(Note_.stars.between(2, 4)).count()).isEqualTo(3);
            assertThat(s.query(Note.class).where(Note_.text.isNotNull()).count()).isEqualTo(10);
            assertThat(s.query(Note.class).where(Note_.text.isNull()).count()).isEqualTo(0);
        }
    }

    @AllDatabases
    void whereCallsAreAndedAndConditionsCombine(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            assertThat(s.query(Note.class).where(Note_.stars.gt(2)).where(Note_.stars.lt(5)).count()).isEqualTo(2);
            assertThat(s.query(Note.class).where(Condition.or(Note_.stars.eq(1), Note_.stars.eq(8))).count()).isEqualTo(2);
            assertThat(s.query(Note.class).where(Condition.not(Note_.text.like("odd%"))).count()).isEqualTo(5);
            assertThat(s.query(Note.class).where(Note_.stars.lt(2).or(Note_.stars.gt(7)).and(Note_.text.like("even%")))
                    .count()).isEqualTo(2);
        }
    }

    @AllDatabases
    void orderByLimitAndOffsetPage(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            assertThat(stars(s.query(Note.class).orderBy(Note_.stars.desc()).limit(3).list())).containsExactly(9, 8, 7)
                    .inOrder();
            assertThat(stars(s.query(Note.class).orderBy(Note_.stars.asc()).limit(3).offset(3).list()))
                    .containsExactly(3, 4, 5).inOrder();
            assertThat(stars(s.query(Note.class).orderBy(Note_.stars.asc()).offset(8).list())).containsExactly(8, 9)
                    .inOrder();
            assertThat(stars(s.query(Note.class).orderBy(Note_.text.asc(), Note_.stars.desc()).limit(2).list()))
                    .containsExactly(0, 2).inOrder();
            assertThat(s.query(Note.class).limit(0).list()).isEmpty();
            assertThat(s.query(Note.class).orderBy(Note_.stars.asc()).limit(4).offset(8).count()).isEqualTo(2);
            assertThat(s.query(Note.class).orderBy(Note_.stars.desc()).count()).isEqualTo(10);
            assertThat(s.query(Note.class).orderBy(Note_.stars.desc()).where(Note_.stars.gt(7)).exists()).isTrue();
        }
    }

    @AllDatabases
    void firstOneAndExistsAnswerWhatTheySay(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            assertThat(s.query(Note.class).orderBy(Note_.stars.desc()).first().orElseThrow().stars).isEqualTo(9);
            assertThat(s.query(Note.class).where(Note_.stars.gt(100)).first()).isEmpty();
            assertThrows(NotFoundException.class, () -> s.query(Note.class).where(Note_.stars.gt(100)).one());
            LimberException many = assertThrows(LimberException.class, () -> s.query(Note.class).one());
            assertThat(many).hasMessageThat().contains("More than one Note");
            assertThat(s.query(Note.class).where(Note_.stars.eq(9)).exists()).isTrue();
            assertThat(s.query(Note.class).where(Note_.stars.eq(10)).exists()).isFalse();
        }
    }

    @AllDatabases
    void streamReadsLazilyHoldsTheConnectionUntilClosedAndEndsWithItsTransaction(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            try (Stream<Note> notes = s.query(Note.class).orderBy(Note_.stars.asc()).stream()) {
                Iterator<Note> it = notes.iterator();
                assertThat(it.next().stars).isEqualTo(0);
                assertThat(active(engine)).isEqualTo(1);
                int rest = 0;
                while (it.hasNext()) {
                    it.next();
                    rest++;
                }
                assertThat(rest).isEqualTo(9);
            }
            s.commit();
            assertThat(active(engine)).isEqualTo(0);
            Stream<Note> open = s.query(Note.class).stream();
            Iterator<Note> it = open.iterator();
            it.next();
            s.commit(); // ends the stream with its transaction
            assertThat(active(engine)).isEqualTo(0);
            LimberException e = assertThrows(LimberException.class, it::next);
            assertThat(e).hasMessageThat().contains("stream is closed");
            open.close();
        }
    }

    @AllDatabases
    void bulkUpdateAndDeleteReturnRowCounts(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            assertThat(s.query(Note.class).where(Note_.stars.ge(5)).update(Note_.text.set("high"), Note_.stars.set(5)))
                    .isEqualTo(5);
            assertThat(s.query(Note.class).where(Note_.text.eq("high")).count()).isEqualTo(5);
            assertThat(s.query(Note.class).where(Note_.stars.eq(5)).delete()).isEqualTo(5);
            assertThat(s.query(Note.class).forceDelete()).isEqualTo(5);
            assertThat(s.query(Note.class).count()).isEqualTo(0);
        }
    }

    @AllDatabases
    void bulkWritesRefusePagingAndForeignProperties(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            assertThrows(LimberException.class, () -> s.query(Note.class).limit(1).delete());
            assertThrows(LimberException.class, () -> s.query(Note.class).orderBy(Note_.stars.asc()).update(Note_.stars.set(1)));
            @SuppressWarnings({"unchecked", "rawtypes"})
            Property<Note, String> foreign = (Property) Book_.title;
            MappingException e = assertThrows(MappingException.class,
                    () -> s.query(Note.class).where(foreign.eq("x")).list());
            assertThat(e).hasMessageThat().contains("Book.title is not a column of Note");
            assertThat(s.query(Book.class).count()).isEqualTo(0);
        }
    }

    @AllDatabases
    void valuesAreBoundNotSpliced(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            String hostile = "x'); DROP TABLE note; --";
            s.insert(new Note(hostile, 1));
            assertThat(s.query(Note.class).where(Note_.text.eq(hostile)).one().text).isEqualTo(hostile);
            assertThat(s.query(Note.class).count()).isEqualTo(11);
        }
    }
}
