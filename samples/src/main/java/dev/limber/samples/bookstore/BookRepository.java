package dev.limber.samples.bookstore;

import dev.limber.database.Page;
import dev.limber.database.repository.PageRequest;
import dev.limber.database.repository.Query;
import dev.limber.database.repository.Repository;
import dev.limber.database.repository.Trashed;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The bookstore's questions about books, as method names; the Limber processor writes the
 * implementation ({@code BookRepository_Impl}) and {@code session.repository(BookRepository.class)}
 * returns one bound to the session.
 */
// tag::book-repository[]
@Repository(Book.class)                                       // the model the methods are about
public interface BookRepository {
    Optional<Book> findByIsbn(String isbn);                   // books.isbn = ? (live books only)
    List<Book> findByTitleLikeOrderByTitleAsc(String pattern);
    List<Book> findByAuthorNameOrderByTitle(String name);     // a to-one path: Book.author, then Author.name
    long countByAuthor(Author author);                        // compared by key: books.author_id = ?
    boolean existsByIsbn(String isbn);
    int deleteByTitle(String title);                          // soft delete: stamps deleted_at
    Page<Book> findByTitleLike(String pattern, PageRequest page);
    List<Shelved> findAllByOrderByTitle();                    // a record of properties is a projection

    record Shelved(String title, String authorName) {}        // components named after properties and paths

    @Query("SELECT b.* FROM books b JOIN authors a ON a.id = b.author_id WHERE a.name = :name ORDER BY b.title")
    List<Book> byAuthorName(String name);                     // deleted books and authors stay out

    @Query("SELECT a.name AS author, COUNT(b.id) AS books FROM authors a"
            + " LEFT JOIN books b ON b.author_id = a.id GROUP BY a.name ORDER BY a.name")
    List<AuthorCount> shelfCounts();

    record AuthorCount(String author, long books) {}          // a column per component, matched by name

    @Query(value = "SELECT * FROM books WHERE deleted_at < :before ORDER BY title", trashed = Trashed.AS_WRITTEN)
    List<Book> deletedBefore(Instant before);                 // sent exactly as written
}
// end::book-repository[]
