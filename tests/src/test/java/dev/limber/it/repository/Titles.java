package dev.limber.it.repository;

import dev.limber.database.Page;
import dev.limber.database.repository.PageRequest;
import dev.limber.database.repository.Repository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** One method per keyword, return type and path the repository tests exercise. */
@Repository(Title.class)
public interface Titles {
    // return types
    Title findByTitle(String title);

    Optional<Title> findByIsbn(String isbn);

    Optional<Title> findById(Long id);

    List<Title> findByTitleEquals(String title);

    Stream<Title> findAllByOrderByTitle();

    Page<Title> findByPagesGreaterThan(int pages, PageRequest page);

    List<Title> findAll();

    // conditions
    List<Title> findByTitleIsOrderByTitle(String title);

    List<Title> findByTitleNotOrderByTitle(String title);

    List<Title> findByPagesLessThanOrderByTitle(int pages);

    List<Title> findByPagesLessThanEqualOrderByTitle(int pages);

    List<Title> findByPagesGreaterThanOrderByTitle(int pages);

    List<Title> findByPagesGreaterThanEqualOrderByTitle(int pages);

    List<Title> findByPagesBetweenOrderByTitle(int low, int high);

    List<Title> findByTitleLikeOrderByTitleAsc(String pattern);

    List<Title> findByTitleNotLikeOrderByTitle(String pattern);

    List<Title> findByTitleInOrderByTitle(Collection<String> titles);

    List<Title> findByTitleNotInOrderByTitle(List<String> titles);

    List<Title> findByIsbnIsNullOrderByTitle();

    List<Title> findByIsbnIsNotNullOrderByTitle();

    List<Title> findByInPrintTrueOrderByTitle();

    List<Title> findByInPrintFalseOrderByTitle();

    List<Title> findByInvoiceNumber(String invoiceNumber);

    List<Title> findByOrderNumberOrderByTitle(String orderNumber);

    List<Title> findByPagesGreaterThanAndInPrintTrueOrTitleOrderByTitleDesc(int pages, String title);

    // ordering and limits
    List<Title> findByInPrintTrueOrderByPagesDescTitleAsc();

    Optional<Title> findFirstByOrderByPagesDesc();

    List<Title> findTop2ByOrderByPagesDesc();

    // to-one paths and relations
    List<Title> findByWriterNameOrderByTitle(String name);

    long countByWriter(Writer writer);

    long countByWriterId(Long writerId);

    List<Title> findByWriterIsNullOrderByTitle();

    // projections
    List<TitleLine> findByInPrintTrueOrderByTitleAsc();

    Optional<TitleLine> findFirstByPagesGreaterThanOrderByPagesAsc(int pages);

    record TitleLine(String title, int pages, String writerName) {
    }

    // counts, checks and writes
    long count();

    long countByPagesGreaterThan(int pages);

    boolean existsByIsbn(String isbn);

    int deleteByTitle(String title);

    void deleteByIsbn(String isbn);

    int forceDeleteByTitle(String title);

    int restoreByTitle(String title);
}
