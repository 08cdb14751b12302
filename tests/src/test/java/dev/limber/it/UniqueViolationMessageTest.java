package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Databases.engine;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.ConstraintViolationException;
import dev.limber.database.Engine;
import dev.limber.database.Session;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.loans.Hold;
import dev.limber.it.loans.Loan;
import dev.limber.it.loans.Member;
import dev.limber.it.models.Book;
import dev.limber.it.models.Tag;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A unique violation names the model's columns and index, never the generated column H2 and
 * MariaDB index instead, and says "among live rows" only where soft delete is why a row would not
 * count; a whereNull condition is named as such.
 */
class UniqueViolationMessageTest {

    @AllDatabases
    void aPlainUniqueColumnIsNamedWithoutAnyCondition(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            s.insert(new Tag(UUID.randomUUID(), "sf"));
            ConstraintViolationException e = assertThrows(ConstraintViolationException.class,
                    () -> s.insert(new Tag(UUID.randomUUID(), "sf")));
            assertThat(e.column()).isEqualTo("name");
            assertThat(e.constraint()).isEqualTo("ux_tags_name");
            assertThat(e).hasMessageThat().startsWith("Unique constraint ux_tags_name violated on tags.name: the value"
                    + " is taken by another row; use a different value, or change the row that holds it [SQL: ");
        }
    }

    @AllDatabases
    void aUniqueColumnOfASoftDeleteModelSaysAmongLiveRows(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            s.insert(new Book("Dune", "978-0441", 1965));
            ConstraintViolationException e = assertThrows(ConstraintViolationException.class,
                    () -> s.insert(new Book("Copy", "978-0441", 1966)));
            assertThat(e.column()).isEqualTo("isbn");
            assertThat(e.constraint()).isEqualTo("ux_books_isbn");
            assertThat(e).hasMessageThat().startsWith("Unique constraint ux_books_isbn violated on books.isbn: the value"
                    + " is taken among live rows (soft-deleted rows do not count); use a different value, or change"
                    + " the row that holds it [SQL: ");
        }
    }

    @AllDatabases
    void aWhereNullConditionIsNamedAndNotCalledLiveRows(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            s.insert(new Hold(7, 1));
            ConstraintViolationException e = assertThrows(ConstraintViolationException.class,
                    () -> s.insert(new Hold(7, 1)));
            assertThat(e.table()).isEqualTo("holds");
            assertThat(e.column()).isEqualTo("book_id, member_id");
            assertThat(e.constraint()).isEqualTo("ux_holds_book_id_member_id_where_cancelled_at_null");
            assertThat(e).hasMessageThat().startsWith("Unique constraint"
                    + " ux_holds_book_id_member_id_where_cancelled_at_null violated on holds (book_id, member_id): the"
                    + " value is taken among the rows whose cancelled_at is NULL; use a different value, or change the"
                    + " row that holds it [SQL: ");
        }
    }

    @AllDatabases
    void aWhereNullConditionOnASoftDeleteModelNamesBoth(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Member ann = s.insert(new Member("Ann"));
            s.insert(new Loan(7, ann, LocalDate.of(2024, 6, 1)));
            ConstraintViolationException e = assertThrows(ConstraintViolationException.class,
                    () -> s.insert(new Loan(7, ann, LocalDate.of(2024, 6, 2))));
            assertThat(e.column()).isEqualTo("book_id");
            assertThat(e.constraint()).isEqualTo("ux_loans_book_id_where_returned_at_null");
            assertThat(e).hasMessageThat().startsWith("Unique constraint ux_loans_book_id_where_returned_at_null"
                    + " violated on loans.book_id: the value is taken among live rows whose returned_at is NULL"
                    + " (soft-deleted rows do not count); use a different value, or change the row that holds it"
                    + " [SQL: ");
        }
    }
}
