package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.Engine;
import dev.limber.database.LimberException;
import dev.limber.database.NotFoundException;
import dev.limber.database.Session;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.repository.Title;
import dev.limber.it.repository.TitleQueries;
import dev.limber.it.repository.TitleQueries.WriterCount;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code @Query} methods on every database: the SQL runs as written (lower-case names, also on
 * H2), rewritten at compile time so that deleted rows of {@link Shelf} stay out unless the method
 * says otherwise, and read into models, records and single values.
 */
class QueryMethodTest {

    private static List<String> titles(List<Title> rows) {
        return rows.stream().map(t -> t.title).collect(Collectors.toList());
    }

    @AllDatabases
    void joinsSeeLiveRowsOnly(TestDatabase db) {
        Shelf shelf = Shelf.seed(db);
        try (Engine engine = shelf.engine(); Session s = engine.openSession()) {
            TitleQueries queries = s.repository(TitleQueries.class);
            assertThat(titles(queries.byWriterName("Ursula"))).containsExactly("Dispossessed", "Earthsea").inOrder();
            assertThat(queries.byWriterName("Philip")).isEmpty();   // the writer is deleted
            // Philip is deleted, and so are Dune (Ursula) and Ubik (Stanislaw)
            assertThat(queries.shelfCounts()).containsExactly(new WriterCount("Stanislaw", 1),
                    new WriterCount("Ursula", 2)).inOrder();
        }
    }

    @AllDatabases
    void trashedModes(TestDatabase db) {
        Shelf shelf = Shelf.seed(db);
        try (Engine engine = shelf.engine(); Session s = engine.openSession()) {
            TitleQueries queries = s.repository(TitleQueries.class);
            assertThat(titles(queries.deletedAsWritten())).containsExactly("Dune", "Lost", "Ubik").inOrder();
            assertThat(titles(queries.everything())).containsExactly("Dispossessed", "Dune", "Earthsea", "Lost",
                    "Orphan", "Solaris", "Ubik", "Valis").inOrder();
            assertThat(titles(queries.trashed())).containsExactly("Dune", "Lost", "Ubik").inOrder();
        }
    }

    @AllDatabases
    void singleValuesAndShapes(TestDatabase db) {
        Shelf shelf = Shelf.seed(db);
        try (Engine engine = shelf.engine(); Session s = engine.openSession()) {
            TitleQueries queries = s.repository(TitleQueries.class);
            assertThat(queries.countThick(203)).isEqualTo(3);
            assertThat(queries.titleOf("333")).hasValue("Solaris");
            assertThat(queries.titleOf("555")).isEmpty();
            assertThat(queries.named("Valis").pages).isEqualTo(240);
            assertThrows(NotFoundException.class, () -> queries.named("Dune"));
            try (Stream<Title> rows = queries.between(200, 210)) {
                assertThat(rows.map(t -> t.title).collect(Collectors.toList()))
                        .containsExactly("Earthsea", "Solaris").inOrder();
            }
            assertThat(queries.known("111")).isTrue();
            assertThat(queries.known("Dune")).isFalse();
        }
    }

    @AllDatabases
    void updatesTouchLiveRowsOnly(TestDatabase db) {
        Shelf shelf = Shelf.seed(db);
        try (Engine engine = shelf.engine(); Session s = engine.openSession()) {
            TitleQueries queries = s.repository(TitleQueries.class);
            assertThat(queries.grow(shelf.ursula().id, 10)).isEqualTo(2);   // Earthsea, Dispossessed; not Dune
            s.commit();
            List<String> pages = queries.everything().stream().filter(t -> t.title.matches("Earthsea|Dune"))
                    .map(t -> t.title + " " + t.pages).collect(Collectors.toList());
            assertThat(pages).containsExactly("Dune 412", "Earthsea 210").inOrder();
        }
    }

    @AllDatabases
    void aStatementWrittenForSomeDatabasesRunsOnlyThere(TestDatabase db) {
        Shelf shelf = Shelf.seed(db);
        try (Engine engine = shelf.engine(); Session s = engine.openSession()) {
            TitleQueries queries = s.repository(TitleQueries.class);
            String database = engine.dialect().name();
            if (database.equals("h2") || database.equals("postgresql")) {
                assertThat(queries.titlesIgnoringCase("%SOL%")).containsExactly("Solaris");
            } else {
                LimberException e = assertThrows(LimberException.class, () -> queries.titlesIgnoringCase("%SOL%"));
                assertThat(e).hasMessageThat().contains("TitleQueries.titlesIgnoringCase is a @Query written for h2,"
                        + " postgresql");
            }
        }
    }
}
