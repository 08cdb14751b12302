package dev.limber.database.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.limber.database.processor.sql.Database;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every {@code @Query} error and warning, its text and the line it points at. */
class QueryErrorsTest {
    private static final String FILE = "com/example/library/Library.java";

    private static Compilation compile(String... lines) {
        return QueryAnalysisTest.compile(lines);
    }

    @Test
    void unknownParameterNamesTheClosestOne() {
        Compilation compilation = compile(
                "    @Query(\"SELECT b.* FROM books b WHERE b.title = :titel\")",
                "    List<Book> byTitle(String title);");
        assertThat(compilation).hadErrorContaining(Message.SQL_UNKNOWN_PARAMETER.format("Library.byTitle", "titel",
                "titel", "; did you mean :title?")).inFile(QueryAnalysisTest.source()).onLineContaining(":titel");
        assertThat(compilation).hadErrorContaining(Message.SQL_UNUSED_PARAMETER.format("title", "Library.byTitle",
                "title")).inFile(QueryAnalysisTest.source()).onLineContaining("byTitle(String title)");
    }

    @Test
    void namesInLiteralsCommentsCastsAndQuotedIdentifiersAreNoParameters() {
        Compilation compilation = compile(
                "    @Query(\"SELECT b.* FROM books b WHERE b.title <> ':x' /* :y */ AND b.id::text <> :id -- :z\")",
                "    List<Book> notThese(String id);");
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void unparseableSqlOverASoftDeleteTable() {
        Compilation compilation = compile(
                "    @Query(\"SELECT * FROM books WHERE title = = :title\")",
                "    List<Book> broken(String title);");
        assertThat(compilation).hadErrorContaining("[LIMBER-132] @Query SQL of Library.broken reads soft-delete table"
                + " books, but Limber cannot parse it (").inFile(QueryAnalysisTest.source())
                .onLineContaining("= = :title");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void rawDeleteOfASoftDeleteTable() {
        Compilation compilation = compile(
                "    @Query(\"DELETE FROM books WHERE id = :id\")",
                "    int erase(long id);");
        assertThat(compilation).hadErrorContaining(Message.SQL_RAW_DELETE.format("Library.erase", "books"))
                .inFile(QueryAnalysisTest.source()).onLineContaining("DELETE FROM books");
    }

    @Test
    void rightJoinOverASoftDeleteTable() {
        Compilation compilation = compile(
                "    @Query(\"SELECT t.name FROM books b RIGHT JOIN tags t ON t.id = b.id\")",
                "    List<String> rightJoin();");
        assertThat(compilation).hadErrorContaining(Message.SQL_UNSUPPORTED_POSITION.format("Library.rightJoin", "books",
                "in a SELECT with a RIGHT or FULL JOIN", "write the join as a LEFT JOIN"))
                .inFile(QueryAnalysisTest.source()).onLineContaining("RIGHT JOIN");
    }

    @Test
    void onlyWithoutASoftDeleteMainTable() {
        Compilation compilation = compile(
                "    @Query(value = \"SELECT t.name FROM tags t\", trashed = Trashed.ONLY)",
                "    List<String> trashedTags();");
        assertThat(compilation).hadErrorContaining(Message.SQL_ONLY_WITHOUT_MAIN_TABLE.format("Library.trashedTags"))
                .inFile(QueryAnalysisTest.source()).onLineContaining("Trashed.ONLY");
    }

    @Test
    void missingColumnIsReportedWithTheDatabasesMessage() {
        Compilation compilation = compile(
                "    @Query(\"SELECT b.* FROM books b WHERE b.isbn = :isbn\")",
                "    List<Book> byIsbn(String isbn);");
        assertThat(compilation).hadErrorContaining("[LIMBER-136] @Query SQL of Library.byIsbn does not prepare on h2:"
                + " Column \"b.isbn\" not found").inFile(QueryAnalysisTest.source()).onLineContaining("b.isbn");
        assertThat(compilation).hadErrorContaining("fix the SQL (it is checked against the schema Limber generates"
                + " from the models)");
    }

    @Test
    void missingTable() {
        Compilation compilation = compile(
                "    @Query(\"SELECT COUNT(*) FROM shelves\")",
                "    long shelves();");
        assertThat(compilation).hadErrorContaining("[LIMBER-136] @Query SQL of Library.shelves does not prepare on h2:"
                + " Table \"shelves\" not found").inFile(QueryAnalysisTest.source()).onLineContaining("FROM shelves");
    }

    @Test
    void modelNeedsAllItsColumns() {
        Compilation compilation = compile(
                "    @Query(\"SELECT b.id, b.title FROM books b\")",
                "    List<Book> titles();");
        assertThat(compilation).hadErrorContaining(Message.SQL_MODEL_COLUMNS_MISSING.format("Library.titles", "Book",
                "author_id, deleted_at", "books", "books")).inFile(QueryAnalysisTest.source())
                .onLineContaining("List<Book> titles()");
    }

    @Test
    void recordNeedsAColumnPerComponent() {
        Compilation compilation = compile(
                "    @Query(\"SELECT a.name, COUNT(b.id) AS n FROM authors a JOIN books b ON b.author_id = a.id GROUP BY a.name\")",
                "    List<AuthorCount> counts();");
        assertThat(compilation).hadErrorContaining(Message.SQL_COMPONENT_MISSING.format("Library.counts", "AuthorCount",
                "author", "name, n", "author")).inFile(QueryAnalysisTest.source())
                .onLineContaining("List<AuthorCount> counts()");
        assertThat(compilation).hadErrorContaining(Message.SQL_COMPONENT_MISSING.format("Library.counts", "AuthorCount",
                "books", "name, n", "books"));
    }

    @Test
    void incompatibleTypeNamesColumnAndComponent() {
        Compilation compilation = compile(
                "    @Query(\"SELECT a.name AS author, a.name AS books FROM authors a\")",
                "    List<AuthorCount> wrongType();");
        assertThat(compilation).hadErrorContaining(Message.SQL_INCOMPATIBLE_TYPE.format("Library.wrongType", "books",
                "CHARACTER VARYING", "component books", "long", "String")).inFile(QueryAnalysisTest.source())
                .onLineContaining("wrongType()");
    }

    @Test
    void singleValueNeedsOneColumn() {
        Compilation compilation = compile(
                "    @Query(\"SELECT id, title FROM books\")",
                "    List<String> twoColumns();");
        assertThat(compilation).hadErrorContaining(Message.SQL_NOT_ONE_COLUMN.format("Library.twoColumns",
                "java.lang.String", 2, "id, title")).inFile(QueryAnalysisTest.source()).onLineContaining("twoColumns()");
    }

    @Test
    void updateReturnsRowsChangedOnly() {
        Compilation compilation = compile(
                "    @Query(\"UPDATE books SET title = :title WHERE id = :id\")",
                "    List<Book> retitle(String title, long id);");
        assertThat(compilation).hadErrorContaining(Message.SQL_NO_RESULT_ROWS.format("Library.retitle", "an UPDATE",
                "Book")).inFile(QueryAnalysisTest.source()).onLineContaining("retitle(");
    }

    @Test
    void emptySql() {
        Compilation compilation = compile(
                "    @Query(\" \")",
                "    long nothing();");
        assertThat(compilation).hadErrorContaining(Message.SQL_NO_STATEMENT.format("Library.nothing", "table"))
                .inFile(QueryAnalysisTest.source()).onLineContaining("@Query(\" \")");
    }

    @Test
    void statementForAnUnverifiedDatabaseIsAWarning() {
        Compilation compilation = compile(
                "    @Query(value = \"SELECT COUNT(*) FROM books\", databases = \"postgresql\")",
                "    long pgOnly();");
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining(Message.SQL_NOT_VERIFIED.format("Library.pgOnly", "postgresql"))
                .inFile(QueryAnalysisTest.source()).onLineContaining("databases = \"postgresql\"");
    }

    @Test
    void verifierThatCannotConnectIsAWarningOnce() {
        Compilation compilation = QueryAnalysisTest.compile(
                List.of("-Alimber.verify.postgresql=jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2"),
                "    @Query(\"SELECT COUNT(*) FROM books\")",
                "    long count();",
                "    @Query(\"SELECT COUNT(*) FROM authors\")",
                "    long authors();");
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining("[LIMBER-137] Limber could not check @Query SQL on postgresql"
                + " (jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2): Connection to 127.0.0.1:1 refused")
                .inFile(QueryAnalysisTest.source()).onLineContaining("FROM books");
        assertThat(compilation).hadWarningContaining("Put the JDBC driver on the processor path and make the database"
                + " reachable, or remove -Alimber.verify.postgresql");
    }

    @Test
    void verifierWithoutADriverIsAWarning() {
        Compilation compilation = QueryAnalysisTest.compile(List.of("-Alimber.verify.sqlite=jdbc:nosuch:x"),
                "    @Query(\"SELECT COUNT(*) FROM books\")",
                "    long count();");
        assertThat(compilation).hadWarningContaining("[LIMBER-137] Limber could not check @Query SQL on sqlite"
                + " (jdbc:nosuch:x): no JDBC driver for jdbc:nosuch:x on the processor path; add it there (e.g."
                + " org.xerial:sqlite-jdbc)").inFile(QueryAnalysisTest.source()).onLineContaining("FROM books");
        assertThat(QueryCheckProcessor.RESULTS.get("count").verifiedOn()).containsExactly(Database.H2);
    }

    @Test
    void oneStatementPerMethod() {
        Compilation compilation = compile(
                "    @Query(\"UPDATE books SET title = :title; DELETE FROM tags\")",
                "    int twoThings(String title);");
        assertThat(compilation).hadErrorContaining(Message.SQL_MULTIPLE_STATEMENTS.format("Library.twoThings", 2))
                .inFile(QueryAnalysisTest.source()).onLineContaining("DELETE FROM tags");
        assertThat(compilation).hadErrorCount(1);
    }
}
