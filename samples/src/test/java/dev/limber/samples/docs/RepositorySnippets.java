package dev.limber.samples.docs;

import static com.google.common.truth.Truth.assertThat;

import dev.limber.database.Engine;
import dev.limber.database.Page;
import dev.limber.database.Session;
import dev.limber.database.repository.PageRequest;
import dev.limber.samples.bookstore.Author;
import dev.limber.samples.bookstore.Book;
import dev.limber.samples.bookstore.BookRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The repository code of docs/repositories.md, on an in-memory H2 database. */
class RepositorySnippets {
    private Engine engine;
    private Session session;
    private Author herbert;

    @BeforeEach
    void shop() {
        engine = Engine.create("jdbc:h2:mem:repositories");
        engine.createAll();
        session = engine.openSession();
        herbert = session.insert(new Author("Frank Herbert"));
        Author leGuin = session.insert(new Author("Ursula K. Le Guin"));
        session.insert(new Book("Dune", herbert, "978-0441172719"));
        session.insert(new Book("Dune Messiah", herbert, null));
        session.insert(new Book("A Wizard of Earthsea", leGuin, "978-0547722023"));
        session.delete(session.insert(new Book("Children of Dune", herbert, "978-0593098240")));   // deleted
    }

    @AfterEach
    void close() {
        session.close();
        engine.close();
    }

    private static List<String> titles(List<Book> books) {
        return books.stream().map(Book::getTitle).collect(Collectors.toList());
    }

    @Test
    void derivedMethods() {
        // tag::repository-use[]
        BookRepository books = session.repository(BookRepository.class);          // bound to this session
        Optional<Book> dune = books.findByIsbn("978-0441172719");
        List<Book> dunes = books.findByTitleLikeOrderByTitleAsc("Dune%");       // Dune, Dune Messiah
        List<Book> hers = books.findByAuthorNameOrderByTitle("Ursula K. Le Guin");
        long his = books.countByAuthor(herbert);                                  // 2: the deleted book does not count
        boolean gone = books.existsByIsbn("978-0593098240");                      // false: that book is deleted
        // end::repository-use[]
        assertThat(dune.map(Book::getTitle)).hasValue("Dune");
        assertThat(titles(dunes)).containsExactly("Dune", "Dune Messiah").inOrder();
        assertThat(titles(hers)).containsExactly("A Wizard of Earthsea");
        assertThat(his).isEqualTo(2);
        assertThat(gone).isFalse();
    }

    @Test
    void pagesAndProjections() {
        BookRepository books = session.repository(BookRepository.class);
        // tag::repository-page[]
        Page<Book> first = books.findByTitleLike("%Dune%", PageRequest.of(0, 1));   // pages count from 0
        List<Book> rows = first.content();                                          // [Dune]
        long total = first.total();                                                 // 2 live books match
        List<BookRepository.Shelved> shelf = books.findAllByOrderByTitle();        // title and author name
        // end::repository-page[]
        assertThat(titles(rows)).containsExactly("Dune");
        assertThat(total).isEqualTo(2);
        assertThat(shelf).containsExactly(
                new BookRepository.Shelved("A Wizard of Earthsea", "Ursula K. Le Guin"),
                new BookRepository.Shelved("Dune", "Frank Herbert"),
                new BookRepository.Shelved("Dune Messiah", "Frank Herbert")).inOrder();
    }

    @Test
    void deletesAreSoft() {
        BookRepository books = session.repository(BookRepository.class);
        // tag::repository-delete[]
        int deleted = books.deleteByTitle("Dune Messiah");      // 1: stamps deleted_at, the row stays
        // end::repository-delete[]
        assertThat(deleted).isEqualTo(1);
        assertThat(titles(books.findByTitleLikeOrderByTitleAsc("Dune%"))).containsExactly("Dune");
        assertThat(session.query(Book.class).onlyTrashed().count()).isEqualTo(2);
    }

    @Test
    void queries() {
        BookRepository books = session.repository(BookRepository.class);
        Instant now = engine.clock().instant();
        // tag::repository-queries[]
        List<Book> his = books.byAuthorName("Frank Herbert");              // Dune, Dune Messiah
        List<BookRepository.AuthorCount> counts = books.shelfCounts();     // (Frank Herbert, 2), (Ursula K. Le Guin, 1)
        List<Book> gone = books.deletedBefore(now.plusSeconds(1));         // Children of Dune
        // end::repository-queries[]
        assertThat(titles(his)).containsExactly("Dune", "Dune Messiah").inOrder();
        assertThat(counts).containsExactly(new BookRepository.AuthorCount("Frank Herbert", 2),
                new BookRepository.AuthorCount("Ursula K. Le Guin", 1)).inOrder();
        assertThat(titles(gone)).containsExactly("Children of Dune");
    }

    @Test
    void plainSqlRunsAsWrittenOnH2() throws SQLException {
        // tag::plain-sql[]
        List<String> titles = new ArrayList<>();
        Connection connection = session.connection();          // the session's transaction; do not close it
        try (PreparedStatement statement = connection.prepareStatement(
                "select b.title from books b join authors a on a.id = b.author_id"
                        + " where a.name = ? and b.deleted_at is null order by b.title")) {
            statement.setString(1, "Frank Herbert");
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    titles.add(rs.getString("title"));           // Dune, Dune Messiah
                }
            }
        }
        // end::plain-sql[]
        assertThat(titles).containsExactly("Dune", "Dune Messiah").inOrder();
    }
}
