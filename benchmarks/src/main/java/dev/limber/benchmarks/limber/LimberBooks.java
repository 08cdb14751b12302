package dev.limber.benchmarks.limber;

import dev.limber.database.repository.Repository;
import java.util.List;
import java.util.Optional;

/** W1, W2 and W7 as derived repository methods: the implementation is generated. */
@Repository(LimberBook.class)
public interface LimberBooks {
    Optional<LimberBook> findById(Long id);

    List<LimberBook> findTop10ByPagesGreaterThanOrderById(int pages);

    List<LimberBook> findTop100ByPagesGreaterThanOrderById(int pages);

    List<LimberBook> findTop1000ByPagesGreaterThanOrderById(int pages);
}
