package dev.limber.benchmarks.limber;

import dev.limber.database.repository.Query;
import dev.limber.database.repository.Repository;
import java.util.List;

/** W7 as derived repository methods and as a {@code @Query} (rewritten for soft delete) on the soft-delete table. */
@Repository(LimberSoftBook.class)
public interface LimberSoftBooks {
    List<LimberSoftBook> findTop10ByPagesGreaterThanOrderById(int pages);

    List<LimberSoftBook> findTop100ByPagesGreaterThanOrderById(int pages);

    List<LimberSoftBook> findTop1000ByPagesGreaterThanOrderById(int pages);

    @Query("SELECT id, title, isbn, price, published, pages, in_print, created_at, deleted_at FROM soft_book"
            + " WHERE pages > :minPages ORDER BY id LIMIT :limit")
    List<LimberSoftBook> thickerThan(int minPages, int limit);
}
