package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Databases.engine;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.Engine;
import dev.limber.database.LimberException;
import dev.limber.database.Session;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Note;
import dev.limber.it.models.Note_;
import java.util.List;
import java.util.stream.LongStream;

/** A statement binds at most as many values as the database takes; beyond that Limber refuses it clearly. */
class ParameterLimitTest {

    private static List<Long> ids(long count) {
        return LongStream.rangeClosed(1, count).boxed().toList();
    }

    @AllDatabases
    void anInListUpToTheDatabaseLimitRuns(TestDatabase db) {
        int max = db.dialect().maxParameters();
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Note first = s.insert(new Note("first", 1));
            List<Long> ids = ids(max);
            assertThat(ids).contains(first.id);

            assertThat(s.query(Note.class).where(Note_.id.in(ids)).count()).isEqualTo(1);
        }
    }

    @AllDatabases
    void anInListBeyondTheDatabaseLimitFailsNamingTheLimitBeforeAnythingIsSent(TestDatabase db) {
        int max = db.dialect().maxParameters();
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            s.insert(new Note("kept", 1));
            List<Long> tooMany = ids(max + 1);

            LimberException e = assertThrows(LimberException.class,
                    () -> s.query(Note.class).where(Note_.id.in(tooMany)).list());

            assertThat(e).hasMessageThat().contains("binds " + (max + 1) + " values, more than the " + max + " "
                    + db.dialect().productName() + " accepts in one statement");
            assertThat(e).hasMessageThat().contains("Note.id.in(...) holds " + (max + 1) + " of them");
            assertThat(e).hasMessageThat().contains("chunks");
            assertThat(e).hasMessageThat().contains("temporary table");
            assertThat(e.sql()).isNull();
            // nothing reached the database: the transaction carries on
            assertThat(s.query(Note.class).count()).isEqualTo(1);
        }
    }

    @AllDatabases
    void theLimitCountsEveryValueOfTheStatementAndBulkWrites(TestDatabase db) {
        int max = db.dialect().maxParameters();
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            s.insert(new Note("kept", 1));
            List<Long> atLimit = ids(max);

            LimberException e = assertThrows(LimberException.class,
                    () -> s.query(Note.class).where(Note_.id.in(atLimit)).where(Note_.stars.eq(1)).count());
            assertThat(e).hasMessageThat().contains("binds " + (max + 1) + " values");
            assertThrows(LimberException.class,
                    () -> s.query(Note.class).where(Note_.id.in(atLimit)).update(Note_.stars.set(2)));
            assertThrows(LimberException.class,
                    () -> s.query(Note.class).where(Note_.id.in(ids(max + 1))).delete());

            assertThat(s.query(Note.class).where(Note_.stars.eq(1)).count()).isEqualTo(1);
        }
    }
}
