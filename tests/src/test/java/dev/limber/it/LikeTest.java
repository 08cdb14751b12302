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
import java.util.Map;

/**
 * {@code Property.like} is the database's own LIKE, bound as a parameter, and LIKE differs per
 * database. These tests pin what each one does today, so the docs can say it; they describe,
 * they do not prescribe.
 *
 * <p>Case: PostgreSQL and H2 compare case-sensitively; SQLite ignores the case of ASCII letters
 * only; MariaDB follows the column's collation, which Limber's DDL leaves at utf8mb4's default
 * ({@code utf8mb4_general_ci} on MariaDB 10.11): case-insensitive, accents too. Escaping: a
 * backslash escapes {@code %} and {@code _} everywhere but SQLite, which has no default escape
 * character.
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
    void likeIgnoresTheCaseOfAsciiLettersOnlyOnSqliteAndMariaDb(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            List<String> expected = Map.of(
                    "h2", List.of("dune messiah"),
                    "postgresql", List.of("dune messiah"),
                    "sqlite", List.of("Dune", "dune messiah", "DUNE"),
                    "mariadb", List.of("Dune", "dune messiah", "DUNE")).get(db.dialect().name());

            assertThat(like(s, "dune%")).containsExactlyElementsIn(expected).inOrder();
        }
    }

    @AllDatabases
    void likeIgnoresTheCaseOfNonAsciiLettersOnlyOnMariaDb(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            List<String> expected = db.dialect().name().equals("mariadb") ? List.of("Ärger", "ärger") : List.of("ärger");

            assertThat(like(s, "är%")).containsExactlyElementsIn(expected).inOrder();
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
