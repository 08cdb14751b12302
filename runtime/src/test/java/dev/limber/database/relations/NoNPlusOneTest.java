package dev.limber.database.relations;

import static com.google.common.truth.Truth.assertThat;

import dev.limber.database.Engine;
import dev.limber.database.Ref;
import dev.limber.database.Session;
import dev.limber.database.StatementLog;
import dev.limber.database.fixtures.relations.Author;
import dev.limber.database.fixtures.relations.Author_;
import dev.limber.database.fixtures.relations.Book;
import dev.limber.database.fixtures.relations.BookTag;
import dev.limber.database.fixtures.relations.Book_;
import dev.limber.database.fixtures.relations.RelationsRegistry;
import dev.limber.database.fixtures.relations.Tag;
import dev.limber.database.query.Condition;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;

/**
 * The number of statements an eager load sends does not grow with the number of rows: one per
 * relation level, counted at the connection for 1, 10 and 1,000 parents; only a key list past the
 * database's parameter limit is split, into as few statements as the limit allows.
 */
class NoNPlusOneTest {

    /** {@code authors} authors with two books each, every book tagged sf. */
    private static void seed(Engine engine, int authors) {
        try (Session s = engine.openSession()) {
            List<Author> people = new ArrayList<>();
            for (int i = 0; i < authors; i++) {
                people.add(new Author("Author " + i));
            }
            people = s.insertAll(people);
            List<Book> books = new ArrayList<>();
            for (Author author : people) {
                for (int j = 0; j < 2; j++) {
                    Book book = new Book(author.name + " book " + j);
                    book.author = Ref.ofId(author.id);
                    books.add(book);
                }
            }
            books = s.insertAll(books);
            Tag sf = s.insert(new Tag("sf"));
            List<BookTag> links = new ArrayList<>();
            for (Book book : books) {
                BookTag link = new BookTag();
                link.book = Ref.ofId(book.id);
                link.tag = Ref.to(sf);
                links.add(link);
            }
            s.insertAll(links);
            s.commit();
        }
    }

    private static List<Integer> statementsFor(TestDatabase db, int authors) {
        StatementLog log = new StatementLog();
        try (Engine engine = log.engine(db, new RelationsRegistry())) {
            RelationsRegistry.createTables(engine);
            seed(engine, authors);
            try (Session s = engine.openSession()) {
                List<Integer> counts = new ArrayList<>();
                counts.add(log.during(() -> {
                    List<Author> all = s.query(Author.class).withCount(Author_.books)
                            .with(Author_.books, q -> q.with(Book_.tags).with(Book_.author))
                            .with(Author_.biography).list();
                    assertThat(all).hasSize(authors);
                    for (Author author : all) {
                        assertThat(author.books.count()).isEqualTo(2);
                        assertThat(author.books.get()).hasSize(2);
                        assertThat(author.books.get().get(1).tags.get()).hasSize(1);
                        assertThat(author.books.get().get(0).author.get().id).isEqualTo(author.id);
                        assertThat(author.biography.find()).isEmpty();
                    }
                }).size());
                counts.add(log.during(() -> {
                    List<Book> books = s.query(Book.class).list();
                    s.load(books, Book_.author);
                    assertThat(books.get(books.size() - 1).author.get().name).isEqualTo("Author " + (authors - 1));
                }).size());
                return counts;
            } finally {
                RelationsRegistry.dropTables(engine); // the next size runs on the same database
            }
        }
    }

    @AllDatabases
    void statementsDoNotGrowWithTheParents(TestDatabase db) {
        // authors (with counts), their books, the books' tags, the books' authors, the biographies
        assertThat(statementsFor(db, 1)).containsExactly(5, 2).inOrder();
        assertThat(statementsFor(db, 10)).containsExactly(5, 2).inOrder();
        assertThat(statementsFor(db, 1000)).containsExactly(5, 2).inOrder();
    }

    @AllDatabases
    void keysPastTheParameterLimitAreSplitIntoAsFewStatementsAsFit(TestDatabase db) {
        StatementLog log = new StatementLog();
        try (Engine engine = log.engine(db, new RelationsRegistry())) {
            RelationsRegistry.createTables(engine);
            seed(engine, 25);
            try (Session s = engine.openSession()) {
                List<Author> authors = s.query(Author.class).list();
                // a constraint binding all but 10 of the values one statement may hold: 10 keys per statement
                List<Long> filler = new ArrayList<>();
                for (long i = 1, n = db.dialect().maxParameters() - 10; i <= n; i++) {
                    filler.add(-i);
                }
                List<String> sql = log.during(() -> s.load(authors, Author_.books,
                        q -> q.where(Condition.or(Book_.id.in(filler), Book_.title.isNotNull()))));
                // where the keys travel as one array parameter, the constraint leaves room for all of them
                assertThat(sql).hasSize(db.dialect().keyArrayType(Long.class) != null ? 1 : 3);
                for (Author author : authors) {
                    assertThat(author.books.get()).hasSize(2);
                }
            }
        }
    }
}
