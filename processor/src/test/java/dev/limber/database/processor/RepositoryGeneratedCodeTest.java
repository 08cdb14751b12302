package dev.limber.database.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** What a repository's generated implementation looks like: the Query a person would write. */
class RepositoryGeneratedCodeTest {
    static final JavaFileObject AUTHOR = Sources.source("com.example.Author",
            "package com.example;",
            "import dev.limber.database.Many;",
            "import dev.limber.database.models.*;",
            "import java.time.Instant;",
            "@Model(table = \"authors\", softDelete = true) public class Author {",
            "    @Column(primaryKey = true) Long id;",
            "    @Column(nullable = false) String name;",
            "    @Column Instant deletedAt;",
            "    @HasMany(mappedBy = \"author\") Many<Book> books;",
            "}");
    static final JavaFileObject BOOK = Sources.source("com.example.Book",
            "package com.example;",
            "import dev.limber.database.Ref;",
            "import dev.limber.database.models.*;",
            "import java.time.Instant;",
            "@Model(table = \"books\", softDelete = true) public class Book {",
            "    @Column(primaryKey = true) Long id;",
            "    @Column(nullable = false) String title;",
            "    @Column String isbn;",
            "    @Column int pages;",
            "    @Column boolean inPrint;",
            "    @Column String invoiceNumber;",
            "    @Column String orderNumber;",
            "    @BelongsTo Ref<Author> author;",
            "    @Column Instant deletedAt;",
            "}");

    @Test
    void derivedMethodsBecomeQueries() {
        JavaFileObject repository = Sources.source("com.example.BookRepository",
                "package com.example;",
                "import dev.limber.database.Page;",
                "import dev.limber.database.repository.*;",
                "import java.util.*;",
                "import java.util.stream.Stream;",
                "@Repository(Book.class) public interface BookRepository {",
                "    Optional<Book> findByIsbn(String isbn);",
                "    List<Book> findByTitleLikeOrderByTitleAsc(String pattern);",
                "    List<Book> findByAuthorName(String name);",
                "    long countByAuthor(Author author);",
                "    boolean existsByIsbn(String isbn);",
                "    int deleteByTitle(String title);",
                "    Page<Book> findByPagesGreaterThan(int pages, PageRequest page);",
                "    List<Book> findByInvoiceNumber(String invoiceNumber);",
                "    List<Book> findByOrderNumberOrTitleAndPagesBetweenOrderByPagesDescTitleAsc(String o, String t, int low, int high);",
                "    Stream<Book> findTop2ByInPrintTrueAndIsbnIsNotNull();",
                "    List<Book> findByTitleIn(Collection<String> titles);",
                "    List<TitlePages> findByAuthorIdOrderByTitle(Long authorId);",
                "    record TitlePages(String title, int pages, String authorName) {}",
                "}");
        Compilation compilation = Sources.compile(GeneratedCodeTest.STRICT, AUTHOR, BOOK, repository);
        assertThat(compilation).succeededWithoutWarnings();
        String impl = Sources.generatedSource(compilation, "com/example/BookRepository_Impl.java");
        assertThat(impl).contains("public final class BookRepository_Impl implements BookRepository {");
        assertThat(impl).contains("    @Override\n"
                + "    public Optional<Book> findByIsbn(String isbn) {\n"
                + "        return session.query(Book.class)\n"
                + "                .where(Book_.isbn.eq(isbn))\n"
                + "                .first();\n"
                + "    }\n");
        assertThat(impl).contains(".where(Book_.author.get(Author_.name).eq(name))");
        assertThat(impl).contains(".where(Book_.author.id().eq(RelationKeys.key(Ref.to(author), Long.class)))");
        assertThat(impl).contains(".where(Book_.invoiceNumber.eq(invoiceNumber))");
        assertThat(impl).contains(".where(Condition.or(Book_.orderNumber.eq(o), Condition.and(Book_.title.eq(t),"
                + " Book_.pages.between(low, high))))");
        assertThat(impl).contains(".orderBy(Book_.pages.desc(), Book_.title.asc())");
        // a page is ordered by the primary key last, so pages neither repeat nor skip rows
        assertThat(impl).contains(".orderBy(Book_.id.asc())\n                .page(page.number(), page.size());");
        assertThat(impl).contains(".where(Book_.inPrint.eq(true))\n                .where(Book_.isbn.isNotNull())\n"
                + "                .limit(2)\n                .stream();");
        assertThat(impl).contains(".select(Book_.title, Book_.pages, Book_.author.get(Author_.name))\n"
                + "                .list(BookRepository.TitlePages::new);");
        String registry = Sources.generatedSource(compilation, "com/example/LimberModelRegistry.java");
        assertThat(registry).contains("RepositoryFactory.of(BookRepository.class, BookRepository_Impl::new)");
    }

    @Test
    void queryMethodsRunTheCheckedSql() {
        JavaFileObject repository = Sources.source("com.example.Shelf",
                "package com.example;",
                "import dev.limber.database.repository.*;",
                "import java.time.Instant;",
                "import java.util.*;",
                "import java.util.stream.Stream;",
                "@Repository(Book.class) public interface Shelf {",
                "    @Query(\"SELECT b.* FROM books b JOIN authors a ON a.id = b.author_id WHERE a.name = :name ORDER BY b.title\")",
                "    List<Book> byAuthorName(String name);",
                "    @Query(\"SELECT a.name AS author, COUNT(b.id) AS books FROM authors a LEFT JOIN books b ON b.author_id = a.id GROUP BY a.name ORDER BY a.name\")",
                "    List<AuthorCount> shelfCounts();",
                "    record AuthorCount(String author, long books) {}",
                "    @Query(value = \"SELECT * FROM books WHERE deleted_at < :before\", trashed = Trashed.AS_WRITTEN)",
                "    Stream<Book> deletedBefore(Instant before);",
                "    @Query(\"SELECT COUNT(*) FROM books WHERE pages > :pages\")",
                "    long thick(int pages);",
                "    @Query(\"SELECT title FROM books WHERE isbn = :isbn\")",
                "    Optional<String> titleOf(String isbn);",
                "    @Query(\"UPDATE books SET pages = pages + :more WHERE title = :title\")",
                "    int grow(String title, int more);",
                "    @Query(value = \"SELECT b.* FROM books b WHERE b.title = :rs\", databases = {\"h2\", \"postgresql\"})",
                "    Book named(String rs);",
                "}");
        Compilation compilation = Sources.compile(GeneratedCodeTest.STRICT, AUTHOR, BOOK, repository);
        assertThat(compilation).succeededWithoutWarnings();
        String impl = Sources.generatedSource(compilation, "com/example/Shelf_Impl.java");
        // the SQL is a constant, rewritten at compile time so that every read sees live rows only
        assertThat(impl).contains("private static final String BY_AUTHOR_NAME = \"SELECT b.* FROM books b JOIN authors a"
                + " ON a.id = b.author_id AND a.deleted_at IS NULL WHERE a.name = ? AND b.deleted_at IS NULL"
                + " ORDER BY b.title\";");
        assertThat(impl).contains("    @Override\n"
                + "    public List<Book> byAuthorName(String name) {\n"
                + "        return SqlQuery.of(session, BY_AUTHOR_NAME)\n"
                + "                .bind(name, String.class)\n"
                + "                .list(Book_Mapper.INFO.mapper());\n"
                + "    }\n");
        assertThat(impl).contains(".list((rs, values) -> new Shelf.AuthorCount(values.getString(rs, 1),"
                + " values.getLong(rs, 2)));");
        assertThat(impl).contains("private static final String DELETED_BEFORE = \"SELECT * FROM books WHERE deleted_at"
                + " < ?\";");
        assertThat(impl).contains(".bind(before, Instant.class)\n                .stream(Book_Mapper.INFO.mapper());");
        assertThat(impl).contains(".one((rs, values) -> values.getLong(rs, 1));");
        assertThat(impl).contains(".first((rs, values) -> values.getString(rs, 1));");
        // parameters are bound in the order the SQL names them
        assertThat(impl).contains(".bind(more, Integer.class)\n                .bind(title, String.class)\n"
                + "                .update();");
        assertThat(impl).contains(".writtenFor(\"Shelf.named\", \"h2\", \"postgresql\")");
    }
}
