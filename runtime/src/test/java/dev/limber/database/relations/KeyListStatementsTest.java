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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The statements of an eager load keep a few SQL texts whatever the number of keys (one array
 * parameter where the database has arrays, else IN lists padded to a few lengths), so that the
 * database can keep them prepared; and the rows are right for every key count, at the edges of
 * the padded lengths and of the chunks a constraint's own values force.
 */
class KeyListStatementsTest {
    private static final int AUTHORS = 40;

    /** {@code authors} authors, each with two live books tagged sf and one soft-deleted book. */
    private static List<Author> seed(Engine engine, int authors) {
        try (Session s = engine.openSession()) {
            List<Author> people = new ArrayList<>();
            for (int i = 0; i < authors; i++) {
                people.add(new Author("Author " + i));
            }
            people = s.insertAll(people);
            List<Book> books = new ArrayList<>();
            for (Author author : people) {
                for (String title : List.of(" first", " second", " deleted")) {
                    Book book = new Book(author.name + title);
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
            for (Book book : books) {
                if (book.title.endsWith(" deleted")) {
                    s.delete(book);
                }
            }
            s.commit();
            return people;
        }
    }

    private static boolean arrays(TestDatabase db) {
        return db.dialect().keyArrayType(Long.class) != null;
    }

    @AllDatabases
    void everyKeyCountUpToFortyUsesAFewTextsAndReadsTheRightRows(TestDatabase db) {
        StatementLog log = new StatementLog();
        try (Engine engine = log.engine(db, new RelationsRegistry())) {
            RelationsRegistry.createTables(engine);
            seed(engine, AUTHORS);
            Set<String> booksSql = new HashSet<>();
            Set<String> authorSql = new HashSet<>();
            Set<String> tagsSql = new HashSet<>();
            try (Session s = engine.openSession()) {
                List<Author> all = s.query(Author.class).orderBy(Author_.id.asc()).list();
                for (int keys = 1; keys <= AUTHORS; keys++) {
                    List<Author> authors = all.subList(0, keys);
                    List<String> sql = log.during(() -> s.load(authors, Author_.books));
                    assertThat(sql).hasSize(1);
                    booksSql.addAll(sql);
                    List<Book> books = new ArrayList<>();
                    for (Author author : authors) {
                        assertThat(EagerLoadingTest.titles(author.books.get()))
                                .containsExactly(author.name + " first", author.name + " second").inOrder();
                        books.addAll(author.books.get());
                    }
                    // a to-one over `keys` authors, and a many-to-many over 2 × keys books
                    authorSql.addAll(log.during(() -> s.load(books, Book_.author)));
                    tagsSql.addAll(log.during(() -> s.load(books, Book_.tags)));
                    for (Book book : books) {
                        assertThat(book.title).startsWith(book.author.get().name + " ");
                        assertThat(book.tags.get()).hasSize(1);
                        assertThat(book.tags.get().get(0).name).isEqualTo("sf");
                    }
                }
            }
            if (arrays(db)) {
                assertThat(booksSql).hasSize(1);
                assertThat(authorSql).hasSize(1);
                assertThat(tagsSql).hasSize(1);
            } else {
                // lengths 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48 for 1 to 40 keys, where exact lists make 40 texts
                assertThat(booksSql).hasSize(11);
                assertThat(authorSql).hasSize(11);
                // 2, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96 for the 2 to 80 books
                assertThat(tagsSql).hasSize(11);
            }
        }
    }

    @AllDatabases
    void chunksForcedByAConstraintsValuesReadTheRightRowsAtTheirEdges(TestDatabase db) {
        StatementLog log = new StatementLog();
        try (Engine engine = log.engine(db, new RelationsRegistry())) {
            RelationsRegistry.createTables(engine);
            seed(engine, 21);
            try (Session s = engine.openSession()) {
                List<Author> all = s.query(Author.class).orderBy(Author_.id.asc()).list();
                // a constraint binding all but 10 of the values one statement may hold: 10 keys per statement
                List<Long> filler = new ArrayList<>();
                for (long i = 1, n = db.dialect().maxParameters() - 10; i <= n; i++) {
                    filler.add(-i);
                }
                for (int keys : new int[] {10, 11, 21}) {
                    List<Author> authors = all.subList(0, keys);
                    List<String> sql = log.during(() -> s.load(authors, Author_.books,
                            q -> q.where(Condition.or(Book_.id.in(filler), Book_.title.isNotNull()))));
                    assertThat(sql).hasSize(arrays(db) ? 1 : (keys + 9) / 10);
                    for (Author author : authors) {
                        assertThat(EagerLoadingTest.titles(author.books.get()))
                                .containsExactly(author.name + " first", author.name + " second").inOrder();
                    }
                }
            }
        }
    }
}
