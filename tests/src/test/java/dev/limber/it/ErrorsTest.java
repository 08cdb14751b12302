package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Databases.engine;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.ConstraintViolationException;
import dev.limber.database.Engine;
import dev.limber.database.LimberException;
import dev.limber.database.MappingException;
import dev.limber.database.Session;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Book;
import dev.limber.it.models.Note;
import java.sql.SQLException;

/** Failures are unchecked Limber exceptions that name the problem and carry the SQL and the driver's cause. */
class ErrorsTest {

    @AllDatabases
    void aMissingRequiredValueIsANotNullViolationNamingTheColumn(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            ConstraintViolationException e = assertThrows(ConstraintViolationException.class,
                    () -> s.insert(new Book(null, "1", 2000)));
            assertThat(e.column()).isEqualTo("title");
            assertThat(e).hasMessageThat().contains("Not-null constraint violated");
            assertThat(e).hasMessageThat().contains("title");
            assertThat(e.getCause()).isInstanceOf(SQLException.class);
        }
    }

    @AllDatabases
    void aFailingStatementCarriesItsSqlAndTheDriversCause(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            engine.dropAll();
            LimberException e = assertThrows(LimberException.class, () -> s.query(Note.class).count());
            assertThat(e).isNotInstanceOf(ConstraintViolationException.class);
            assertThat(e.sql()).isEqualTo("SELECT COUNT(*) FROM " + db.dialect().quote("note"));
            assertThat(e.getCause()).isInstanceOf(SQLException.class);
            assertThat(e).hasMessageThat().contains("[SQL: SELECT COUNT(*)");
        }
    }

    @AllDatabases
    void anUnregisteredTypeIsAMappingErrorNamingTheRegisteredModels(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            MappingException e = assertThrows(MappingException.class, () -> s.insert("not a model"));
            assertThat(e).hasMessageThat().contains("java.lang.String is not a registered model");
            assertThat(e).hasMessageThat().contains("dev.limber.it.models.Book");
        }
    }

    @AllDatabases
    void anIdOfTheWrongTypeIsAMappingError(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            MappingException e = assertThrows(MappingException.class, () -> s.find(Note.class, "7"));
            assertThat(e).hasMessageThat().contains("Note.id is a Long");
        }
    }

    @AllDatabases
    void aCommitTheDatabaseTurnedIntoARollbackFailsLoudly(TestDatabase db) {
        // a failure Limber did not see (plain JDBC on the session's connection): PostgreSQL then
        // answers COMMIT with ROLLBACK, which must not pass for a commit
        try (Engine engine = engine(db)) {
            try (Session s = engine.openSession()) {
                s.insert(new Note("first", 1));
                try (java.sql.Statement st = s.connection().createStatement()) {
                    st.execute("INSERT INTO " + db.dialect().quote("no_such_table") + " VALUES (1)");
                } catch (SQLException expected) {
                    // the transaction is now aborted on PostgreSQL only
                }
                if (db.dialect().name().equals("postgresql")) {
                    LimberException e = assertThrows(LimberException.class, s::commit);
                    assertThat(e.sql()).isEqualTo("COMMIT");
                } else {
                    s.commit();
                }
            }
            long expected = db.dialect().name().equals("postgresql") ? 0 : 1;
            assertThat(Databases.rawCount(db, "SELECT COUNT(*) FROM " + db.dialect().quote("note"))).isEqualTo(expected);
            assertThat(Databases.active(engine)).isEqualTo(0);
        }
    }
}
