package dev.limber.it.repository;

import dev.limber.database.repository.Query;
import dev.limber.database.repository.Repository;
import dev.limber.database.repository.Trashed;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Hand-written SQL, as a user writes it: unquoted lower-case names, {@code :name} parameters. */
@Repository(Title.class)
public interface TitleQueries {
    @Query("SELECT t.* FROM repo_titles t JOIN repo_writers w ON w.id = t.writer_id WHERE w.name = :name"
            + " ORDER BY t.title")
    List<Title> byWriterName(String name);

    @Query("SELECT w.name AS writer, COUNT(t.id) AS titles FROM repo_writers w"
            + " LEFT JOIN repo_titles t ON t.writer_id = w.id GROUP BY w.name ORDER BY w.name")
    List<WriterCount> shelfCounts();

    record WriterCount(String writer, long titles) {
    }

    @Query(value = "SELECT * FROM repo_titles WHERE deleted_at IS NOT NULL ORDER BY title", trashed = Trashed.AS_WRITTEN)
    List<Title> deletedAsWritten();

    @Query(value = "SELECT * FROM repo_titles ORDER BY title", trashed = Trashed.INCLUDE)
    List<Title> everything();

    @Query(value = "SELECT * FROM repo_titles ORDER BY title", trashed = Trashed.ONLY)
    List<Title> trashed();

    @Query("SELECT COUNT(*) FROM repo_titles WHERE pages > :pages")
    long countThick(int pages);

    @Query("SELECT title FROM repo_titles WHERE isbn = :isbn")
    Optional<String> titleOf(String isbn);

    @Query("SELECT t.* FROM repo_titles t WHERE t.title = :title")
    Title named(String title);

    @Query("SELECT * FROM repo_titles WHERE pages BETWEEN :low AND :high ORDER BY pages")
    Stream<Title> between(int low, int high);

    @Query("UPDATE repo_titles SET pages = pages + :more WHERE writer_id = :writer")
    int grow(Long writer, int more);

    @Query("SELECT COUNT(*) > 0 FROM repo_titles WHERE isbn = :isbn OR title = :isbn")
    boolean known(String isbn);

    @Query(value = "SELECT title FROM repo_titles WHERE title ILIKE :pattern ORDER BY title",
            databases = {"h2", "postgresql"})
    List<String> titlesIgnoringCase(String pattern);
}
