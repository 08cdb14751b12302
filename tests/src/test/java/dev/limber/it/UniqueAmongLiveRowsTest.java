package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Databases.engine;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.ConstraintViolationException;
import dev.limber.database.Engine;
import dev.limber.database.Session;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Book;
import dev.limber.it.models.Book_;
import dev.limber.it.models.Tag;
import java.util.UUID;

/** A unique column of a soft-delete model is unique among live rows only, on every database. */
class UniqueAmongLiveRowsTest {

    @AllDatabases
    void aValueOnlyASoftDeletedRowHoldsCanBeInsertedAgain(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            s.delete(s.insert(new Book("Dune", "978-0441", 1965)));
            Book again = s.insert(new Book("Dune (reissue)", "978-0441", 2005));
            s.delete(again);
            s.insert(new Book("Dune (third)", "978-0441", 2020));
            s.commit();
            assertThat(s.query(Book.class).withTrashed().where(Book_.isbn.eq("978-0441")).count()).isEqualTo(3);
            assertThat(s.query(Book.class).where(Book_.isbn.eq("978-0441")).one().title).isEqualTo("Dune (third)");
        }
    }

    @AllDatabases
    void aValueALiveRowHoldsIsRefusedNamingTableAndColumn(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            s.insert(new Book("Dune", "978-0441", 1965));
            ConstraintViolationException e = assertThrows(ConstraintViolationException.class,
                    () -> s.insert(new Book("Copy", "978-0441", 1966)));
            assertThat(e.table()).isEqualTo("books");
            assertThat(e.column()).isEqualTo("isbn");
            assertThat(e.sql()).startsWith("INSERT INTO " + db.dialect().quote("books"));
            assertThat(e.getCause()).isInstanceOf(java.sql.SQLException.class);
            assertThat(e).hasMessageThat().contains("books.isbn");
        }
    }

    @AllDatabases
    void restoringARowWhoseUniqueValueWasTakenSinceFailsClearly(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Book old = s.delete(s.insert(new Book("Dune", "978-0441", 1965)));
            s.insert(new Book("Dune (reissue)", "978-0441", 2005));
            s.commit();
            ConstraintViolationException e = assertThrows(ConstraintViolationException.class, () -> s.restore(old));
            assertThat(e).hasMessageThat().contains("Cannot restore Book with id " + old.id);
            assertThat(e).hasMessageThat().contains("isbn");
            assertThat(e.column()).isEqualTo("isbn");
            s.rollback();
            assertThat(s.query(Book.class).onlyTrashed().one().id).isEqualTo(old.id);
        }
    }

    @AllDatabases
    void bulkRestoreIntoATakenValueFailsClearly(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            s.delete(s.insert(new Book("Dune", "978-0441", 1965)));
            s.insert(new Book("Dune (reissue)", "978-0441", 2005));
            ConstraintViolationException e = assertThrows(ConstraintViolationException.class,
                    () -> s.query(Book.class).restore());
            assertThat(e).hasMessageThat().contains("Cannot restore");
        }
    }

    @AllDatabases
    void uniqueColumnsOfPlainModelsAreUniqueAcrossAllRows(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            s.insert(new Tag(UUID.randomUUID(), "sf"));
            ConstraintViolationException e = assertThrows(ConstraintViolationException.class,
                    () -> s.insert(new Tag(UUID.randomUUID(), "sf")));
            assertThat(e.table()).isEqualTo("tags");
            assertThat(e.column()).isEqualTo("name");
        }
    }

    @AllDatabases
    void aFailedStatementAsksForARollbackBeforeMoreWork(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            s.insert(new Tag(UUID.randomUUID(), "sf"));
            s.commit();
            assertThrows(ConstraintViolationException.class, () -> s.insert(new Tag(UUID.randomUUID(), "sf")));
            dev.limber.database.LimberException e = assertThrows(dev.limber.database.LimberException.class, s::commit);
            assertThat(e).hasMessageThat().contains("rollback()");
            s.rollback();
            s.insert(new Tag(UUID.randomUUID(), "fantasy"));
            s.commit();
            assertThat(s.query(Tag.class).count()).isEqualTo(2);
        }
    }
}
