package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.limber.it.Databases.engine;
import static dev.limber.it.Databases.q;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.Engine;
import dev.limber.database.Session;
import dev.limber.database.StaleObjectException;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Book;
import dev.limber.it.models.Book_;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * Every statement is logged at DEBUG on logger {@code dev.limber.database.sql}, as sent (with
 * its {@code ?} placeholders), and no bound value ever reaches the log.
 *
 * <p>Runs in its own surefire execution ({@code sql-logging} in this module's pom), whose JVM sets
 * that logger to DEBUG for slf4j-simple, which writes to {@code System.err}; the test captures it.
 */
class SqlLoggingTest {
    private static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.log.dev.limber.database.sql";
    /** How slf4j-simple prints a DEBUG line of the logger (after the thread name). */
    private static final String PREFIX = "DEBUG dev.limber.database.sql - ";
    // values no statement text contains, so finding one in the log means a value was logged
    private static final String TITLE = "Zanzibar Quartet";
    private static final String ISBN = "978-7-77-SECRET";
    private static final String NEW_TITLE = "Quokka Almanac";
    private static final int YEAR = 48151;

    @BeforeEach
    void onlyInTheSqlLoggingExecution() {
        // the default execution (e.g. under -Dtest=SqlLoggingTest) does not turn the logger on;
        // the sql-logging execution runs this class again with it on
        Assumptions.assumeTrue("debug".equals(System.getProperty(LEVEL_PROPERTY)),
                "runs in the sql-logging surefire execution, which sets " + LEVEL_PROPERTY + "=debug");
    }

    private static String stderrOf(Runnable work) {
        PrintStream original = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            work.run();
        } finally {
            System.setErr(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private static List<String> sqlLines(String log) {
        return log.lines().filter(line -> line.contains(PREFIX))
                .map(line -> line.substring(line.indexOf(PREFIX) + PREFIX.length())).toList();
    }

    @AllDatabases
    void everyStatementIsLoggedAtDebugWithPlaceholdersAndNeverItsValues(TestDatabase db) {
        try (Engine engine = engine(db)) {
            String log = stderrOf(() -> {
                try (Session s = engine.openSession()) {
                    Book book = s.insert(new Book(TITLE, ISBN, YEAR));
                    s.get(Book.class, book.id);
                    s.query(Book.class).where(Book_.title.eq(TITLE)).where(Book_.isbn.like(ISBN + "%"))
                            .where(Book_.year.in(YEAR, YEAR + 1)).list();
                    book.title = NEW_TITLE;
                    s.update(book);
                    s.delete(book);
                    s.restore(book);
                    s.query(Book.class).where(Book_.year.between(YEAR, YEAR)).update(Book_.title.set(TITLE));
                    s.commit();
                }
            });

            List<String> sql = sqlLines(log);
            for (String value : List.of(TITLE, ISBN, NEW_TITLE)) {
                assertWithMessage("bound value %s in the log:\n%s", value, log).that(log).doesNotContain(value);
            }
            // numbers only in the SQL lines: elsewhere a hash code could hold the digits by chance
            for (String value : List.of(String.valueOf(YEAR), String.valueOf(YEAR + 1))) {
                assertWithMessage("bound value %s in the log:\n%s", value, log).that(String.join("\n", sql))
                        .doesNotContain(value);
            }
            String books = q(db, "books");
            assertThat(sql.stream().filter(line -> line.startsWith("INSERT INTO " + books + " (")
                    && line.endsWith(" VALUES (?, ?, ?, ?, ?)")).count()).isEqualTo(1);
            assertThat(sql.stream().anyMatch(line -> line.startsWith("SELECT ") && line.contains(" LIKE ?")
                    && line.contains(" IN (?, ?)"))).isTrue();
            assertThat(sql.stream().filter(line -> line.startsWith("UPDATE " + books)).count()).isEqualTo(4);
        }
    }

    @AllDatabases
    void theStatementAnExceptionNamesIsTheOneLogged(TestDatabase db) {
        try (Engine engine = engine(db)) {
            Book stale = engine.transaction(s -> s.insert(new Book(TITLE, ISBN, YEAR)));
            engine.inTransaction(s -> {
                Book fresh = s.get(Book.class, stale.id);
                fresh.title = NEW_TITLE;
                s.update(fresh);
            });
            StaleObjectException[] thrown = new StaleObjectException[1];

            String log = stderrOf(() -> thrown[0] = assertThrows(StaleObjectException.class,
                    () -> engine.inTransaction(s -> s.update(stale))));

            assertThat(sqlLines(log)).contains(thrown[0].sql());
            assertThat(log).doesNotContain(TITLE);
        }
    }

    /** Session.restore of a live row is a no-op: its UPDATE matches deleted rows only, and it says so. */
    @AllDatabases
    void restoringALiveRowWritesNothingAndSaysSoAtDebug(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Book book = s.insert(new Book(TITLE, ISBN, YEAR));

            String log = stderrOf(() -> s.restore(book));

            assertThat(log).contains("DEBUG dev.limber.database.session - restore(): Book with id " + book.id
                    + " is not deleted; nothing to restore");
            assertThat(sqlLines(log).stream().filter(line -> line.startsWith("UPDATE")).toList()).containsExactly(
                    "UPDATE " + q(db, "books") + " SET " + q(db, "deleted_at") + " = NULL WHERE " + q(db, "id")
                            + " = ? AND " + q(db, "deleted_at") + " IS NOT NULL");
        }
    }
}
