package dev.limber.benchmarks.limber;

import dev.limber.database.repository.Query;
import dev.limber.database.repository.Repository;
import java.util.List;
import java.util.Optional;

/**
 * W1 and W2 as derived repository methods and as {@code @Query} methods with the SQL of the
 * hand-written JDBC contender: the implementation is generated.
 */
@Repository(LimberBook.class)
public interface LimberBooks {
    Optional<LimberBook> findById(Long id);

    List<LimberBook> findTop10ByPagesGreaterThanOrderById(int pages);

    List<LimberBook> findTop100ByPagesGreaterThanOrderById(int pages);

    List<LimberBook> findTop1000ByPagesGreaterThanOrderById(int pages);

    @Query("SELECT id, title, isbn, price, published, pages, in_print, created_at, deleted_at FROM book WHERE id = :id")
    Optional<LimberBook> byId(long id);

    @Query("SELECT id, title, isbn, price, published, pages, in_print, created_at, deleted_at FROM book"
            + " WHERE pages > :minPages ORDER BY id LIMIT :limit")
    List<LimberBook> thickerThan(int minPages, int limit);
}
