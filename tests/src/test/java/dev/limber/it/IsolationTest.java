package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Databases.q;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.Engine;
import dev.limber.database.Isolation;
import dev.limber.database.Session;
import dev.limber.database.StaleObjectException;
import dev.limber.database.TransactionConflictException;
import dev.limber.database.dialect.Dialect;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Book;
import dev.limber.it.models.Note;
import dev.limber.it.models.Note_;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Engine.builder().isolation(...): the level reaches every pooled connection and decides what a
 * session's reads see; on SQLite, sessions that only read never hold up a writer, and a write
 * from a stale snapshot is a conflict to retry, never "database is locked".
 */
class IsolationTest {

    /** The levels every database runs the same way (MariaDB's SERIALIZABLE takes shared locks on reads). */
    private static final List<Isolation> SNAPSHOT_LEVELS = List.of(Isolation.READ_COMMITTED, Isolation.REPEATABLE_READ);

    private static Engine engine(TestDatabase db, Isolation isolation) {
        Engine engine = Engine.builder().url(db.url()).username(db.username()).password(db.password())
                .maxPoolSize(3).isolation(isolation).build();
        engine.createAll();
        return engine;
    }

    private static void insertBehindTheSessionsBack(TestDatabase db, String text) throws SQLException {
        try (Connection other = db.connect(); Statement st = other.createStatement()) {
            st.executeUpdate("INSERT INTO " + q(db, "note") + " (" + q(db, "text") + ", " + q(db, "stars")
                    + ") VALUES ('" + text + "', 0)");
        }
    }

    @AllDatabases
    void readCommittedIsTheDefaultOnEveryDatabase(TestDatabase db) throws SQLException {
        try (Engine engine = Databases.engine(db); Connection c = engine.connect()) {
            assertThat(engine.isolation()).isEqualTo(Isolation.READ_COMMITTED);
            assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
        }
    }

    @AllDatabases
    void theLevelReachesThePoolsConnections(TestDatabase db) throws SQLException {
        for (Isolation isolation : List.of(Isolation.READ_COMMITTED, Isolation.REPEATABLE_READ,
                Isolation.SERIALIZABLE)) {
            try (Engine engine = engine(db, isolation)) {
                try (Connection c = engine.connect()) {
                    assertThat(c.getTransactionIsolation()).isEqualTo(isolation.jdbcLevel());
                }
                try (Session s = engine.openSession()) {
                    assertThat(s.connection().getTransactionIsolation()).isEqualTo(isolation.jdbcLevel());
                }
            }
        }
        int databaseDefault;
        try (Connection plain = db.connect()) {
            databaseDefault = plain.getTransactionIsolation();
        }
        try (Engine engine = engine(db, Isolation.DATABASE_DEFAULT); Connection c = engine.connect()) {
            assertThat(c.getTransactionIsolation()).isEqualTo(databaseDefault);
        }
    }

    /**
     * At READ COMMITTED a session's second read sees a row committed since its first (it reads
     * outside a transaction until it writes); at REPEATABLE READ both read one snapshot.
     */
    @AllDatabases
    void theLevelDecidesWhatASessionsReadsSee(TestDatabase db) throws SQLException {
        for (Isolation isolation : SNAPSHOT_LEVELS) {
            try (Engine engine = engine(db, isolation); Session s = engine.openSession()) {
                assertThat(s.query(Note.class).where(Note_.text.eq(isolation.name())).count()).isEqualTo(0);
                insertBehindTheSessionsBack(db, isolation.name());
                long seen = s.query(Note.class).where(Note_.text.eq(isolation.name())).count();
                assertThat(seen).isEqualTo(isolation == Isolation.READ_COMMITTED ? 1 : 0);
            }
        }
    }

    /** Two sessions read a versioned row; one commits an update; the other's update is stale. One thread. */
    @AllDatabases
    void theSecondOfTwoUpdatesFromTheSameVersionIsStale(TestDatabase db) {
        for (Isolation isolation : SNAPSHOT_LEVELS) {
            try (Engine engine = engine(db, isolation)) {
                Long id = engine.transaction(s -> s.insert(new Book("Dune", isolation.name(), 1965))).id;
                try (Session mine = engine.openSession(); Session theirs = engine.openSession()) {
                    Book myCopy = mine.get(Book.class, id);
                    Book theirCopy = theirs.get(Book.class, id);

                    theirCopy.title = "Theirs";
                    theirs.update(theirCopy);
                    theirs.commit();

                    myCopy.title = "Mine";
                    StaleObjectException stale = assertThrows(StaleObjectException.class, () -> mine.update(myCopy));
                    assertThat(stale).hasMessageThat().contains("expected version 0");
                    mine.rollback();
                    Book fresh = mine.get(Book.class, id);    // retry the unit of work, reading afresh
                    fresh.title = "Mine";
                    mine.update(fresh);
                    mine.commit();
                }
                Book last = engine.transaction(s -> s.get(Book.class, id));
                assertThat(last.title).isEqualTo("Mine");
                assertThat(last.version).isEqualTo(2);
            }
        }
    }

    /** Today's bug: one session's read took SQLite's write lock, so the other waited out the busy timeout. */
    @AllDatabases
    void aSessionThatReadsDoesNotHoldUpAnotherThatWrites(TestDatabase db) {
        for (Isolation isolation : List.of(Isolation.READ_COMMITTED, Isolation.SERIALIZABLE)) {
            if (db.dialect() == Dialect.MARIADB && isolation == Isolation.SERIALIZABLE) {
                continue; // MariaDB's SERIALIZABLE reads take shared locks: the writer would wait, by design
            }
            try (Engine engine = engine(db, isolation)) {
                Long id = engine.transaction(s -> s.insert(new Note("draft", 1))).id;
                try (Session reader = engine.openSession(); Session writer = engine.openSession()) {
                    assertThat(reader.get(Note.class, id).text).isEqualTo("draft");
                    Note note = writer.get(Note.class, id);
                    note.text = "final";
                    writer.update(note);
                    writer.commit(); // would fail with "database is locked" after the busy timeout
                    String seen = reader.get(Note.class, id).text;
                    assertThat(seen).isEqualTo(isolation == Isolation.READ_COMMITTED ? "final" : "draft");
                }
            }
        }
    }

    /**
     * A SQLite session that reads from a snapshot cannot write once another session has written:
     * a conflict to retry (stale for a @Version model), at once and never "database is locked".
     */
    @AllDatabases
    void aWriteFromAStaleSnapshotIsAConflictToRetry(TestDatabase db) {
        if (db.dialect() != Dialect.SQLITE) {
            return; // elsewhere a write waits for the other's lock, or writes the latest row version
        }
        try (Engine engine = engine(db, Isolation.SERIALIZABLE)) {
            Long id = engine.transaction(s -> s.insert(new Note("draft", 1))).id;
            try (Session mine = engine.openSession(); Session theirs = engine.openSession()) {
                Note myCopy = mine.get(Note.class, id);
                Note theirCopy = theirs.get(Note.class, id);
                theirCopy.stars = 2;
                theirs.update(theirCopy);

                // they hold the write lock, uncommitted: SQLITE_BUSY at once, as a conflict
                myCopy.text = "mine";
                TransactionConflictException busy = assertThrows(TransactionConflictException.class,
                        () -> mine.update(myCopy));
                assertThat(busy).hasMessageThat().contains("retry the unit of work");
                assertThat(busy).hasMessageThat().doesNotContain("busy_timeout");
                mine.rollback();

                // they commit while mine reads from an older snapshot: SQLITE_BUSY_SNAPSHOT, as a conflict
                assertThat(mine.get(Note.class, id).text).isEqualTo("draft");
                theirs.commit();
                TransactionConflictException stale = assertThrows(TransactionConflictException.class,
                        () -> mine.insert(new Note("mine", 3)));
                assertThat(stale).hasMessageThat().contains("retry the unit of work");
                mine.rollback();

                Note fresh = mine.get(Note.class, id); // the retry reads afresh and succeeds
                assertThat(fresh.stars).isEqualTo(2);
                fresh.text = "mine";
                mine.update(fresh);
                mine.commit();
            }
            Note last = engine.transaction(s -> s.get(Note.class, id));
            assertThat(last.text).isEqualTo("mine");
            assertThat(last.stars).isEqualTo(2);
        }
    }

    @AllDatabases
    void aStaleSnapshotOfAVersionedRowIsStale(TestDatabase db) {
        if (db.dialect() != Dialect.SQLITE) {
            return; // the other databases: theSecondOfTwoUpdatesFromTheSameVersionIsStale
        }
        try (Engine engine = engine(db, Isolation.SERIALIZABLE)) {
            Long id = engine.transaction(s -> s.insert(new Book("Dune", "1", 1965))).id;
            try (Session mine = engine.openSession(); Session theirs = engine.openSession()) {
                Book myCopy = mine.get(Book.class, id);
                Book theirCopy = theirs.get(Book.class, id);
                theirCopy.year = 1966;
                theirs.update(theirCopy);
                theirs.commit();

                StaleObjectException stale = assertThrows(StaleObjectException.class, () -> mine.delete(myCopy));
                assertThat(stale.getCause()).isInstanceOf(TransactionConflictException.class);
            }
        }
    }
}
