package dev.limber.benchmarks.limber;

import dev.limber.database.repository.Repository;
import java.util.List;

/** W7 as derived repository methods on the soft-delete table. */
@Repository(LimberSoftBook.class)
public interface LimberSoftBooks {
    List<LimberSoftBook> findTop10ByPagesGreaterThanOrderById(int pages);

    List<LimberSoftBook> findTop100ByPagesGreaterThanOrderById(int pages);

    List<LimberSoftBook> findTop1000ByPagesGreaterThanOrderById(int pages);
}
