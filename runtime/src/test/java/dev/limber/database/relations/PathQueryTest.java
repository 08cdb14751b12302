package dev.limber.database.relations;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.database.relations.EagerLoadingTest.titles;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.Engine;
import dev.limber.database.MappingException;
import dev.limber.database.Ref;
import dev.limber.database.Session;
import dev.limber.database.dialect.Dialect;
import dev.limber.database.fixtures.relations.Author;
import dev.limber.database.fixtures.relations.Author_;
import dev.limber.database.fixtures.relations.Biography_;
import dev.limber.database.fixtures.relations.Book;
import dev.limber.database.fixtures.relations.BookTag;
import dev.limber.database.fixtures.relations.BookTag_;
import dev.limber.database.fixtures.relations.Book_;
import dev.limber.database.fixtures.relations.Category;
import dev.limber.database.fixtures.relations.Category_;
import dev.limber.database.fixtures.relations.Imprint;
import dev.limber.database.fixtures.relations.Imprint_;
import dev.limber.database.fixtures.relations.Publisher;
import dev.limber.database.fixtures.relations.Publisher_;
import dev.limber.database.fixtures.relations.Tag_;
import dev.limber.database.query.Condition;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import java.util.List;

/** where and orderBy on to-one paths ({@code Book_.author.get(Author_.name)}). */
class PathQueryTest {

    @AllDatabases
    void aConditionOnAPathFiltersByTheTargetsColumn(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            List<Book> hers = s.query(Book.class).where(Book_.author.get(Author_.name).eq("Ursula"))
                    .orderBy(Book_.title.asc()).list();
            assertThat(titles(hers)).containsExactly("The Dispossessed", "The Lathe of Heaven").inOrder();
            assertThat(s.query(Book.class).where(Book_.author.get(Author_.name).in("Frank", "Ursula")).count())
                    .isEqualTo(3);
            // combined with a column of the book itself, in one OR
            assertThat(titles(s.query(Book.class).where(Condition.or(Book_.title.eq("Haunted"),
                    Book_.author.get(Author_.name).eq("Frank"))).orderBy(Book_.title.asc()).list()))
                    .containsExactly("Dune", "Haunted").inOrder();
        }
    }

    @AllDatabases
    void aRowWhoseTargetIsTrashedNeverMatchesAConditionOnThePath(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            assertThat(s.query(Book.class).where(Book_.author.get(Author_.name).eq("Ghost")).list()).isEmpty();
            assertThat(s.query(Book.class).where(Book_.author.get(Author_.name).ne("Frank")).count()).isEqualTo(2);
            // IS NULL, and NOT of a condition, do not match a missing target either
            assertThat(s.query(Book.class).where(Book_.author.get(Author_.name).isNull()).list()).isEmpty();
            assertThat(titles(s.query(Book.class).where(Condition.not(Book_.author.get(Author_.name).isNull()))
                    .orderBy(Book_.title.asc()).list()))
                    .containsExactly("Dune", "The Dispossessed", "The Lathe of Heaven").inOrder();
            assertThat(s.query(Book.class).where(Condition.not(Book_.author.get(Author_.name).eq("Frank"))).count())
                    .isEqualTo(2);
            // the outer withTrashed is the books' mode, not the authors'
            assertThat(s.query(Book.class).withTrashed().where(Book_.author.get(Author_.name).eq("Ghost")).list())
                    .isEmpty();
            assertThat(titles(s.query(Book.class).withTrashed().where(Book_.author.get(Author_.name).eq("Frank"))
                    .orderBy(Book_.title.asc()).list())).containsExactly("Dune", "Lost Chapter").inOrder();
        }
    }

    @AllDatabases
    void orderingByAPathKeepsEveryRow(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            List<Book> books = s.query(Book.class).orderBy(Book_.author.get(Author_.name).desc(), Book_.title.asc())
                    .list();
            assertThat(books).hasSize(4);
            // Haunted's author is trashed: it stays, where NULL sorts on this database (first or last)
            assertThat(titles(books)).contains("Haunted");
            assertThat(titles(books).stream().filter(t -> !t.equals("Haunted")).toList())
                    .containsExactly("The Dispossessed", "The Lathe of Heaven", "Dune").inOrder();
            assertThat(s.query(Book.class).orderBy(Book_.author.get(Author_.name).asc()).limit(2).list()).hasSize(2);
        }
    }

    @AllDatabases
    void nestedPathsJoinEachStepOnce(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            List<String> sql = shelf.log.during(() -> {
                List<BookTag> links = s.query(BookTag.class)
                        .where(BookTag_.book.get(Book_.author.get(Author_.name)).eq("Ursula"))
                        .where(BookTag_.tag.get(Tag_.name).eq("sf"))
                        .orderBy(BookTag_.book.get(Book_.title).asc())
                        .list();
                assertThat(links).hasSize(1);
                assertThat(links.get(0).book.id()).isEqualTo(shelf.dispossessed.id);
            });
            Dialect d = db.dialect();
            assertThat(sql).containsExactly("SELECT t0." + d.quote("id") + ", t0." + d.quote("book_id") + ", t0."
                    + d.quote("tag_id") + ", t0." + d.quote("deleted_at") + " FROM " + d.quote("book_tags") + " t0"
                    + " LEFT JOIN " + d.quote("books") + " t1 ON t1." + d.quote("id") + " = t0." + d.quote("book_id")
                    + " AND t1." + d.quote("deleted_at") + " IS NULL"
                    + " LEFT JOIN " + d.quote("authors") + " t2 ON t2." + d.quote("id") + " = t1."
                    + d.quote("author_id")
                    + " AND t2." + d.quote("deleted_at") + " IS NULL"
                    + " LEFT JOIN " + d.quote("tags") + " t3 ON t3." + d.quote("id") + " = t0." + d.quote("tag_id")
                    + " AND t3." + d.quote("deleted_at") + " IS NULL"
                    + " WHERE t0." + d.quote("deleted_at") + " IS NULL AND t2." + d.quote("name") + " = ? AND t3."
                    + d.quote("name") + " = ? ORDER BY t1." + d.quote("title") + " ASC");
        }
    }

    @AllDatabases
    void aSelfReferencePathFiltersTheParentsRowsNotTheChilds(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            Category fiction = s.insert(new Category("Fiction"));
            Category sf = EagerLoadingTest.child(s, "Science fiction", fiction);
            EagerLoadingTest.child(s, "Space opera", sf);
            EagerLoadingTest.child(s, "Fantasy", fiction);
            s.query(Category.class).where(Category_.id.eq(sf.id)).update(Category_.deletedAt.set(Shelf.TRASHED_AT));

            assertThat(s.query(Category.class).where(Category_.parent.get(Category_.name).eq("Fiction")).list()
                    .stream().map(c -> c.name).toList()).containsExactly("Fantasy");
            // Space opera is live, but its parent is trashed: it never matches a condition on the parent
            assertThat(s.query(Category.class).where(Category_.parent.get(Category_.name).eq("Science fiction"))
                    .list()).isEmpty();
            assertThat(s.query(Category.class).withTrashed()
                    .where(Category_.parent.get(Category_.parent.get(Category_.name)).eq("Fiction")).list().stream()
                    .map(c -> c.name).toList()).isEmpty();
            assertThat(s.query(Category.class).where(Category_.parent.get(Category_.name).like("%")).count())
                    .isEqualTo(1);
        }
    }

    @AllDatabases
    void aBelongsToWithTrashedPathStillMatchesATrashedTarget(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            Publisher gone = s.insert(new Publisher("Gone"));
            s.insert(new Imprint("Gone Press", Ref.to(gone)));
            s.query(Publisher.class).where(Publisher_.id.eq(gone.id()))
                    .update(Publisher_.deletedAt.set(Shelf.TRASHED_AT));
            assertThat(s.query(Imprint.class).where(Imprint_.publisher.get(Publisher_.name).eq("Gone")).count())
                    .isEqualTo(1);
            assertThat(s.query(Imprint.class).whereHas(Imprint_.publisher).count()).isEqualTo(1);
            assertThat(s.related(s.query(Imprint.class).one(), Imprint_.publisher).count()).isEqualTo(1);
        }
    }

    @AllDatabases
    void aHasOnePathJoinsTheLiveChild(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            assertThat(s.query(Author.class).where(Author_.biography.get(Biography_.text).like("Born%")).list()
                    .stream().map(a -> a.name).toList()).containsExactly("Ursula"); // Frank's biography is trashed
        }
    }

    @AllDatabases
    void aPropertyOfAnotherModelIsRefused(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            MappingException where = assertThrows(MappingException.class,
                    () -> s.query(Book.class).where(Author_.name.eq("Ursula")).list());
            assertThat(where).hasMessageThat().startsWith("Author.name is not a column of Book; use the metamodel of"
                    + " the queried model (Book_)");
            assertThrows(MappingException.class, () -> s.query(Book.class).orderBy(Author_.name.asc()));
            // a path from another model, even one whose column name matches a column of Book
            assertThrows(MappingException.class,
                    () -> s.query(Book.class).where(Biography_.author.get(Author_.id).eq(1L)).list());
            assertThrows(MappingException.class, () -> s.query(Book.class).where(Book_.author.get(Author_.id).eq(1L))
                    .update(Book_.author.get(Author_.name).set("x")));
        }
    }

    @AllDatabases
    void plainQueriesKeepTheirSingleTableSql(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            Dialect d = db.dialect();
            List<String> sql = shelf.log.during(() -> s.query(Book.class).where(Book_.title.eq("Dune"))
                    .orderBy(Book_.title.asc()).list());
            assertThat(sql).containsExactly("SELECT " + d.quote("id") + ", " + d.quote("title") + ", "
                    + d.quote("author_id") + ", " + d.quote("deleted_at") + " FROM " + d.quote("books") + " WHERE "
                    + d.quote("deleted_at") + " IS NULL AND " + d.quote("title") + " = ? ORDER BY " + d.quote("title")
                    + " ASC");
        }
    }

    @AllDatabases
    void bulkWritesTakePathConditions(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            assertThat(s.query(Book.class).where(Book_.author.get(Author_.name).eq("Ursula"))
                    .update(Book_.title.set("Renamed"))).isEqualTo(2);
            assertThat(s.query(Book.class).where(Book_.title.eq("Renamed")).count()).isEqualTo(2);
            assertThat(s.query(Book.class).where(Book_.author.get(Author_.name).eq("Frank")).delete()).isEqualTo(1);
            assertThat(s.query(Book.class).where(Book_.author.get(Author_.name).eq("Frank")).restore()).isEqualTo(2);
            assertThat(s.query(Book.class).where(Book_.author.get(Author_.name).eq("Ghost")).forceDelete())
                    .isEqualTo(0);
        }
    }
}
