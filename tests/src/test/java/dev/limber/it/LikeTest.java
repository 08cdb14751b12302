package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Databases.engine;

import dev.limber.database.Engine;
import dev.limber.database.Session;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Note;
import dev.limber.it.models.Note_;
import java.util.List;

/**
 * {@code Property.like} is the database's own LIKE, bound as a parameter, with the pattern passed
 * as written.
 *
 * <p>Case: compared on every database — PostgreSQL and H2 always do, SQLite connections set
 * {@code case_sensitive_like}, and MariaDB tables use the binary collation utf8mb4_nopad_bin.
 * Escaping differs: a backslash escapes {@code %} and {@code _} everywhere but SQLite, which has no
 * default escape character; {@code contains/startsWith/endsWith} (LiteralMatchTest) escape the
 * same way everywhere.
 */
class LikeTest {

    private static Engine seeded(TestDatabase db) {
        Engine engine = engine(db);
        engine.inTransaction(s -> {
            for (String text : List.of("Dune", "dune messiah", "DUNE", "Ärger", "ärger", "100%", "1000", "a_b", "axb")) {
                s.insert(new Note(text, 0));
            }
        });
        return engine;
    }

    private static List<String> like(Session s, String pattern) {
        return s.query(Note.class).where(Note_.text.like(pattern)).orderBy(Note_.id.asc()).list().stream()
                .map(n -> n.text).toList();
    }

    @AllDatabases
    void likeComparesTheCaseOfAsciiLettersOnEveryDatabase(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            assertThat(like(s, "dune%")).containsExactly("dune messiah");
            assertThat(like(s, "DUN_")).containsExactly("DUNE");
        }
    }

    @AllDatabases
    void likeComparesTheCaseOfOtherLettersOnEveryDatabase(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            assertThat(like(s, "\u00e4r%")).containsExactly("\u00e4rger");
            assertThat(like(s, "\u00c4r%")).containsExactly("\u00c4rger");
        }
    }

    @AllDatabases
    void aBackslashEscapesLikeWildcardsEverywhereButSqlite(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            boolean escapes = !db.dialect().name().equals("sqlite");

            // SQLite reads the backslash as a literal character, so the pattern matches nothing
            assertThat(like(s, "100\\%")).isEqualTo(escapes ? List.of("100%") : List.of());
            assertThat(like(s, "a\\_b")).isEqualTo(escapes ? List.of("a_b") : List.of());
        }
    }

    @AllDatabases
    void percentAndUnderscoreAreWildcardsEverywhere(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            assertThat(like(s, "100%")).containsExactly("100%", "1000").inOrder();
            assertThat(like(s, "a_b")).containsExactly("a_b", "axb").inOrder();
            assertThat(like(s, "Dun_")).contains("Dune");
        }
    }
}
