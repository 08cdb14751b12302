package dev.limber.database.relations;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.database.relations.EagerLoadingTest.by;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.Engine;
import dev.limber.database.LimberException;
import dev.limber.database.NotLoadedException;
import dev.limber.database.Session;
import dev.limber.database.dialect.Dialect;
import dev.limber.database.fixtures.relations.Author;
import dev.limber.database.fixtures.relations.Author_;
import dev.limber.database.fixtures.relations.Book;
import dev.limber.database.fixtures.relations.Book_;
import dev.limber.database.fixtures.relations.Tag_;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import java.util.List;
import java.util.Map;

/** withCount: a correlated COUNT in the same statement, read as {@code many.count()}. */
class WithCountTest {

    @AllDatabases
    void countsLiveChildrenInTheSameStatement(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            Dialect d = db.dialect();
            List<String> sql = shelf.log.during(() -> {
                Map<String, Author> authors = by(s.query(Author.class).withCount(Author_.books).list(), a -> a.name);
                assertThat(authors.get("Ursula").books.count()).isEqualTo(2);
                assertThat(authors.get("Frank").books.count()).isEqualTo(1); // Lost Chapter is trashed
                assertThat(authors.get("Lonely").books.count()).isEqualTo(0);
                assertThat(authors.get("Ursula").books.isLoaded()).isFalse();
                assertThrows(NotLoadedException.class, () -> authors.get("Ursula").books.get());
            });
            assertThat(sql).containsExactly("SELECT t0." + d.quote("id") + ", t0." + d.quote("name") + ", t0."
                    + d.quote("deleted_at") + ", (SELECT COUNT(*) FROM " + d.quote("books") + " t1 WHERE t1."
                    + d.quote("author_id") + " = t0." + d.quote("id") + " AND t1." + d.quote("deleted_at")
                    + " IS NULL) FROM " + d.quote("authors") + " t0 WHERE t0." + d.quote("deleted_at") + " IS NULL");
        }
    }

    @AllDatabases
    void theConstraintFiltersWhatIsCountedAndSetsItsTrashedMode(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            Map<String, Author> authors = by(s.query(Author.class).withTrashed()
                    .withCount(Author_.books, q -> q.withTrashed()).list(), a -> a.name);
            assertThat(authors.get("Frank").books.count()).isEqualTo(2);
            assertThat(authors.get("Lonely").books.count()).isEqualTo(1);
            assertThat(authors.get("Ghost").books.count()).isEqualTo(1);
            Map<String, Author> outerOnly = by(s.query(Author.class).withTrashed().withCount(Author_.books).list(),
                    a -> a.name);
            assertThat(outerOnly.get("Frank").books.count()).isEqualTo(1); // the outer mode is not the books'
            assertThat(outerOnly.get("Lonely").books.count()).isEqualTo(0);

            Author ursula = s.query(Author.class).where(Author_.name.eq("Ursula"))
                    .withCount(Author_.books, q -> q.whereHas(Book_.tags, t -> t.where(Tag_.name.eq("sf")))).one();
            assertThat(ursula.books.count()).isEqualTo(1);
        }
    }

    @AllDatabases
    void manyToManyCountsSkipTrashedTagsAndDeletedJunctionRows(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            Map<String, Book> books = by(s.query(Book.class).withCount(Book_.tags).list(), b -> b.title);
            assertThat(books.get("The Dispossessed").tags.count()).isEqualTo(2);
            assertThat(books.get("The Lathe of Heaven").tags.count()).isEqualTo(0);
            assertThat(books.get("Dune").tags.count()).isEqualTo(1);
        }
    }

    @AllDatabases
    void countsInsideAnEagerLoadAndBesideIt(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            List<String> sql = shelf.log.during(() -> {
                Author ursula = s.query(Author.class).where(Author_.name.eq("Ursula")).withCount(Author_.books)
                        .with(Author_.books, q -> q.withCount(Book_.tags).orderBy(Book_.title.asc())).one();
                assertThat(ursula.books.count()).isEqualTo(2);
                assertThat(ursula.books.get().get(0).tags.count()).isEqualTo(2);
                assertThat(ursula.books.get().get(1).tags.count()).isEqualTo(0);
                assertThat(s.query(Author.class).withCount(Author_.books).count()).isEqualTo(3);
                assertThat(s.query(Author.class).withCount(Author_.books).stream().count()).isEqualTo(3);
            });
            assertThat(sql).hasSize(4);
        }
    }

    @AllDatabases
    void aToOneRelationHasNoCount(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            LimberException e = assertThrows(LimberException.class, () -> s.query(Book.class).withCount(Book_.author));
            assertThat(e).hasMessageThat().contains("Book.author is a to-one relation, which has no count");
        }
    }
}
