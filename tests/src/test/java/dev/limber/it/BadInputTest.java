package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.limber.it.Databases.engine;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.Engine;
import dev.limber.database.MappingException;
import dev.limber.database.Session;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Entry;
import dev.limber.it.models.Entry_;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hostile and odd values: each one round-trips byte for byte through insert, find, where(eq),
 * contains and update on every database, or is refused before any SQL is sent; no value changes
 * any row but its own.
 */
class BadInputTest {
    /** The column {@code Entry.text} takes 40 characters. */
    private static final int LENGTH = 40;
    private static final String EMOJI = "\uD83D\uDE00";

    /** Values every database must keep exactly. */
    static final List<String> CORPUS = List.of(
            "", " ", "   ", "abc", "ABC", "abc ", " abc", "abc\t",
            "'", "''", "O'Reilly", "\"", "`", "\\", "\\\\", "\\'", "it\\'s", "\\%", "\\_",
            "'; DROP TABLE entries; --", "' OR '1'='1", "\" OR \"1\"=\"1", "1; DELETE FROM entries",
            "-- comment", "/* comment */", "# comment", "*/", ";",
            "%", "_", "100%", "a_b", "%_%", "!", "!%", "!!", "[a-z]", "*?", "?", ":name", "$1", "{0}",
            "\n", "\r\n", "line 1\nline 2", "\u0001\u001f\u007f",
            "\u00e9", "e\u0301", "\u00c4rger", "\u00df", "\u0130", EMOJI,
            "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "\uD835\uDD18\uD835\uDD2B\uD835\uDD26",
            "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627", "\u202Eabc\u202C", "\uFEFF", "\u200B",
            "\u65e5\u672c\u8a9e",
            "x".repeat(LENGTH), EMOJI.repeat(LENGTH), "y".repeat(LENGTH - 1) + " ", " ".repeat(LENGTH));

    /** Values Limber refuses on every database, with the words the message must hold. */
    static final List<List<String>> REFUSED = List.of(
            List.of("a\u0000b", "NUL character (U+0000) at index 1"),
            List.of("x".repeat(LENGTH + 1), "is 41 characters long, but column entries.text takes at most 40"),
            List.of(EMOJI.repeat(LENGTH + 1), "is 41 characters long, but column entries.text takes at most 40"),
            List.of("ab\uD83D", "half of a UTF-16 surrogate pair (U+D83D) at index 2"),
            List.of("\uDE00ab", "half of a UTF-16 surrogate pair (U+DE00) at index 0"));

    private static String show(String value) {
        StringBuilder out = new StringBuilder("\"");
        value.codePoints().limit(12).forEach(c -> out.append(c >= 0x20 && c < 0x7f ? Character.toString(c)
                : String.format(Locale.ROOT, "\\u{%x}", c)));
        return out.append(value.codePointCount(0, value.length()) > 12 ? "…\"" : "\"").toString();
    }

    private static List<Long> ids(List<Entry> entries) {
        return entries.stream().map(e -> e.id).sorted().toList();
    }

    @AllDatabases
    void hostileValuesRoundTripByteForByteAndTouchOnlyTheirOwnRow(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            List<Entry> neighbours = List.of(s.insert(new Entry("neighbour", "n1")), s.insert(new Entry(null, "n2")),
                    s.insert(new Entry("abc", "n3")));
            List<Entry> rows = new ArrayList<>(neighbours);
            for (int i = 0; i < CORPUS.size(); i++) {
                String value = CORPUS.get(i);
                String what = "value " + i + " " + show(value) + " on " + db;
                Entry inserted = s.insert(new Entry(value, "i" + i));
                Entry updated = s.insert(new Entry("placeholder", "u" + i));
                updated.text = value;
                s.update(updated);
                rows.add(inserted);
                rows.add(updated);

                for (Entry row : List.of(inserted, updated)) {
                    String read = s.get(Entry.class, row.id).text;
                    assertWithMessage("%s read back", what).that(read).isEqualTo(value);
                    assertWithMessage("%s bytes", what).that(read.getBytes(StandardCharsets.UTF_8))
                            .isEqualTo(value.getBytes(StandardCharsets.UTF_8));
                }
                List<Long> equal = new ArrayList<>();
                List<Long> containing = new ArrayList<>();
                for (Entry row : rows) {
                    if (value.equals(row.text)) {
                        equal.add(row.id);
                    }
                    if (row.text != null && row.text.contains(value)) {
                        containing.add(row.id);
                    }
                }
                assertWithMessage("%s where eq", what)
                        .that(ids(s.query(Entry.class).where(Entry_.text.eq(value)).list()))
                        .containsExactlyElementsIn(equal).inOrder();
                assertWithMessage("%s where contains", what)
                        .that(ids(s.query(Entry.class).where(Entry_.text.contains(value)).list()))
                        .containsExactlyElementsIn(containing).inOrder();
            }

            assertThat(s.query(Entry.class).count()).isEqualTo(3 + 2 * CORPUS.size());
            for (Entry neighbour : neighbours) {
                Entry now = s.get(Entry.class, neighbour.id);
                assertThat(now.text).isEqualTo(neighbour.text);
                assertThat(now.code).isEqualTo(neighbour.code);
            }
            s.commit();
        }
    }

    @AllDatabases
    void emptyStringAndNullStayApart(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Entry empty = s.insert(new Entry("", "empty"));
            Entry none = s.insert(new Entry(null, "none"));

            assertThat(s.get(Entry.class, empty.id).text).isEmpty();
            assertThat(s.get(Entry.class, none.id).text).isNull();
            assertThat(ids(s.query(Entry.class).where(Entry_.text.eq("")).list())).containsExactly(empty.id);
            assertThat(ids(s.query(Entry.class).where(Entry_.text.isNull()).list())).containsExactly(none.id);
        }
    }

    @AllDatabases
    void refusedValuesFailBeforeAnySqlAndLeaveTheSessionUsable(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Entry kept = s.insert(new Entry("kept", "k"));
            for (List<String> refused : REFUSED) {
                String value = refused.get(0);
                String what = show(value) + " on " + db;

                MappingException onInsert = assertThrows(MappingException.class,
                        () -> s.insert(new Entry(value, "r")), what);
                assertWithMessage("%s", what).that(onInsert).hasMessageThat().contains(refused.get(1));
                assertWithMessage("%s", what).that(onInsert).hasMessageThat().startsWith("Entry.text ");
                assertWithMessage("%s: no SQL ran", what).that(onInsert.sql()).isNull();

                kept.text = value;
                assertThrows(MappingException.class, () -> s.update(kept), what);
                kept.text = "kept";
                assertThrows(MappingException.class, () -> s.insertAll(List.of(new Entry("fine", "f"),
                        new Entry(value, "r"))), what);
                assertThrows(MappingException.class,
                        () -> s.query(Entry.class).where(Entry_.code.eq("k")).update(Entry_.text.set(value)), what);
            }
            // a statement the database had refused would have spoiled the transaction on PostgreSQL
            // and rolled it back on MariaDB: the insert is still there, and the session still works
            assertThat(s.get(Entry.class, kept.id).text).isEqualTo("kept");
            assertThat(s.query(Entry.class).count()).isEqualTo(1);
            s.commit();
        }
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            assertThat(s.query(Entry.class).count()).isEqualTo(1);
        }
    }

    @AllDatabases
    void aNulCharacterInAConditionIsRefusedBeforeAnySql(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            s.insert(new Entry("kept", "k"));

            MappingException e = assertThrows(MappingException.class,
                    () -> s.query(Entry.class).where(Entry_.text.eq("a\u0000b")).list());

            assertThat(e).hasMessageThat().startsWith("A query parameter holds a NUL character (U+0000) at index 1");
            assertThat(s.query(Entry.class).count()).isEqualTo(1);
        }
    }
}
