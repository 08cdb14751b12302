package dev.limber.database.relations;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.database.relations.EagerLoadingTest.titles;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.Engine;
import dev.limber.database.LimberException;
import dev.limber.database.Session;
import dev.limber.database.dialect.Dialect;
import dev.limber.database.fixtures.relations.Author;
import dev.limber.database.fixtures.relations.Author_;
import dev.limber.database.fixtures.relations.Book;
import dev.limber.database.fixtures.relations.Book_;
import dev.limber.database.fixtures.relations.Category;
import dev.limber.database.fixtures.relations.Category_;
import dev.limber.database.fixtures.relations.Tag;
import dev.limber.database.fixtures.relations.Tag_;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import java.util.List;

/** whereHas / whereDoesntHave: correlated (NOT) EXISTS, each level in its own trashed mode. */
class WhereHasTest {

    static List<String> names(List<Author> authors) {
        return authors.stream().map(a -> a.name).sorted().toList();
    }

    @AllDatabases
    void whereHasKeepsRowsWithALiveRelatedRowAndIsAnExistsSubquery(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            Dialect d = db.dialect();
            List<String> sql = shelf.log.during(() -> assertThat(names(s.query(Author.class)
                    .whereHas(Author_.books, q -> q.where(Book_.title.like("The%"))).list()))
                    .containsExactly("Ursula"));
            assertThat(sql).containsExactly("SELECT t0." + d.quote("id") + ", t0." + d.quote("name") + ", t0."
                    + d.quote("deleted_at") + " FROM " + d.quote("authors") + " t0 WHERE t0." + d.quote("deleted_at")
                    + " IS NULL AND EXISTS (SELECT 1 FROM " + d.quote("books") + " t1 WHERE t1." + d.quote("author_id")
                    + " = t0." + d.quote("id") + " AND t1." + d.quote("deleted_at") + " IS NULL AND t1."
                    + d.quote("title") + " LIKE ?)");
            assertThat(names(s.query(Author.class).whereHas(Author_.books).list())).containsExactly("Frank", "Ursula");
            assertThat(names(s.query(Author.class).whereHas(Author_.biography).list())).containsExactly("Ursula");
            assertThat(titles(s.query(Book.class).whereHas(Book_.author).list())).containsExactly("The Dispossessed",
                    "The Lathe of Heaven", "Dune");
        }
    }

    @AllDatabases
    void aParentWhoseOnlyChildrenAreTrashedHasNone(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            assertThat(s.query(Author.class).where(Author_.name.eq("Lonely")).whereHas(Author_.books).exists())
                    .isFalse();
            assertThat(names(s.query(Author.class).whereDoesntHave(Author_.books).list())).containsExactly("Lonely");
            assertThat(names(s.query(Author.class).whereDoesntHave(Author_.biography).list()))
                    .containsExactly("Frank", "Lonely");
            // the trashed book counts once the relation's constraint says so
            assertThat(names(s.query(Author.class).whereHas(Author_.books, q -> q.onlyTrashed()).list()))
                    .containsExactly("Frank", "Lonely");
            assertThat(names(s.query(Author.class).whereDoesntHave(Author_.books, q -> q.withTrashed()).list()))
                    .isEmpty();
        }
    }

    @AllDatabases
    void aBookWhoseAuthorIsTrashedHasNoAuthorUnlessTheConstraintSaysWithTrashed(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            assertThat(titles(s.query(Book.class).whereDoesntHave(Book_.author).list())).containsExactly("Haunted");
            assertThat(titles(s.query(Book.class).whereHas(Book_.author, q -> q.withTrashed()
                    .where(Author_.name.eq("Ghost"))).list())).containsExactly("Haunted");
        }
    }

    @AllDatabases
    void theOuterWithTrashedIsNotCarriedIntoTheSubquery(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            // all authors, Ghost included; but only live books count
            assertThat(names(s.query(Author.class).withTrashed().whereHas(Author_.books).list()))
                    .containsExactly("Frank", "Ghost", "Ursula");
            assertThat(titles(s.query(Book.class).withTrashed().whereHas(Book_.author).list()))
                    .containsExactly("The Dispossessed", "The Lathe of Heaven", "Dune", "Lost Chapter", "Forgotten");
        }
    }

    @AllDatabases
    void aJunctionRowDeletedOnItsOwnRelatesNothing(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            // The Lathe of Heaven's only tag link (classic) is deleted; classic itself is live
            assertThat(s.query(Book.class).where(Book_.title.eq("The Lathe of Heaven")).whereHas(Book_.tags).exists())
                    .isFalse();
            assertThat(s.query(Book.class).where(Book_.title.eq("The Lathe of Heaven"))
                    .whereHas(Book_.tags, q -> q.withTrashed()).exists()).isFalse();
            assertThat(titles(s.query(Book.class).whereHas(Book_.tags, q -> q.where(Tag_.name.eq("classic"))).list()))
                    .containsExactly("The Dispossessed");
            assertThat(titles(s.query(Book.class).whereHas(Book_.tags, q -> q.where(Tag_.name.eq("draft"))).list()))
                    .isEmpty(); // the draft tag is trashed
            assertThat(titles(s.query(Book.class).whereHas(Book_.tags, q -> q.withTrashed()
                    .where(Tag_.name.eq("draft"))).list())).containsExactly("Dune");
        }
    }

    @AllDatabases
    void nestedWhereHasFiltersEveryLevel(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            // Frank's sf books: Dune (live) and Lost Chapter (trashed); Ghost's Haunted is sf but Ghost is trashed
            assertThat(names(s.query(Author.class).whereHas(Author_.books, q -> q.whereHas(Book_.tags,
                    t -> t.where(Tag_.name.eq("sf")))).list())).containsExactly("Frank", "Ursula");
            // Lonely's Forgotten is tagged classic, but Forgotten is trashed
            assertThat(names(s.query(Author.class).whereHas(Author_.books, q -> q.whereHas(Book_.tags,
                    t -> t.where(Tag_.name.eq("classic")))).list())).containsExactly("Ursula");
            // Frank's Dune is tagged draft, but the draft tag is trashed
            assertThat(names(s.query(Author.class).whereHas(Author_.books, q -> q.whereHas(Book_.tags,
                    t -> t.where(Tag_.name.eq("draft")))).list())).isEmpty();
            assertThat(names(s.query(Author.class).whereHas(Author_.books, q -> q.whereDoesntHave(Book_.tags)).list()))
                    .containsExactly("Ursula"); // The Lathe of Heaven: its only link is deleted
            // through a to-one: books whose author has a live biography
            assertThat(titles(s.query(Book.class).whereHas(Book_.author, q -> q.whereHas(Author_.biography)).list()))
                    .containsExactly("The Dispossessed", "The Lathe of Heaven");
        }
    }

    @AllDatabases
    void selfReferenceEachLevelFiltersItsOwnAlias(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            Category fiction = s.insert(new Category("Fiction"));
            Category sf = EagerLoadingTest.child(s, "Science fiction", fiction);
            EagerLoadingTest.child(s, "Space opera", sf);
            Category poetry = s.insert(new Category("Poetry"));
            Category sonnets = EagerLoadingTest.child(s, "Sonnets", poetry);
            EagerLoadingTest.child(s, "Petrarchan", sonnets);
            s.query(Category.class).where(Category_.id.eq(sonnets.id))
                    .update(Category_.deletedAt.set(Shelf.TRASHED_AT));

            Dialect d = db.dialect();
            List<String> sql = shelf.log.during(() -> assertThat(s.query(Category.class)
                    .whereHas(Category_.children, q -> q.whereHas(Category_.children)).list().stream()
                    .map(c -> c.name).toList()).containsExactly("Fiction"));
            assertThat(sql.get(0)).endsWith("FROM " + d.quote("categories") + " t0 WHERE t0." + d.quote("deleted_at")
                    + " IS NULL AND EXISTS (SELECT 1 FROM " + d.quote("categories") + " t1 WHERE t1."
                    + d.quote("parent_id") + " = t0." + d.quote("id") + " AND t1." + d.quote("deleted_at")
                    + " IS NULL AND EXISTS (SELECT 1 FROM " + d.quote("categories") + " t2 WHERE t2."
                    + d.quote("parent_id") + " = t1." + d.quote("id") + " AND t2." + d.quote("deleted_at")
                    + " IS NULL))");
            assertThat(s.query(Category.class).whereHas(Category_.parent).list().stream().map(c -> c.name).toList())
                    .containsExactly("Science fiction", "Space opera"); // Petrarchan's parent is trashed
            // a level's withTrashed is its own: trashed Sonnets counts as Poetry's child here, not at the next level
            assertThat(s.query(Category.class).whereHas(Category_.children, q -> q.withTrashed()
                    .whereHas(Category_.children)).list().stream().map(c -> c.name).toList())
                    .containsExactly("Fiction", "Poetry");
            assertThat(s.query(Category.class).withTrashed().whereHas(Category_.children, q -> q
                    .whereHas(Category_.children)).list().stream().map(c -> c.name).toList())
                    .containsExactly("Fiction");
        }
    }

    @AllDatabases
    void bulkWritesTakeWhereHas(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            // live books with a live sf link: The Dispossessed, Dune, Haunted (Lost Chapter is trashed)
            assertThat(s.query(Book.class).whereHas(Book_.tags, q -> q.where(Tag_.name.eq("sf")))
                    .update(Book_.title.set("Tagged"))).isEqualTo(3);
            assertThat(s.query(Book.class).where(Book_.title.eq("Tagged")).count()).isEqualTo(3);
            assertThat(s.query(Author.class).whereDoesntHave(Author_.books).delete()).isEqualTo(1); // Lonely
            assertThat(s.query(Author.class).withTrashed().whereDoesntHave(Author_.books).restore()).isEqualTo(1);
        }
    }

    @AllDatabases
    void aConstraintThatOnlyFiltersRefusesLimitsAndLoads(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            LimberException limit = assertThrows(LimberException.class,
                    () -> s.query(Author.class).whereHas(Author_.books, q -> q.limit(1)));
            assertThat(limit).hasMessageThat()
                    .contains("has no meaning inside the constraint of whereHas(Author.books)");
            LimberException with = assertThrows(LimberException.class,
                    () -> s.query(Author.class).whereHas(Author_.books, q -> q.with(Book_.tags)));
            assertThat(with).hasMessageThat().contains("with(Book.tags) inside the constraint of whereHas(Author.books)"
                    + " loads nothing");
        }
    }
}
