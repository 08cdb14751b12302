package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.LimberException;
import dev.limber.database.MappingException;
import dev.limber.database.Session;
import dev.limber.database.query.Aggregates;
import dev.limber.database.query.Condition;
import dev.limber.database.query.Property;
import dev.limber.database.query.Tuple2;
import dev.limber.database.query.Tuple3;
import dev.limber.database.query.Tuple6;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Note_;
import dev.limber.it.shelf.Author_;
import dev.limber.it.shelf.Book;
import dev.limber.it.shelf.Book_;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code select(...)}: typed rows of columns, to-one paths and aggregates, GROUP BY, HAVING,
 * DISTINCT, ordering by aggregates; soft-deleted rows count only when the query asks (see
 * {@link Bookshelf} for the rows).
 */
class SelectTest {

    /** The design's example record. */
    record AuthorShelf(Long authorId, long books, Integer maxPages) {
    }

    @AllDatabases
    void theDesignsGroupedSelectionReadsIntoARecord(TestDatabase db) {
        try (Bookshelf shelf = new Bookshelf(db); Session session = shelf.open()) {
            List<AuthorShelf> shelves = session.query(Book.class)
                    .select(Book_.author.id(), Aggregates.count(), Aggregates.max(Book_.pages))
                    .groupBy(Book_.author.id())
                    .having(Aggregates.count().gt(1L))
                    .orderBy(Aggregates.count().desc())
                    .list(AuthorShelf::new);             // record AuthorShelf(Long authorId, long books, Integer maxPages)
            // live books only: Ann has two (A3 is deleted), Bob one, Gone's author one
            assertThat(shelves).containsExactly(new AuthorShelf(shelf.ann.id, 2, 200));
        }
    }

    @AllDatabases
    void groupsAndHavingCountDeletedRowsOnlyWhenAsked(TestDatabase db) {
        try (Bookshelf shelf = new Bookshelf(db); Session s = shelf.open()) {
            List<AuthorShelf> all = s.query(Book.class).withTrashed()
                    .select(Book_.author.id(), Aggregates.count(), Aggregates.max(Book_.pages))
                    .groupBy(Book_.author.id())
                    .having(Aggregates.count().gt(1L))
                    .orderBy(Aggregates.count().desc(), Book_.author.id().asc())
                    .list(AuthorShelf::new);
            assertThat(all).containsExactly(new AuthorShelf(shelf.ann.id, 3, 900), new AuthorShelf(shelf.bob.id, 3, 151))
                    .inOrder();
            List<Tuple2<Long, Long>> trashed = s.query(Book.class).onlyTrashed()
                    .select(Book_.author.id(), Aggregates.count())
                    .groupBy(Book_.author.id())
                    .orderBy(Book_.author.id().asc())
                    .list();
            assertThat(trashed).containsExactly(new Tuple2<>(shelf.ann.id, 1L), new Tuple2<>(shelf.bob.id, 2L)).inOrder();
            // a having on a sum: live Bob has 151 pages, with his deleted books 201
            assertThat(s.query(Book.class).select(Book_.author.id()).groupBy(Book_.author.id())
                    .having(Aggregates.sum(Book_.pages).gt(160L)).orderBy(Book_.author.id().asc()).list())
                    .containsExactly(shelf.ann.id, shelf.gone.id).inOrder();
            assertThat(s.query(Book.class).withTrashed().select(Book_.author.id()).groupBy(Book_.author.id())
                    .having(Aggregates.sum(Book_.pages).gt(160L)).orderBy(Book_.author.id().asc()).list())
                    .containsExactly(shelf.ann.id, shelf.bob.id, shelf.gone.id).inOrder();
            // a having on a decimal sum compares numbers on every database (SQLite stores and binds decimals as text)
            assertThat(s.query(Book.class).select(Book_.author.id()).groupBy(Book_.author.id())
                    .having(Aggregates.sumDecimal(Book_.price).gt(new BigDecimal("20.00")))
                    .orderBy(Book_.author.id().asc()).list())
                    .containsExactly(shelf.ann.id, shelf.gone.id).inOrder();
            assertThat(s.query(Book.class).select(Book_.author.id()).groupBy(Book_.author.id())
                    .having(Aggregates.max(Book_.price).lt(new BigDecimal("9.99"))).list())
                    .containsExactly(shelf.bob.id);
        }
    }

    @AllDatabases
    void distinctSeesDeletedRowsOnlyWhenAsked(TestDatabase db) {
        try (Bookshelf shelf = new Bookshelf(db); Session s = shelf.open()) {
            Condition bOrA3 = Condition.or(Book_.title.like("B%"), Book_.title.eq("A3"));
            assertThat(s.query(Book.class).where(bOrA3).select(Book_.author.id()).distinct().list())
                    .containsExactly(shelf.bob.id);
            assertThat(s.query(Book.class).where(bOrA3).withTrashed().select(Book_.author.id()).distinct()
                    .orderBy(Book_.author.id().asc()).list()).containsExactly(shelf.ann.id, shelf.bob.id).inOrder();
            assertThat(s.query(Book.class).where(bOrA3).withTrashed().select(Book_.author.id()).list()).hasSize(4);
            assertThat(s.query(Book.class).onlyTrashed().select(Book_.author.id(), Aggregates.count()).distinct()
                    .groupBy(Book_.author.id()).list()).hasSize(2);
        }
    }

    @AllDatabases
    void toOnePathsSelectAndGroupAndADeletedTargetReadsAsNull(TestDatabase db) {
        try (Bookshelf shelf = new Bookshelf(db); Session s = shelf.open()) {
            List<Tuple2<String, String>> rows = s.query(Book.class)
                    .select(Book_.title, Book_.author.get(Author_.name))
                    .orderBy(Book_.title.asc())
                    .list();
            assertThat(rows).containsExactly(new Tuple2<>("A1", "Ann"), new Tuple2<>("A2", "Ann"),
                    new Tuple2<>("B1", "Bob"), new Tuple2<>("G1", null)).inOrder();
            List<Tuple3<String, Long, BigDecimal>> byName = s.query(Book.class)
                    .select(Book_.author.get(Author_.name), Aggregates.count(), Aggregates.sumDecimal(Book_.price))
                    .groupBy(Book_.author.get(Author_.name))
                    .having(Aggregates.count().ge(1L))
                    .orderBy(Aggregates.sumDecimal(Book_.price).asc())
                    .list();
            // Gone is deleted: its live book groups under no name
            assertThat(byName).containsExactly(new Tuple3<>("Bob", 1L, new BigDecimal("5.00")),
                    new Tuple3<>("Ann", 2L, new BigDecimal("20.25")),
                    new Tuple3<>(null, 1L, new BigDecimal("100.00"))).inOrder();
        }
    }

    @AllDatabases
    void sixExpressionsReadAsATupleOrThroughAConstructor(TestDatabase db) {
        try (Bookshelf shelf = new Bookshelf(db); Session s = shelf.open()) {
            List<Tuple6<String, Integer, BigDecimal, Double, LocalDate, Long>> rows = s.query(Book.class)
                    .where(Book_.title.eq("A1"))
                    .select(Book_.title, Book_.pages, Book_.price, Book_.rating, Book_.published, Book_.author.id())
                    .list();
            assertThat(rows).containsExactly(new Tuple6<>("A1", 100, new BigDecimal("10.50"), 4.0,
                    LocalDate.of(2001, 1, 1), shelf.ann.id));
            List<String> described = s.query(Book.class).orderBy(Book_.pages.desc()).limit(2)
                    .select(Book_.title, Book_.pages)
                    .list((title, pages) -> title + ":" + pages);
            assertThat(described).containsExactly("G1:300", "A2:200").inOrder();
            List<String> titles = s.query(Book.class).select(Book_.title).orderBy(Book_.title.desc()).offset(1)
                    .limit(2).list();
            assertThat(titles).containsExactly("B1", "A2").inOrder();
        }
    }

    @AllDatabases
    void badSelectionsAreRefusedWithAMessage(TestDatabase db) {
        try (Bookshelf shelf = new Bookshelf(db); Session s = shelf.open()) {
            LimberException ungrouped = assertThrows(LimberException.class,
                    () -> s.query(Book.class).select(Book_.title, Aggregates.count()).list());
            assertThat(ungrouped).hasMessageThat().contains("Book.title is not; add it to groupBy(...)");
            LimberException orderedUngrouped = assertThrows(LimberException.class,
                    () -> s.query(Book.class).select(Book_.author.id(), Aggregates.count()).groupBy(Book_.author.id())
                            .orderBy(Book_.title.asc()).list());
            assertThat(orderedUngrouped).hasMessageThat().contains("Book.title is not");
            LimberException distinct = assertThrows(LimberException.class,
                    () -> s.query(Book.class).select(Book_.author.id()).distinct().orderBy(Book_.title.asc()).list());
            assertThat(distinct).hasMessageThat().contains("Book.title is not selected");
            // the compiler refuses another model's property; a cast that gets past it meets the same check at run time
            @SuppressWarnings({"unchecked", "rawtypes"})
            Property<Book, Integer> stars = (Property) Note_.stars;
            MappingException foreign = assertThrows(MappingException.class,
                    () -> s.query(Book.class).select(stars));
            assertThat(foreign).hasMessageThat().contains("Note.stars is not a column of Book");
            LimberException where = assertThrows(LimberException.class,
                    () -> s.query(Book.class).where(Aggregates.count().gt(1L)));
            assertThat(where).hasMessageThat().contains("use it in having(...)");
            LimberException order = assertThrows(LimberException.class,
                    () -> s.query(Book.class).orderBy(Aggregates.count().desc()));
            assertThat(order).hasMessageThat().contains("select it first");
            LimberException with = assertThrows(LimberException.class,
                    () -> s.query(Book.class).with(Book_.author).select(Book_.title));
            assertThat(with).hasMessageThat().contains("with(...) and withCount(...) have nothing to load into");
        }
    }
}
