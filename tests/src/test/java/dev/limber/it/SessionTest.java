package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Databases.active;
import static dev.limber.it.Databases.engine;
import static dev.limber.it.Databases.q;
import static dev.limber.it.Databases.rawCount;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.limber.database.Engine;
import dev.limber.database.LimberException;
import dev.limber.database.NotFoundException;
import dev.limber.database.Session;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Author;
import dev.limber.it.models.Book;
import dev.limber.it.models.Note;
import dev.limber.it.models.Note_;
import dev.limber.it.models.Tag;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Session: statements in a transaction that begins at the first one; commit, rollback, close. */
class SessionTest {

    @AllDatabases
    void insertSetsTheGeneratedId(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Note first = new Note("a", 1);
            Note returned = s.insert(first);
            assertSame(first, returned);
            Note second = s.insert(new Note("b", 2));
            assertThat(first.id).isNotNull();
            assertThat(second.id).isNotEqualTo(first.id);
            assertThat(s.get(Note.class, second.id).text).isEqualTo("b");
        }
    }

    @AllDatabases
    void insertingARecordReturnsANewInstanceWithItsId(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Author draft = Author.named("Herbert");
            Author saved = s.insert(draft);
            assertThat(draft.id()).isNull();
            assertThat(saved.id()).isNotNull();
            assertThat(s.get(Author.class, saved.id())).isEqualTo(saved);
        }
    }

    @AllDatabases
    void applicationAssignedKeysAreKept(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            UUID id = UUID.randomUUID();
            assertThat(s.insert(new Tag(id, "sf")).id()).isEqualTo(id);
            assertThat(s.get(Tag.class, id)).isEqualTo(new Tag(id, "sf"));
        }
    }

    @AllDatabases
    void insertAllWritesEveryRowAndBringsBackEveryGeneratedId(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            List<Note> notes = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                notes.add(new Note("n" + i, i));
            }
            List<Note> saved = s.insertAll(notes);
            List<Tag> tags = s.insertAll(List.of(new Tag(UUID.randomUUID(), "a"), new Tag(UUID.randomUUID(), "b")));
            s.commit();
            assertThat(s.query(Note.class).count()).isEqualTo(25);
            assertThat(tags).hasSize(2);
            assertThat(saved.stream().map(n -> n.id).distinct().filter(java.util.Objects::nonNull).count()).isEqualTo(25);
            for (Note note : saved) {
                assertThat(s.get(Note.class, note.id).text).isEqualTo(note.text);
            }
        }
    }

    @AllDatabases
    void insertAllTakesMixedModelsAndReturnsRecordsWithTheirIds(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            List<Object> saved = s.insertAll(List.of(Author.named("Le Guin"), new Note("n", 1), Author.named("Lem"),
                    new Tag(UUID.randomUUID(), "sf")));
            assertThat(saved).hasSize(4);
            Author leGuin = (Author) saved.get(0);
            Author lem = (Author) saved.get(2);
            assertThat(s.get(Author.class, leGuin.id()).name()).isEqualTo("Le Guin");
            assertThat(s.get(Author.class, lem.id()).name()).isEqualTo("Lem");
            assertThat(s.get(Note.class, ((Note) saved.get(1)).id).text).isEqualTo("n");
            assertThat(s.query(Tag.class).count()).isEqualTo(1);
        }
    }

    @AllDatabases
    void findIsEmptyAndGetThrowsForAMissingId(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            assertThat(s.find(Note.class, 99L)).isEmpty();
            NotFoundException e = assertThrows(NotFoundException.class, () -> s.get(Note.class, 99L));
            assertThat(e).hasMessageThat().contains("Note with id 99");
            assertThat(s.find(Note.class, 99)).isEmpty(); // an Integer id is fine for a Long key
        }
    }

    @AllDatabases
    void closeWithoutCommitRollsBack(TestDatabase db) {
        try (Engine engine = engine(db)) {
            try (Session s = engine.openSession()) {
                s.insert(new Note("lost", 1));
                assertThat(s.query(Note.class).count()).isEqualTo(1);
            }
            assertThat(rawCount(db, "SELECT COUNT(*) FROM " + q(db, "note"))).isEqualTo(0);
            assertThat(active(engine)).isEqualTo(0);
        }
    }

    @AllDatabases
    void commitMakesStatementsDurableAndRollbackDiscardsLaterOnes(TestDatabase db) {
        try (Engine engine = engine(db)) {
            try (Session s = engine.openSession()) {
                s.insert(new Note("kept", 1));
                s.commit();
                assertThat(active(engine)).isEqualTo(0); // back in the pool between transactions
                s.insert(new Note("dropped", 2));
                s.rollback();
                s.insert(new Note("kept too", 3));
                s.commit();
            }
            try (Session s = engine.openSession()) {
                assertThat(s.query(Note.class).orderBy(Note_.stars.asc()).list().stream().map(n -> n.text))
                        .containsExactly("kept", "kept too").inOrder();
            }
        }
    }

    @AllDatabases
    void transactionCommitsOnSuccess(TestDatabase db) {
        try (Engine engine = engine(db)) {
            Long id = engine.transaction(s -> s.insert(new Note("t", 1)).id);
            engine.inTransaction(s -> s.insert(new Note("u", 2)));
            assertThat(rawCount(db, "SELECT COUNT(*) FROM " + q(db, "note"))).isEqualTo(2);
            assertThat(engine.transaction(s -> s.get(Note.class, id)).text).isEqualTo("t");
        }
    }

    @AllDatabases
    void transactionRollsBackOnAnyThrowableAndRethrowsIt(TestDatabase db) {
        try (Engine engine = engine(db)) {
            IllegalStateException boom = new IllegalStateException("boom");
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> engine.inTransaction(s -> {
                s.insert(new Note("never", 1));
                throw boom;
            }));
            assertSame(boom, thrown);
            AssertionError error = new AssertionError("an Error too");
            assertSame(error, assertThrows(AssertionError.class, () -> engine.transaction(s -> {
                s.insert(new Note("never", 2));
                throw error;
            })));
            assertThat(rawCount(db, "SELECT COUNT(*) FROM " + q(db, "note"))).isEqualTo(0);
            assertThat(active(engine)).isEqualTo(0);
        }
    }

    @AllDatabases
    void theSessionConnectionRunsInTheSessionTransaction(TestDatabase db) throws Exception {
        try (Engine engine = engine(db)) {
            try (Session s = engine.openSession()) {
                s.insert(new Note("via session", 1));
                try (PreparedStatement ps = s.connection().prepareStatement("INSERT INTO " + q(db, "note") + " ("
                        + q(db, "text") + ", " + q(db, "stars") + ") VALUES (?, ?)")) {
                    ps.setString(1, "via jdbc");
                    ps.setInt(2, 2);
                    ps.executeUpdate();
                }
                assertThat(s.query(Note.class).count()).isEqualTo(2);
            }
            assertThat(rawCount(db, "SELECT COUNT(*) FROM " + q(db, "note"))).isEqualTo(0);
        }
    }

    @AllDatabases
    void forceDeleteAndDeleteOfAPlainModelRemoveTheRow(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Note a = s.insert(new Note("a", 1));
            Note b = s.insert(new Note("b", 2));
            s.delete(a);
            s.forceDelete(b);
            assertThat(s.query(Note.class).count()).isEqualTo(0);
            assertThrows(NotFoundException.class, () -> s.forceDelete(b));
        }
    }

    @AllDatabases
    void aClosedSessionRefusesWorkAndClosingTwiceIsHarmless(TestDatabase db) {
        try (Engine engine = engine(db)) {
            Session s = engine.openSession();
            s.close();
            s.close();
            LimberException e = assertThrows(LimberException.class, () -> s.insert(new Note("x", 1)));
            assertThat(e).hasMessageThat().contains("closed");
        }
    }
}
