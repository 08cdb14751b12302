package dev.limber.database.relations;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.database.relations.EagerLoadingTest.names;
import static dev.limber.database.relations.EagerLoadingTest.titles;

import dev.limber.database.Engine;
import dev.limber.database.Query;
import dev.limber.database.Session;
import dev.limber.database.dialect.Dialect;
import dev.limber.database.fixtures.relations.Author;
import dev.limber.database.fixtures.relations.Author_;
import dev.limber.database.fixtures.relations.Biography;
import dev.limber.database.fixtures.relations.Book;
import dev.limber.database.fixtures.relations.BookTag;
import dev.limber.database.fixtures.relations.BookTag_;
import dev.limber.database.fixtures.relations.Book_;
import dev.limber.database.fixtures.relations.Tag;
import dev.limber.database.fixtures.relations.Tag_;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import java.util.List;

/** session.related(model, relation): a full query over the related rows, live ones unless asked. */
class RelatedQueryTest {

    @AllDatabases
    void hasManyIsAQueryOverTheLiveChildren(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            Dialect d = db.dialect();
            Query<Book> franks = s.related(shelf.frank, Author_.books);
            List<String> sql = shelf.log.during(() -> assertThat(titles(franks.list())).containsExactly("Dune"));
            assertThat(sql).containsExactly("SELECT " + d.quote("id") + ", " + d.quote("title") + ", "
                    + d.quote("author_id") + ", " + d.quote("deleted_at") + " FROM " + d.quote("books") + " WHERE "
                    + d.quote("deleted_at") + " IS NULL AND " + d.quote("author_id") + " = ?");
            assertThat(s.related(shelf.frank, Author_.books).count()).isEqualTo(1);
            assertThat(s.related(shelf.lonely, Author_.books).exists()).isFalse();
            assertThat(titles(s.related(shelf.frank, Author_.books).withTrashed().orderBy(Book_.title.asc()).list()))
                    .containsExactly("Dune", "Lost Chapter").inOrder();
            assertThat(s.related(shelf.frank, Author_.books).limit(1).list()).hasSize(1);
        }
    }

    @AllDatabases
    void bulkWritesOnRelatedRowsTouchOnlyThem(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            assertThat(s.related(shelf.ursula, Author_.books).update(Book_.title.set("Hers"))).isEqualTo(2);
            assertThat(s.query(Book.class).where(Book_.title.eq("Hers")).count()).isEqualTo(2);
            assertThat(s.related(shelf.ursula, Author_.books).where(Book_.id.eq(shelf.lathe.id)).delete()).isEqualTo(1);
            assertThat(s.related(shelf.ursula, Author_.books).count()).isEqualTo(1);
            assertThat(s.related(shelf.ursula, Author_.books).restore()).isEqualTo(1);
            // Forgotten's tag link would hold it (ON DELETE RESTRICT): remove the link first
            assertThat(s.query(BookTag.class).where(BookTag_.book.id().eq(shelf.forgotten.id)).forceDelete())
                    .isEqualTo(1);
            assertThat(s.related(shelf.lonely, Author_.books).onlyTrashed().forceDelete()).isEqualTo(1);
            assertThat(s.query(Book.class).withTrashed().count()).isEqualTo(5);
        }
    }

    @AllDatabases
    void toOneRelationsGiveAQueryOfAtMostOneRow(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            Book dune = s.get(Book.class, shelf.dune.id);
            assertThat(s.related(dune, Book_.author).one().name).isEqualTo("Frank");
            Book haunted = s.get(Book.class, shelf.haunted.id);
            assertThat(s.related(haunted, Book_.author).first()).isEmpty(); // Ghost is trashed
            assertThat(s.related(haunted, Book_.author).withTrashed().one().name).isEqualTo("Ghost");
            assertThat(s.related(shelf.ursula, Author_.biography).one().text).isEqualTo("Born in Berkeley");
            assertThat(s.related(shelf.frank, Author_.biography).exists()).isFalse();
            Biography orphan = new Biography(); // no author: matches nothing
            assertThat(s.related(orphan, dev.limber.database.fixtures.relations.Biography_.author).count())
                    .isEqualTo(0);
            assertThat(s.related(new Author("Unsaved"), Author_.books).list()).isEmpty();
        }
    }

    @AllDatabases
    void manyToManyGoesThroughLiveJunctionRows(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            assertThat(names(s.related(shelf.dispossessed, Book_.tags).orderBy(Tag_.name.asc()).list()))
                    .containsExactly("classic", "sf").inOrder();
            assertThat(s.related(shelf.lathe, Book_.tags).count()).isEqualTo(0); // its junction row is deleted
            assertThat(names(s.related(shelf.dune, Book_.tags).withTrashed().orderBy(Tag_.name.asc()).list()))
                    .containsExactly("draft", "sf").inOrder();
            // a bulk write through the junction touches the related tags only
            assertThat(s.related(shelf.dune, Book_.tags).update(Tag_.name.set("science fiction"))).isEqualTo(1);
            List<Tag> all = s.query(Tag.class).withTrashed().orderBy(Tag_.name.asc()).list();
            assertThat(names(all)).containsExactly("classic", "draft", "science fiction").inOrder();
        }
    }
}
