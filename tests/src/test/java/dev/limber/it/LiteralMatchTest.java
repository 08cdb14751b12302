package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Databases.engine;

import dev.limber.database.Engine;
import dev.limber.database.Session;
import dev.limber.database.query.Condition;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Note;
import dev.limber.it.models.Note_;
import java.util.List;

/**
 * {@code contains}, {@code startsWith} and {@code endsWith} match their text literally on every
 * database: {@code %}, {@code _}, the backslash (MariaDB's and PostgreSQL's default LIKE escape)
 * and {@code !} (the escape character Limber names) match only themselves.
 */
class LiteralMatchTest {

    private static Engine seeded(TestDatabase db) {
        Engine engine = engine(db);
        engine.inTransaction(s -> {
            for (String text : List.of("100%", "1000", "100% sure", "a_b", "axb", "a\\b", "a\\\\b", "ab", "wow!",
                    "wow", "!%_", "x!%_y", "Dune", "dune", "DUNE")) {
                s.insert(new Note(text, 0));
            }
        });
        return engine;
    }

    private static List<String> where(Session s, Condition condition) {
        return s.query(Note.class).where(condition).orderBy(Note_.id.asc()).list().stream().map(n -> n.text).toList();
    }

    @AllDatabases
    void percentAndUnderscoreMatchOnlyThemselves(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            assertThat(where(s, Note_.text.contains("0%"))).containsExactly("100%", "100% sure").inOrder();
            assertThat(where(s, Note_.text.endsWith("0%"))).containsExactly("100%");
            assertThat(where(s, Note_.text.startsWith("100%"))).containsExactly("100%", "100% sure").inOrder();
            assertThat(where(s, Note_.text.contains("_"))).containsExactly("a_b", "!%_", "x!%_y").inOrder();
            assertThat(where(s, Note_.text.startsWith("a_"))).containsExactly("a_b");
        }
    }

    @AllDatabases
    void theBackslashAndTheEscapeCharacterMatchOnlyThemselves(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            assertThat(where(s, Note_.text.contains("\\"))).containsExactly("a\\b", "a\\\\b").inOrder();
            assertThat(where(s, Note_.text.contains("\\\\"))).containsExactly("a\\\\b");
            assertThat(where(s, Note_.text.endsWith("\\b"))).containsExactly("a\\b", "a\\\\b").inOrder();
            assertThat(where(s, Note_.text.endsWith("!"))).containsExactly("wow!");
            assertThat(where(s, Note_.text.contains("!%_"))).containsExactly("!%_", "x!%_y").inOrder();
            assertThat(where(s, Note_.text.startsWith("!%_"))).containsExactly("!%_");
        }
    }

    @AllDatabases
    void literalMatchesCompareCaseExactlyOnEveryDatabase(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            assertThat(where(s, Note_.text.startsWith("Du"))).containsExactly("Dune");
            assertThat(where(s, Note_.text.contains("UN"))).containsExactly("DUNE");
            assertThat(where(s, Note_.text.like("dun%"))).containsExactly("dune");
        }
    }

    @AllDatabases
    void theEmptyTextMatchesEveryValue(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            assertThat(where(s, Note_.text.contains(""))).hasSize(15);
            assertThat(where(s, Note_.text.startsWith(""))).hasSize(15);
        }
    }
}
