package dev.limber.benchmarks.limber;

import dev.limber.database.Page;
import dev.limber.database.repository.PageRequest;
import dev.limber.database.repository.Repository;

/** W11 as a derived repository method: a page of live books and their total. */
@Repository(LimberSoftBook.class)
public interface LimberSoftBookPages {
    Page<LimberSoftBook> findByPagesGreaterThanOrderById(int pages, PageRequest page);
}
