package dev.limber.database.processor.sql;

import static com.google.common.truth.Truth.assertThat;

import dev.limber.database.processor.Message;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The exact SQL the rewriter sends for each shape and mode, and what it refuses. */
class SoftDeleteRewriterTest {
    static final SqlSchema SCHEMA = new SqlSchema(List.of(
            table("authors", true), table("books", true), table("book_tags", true), table("tags", false)));

    private final SoftDeleteRewriter rewriter = new SoftDeleteRewriter(SCHEMA);

    static SqlSchema.Table table(String name, boolean softDelete) {
        return new SqlSchema.Table(name, name, softDelete, List.of(), Set.of(), Map.of());
    }

    private String exclude(String sql) {
        return rewrite(sql, TrashedMode.EXCLUDE);
    }

    private String rewrite(String sql, TrashedMode mode) {
        SoftDeleteRewriter.Rewrite rewrite = rewriter.rewrite("Repo.m", sql, mode);
        assertThat(rewrite.problems()).isEmpty();
        return rewrite.sql();
    }

    private Problem refused(String sql, TrashedMode mode) {
        SoftDeleteRewriter.Rewrite rewrite = rewriter.rewrite("Repo.m", sql, mode);
        assertThat(rewrite.sql()).isNull();
        assertThat(rewrite.problems()).hasSize(1);
        return rewrite.problems().get(0);
    }

    @Test
    void fromTableGetsItsPredicateInWhere() {
        assertThat(exclude("SELECT * FROM books WHERE title = :title"))
                .isEqualTo("SELECT * FROM books WHERE title = :title AND books.deleted_at IS NULL");
        assertThat(exclude("SELECT b.* FROM books b"))
                .isEqualTo("SELECT b.* FROM books b WHERE b.deleted_at IS NULL");
    }

    @Test
    void orConditionsAreParenthesisedBeforeTheAnd() {
        assertThat(exclude("SELECT * FROM books b WHERE b.title = :a OR b.title = :b"))
                .isEqualTo("SELECT * FROM books b WHERE (b.title = :a OR b.title = :b) AND b.deleted_at IS NULL");
    }

    @Test
    void innerAndLeftJoinsGetTheirPredicateInTheirOnClause() {
        assertThat(exclude("SELECT b.* FROM books b JOIN authors a ON a.id = b.author_id WHERE a.name = :name"))
                .isEqualTo("SELECT b.* FROM books b JOIN authors a ON a.id = b.author_id AND a.deleted_at IS NULL"
                        + " WHERE a.name = :name AND b.deleted_at IS NULL");
        assertThat(exclude("SELECT a.name, COUNT(b.id) AS books FROM authors a LEFT JOIN books b ON b.author_id = a.id"
                + " GROUP BY a.name"))
                .isEqualTo("SELECT a.name, COUNT(b.id) AS books FROM authors a LEFT JOIN books b ON b.author_id = a.id"
                        + " AND b.deleted_at IS NULL WHERE a.deleted_at IS NULL GROUP BY a.name");
    }

    @Test
    void selfJoinBindsEachPredicateToItsAlias() {
        assertThat(exclude("SELECT x.id FROM books x JOIN books y ON y.title = x.title AND y.id <> x.id"))
                .isEqualTo("SELECT x.id FROM books x JOIN books y ON y.title = x.title AND y.id <> x.id"
                        + " AND y.deleted_at IS NULL WHERE x.deleted_at IS NULL");
    }

    @Test
    void commaAndCrossJoinsFilterInWhere() {
        assertThat(exclude("SELECT * FROM books b, authors a WHERE a.id = b.author_id"))
                .isEqualTo("SELECT * FROM books b, authors a WHERE a.id = b.author_id AND b.deleted_at IS NULL"
                        + " AND a.deleted_at IS NULL");
        assertThat(exclude("SELECT * FROM tags t CROSS JOIN authors a"))
                .isEqualTo("SELECT * FROM tags t CROSS JOIN authors a WHERE a.deleted_at IS NULL");
    }

    @Test
    void subqueriesEverywhereFilterTheirOwnTables() {
        assertThat(exclude("SELECT a.name FROM authors a WHERE a.id IN (SELECT b.author_id FROM books b)"))
                .isEqualTo("SELECT a.name FROM authors a WHERE a.id IN (SELECT b.author_id FROM books b"
                        + " WHERE b.deleted_at IS NULL) AND a.deleted_at IS NULL");
        assertThat(exclude("SELECT a.name FROM authors a WHERE EXISTS (SELECT 1 FROM books WHERE books.author_id = a.id)"))
                .isEqualTo("SELECT a.name FROM authors a WHERE EXISTS (SELECT 1 FROM books WHERE books.author_id = a.id"
                        + " AND books.deleted_at IS NULL) AND a.deleted_at IS NULL");
        assertThat(exclude("SELECT a.name, (SELECT COUNT(*) FROM books b WHERE b.author_id = a.id) AS n FROM authors a"))
                .isEqualTo("SELECT a.name, (SELECT COUNT(*) FROM books b WHERE b.author_id = a.id"
                        + " AND b.deleted_at IS NULL) AS n FROM authors a WHERE a.deleted_at IS NULL");
        assertThat(exclude("SELECT t.n FROM (SELECT COUNT(*) AS n FROM books) t"))
                .isEqualTo("SELECT t.n FROM (SELECT COUNT(*) AS n FROM books WHERE books.deleted_at IS NULL) t");
    }

    @Test
    void cteBodiesAndUnionBranchesFilterEachTable() {
        assertThat(exclude("WITH recent AS (SELECT id, title FROM books) SELECT title FROM recent"))
                .isEqualTo("WITH recent AS (SELECT id, title FROM books WHERE books.deleted_at IS NULL)"
                        + " SELECT title FROM recent");
        assertThat(exclude("SELECT name FROM authors UNION SELECT title FROM books"))
                .isEqualTo("SELECT name FROM authors WHERE authors.deleted_at IS NULL UNION SELECT title FROM books"
                        + " WHERE books.deleted_at IS NULL");
    }

    @Test
    void updateTouchesLiveRowsOnly() {
        assertThat(exclude("UPDATE books SET title = :title WHERE id = :id"))
                .isEqualTo("UPDATE books SET title = :title WHERE id = :id AND books.deleted_at IS NULL");
        assertThat(exclude("UPDATE books SET title = 'x' WHERE author_id IN (SELECT id FROM authors WHERE name = :n)"))
                .isEqualTo("UPDATE books SET title = 'x' WHERE author_id IN (SELECT id FROM authors WHERE name = :n"
                        + " AND authors.deleted_at IS NULL) AND books.deleted_at IS NULL");
    }

    @Test
    void includeSendsTheStatementAsWritten() {
        String sql = "SELECT b.*  FROM books b -- every row\n WHERE b.title = :t";
        assertThat(rewrite(sql, TrashedMode.INCLUDE)).isEqualTo(sql);
        assertThat(rewrite(sql, TrashedMode.AS_WRITTEN)).isEqualTo(sql);
    }

    @Test
    void onlyNegatesTheMainTableAndKeepsJoinsLive() {
        assertThat(rewrite("SELECT b.* FROM books b JOIN authors a ON a.id = b.author_id", TrashedMode.ONLY))
                .isEqualTo("SELECT b.* FROM books b JOIN authors a ON a.id = b.author_id AND a.deleted_at IS NULL"
                        + " WHERE b.deleted_at IS NOT NULL");
        assertThat(rewrite("UPDATE books SET deleted_at = NULL WHERE id = :id", TrashedMode.ONLY))
                .isEqualTo("UPDATE books SET deleted_at = NULL WHERE id = :id AND books.deleted_at IS NOT NULL");
        assertThat(rewrite("SELECT id FROM books UNION ALL SELECT id FROM authors", TrashedMode.ONLY))
                .isEqualTo("SELECT id FROM books WHERE books.deleted_at IS NOT NULL UNION ALL SELECT id FROM authors"
                        + " WHERE authors.deleted_at IS NOT NULL");
    }

    @Test
    void statementsWithoutSoftDeleteTablesAreSentAsWritten() {
        String sql = "SELECT t.name  FROM tags t WHERE t.name LIKE :p -- any";
        assertThat(exclude(sql)).isEqualTo(sql);
    }

    @Test
    void parametersCastsAndLiteralsSurviveTheRewrite() {
        assertThat(exclude("SELECT b.id::text, ':no' FROM books b WHERE b.title = :title"))
                .isEqualTo("SELECT b.id::text, ':no' FROM books b WHERE b.title = :title AND b.deleted_at IS NULL");
    }

    @Test
    void rawDeleteOfASoftDeleteTableIsRefused() {
        Problem problem = refused("DELETE FROM books WHERE id = :id", TrashedMode.EXCLUDE);
        assertThat(problem.message()).isEqualTo(Message.SQL_RAW_DELETE);
        assertThat(problem.text()).isEqualTo(Message.SQL_RAW_DELETE.format("Repo.m", "books"));
        refused("DELETE FROM books WHERE id = :id", TrashedMode.INCLUDE);
        assertThat(rewrite("DELETE FROM books WHERE id = :id", TrashedMode.AS_WRITTEN))
                .isEqualTo("DELETE FROM books WHERE id = :id");
        assertThat(exclude("DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM book_tags)"))
                .isEqualTo("DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM book_tags"
                        + " WHERE book_tags.deleted_at IS NULL)");
    }

    @Test
    void unparseableSqlOnASoftDeleteTableFailsClosed() {
        Problem problem = refused("SELECT * FROM books WHERE title = = :t", TrashedMode.EXCLUDE);
        assertThat(problem.message()).isEqualTo(Message.SQL_UNPARSEABLE);
        assertThat(problem.text()).startsWith("[LIMBER-132] @Query SQL of Repo.m reads soft-delete table books, but"
                + " Limber cannot parse it (Encountered unexpected token: \"=\"");
        assertThat(rewrite("SELECT * FROM books WHERE title = = :t", TrashedMode.AS_WRITTEN))
                .isEqualTo("SELECT * FROM books WHERE title = = :t");
        // A table that does not soft delete needs no rewriting, so the parser's limits do not apply.
        assertThat(exclude("SELECT * FROM tags WHERE name = = :t")).isEqualTo("SELECT * FROM tags WHERE name = = :t");
    }

    @Test
    void rightAndFullJoinsOverSoftDeleteTablesAreRefused() {
        Problem problem = refused("SELECT * FROM books b RIGHT JOIN tags t ON t.id = b.id", TrashedMode.EXCLUDE);
        assertThat(problem.text()).isEqualTo(Message.SQL_UNSUPPORTED_POSITION.format("Repo.m", "books",
                "in a SELECT with a RIGHT or FULL JOIN", "write the join as a LEFT JOIN"));
    }

    @Test
    void outerJoinWithUsingIsRefused() {
        Problem problem = refused("SELECT * FROM tags LEFT JOIN book_tags USING (id)", TrashedMode.EXCLUDE);
        assertThat(problem.message()).isEqualTo(Message.SQL_UNSUPPORTED_POSITION);
    }

    @Test
    void onlyNeedsASoftDeleteMainTable() {
        Problem problem = refused("SELECT t.* FROM tags t JOIN book_tags bt ON bt.tag_id = t.id", TrashedMode.ONLY);
        assertThat(problem.text()).isEqualTo(Message.SQL_ONLY_WITHOUT_MAIN_TABLE.format("Repo.m"));
    }

    @Test
    void insertSelectReadsLiveRowsOnly() {
        assertThat(exclude("INSERT INTO tags (name) SELECT title FROM books WHERE id = :id"))
                .isEqualTo("INSERT INTO tags (name) SELECT title FROM books WHERE id = :id AND books.deleted_at IS NULL");
        assertThat(exclude("INSERT INTO books (title, author_id) VALUES (:title, :author)"))
                .isEqualTo("INSERT INTO books (title, author_id) VALUES (:title, :author)");
    }

    @Test
    void subqueriesInHavingOrderByAndOnClausesAreRewrittenToo() {
        assertThat(exclude("SELECT t.name FROM tags t GROUP BY t.name HAVING COUNT(*) < (SELECT COUNT(*) FROM books)"))
                .isEqualTo("SELECT t.name FROM tags t GROUP BY t.name HAVING COUNT(*) < (SELECT COUNT(*) FROM books"
                        + " WHERE books.deleted_at IS NULL)");
        assertThat(exclude("SELECT t.name FROM tags t ORDER BY (SELECT COUNT(*) FROM book_tags bt WHERE bt.tag_id = t.id)"))
                .isEqualTo("SELECT t.name FROM tags t ORDER BY (SELECT COUNT(*) FROM book_tags bt WHERE bt.tag_id = t.id"
                        + " AND bt.deleted_at IS NULL)");
        assertThat(exclude("SELECT t.name FROM tags t JOIN tags u ON u.id IN (SELECT tag_id FROM book_tags)"))
                .isEqualTo("SELECT t.name FROM tags t JOIN tags u ON u.id IN (SELECT tag_id FROM book_tags"
                        + " WHERE book_tags.deleted_at IS NULL)");
    }

    @Test
    void intersectExceptAndNestedCtesAreRewritten() {
        assertThat(exclude("SELECT id FROM authors EXCEPT SELECT author_id FROM books"))
                .isEqualTo("SELECT id FROM authors WHERE authors.deleted_at IS NULL EXCEPT SELECT author_id FROM books"
                        + " WHERE books.deleted_at IS NULL");
        assertThat(exclude("SELECT n FROM (WITH s AS (SELECT id FROM books) SELECT COUNT(*) AS n FROM s) x"))
                .isEqualTo("SELECT n FROM (WITH s AS (SELECT id FROM books WHERE books.deleted_at IS NULL)"
                        + " SELECT COUNT(*) AS n FROM s) x");
    }

    @Test
    void aCteNamedLikeASoftDeleteTableIsRefused() {
        Problem problem = refused("WITH books AS (SELECT * FROM books WHERE id > 1) SELECT id FROM books",
                TrashedMode.EXCLUDE);
        assertThat(problem.text()).isEqualTo(Message.SQL_UNSUPPORTED_POSITION.format("Repo.m", "books",
                "as the name of a WITH query, which hides the table", "give the WITH query another name"));
    }

    @Test
    void quotedAndQualifiedNamesAreRecognised() {
        assertThat(exclude("SELECT * FROM \"books\" WHERE id = :id"))
                .isEqualTo("SELECT * FROM \"books\" WHERE id = :id AND \"books\".deleted_at IS NULL");
        assertThat(exclude("SELECT * FROM public.Books"))
                .isEqualTo("SELECT * FROM public.Books WHERE Books.deleted_at IS NULL");
    }

    @Test
    void updateWithJoinsFiltersEveryJoinedTable() {
        assertThat(exclude("UPDATE books b JOIN authors a ON a.id = b.author_id SET b.title = :t WHERE a.name = :n"))
                .isEqualTo("UPDATE books b JOIN authors a ON a.id = b.author_id AND a.deleted_at IS NULL SET b.title = :t"
                        + " WHERE a.name = :n AND b.deleted_at IS NULL");
        assertThat(exclude("UPDATE books SET title = :t FROM authors a WHERE a.id = books.author_id"))
                .isEqualTo("UPDATE books SET title = :t FROM authors a WHERE a.id = books.author_id"
                        + " AND books.deleted_at IS NULL AND a.deleted_at IS NULL");
    }

    @Test
    void aDataModifyingWithQueryOnASoftDeleteTableIsRefused() {
        Problem problem = refused("WITH changed AS (UPDATE books SET title = 'x' RETURNING id) SELECT COUNT(*) FROM changed",
                TrashedMode.EXCLUDE);
        assertThat(problem.text()).isEqualTo(Message.SQL_UNPARSEABLE.format("Repo.m", "books",
                "it has a form Limber does not analyze, such as a WITH query that changes rows"));
    }

    @Test
    void vendorSyntaxTheDocsPromiseParses() {
        assertThat(exclude("SELECT b.id::text FROM books b WHERE b.title ILIKE :p LIMIT :n OFFSET :o"))
                .isEqualTo("SELECT b.id::text FROM books b WHERE b.title ILIKE :p AND b.deleted_at IS NULL LIMIT :n OFFSET :o");
        assertThat(exclude("SELECT b.id FROM books b ORDER BY b.id FETCH FIRST 5 ROWS ONLY"))
                .isEqualTo("SELECT b.id FROM books b WHERE b.deleted_at IS NULL ORDER BY b.id FETCH FIRST 5 ROWS ONLY");
        assertThat(exclude("UPDATE books SET title = :t WHERE id = :id RETURNING id"))
                .isEqualTo("UPDATE books SET title = :t WHERE id = :id AND books.deleted_at IS NULL RETURNING id");
        assertThat(exclude("INSERT INTO books (id, title) VALUES (:id, :t) ON CONFLICT (id) DO UPDATE SET title = :t"))
                .isEqualTo("INSERT INTO books (id, title) VALUES (:id, :t) ON CONFLICT (id) DO UPDATE SET title = :t");
    }

    @Test
    void aSoftDeleteTableInsideAParenthesisedJoinIsRefused() {
        SoftDeleteRewriter.Rewrite rewrite = rewriter.rewrite("Repo.m", "SELECT t.name FROM tags t LEFT JOIN"
                + " (book_tags bt JOIN books b ON b.id = bt.book_id) ON bt.tag_id = t.id", TrashedMode.EXCLUDE);
        assertThat(rewrite.sql()).isNull();
        String position = "in a position Limber does not rewrite (a parenthesised join, a USING list or a table function)";
        String fix = "move it into a FROM or JOIN of a SELECT";
        assertThat(rewrite.problems().stream().map(Problem::text).toList()).containsExactly(
                Message.SQL_UNSUPPORTED_POSITION.format("Repo.m", "book_tags", position, fix),
                Message.SQL_UNSUPPORTED_POSITION.format("Repo.m", "books", position, fix));
    }
}
