package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Databases.engine;
import static dev.limber.it.Databases.rawCount;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.ConstraintViolationException;
import dev.limber.database.Engine;
import dev.limber.database.Session;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.ServerDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Entry;
import dev.limber.it.models.Entry_;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Strings compare the same way on every database: exactly, by code point, with case, accents and
 * trailing spaces significant. MariaDB's default collation (utf8mb4_general_ci on most servers)
 * would make "ABC" and "abc " equal to "abc"; Limber's tables name utf8mb4_nopad_bin instead, and
 * the test databases keep the server's defaults, as a user's do.
 */
class CollationTest {
    private static final List<String> VALUES = List.of("abc", "ABC", "abc ", "\u00e1bc", "ab", "a bc", "Abc", "b",
            "\uD83D\uDE00", "\u00c4", "z", "_", "0");

    private static Engine seeded(TestDatabase db) {
        Engine engine = engine(db);
        engine.inTransaction(s -> {
            for (String value : VALUES) {
                s.insert(new Entry(value, value));
            }
        });
        return engine;
    }

    @AllDatabases
    void eqMatchesOnlyTheExactString(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            for (String value : VALUES) {
                List<String> found = s.query(Entry.class).where(Entry_.code.eq(value)).list().stream()
                        .map(e -> e.code).toList();
                assertThat(found).containsExactly(value);
            }
            assertThat(s.query(Entry.class).where(Entry_.text.in("ABC", "abc ")).count()).isEqualTo(2);
        }
    }

    @AllDatabases
    void aUniqueColumnTellsCaseAccentsAndTrailingSpacesApart(TestDatabase db) {
        try (Engine engine = seeded(db)) {
            // every value above went into the unique column; an exact duplicate is still refused
            long count = engine.transaction(s -> s.query(Entry.class).count());
            assertThat(count).isEqualTo(VALUES.size());
            assertThrows(ConstraintViolationException.class,
                    () -> engine.inTransaction(s -> s.insert(new Entry("again", "ABC"))));
        }
    }

    @AllDatabases
    void orderByIsCodePointOrder(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            List<String> expected = new ArrayList<>(VALUES);
            expected.sort((a, b) -> {
                int[] x = a.codePoints().toArray();
                int[] y = b.codePoints().toArray();
                return java.util.Arrays.compare(x, y);
            });

            List<String> ordered = s.query(Entry.class).orderBy(Entry_.code.asc()).list().stream().map(e -> e.code)
                    .toList();

            // PostgreSQL orders by its database's collation: C.UTF-8 here, which is code point order
            assertThat(ordered).containsExactlyElementsIn(expected).inOrder();
        }
    }

    /** The control: on the test database's own default collation, MariaDB does not compare exactly. */
    @ServerDatabases
    void theTestDatabaseKeepsTheServersDefaultCollation(TestDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE plain_codes (code VARCHAR(10))");
            st.execute("INSERT INTO plain_codes VALUES ('abc')");
        }
        long sloppy = rawCount(db, "SELECT COUNT(*) FROM plain_codes WHERE code = 'ABC '");
        // MariaDB's server default (utf8mb4_general_ci, PAD SPACE) ignores case and trailing spaces;
        // PostgreSQL's never did
        assertThat(sloppy).isEqualTo(db.dialect().name().equals("mariadb") ? 1 : 0);
    }
}
