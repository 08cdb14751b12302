package dev.limber.benchmarks.limber;

import dev.limber.benchmarks.AuthorStats;
import dev.limber.database.repository.Query;
import dev.limber.database.repository.Repository;
import java.util.List;

/** W10 as a {@code @Query} (the hand-written JDBC contender's SQL, soft delete added by the processor). */
@Repository(LimberAuthoredBook.class)
public interface LimberReportQueries {
    @Query("SELECT author_id AS authorId, COUNT(*) AS books, MAX(pages) AS maxPages FROM authored_book"
            + " WHERE pages > :minPages GROUP BY author_id ORDER BY author_id")
    List<AuthorStats> booksPerAuthor(int minPages);
}
