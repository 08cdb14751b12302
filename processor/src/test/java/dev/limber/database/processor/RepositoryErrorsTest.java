package dev.limber.database.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Bad repositories: each bad method is one compile error on that method, from the catalog, that
 * says what is wrong and how to fix it; every problem is reported in one pass.
 */
class RepositoryErrorsTest {
    private static final JavaFileObject AUTHOR = RepositoryGeneratedCodeTest.AUTHOR;
    private static final JavaFileObject BOOK = RepositoryGeneratedCodeTest.BOOK;
    private static final JavaFileObject TAG = Sources.source("com.example.Tag",
            "package com.example;",
            "import dev.limber.database.models.*;",
            "@Model(table = \"tags\") public class Tag {",
            "    @Column(primaryKey = true) Long id;",
            "    @Column String name;",
            "}");
    private static final String BOOK_PROPERTIES =
            "id, title, isbn, pages, inPrint, invoiceNumber, orderNumber, deletedAt, author, authorId";

    /** {@code @Repository(model.class) public interface name { lines }} in com.example. */
    private static JavaFileObject repository(String name, String model, String... lines) {
        String[] all = new String[lines.length + 8];
        all[0] = "package com.example;";
        all[1] = "import dev.limber.database.Page;";
        all[2] = "import dev.limber.database.repository.*;";
        all[3] = "import java.util.*;";
        all[4] = "import java.util.stream.Stream;";
        all[5] = "@Repository(" + model + ".class)";
        all[6] = "public interface " + name + " {";
        System.arraycopy(lines, 0, all, 7, lines.length);
        all[all.length - 1] = "}";
        return Sources.source("com.example." + name, all);
    }

    private static Compilation compile(JavaFileObject repository) {
        return Sources.compile(AUTHOR, BOOK, TAG, repository);
    }

    /** The one method of a BookRepository fails with {@code message} on its line. */
    private static void assertMethodError(String method, Message message, Object... args) {
        JavaFileObject repository = repository("BookRepository", "Book", "    " + method);
        Compilation compilation = compile(repository);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(message.format(args)).inFile(repository).onLineContaining(method);
    }

    @Test
    void repositoryOnAClass() {
        JavaFileObject shelf = Sources.source("com.example.Shelf",
                "package com.example;",
                "import dev.limber.database.repository.Repository;",
                "@Repository(Book.class)",
                "public abstract class Shelf {",
                "}");
        assertThat(compile(shelf)).hadErrorContaining(Message.REPOSITORY_NOT_INTERFACE.format("com.example.Shelf",
                "a class")).inFile(shelf).onLineContaining("@Repository(Book.class)");
    }

    @Test
    void repositoryOfANonModel() {
        JavaFileObject strings = repository("Strings", "String");
        assertThat(compile(strings)).hadErrorContaining(Message.REPOSITORY_NOT_A_MODEL.format("com.example.Strings",
                "java.lang.String")).inFile(strings).onLineContaining("@Repository(String.class)");
    }

    @Test
    void genericRepository() {
        JavaFileObject generic = Sources.source("com.example.Generic",
                "package com.example;",
                "import dev.limber.database.repository.Repository;",
                "@Repository(Book.class)",
                "public interface Generic<T> {",
                "}");
        assertThat(compile(generic)).hadErrorContaining(Message.REPOSITORY_GENERIC.format("com.example.Generic"))
                .inFile(generic).onLineContaining("@Repository(Book.class)");
    }

    @Test
    void privateRepository() {
        JavaFileObject outer = Sources.source("com.example.Outer",
                "package com.example;",
                "import dev.limber.database.repository.Repository;",
                "public class Outer {",
                "    @Repository(Book.class)",
                "    private interface Hidden {",
                "    }",
                "}");
        assertThat(compile(outer)).hadErrorContaining(Message.REPOSITORY_PRIVATE.format("com.example.Outer.Hidden"))
                .inFile(outer).onLineContaining("@Repository(Book.class)");
    }

    @Test
    void aMethodThatIsNeitherDerivedNorQuery() {
        assertMethodError("List<Book> fnidByTitle(String title);", Message.REPOSITORY_METHOD_NOT_DERIVED,
                "BookRepository.fnidByTitle(String)", " (did you mean 'find'?)");
    }

    @Test
    void unreadableSubject() {
        assertMethodError("List<Book> findBooksByTitle(String title);", Message.REPOSITORY_METHOD_SUBJECT,
                "BookRepository.findBooksByTitle(String)", "Books");
    }

    @Test
    void limitOnACount() {
        assertMethodError("long countTop3ByTitle(String title);", Message.REPOSITORY_LIMIT_NOT_FIND,
                "BookRepository.countTop3ByTitle(String)", "Top3", "count", "Top3");
    }

    @Test
    void orderOnACount() {
        assertMethodError("long countByTitleOrderByTitle(String title);", Message.REPOSITORY_LIMIT_NOT_FIND,
                "BookRepository.countByTitleOrderByTitle(String)", "OrderByTitle", "count", "OrderByTitle");
    }

    @Test
    void nothingAfterBy() {
        assertMethodError("List<Book> findBy();", Message.REPOSITORY_METHOD_EMPTY_BY, "BookRepository.findBy()",
                "find", "find");
    }

    @Test
    void misspeltPropertyGetsADidYouMean() {
        assertMethodError("List<Book> findByTitel(String title);", Message.REPOSITORY_UNKNOWN_PROPERTY,
                "BookRepository.findByTitel(String)", "titel", "Book", "; did you mean 'title'?", BOOK_PROPERTIES);
    }

    @Test
    void misspeltPathGetsADidYouMean() {
        assertMethodError("List<Book> findByPagesAndAuthorNmaeOrderByTitle(int pages, String name);",
                Message.REPOSITORY_UNKNOWN_PROPERTY, "BookRepository.findByPagesAndAuthorNmaeOrderByTitle(int, String)",
                "authorNmae", "Book", "; did you mean 'authorName'?", BOOK_PROPERTIES);
    }

    @Test
    void misspeltOrderProperty() {
        assertMethodError("List<Book> findByPagesOrderByTitelDesc(int pages);", Message.REPOSITORY_UNKNOWN_PROPERTY,
                "BookRepository.findByPagesOrderByTitelDesc(int)", "titel", "Book", "; did you mean 'title'?",
                BOOK_PROPERTIES);
    }

    @Test
    void unreadableRestOfTheName() {
        assertMethodError("List<Book> findByTitleLikes(String pattern);", Message.REPOSITORY_METHOD_UNREADABLE,
                "BookRepository.findByTitleLikes(String)", "s", "TitleLike");
    }

    @Test
    void toManyRelationInAName() {
        JavaFileObject authors = repository("AuthorRepository", "Author",
                "    List<Author> findByBooksTitle(String title);");
        Compilation compilation = compile(authors);
        assertThat(compilation).hadErrorContaining(Message.REPOSITORY_TO_MANY_PATH.format(
                "AuthorRepository.findByBooksTitle(String)", "books", "Author"))
                .inFile(authors).onLineContaining("findByBooksTitle");
    }

    @Test
    void wrongNumberOfParameters() {
        assertMethodError("List<Book> findByTitleAndPagesBetween(String title, int low);",
                Message.REPOSITORY_PARAMETER_COUNT, "BookRepository.findByTitleAndPagesBetween(String, int)", 2, 3,
                "title, pages (from), pages (to)");
    }

    @Test
    void parameterOfTheWrongType() {
        assertMethodError("List<Book> findByPages(String pages);", Message.REPOSITORY_PARAMETER_TYPE,
                "BookRepository.findByPages(String)", "pages", "String", "'pages'", "Integer", "Integer", "pages");
    }

    @Test
    void relationParameterOfTheWrongType() {
        assertMethodError("long countByAuthor(String author);", Message.REPOSITORY_PARAMETER_TYPE,
                "BookRepository.countByAuthor(String)", "author", "String", "relation 'author'",
                "Author (or its key, Long)", "Author", "author");
    }

    @Test
    void inNeedsACollection() {
        assertMethodError("List<Book> findByTitleIn(String titles);", Message.REPOSITORY_IN_NOT_COLLECTION,
                "BookRepository.findByTitleIn(String)", "titles", "String", "titleIn", "String", "String", "titles");
    }

    @Test
    void likeOnANumber() {
        assertMethodError("List<Book> findByPagesLike(String pattern);", Message.REPOSITORY_LIKE_NOT_STRING,
                "BookRepository.findByPagesLike(String)", "Like", "pages", "Integer");
    }

    @Test
    void trueOnText() {
        assertMethodError("List<Book> findByTitleTrue();", Message.REPOSITORY_NOT_BOOLEAN,
                "BookRepository.findByTitleTrue()", "True", "title", "String", "title");
    }

    @Test
    void countReturningText() {
        assertMethodError("String countByTitle(String title);", Message.REPOSITORY_RETURN_TYPE,
                "BookRepository.countByTitle(String)", "String", "count", "long");
    }

    @Test
    void findReturningASet() {
        assertMethodError("Set<Book> findByIsbn(String isbn);", Message.REPOSITORY_RETURN_TYPE,
                "BookRepository.findByIsbn(String)", "Set<Book>", "find", "Book, Optional<Book>, List<Book>,"
                        + " Stream<Book>, Page<Book> or a List or Optional of a record of its properties");
    }

    @Test
    void projectionComponentNamingNoProperty() {
        JavaFileObject repository = repository("BookRepository", "Book",
                "    List<Line> findByPages(int pages);",
                "    record Line(String titel) {}");
        Compilation compilation = compile(repository);
        assertThat(compilation).hadErrorContaining(Message.REPOSITORY_PROJECTION_COMPONENT.format(
                "BookRepository.findByPages(int)", "Line", "titel", "Book", " (did you mean 'title'?)"))
                .inFile(repository).onLineContaining("findByPages");
    }

    @Test
    void projectionComponentOfTheWrongType() {
        JavaFileObject repository = repository("BookRepository", "Book",
                "    List<Line> findByPages(int pages);",
                "    record Line(String pages) {}");
        assertThat(compile(repository)).hadErrorContaining(Message.REPOSITORY_PROJECTION_TYPE.format(
                "BookRepository.findByPages(int)", "Line", "pages", "String", "pages", "Integer", "Integer"))
                .inFile(repository).onLineContaining("findByPages");
    }

    @Test
    void projectionTooWide() {
        JavaFileObject repository = repository("BookRepository", "Book",
                "    List<Wide> findByPages(int pages);",
                "    record Wide(Long id, String title, String isbn, int pages, boolean inPrint, String invoiceNumber,"
                        + " String orderNumber) {}");
        assertThat(compile(repository)).hadErrorContaining(Message.REPOSITORY_PROJECTION_WIDTH.format(
                "BookRepository.findByPages(int)", "Wide", 7)).inFile(repository).onLineContaining("findByPages");
    }

    @Test
    void projectionAsAStream() {
        JavaFileObject repository = repository("BookRepository", "Book",
                "    Stream<Line> findByPages(int pages);",
                "    record Line(String title) {}");
        assertThat(compile(repository)).hadErrorContaining(Message.REPOSITORY_PROJECTION_SHAPE.format(
                "BookRepository.findByPages(int)", "Stream<BookRepository.Line>", "Line", "Line"))
                .inFile(repository).onLineContaining("findByPages");
    }

    @Test
    void pageWithoutPageRequest() {
        assertMethodError("Page<Book> findByPages(int pages);", Message.REPOSITORY_PAGE_WITHOUT_REQUEST,
                "BookRepository.findByPages(int)");
    }

    @Test
    void pageRequestWithoutPage() {
        assertMethodError("List<Book> findByPages(int pages, PageRequest page);", Message.REPOSITORY_REQUEST_WITHOUT_PAGE,
                "BookRepository.findByPages(int, PageRequest)", "List<Book>", "Book");
    }

    @Test
    void restoreOnAModelWithoutSoftDelete() {
        JavaFileObject tags = repository("TagRepository", "Tag", "    int restoreByName(String name);");
        assertThat(compile(tags)).hadErrorContaining(Message.REPOSITORY_NOT_SOFT_DELETE.format(
                "TagRepository.restoreByName(String)", "Tag")).inFile(tags).onLineContaining("restoreByName");
    }

    @Test
    void genericMethod() {
        assertMethodError("<T> List<Book> findByTitle(String title);", Message.REPOSITORY_GENERIC_METHOD,
                "BookRepository.findByTitle(String)");
    }

    @Test
    void limitedPage() {
        assertMethodError("Page<Book> findTop3ByPages(int pages, PageRequest page);", Message.REPOSITORY_LIMIT_PAGE,
                "BookRepository.findTop3ByPages(int, PageRequest)", "Top3", "Top3");
    }

    @Test
    void relationComparedByOrder() {
        assertMethodError("List<Book> findByAuthorGreaterThan(Author author);", Message.REPOSITORY_RELATION_OPERATOR,
                "BookRepository.findByAuthorGreaterThan(Author)", "GreaterThan", "author", "author");
    }

    @Test
    void everyBadMethodIsReportedInOnePassAndNothingIsWritten() {
        JavaFileObject repository = repository("BookRepository", "Book",
                "    List<Book> findByTitel(String title);",
                "    long countByPages(String pages);",
                "    Optional<Book> findByIsbn(String isbn);",
                "    Page<Book> findByPages(int pages);");
        Compilation compilation = compile(repository);
        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation).hadErrorContaining("[LIMBER-108]").inFile(repository).onLineContaining("findByTitel");
        assertThat(compilation).hadErrorContaining("[LIMBER-112]").inFile(repository).onLineContaining("countByPages");
        assertThat(compilation).hadErrorContaining("[LIMBER-121]").inFile(repository)
                .onLineContaining("Page<Book> findByPages");
        assertThat(Sources.generatedPathsEvenOnFailure(compilation))
                .doesNotContain("/SOURCE_OUTPUT/com/example/BookRepository_Impl.java");
        for (Diagnostic<?> diagnostic : compilation.errors()) {
            assertThat(diagnostic.getMessage(null)).doesNotContain("internal error");
        }
    }

    @Test
    void queryReturningAPage() {
        assertMethodError("@Query(\"SELECT * FROM books\") Page<Book> all(PageRequest page);",
                Message.REPOSITORY_RETURN_TYPE, "BookRepository.all(PageRequest)", "Page<Book>", "@Query",
                "List, Optional, Stream or one of a model, a record or a value; long, int, boolean; or void");
    }

    @Test
    void queryForAnUnknownDatabase() {
        assertMethodError("@Query(value = \"SELECT * FROM books\", databases = \"oracle\") List<Book> all();",
                Message.REPOSITORY_UNKNOWN_DATABASE, "BookRepository.all()", "oracle");
    }

    @Test
    void queryReturningAModelWhoseColumnsDoNotComeFirst() {
        assertMethodError("@Query(\"SELECT a.name, b.* FROM books b JOIN authors a ON a.id = b.author_id\")"
                        + " List<Book> withAuthors();",
                Message.REPOSITORY_MODEL_COLUMNS_ORDER, "BookRepository.withAuthors", "Book",
                "id, title, isbn, pages, in_print, invoice_number, order_number, author_id, deleted_at",
                "name, id, title, isbn, pages, in_print, invoice_number, order_number, author_id", "books");
    }

    @Test
    void sqlProblemsOfTheFacadeGoOnTheMethod() {
        JavaFileObject repository = repository("BookRepository", "Book",
                "    @Query(\"SELECT * FROM books WHERE title = :titel\")",
                "    List<Book> titled(String title);",
                "    List<Book> findByTitel(String title);");
        Compilation compilation = compile(repository);
        // the SQL's problems (an unknown :name, an unused parameter) and a derived method's, in one pass
        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation).hadErrorContaining("[LIMBER-130]").inFile(repository).onLineContaining("@Query(");
        assertThat(compilation).hadErrorContaining("[LIMBER-131]").inFile(repository).onLineContaining("titled(");
        assertThat(compilation).hadErrorContaining("[LIMBER-108]").inFile(repository).onLineContaining("findByTitel");
    }
}
