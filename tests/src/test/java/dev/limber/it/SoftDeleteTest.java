package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Databases.engine;
import static dev.limber.it.Databases.q;
import static dev.limber.it.Databases.rawCount;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.Engine;
import dev.limber.database.MappingException;
import dev.limber.database.NotFoundException;
import dev.limber.database.Query;
import dev.limber.database.Session;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Author;
import dev.limber.it.models.Author_;
import dev.limber.it.models.Book;
import dev.limber.it.models.Book_;
import dev.limber.it.models.Note;
import dev.limber.it.models.Parcel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The soft-delete matrix: every read and bulk write, for live rows, deleted rows and both. Each
 * test starts with two live books (Dune, Emma) and two deleted ones (Ubik, Solaris).
 */
class SoftDeleteTest {

    private static Engine seeded(TestDatabase db) {
        Engine engine = engine(db);
        engine.inTransaction(s -> {
            for (Book b : List.of(new Book("Dune", "1", 1965), new Book("Emma", "2", 1815),
                    new Book("Ubik", "3", 1969), new Book("Solaris", "4", 1961))) {
                Book saved = s.insert(b);
                if (saved.title.equals("Ubik") || saved.title.equals("Solaris")) {
                    s.delete(saved);
                }
            }
        });
        // the rows really are in the table: hiding them is the query's doing
        assertThat(rawCount(db, "SELECT COUNT(*) FROM " + q(db, "books"))).isEqualTo(4);
        return engine;
    }

    private static List<String> titles(List<Book> books) {
        return books.stream().map(b -> b.title).sorted().collect(Collectors.toList());
    }

    private static Long idOf(Session s, String title) {
        return s.query(Book.class).withTrashed().where(Book_.title.eq(title)).one().id;
    }

    @AllDatabases
    void deletedRowsAreHiddenFromFindAndGet(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            Long ubik = idOf(s, "Ubik");
            assertThat(s.find(Book.class, ubik)).isEmpty();
            assertThrows(NotFoundException.class, () -> s.get(Book.class, ubik));
            assertThat(s.find(Book.class, idOf(s, "Dune")).orElseThrow().title).isEqualTo("Dune");
        }
    }

    @AllDatabases
    void deletedRowsAreHiddenFromList(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            assertThat(titles(s.query(Book.class).list())).containsExactly("Dune", "Emma");
        }
    }

    @AllDatabases
    void deletedRowsAreHiddenFromFirstAndOne(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            assertThat(s.query(Book.class).where(Book_.title.eq("Ubik")).first()).isEmpty();
            assertThrows(NotFoundException.class, () -> s.query(Book.class).where(Book_.title.eq("Ubik")).one());
            assertThat(s.query(Book.class).orderBy(Book_.year.desc()).first().orElseThrow().title).isEqualTo("Dune");
        }
    }

    @AllDatabases
    void deletedRowsAreHiddenFromCount(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            assertThat(s.query(Book.class).count()).isEqualTo(2);
            assertThat(s.query(Book.class).where(Book_.year.gt(1900)).count()).isEqualTo(1);
        }
    }

    @AllDatabases
    void deletedRowsAreHiddenFromExists(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            assertThat(s.query(Book.class).where(Book_.title.eq("Solaris")).exists()).isFalse();
            assertThat(s.query(Book.class).where(Book_.title.eq("Emma")).exists()).isTrue();
        }
    }

    @AllDatabases
    void deletedRowsAreHiddenFromStream(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession();
             Stream<Book> books = s.query(Book.class).stream()) {
            assertThat(titles(books.collect(Collectors.toList()))).containsExactly("Dune", "Emma");
        }
    }

    @AllDatabases
    void withTrashedSeesLiveAndDeletedRowsInEveryRead(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            assertThat(titles(s.query(Book.class).withTrashed().list())).containsExactly("Dune", "Emma", "Solaris", "Ubik");
            assertThat(s.query(Book.class).withTrashed().count()).isEqualTo(4);
            assertThat(s.query(Book.class).withTrashed().where(Book_.title.eq("Ubik")).exists()).isTrue();
            assertThat(s.query(Book.class).withTrashed().where(Book_.title.eq("Ubik")).one().deletedAt).isNotNull();
            assertThat(s.query(Book.class).withTrashed().orderBy(Book_.year.desc()).first().orElseThrow().title)
                    .isEqualTo("Ubik");
            try (Stream<Book> all = s.query(Book.class).withTrashed().stream()) {
                assertThat(all.count()).isEqualTo(4);
            }
        }
    }

    @AllDatabases
    void onlyTrashedSeesOnlyDeletedRowsInEveryRead(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            assertThat(titles(s.query(Book.class).onlyTrashed().list())).containsExactly("Solaris", "Ubik");
            assertThat(s.query(Book.class).onlyTrashed().count()).isEqualTo(2);
            assertThat(s.query(Book.class).onlyTrashed().where(Book_.title.eq("Dune")).exists()).isFalse();
            assertThat(s.query(Book.class).onlyTrashed().where(Book_.year.gt(1965)).one().title).isEqualTo("Ubik");
            assertThat(s.query(Book.class).onlyTrashed().orderBy(Book_.year.asc()).first().orElseThrow().title)
                    .isEqualTo("Solaris");
            try (Stream<Book> trashed = s.query(Book.class).onlyTrashed().stream()) {
                // listed, not allMatch'ed: allMatch on an empty stream is true
                List<Book> rows = trashed.collect(Collectors.toList());
                assertThat(titles(rows)).containsExactly("Solaris", "Ubik");
                assertThat(rows.stream().filter(b -> b.deletedAt == null).collect(Collectors.toList())).isEmpty();
            }
        }
    }

    @AllDatabases
    void bulkUpdateLeavesDeletedRowsAlone(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            assertThat(s.query(Book.class).update(Book_.year.set(2000))).isEqualTo(2);
            assertThat(s.query(Book.class).onlyTrashed().where(Book_.year.eq(2000)).count()).isEqualTo(0);
            assertThat(s.query(Book.class).where(Book_.year.eq(2000)).count()).isEqualTo(2);
        }
    }

    @AllDatabases
    void bulkUpdateWithTrashedOrOnlyTrashedReachesDeletedRows(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            assertThat(s.query(Book.class).onlyTrashed().update(Book_.year.set(1))).isEqualTo(2);
            assertThat(titles(s.query(Book.class).withTrashed().where(Book_.year.eq(1)).list()))
                    .containsExactly("Solaris", "Ubik");
            assertThat(s.query(Book.class).withTrashed().update(Book_.year.set(2))).isEqualTo(4);
        }
    }

    @AllDatabases
    void bulkDeleteStampsLiveRowsAndKeepsTheFirstStampOfDeletedOnes(TestDatabase db) {
        TestClock clock = new TestClock(Databases.START);
        try (Engine engine = engine(db, clock); Session s = engine.openSession()) {
            s.insert(new Book("Dune", "1", 1965));
            s.delete(s.insert(new Book("Ubik", "3", 1969)));
            clock.advance(Duration.ofHours(1));
            assertThat(s.query(Book.class).withTrashed().delete()).isEqualTo(1);
            assertThat(s.query(Book.class).onlyTrashed().delete()).isEqualTo(0);
            assertThat(s.query(Book.class).count()).isEqualTo(0);
            List<Book> trashed = s.query(Book.class).onlyTrashed().orderBy(Book_.title.asc()).list();
            assertThat(trashed.get(0).deletedAt).isEqualTo(Databases.START.plus(Duration.ofHours(1)));
            assertThat(trashed.get(1).deletedAt).isEqualTo(Databases.START);
        }
    }

    @AllDatabases
    void forceDeleteOnAQueryRemovesOnlyRowsInItsScope(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            assertThat(s.query(Book.class).where(Book_.year.lt(1966)).forceDelete()).isEqualTo(2); // Dune, Emma
            assertThat(titles(s.query(Book.class).withTrashed().list())).containsExactly("Solaris", "Ubik");
            assertThat(s.query(Book.class).onlyTrashed().where(Book_.title.eq("Ubik")).forceDelete()).isEqualTo(1);
            assertThat(s.query(Book.class).withTrashed().forceDelete()).isEqualTo(1);
            s.commit();
        }
        assertThat(rawCount(db, "SELECT COUNT(*) FROM " + q(db, "books"))).isEqualTo(0);
    }

    @AllDatabases
    void bulkRestoreBringsBackOnlyDeletedRows(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            assertThat(s.query(Book.class).where(Book_.title.eq("Ubik")).restore()).isEqualTo(1);
            assertThat(titles(s.query(Book.class).list())).containsExactly("Dune", "Emma", "Ubik");
            assertThat(s.query(Book.class).restore()).isEqualTo(1);
            assertThat(s.query(Book.class).count()).isEqualTo(4);
        }
    }

    @AllDatabases
    void deleteStampsDeletedAtWithTheEngineClock(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Book dune = s.delete(s.insert(new Book("Dune", "1", 1965)));
            assertThat(dune.deletedAt).isEqualTo(Databases.START);
            assertThat(s.query(Book.class).withTrashed().one().deletedAt).isEqualTo(Databases.START);
        }
    }

    @AllDatabases
    void deletingTwiceKeepsTheFirstStamp(TestDatabase db) {
        TestClock clock = new TestClock(Databases.START);
        try (Engine engine = engine(db, clock); Session s = engine.openSession()) {
            Book dune = s.insert(new Book("Dune", "1", 1965));
            s.delete(dune);
            Instant first = dune.deletedAt;
            clock.advance(Duration.ofDays(1));
            Book stale = new Book("Dune", "1", 1965);
            stale.id = dune.id;
            s.delete(stale);
            assertThat(stale.deletedAt).isEqualTo(first);
            assertThat(s.query(Book.class).withTrashed().one().deletedAt).isEqualTo(first);
        }
    }

    @AllDatabases
    void restoreBringsARowBack(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Book dune = s.delete(s.insert(new Book("Dune", "1", 1965)));
            s.restore(dune);
            assertThat(dune.deletedAt).isNull();
            assertThat(s.get(Book.class, dune.id).title).isEqualTo("Dune");
        }
    }

    @AllDatabases
    void updatingADeletedRowIsAConflictNotAResurrection(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Book dune = s.insert(new Book("Dune", "1", 1965));
            Book copy = s.get(Book.class, dune.id);
            s.delete(dune);
            copy.title = "Dune Messiah";
            assertThrows(dev.limber.database.StaleObjectException.class, () -> s.update(copy));
            assertThat(s.query(Book.class).withTrashed().one().title).isEqualTo("Dune");
        }
    }

    @AllDatabases
    void forceDeleteRemovesASoftDeletedRowForGood(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Book dune = s.delete(s.insert(new Book("Dune", "1", 1965)));
            s.forceDelete(dune);
            assertThat(s.query(Book.class).withTrashed().count()).isEqualTo(0);
        }
    }

    @AllDatabases
    void recordsComeBackStampedAndRestored(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Author le = s.insert(Author.named("Le Guin"));
            Author deleted = s.delete(le);
            assertThat(le.deletedAt()).isNull(); // records are immutable: the stamp is in the returned copy
            assertThat(deleted.deletedAt()).isEqualTo(LocalDateTime.ofInstant(Databases.START, java.time.ZoneOffset.UTC));
            assertThat(s.query(Author.class).count()).isEqualTo(0);
            assertThat(s.query(Author.class).onlyTrashed().one().deletedAt()).isEqualTo(deleted.deletedAt());
            assertThat(s.restore(deleted).deletedAt()).isNull();
            assertThat(s.query(Author.class).where(Author_.name.eq("Le Guin")).exists()).isTrue();
        }
    }

    @AllDatabases
    void modelsWithoutSoftDeleteAreReallyDeleted(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Note note = s.insert(new Note("hello", 3));
            s.delete(note);
            assertThat(s.query(Note.class).withTrashed().count()).isEqualTo(0);
            assertThrows(MappingException.class, () -> s.query(Note.class).onlyTrashed());
            assertThrows(MappingException.class, () -> s.restore(note));
        }
    }

    @AllDatabases
    void queriesCarryTheLiveFilterEvenWithOrConditions(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            Query<Book> query = s.query(Book.class)
                    .where(dev.limber.database.query.Condition.or(Book_.title.eq("Ubik"), Book_.title.eq("Dune")));
            assertThat(titles(query.list())).containsExactly("Dune");
        }
    }

    @AllDatabases
    void restoringALiveRowIsANoOpAndTheBulkFormCountsNothing(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            Book dune = s.get(Book.class, idOf(s, "Dune"));
            dune.title = "Dune (edited, not saved)";

            Book back = s.restore(dune);

            assertThat(back).isSameInstanceAs(dune);
            assertThat(back.deletedAt).isNull();
            Book stored = s.get(Book.class, dune.id);
            assertThat(stored.title).isEqualTo("Dune"); // restore writes only deleted_at, and here not even that
            assertThat(stored.version).isEqualTo(dune.version);
            assertThat(s.query(Book.class).where(Book_.id.eq(dune.id)).restore()).isEqualTo(0);
            assertThat(s.query(Book.class).onlyTrashed().count()).isEqualTo(2);
        }
    }

    @AllDatabases
    void restoringAMissingRowIsNotFound(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            Book ghost = new Book("Ghost", "9", 2000);
            ghost.id = 987_654L;

            NotFoundException e = assertThrows(NotFoundException.class, () -> s.restore(ghost));

            assertThat(e).hasMessageThat().startsWith("No Book with id 987654 to restore");
        }
    }

    @AllDatabases
    void updatingADeletedRowOfAModelWithoutVersionIsNotFoundAndChangesNothing(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Author le = s.insert(Author.named("Le Guin"));
            s.delete(le);
            s.commit();

            NotFoundException e = assertThrows(NotFoundException.class,
                    () -> s.update(new Author(le.id(), "Ursula K. Le Guin", null)));

            assertThat(e).hasMessageThat().startsWith("No live Author with id " + le.id() + " to update");
            s.rollback();
            Author stored = s.query(Author.class).onlyTrashed().one();
            assertThat(stored.name()).isEqualTo("Le Guin");
            assertThat(stored.deletedAt()).isNotNull();
        }
    }

    @AllDatabases
    void countWithLimitAndOffsetCountsOnlyTheRowsInScope(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            assertThat(s.query(Book.class).limit(10).count()).isEqualTo(2);
            assertThat(s.query(Book.class).limit(10).offset(1).count()).isEqualTo(1);
            assertThat(s.query(Book.class).limit(1).count()).isEqualTo(1);
            assertThat(s.query(Book.class).withTrashed().limit(3).count()).isEqualTo(3);
            assertThat(s.query(Book.class).withTrashed().limit(10).offset(1).count()).isEqualTo(3);
            assertThat(s.query(Book.class).onlyTrashed().limit(10).offset(1).count()).isEqualTo(1);
            assertThat(s.query(Book.class).onlyTrashed().where(Book_.title.eq("Dune")).limit(5).count()).isEqualTo(0);
        }
    }

    /**
     * A clock in a zone far from UTC (Kolkata, +05:30): a LocalDateTime stamp is the clock's wall
     * time, an OffsetDateTime stamp is the same instant at UTC, and both read back as written.
     */
    @AllDatabases
    void localAndOffsetStampsFollowANonUtcClock(TestDatabase db) {
        Instant now = Instant.parse("2024-05-01T22:45:30.123456Z");
        java.time.ZoneId kolkata = java.time.ZoneId.of("Asia/Kolkata");
        try (Engine engine = engine(db, java.time.Clock.fixed(now, kolkata)); Session s = engine.openSession()) {
            Author deleted = s.delete(s.insert(Author.named("Le Guin")));
            Parcel parcel = s.insert(new Parcel("books"));
            s.delete(parcel);

            LocalDateTime wallTime = LocalDateTime.parse("2024-05-02T04:15:30.123456");
            assertThat(deleted.deletedAt()).isEqualTo(wallTime);
            assertThat(s.query(Author.class).onlyTrashed().one().deletedAt()).isEqualTo(wallTime);
            assertThat(parcel.deletedAt).isEqualTo(now.atOffset(java.time.ZoneOffset.UTC));
            java.time.OffsetDateTime read = s.query(Parcel.class).onlyTrashed().one().deletedAt;
            assertThat(read.toInstant()).isEqualTo(now);
            assertThat(s.query(Parcel.class).count()).isEqualTo(0);
            assertThat(s.find(Parcel.class, parcel.id)).isEmpty();
        }
    }
}
