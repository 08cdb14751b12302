package dev.limber.database.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import dev.limber.database.processor.sql.AnalyzedQuery;
import dev.limber.database.processor.sql.SqlTokenizer;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Hand-written {@code @Query} SQL on all four databases, against the generated schema: each query
 * returns trashed rows as written (proved here, on the same data), and only live rows — or, under
 * ONLY, only trashed main rows — after the rewriting.
 *
 * <p>Data: authors Ursula (live), Gene (deleted), Octavia (live, her one book deleted); books
 * Earthsea and Tehanu (Ursula, live), Lathe (Ursula, deleted), Shadow (Gene's, live), Kindred
 * (Octavia, deleted); tags sf and classic; book_tags Earthsea–sf (live), Earthsea–classic
 * (deleted), Lathe–classic (deleted), Shadow–sf (live).
 */
class SoftDeleteCorpusTest {

    /** One corpus query: its method, the rows as written and the rows after the rewriting. */
    private record Case(String method, Map<String, Object> parameters, List<String> asWritten, List<String> rewritten) {
    }

    private static final List<String> REPOSITORY = List.of(
            "package com.example.library;",
            "",
            "import dev.limber.database.repository.Query;",
            "import dev.limber.database.repository.Trashed;",
            "import java.util.List;",
            "",
            "public interface Corpus {",
            "    record Pair(String one, String two) {}",
            "    record Counted(String name, long n) {}",
            "    record Grouped(Long author, long n) {}",
            "",
            "    @Query(\"SELECT b.title FROM books b JOIN authors a ON a.id = b.author_id ORDER BY b.title\")",
            "    List<String> innerJoin();",
            "",
            "    @Query(\"SELECT a.name AS one, b.title AS two FROM authors a LEFT JOIN books b ON b.author_id = a.id"
                    + " ORDER BY a.name, b.title\")",
            "    List<Pair> leftJoin();",
            "",
            "    @Query(\"SELECT x.title AS one, y.title AS two FROM books x JOIN books y ON y.author_id = x.author_id"
                    + " AND y.id > x.id ORDER BY x.title, y.title\")",
            "    List<Pair> selfJoin();",
            "",
            "    @Query(\"SELECT a.name FROM authors a WHERE a.name LIKE :pattern AND a.id IN (SELECT b.author_id FROM books b)"
                    + " ORDER BY a.name\")",
            "    List<String> inSubquery(String pattern);",
            "",
            "    @Query(\"SELECT t.name FROM tags t WHERE EXISTS (SELECT 1 FROM book_tags bt WHERE bt.tag_id = t.id)"
                    + " ORDER BY t.name\")",
            "    List<String> exists();",
            "",
            "    @Query(\"SELECT a.name, (SELECT COUNT(*) FROM books b WHERE b.author_id = a.id) AS n FROM authors a"
                    + " ORDER BY a.name\")",
            "    List<Counted> scalarSubquery();",
            "",
            "    @Query(\"SELECT t.author_id AS author, t.n FROM (SELECT author_id, COUNT(*) AS n FROM books GROUP BY author_id) t"
                    + " ORDER BY t.author_id\")",
            "    List<Grouped> derivedTable();",
            "",
            "    @Query(\"WITH shelf AS (SELECT id, author_id FROM books) SELECT COUNT(*) FROM shelf\")",
            "    long cte();",
            "",
            "    @Query(\"SELECT name FROM authors UNION SELECT title FROM books ORDER BY 1\")",
            "    List<String> union();",
            "",
            "    @Query(\"SELECT COUNT(*) FROM (SELECT id FROM authors UNION ALL SELECT id FROM books) u\")",
            "    long unionAll();",
            "",
            "    @Query(\"SELECT a.name, COUNT(b.id) AS n FROM authors a LEFT JOIN books b ON b.author_id = a.id"
                    + " GROUP BY a.name ORDER BY a.name\")",
            "    List<Counted> groupByOverLeftJoin();",
            "",
            "    @Query(\"SELECT b.title AS one, t.name AS two FROM books b JOIN book_tags bt ON bt.book_id = b.id"
                    + " JOIN tags t ON t.id = bt.tag_id ORDER BY b.title, t.name\")",
            "    List<Pair> throughJunction();",
            "",
            "    @Query(\"UPDATE books SET title = :title WHERE author_id = :author\")",
            "    int update(String title, long author);",
            "",
            "    @Query(value = \"SELECT COUNT(*) FROM books\", trashed = Trashed.INCLUDE)",
            "    long include();",
            "",
            "    @Query(value = \"SELECT b.title FROM books b JOIN authors a ON a.id = b.author_id ORDER BY b.title\","
                    + " trashed = Trashed.ONLY)",
            "    List<String> only();",
            "",
            "    @Query(value = \"SELECT title FROM books WHERE deleted_at IS NOT NULL ORDER BY title\","
                    + " trashed = Trashed.AS_WRITTEN)",
            "    List<String> asWritten();",
            "",
            "    @Query(value = \"DELETE FROM books WHERE deleted_at IS NOT NULL AND id = :id\", trashed = Trashed.AS_WRITTEN)",
            "    int hardDelete(long id);",
            "}");

    private static final List<Case> CASES = List.of(
            new Case("innerJoin", Map.of(), List.of("Earthsea", "Kindred", "Lathe", "Shadow", "Tehanu"),
                    List.of("Earthsea", "Tehanu")),
            new Case("leftJoin", Map.of(),
                    List.of("Gene|Shadow", "Octavia|Kindred", "Ursula|Earthsea", "Ursula|Lathe", "Ursula|Tehanu"),
                    List.of("Octavia|null", "Ursula|Earthsea", "Ursula|Tehanu")),
            new Case("selfJoin", Map.of(), List.of("Earthsea|Lathe", "Earthsea|Tehanu", "Lathe|Tehanu"),
                    List.of("Earthsea|Tehanu")),
            new Case("inSubquery", Map.of("pattern", "%"), List.of("Gene", "Octavia", "Ursula"), List.of("Ursula")),
            new Case("exists", Map.of(), List.of("classic", "sf"), List.of("sf")),
            new Case("scalarSubquery", Map.of(), List.of("Gene|1", "Octavia|1", "Ursula|3"),
                    List.of("Octavia|0", "Ursula|2")),
            new Case("derivedTable", Map.of(), List.of("1|3", "2|1", "3|1"), List.of("1|2", "2|1")),
            new Case("cte", Map.of(), List.of("5"), List.of("3")),
            new Case("union", Map.of(),
                    List.of("Earthsea", "Gene", "Kindred", "Lathe", "Octavia", "Shadow", "Tehanu", "Ursula"),
                    List.of("Earthsea", "Octavia", "Shadow", "Tehanu", "Ursula")),
            new Case("unionAll", Map.of(), List.of("8"), List.of("5")),
            new Case("groupByOverLeftJoin", Map.of(), List.of("Gene|1", "Octavia|1", "Ursula|3"),
                    List.of("Octavia|0", "Ursula|2")),
            new Case("throughJunction", Map.of(),
                    List.of("Earthsea|classic", "Earthsea|sf", "Lathe|classic", "Shadow|sf"),
                    List.of("Earthsea|sf", "Shadow|sf")),
            new Case("only", Map.of(), List.of("Earthsea", "Kindred", "Lathe", "Shadow", "Tehanu"),
                    List.of("Kindred", "Lathe")));

    private static final Compilation COMPILATION = compile();

    private static Compilation compile() {
        List<JavaFileObject> sources = new ArrayList<>(List.of(Shapes.relations()));
        sources.add(Sources.source("com.example.library.Corpus", REPOSITORY.toArray(new String[0])));
        QueryCheckProcessor.RESULTS.clear();
        Compilation compilation = javac().withProcessors(new ModelProcessor(), new QueryCheckProcessor()).compile(sources);
        assertThat(compilation).succeededWithoutWarnings();
        return compilation;
    }

    private static final Map<String, AnalyzedQuery> QUERIES = new LinkedHashMap<>(QueryCheckProcessor.RESULTS);

    /** The SQL of {@code method} as written, {@code :name} parameters and all. */
    private static String source(String method) {
        String annotation = REPOSITORY.get(REPOSITORY.indexOf(REPOSITORY.stream()
                .filter(line -> line.contains(" " + method + "(")).findFirst().orElseThrow()) - 1);
        int open = annotation.indexOf('"');
        return annotation.substring(open + 1, annotation.indexOf('"', open + 1));
    }

    /** What would run without the rewriting: the SQL as written, with {@code ?} for each parameter. */
    private static SqlTokenizer.Tokens asWritten(String method) {
        return SqlTokenizer.tokenize(source(method));
    }

    @AllDatabases
    void hiddenRowsStayHiddenInEveryShapeOfHandWrittenSql(TestDatabase db) throws SQLException {
        try (Connection connection = connect(db)) {
            createAndSeed(connection, db);
            for (Case c : CASES) {
                AnalyzedQuery query = QUERIES.get(c.method());
                assertWithMessage("%s as written on %s", c.method(), db)
                        .that(rows(connection, asWritten(c.method()).jdbcSql(), asWritten(c.method()).parameters(),
                                c.parameters())).containsExactlyElementsIn(c.asWritten()).inOrder();
                assertWithMessage("%s rewritten on %s: %s", c.method(), db, query.jdbcSql())
                        .that(rows(connection, query.jdbcSql(), query.parameters(), c.parameters()))
                        .containsExactlyElementsIn(c.rewritten()).inOrder();
            }
        }
    }

    @AllDatabases
    void includeSeesTrashedRowsAndAsWrittenIsSentUntouched(TestDatabase db) throws SQLException {
        try (Connection connection = connect(db)) {
            createAndSeed(connection, db);
            assertThat(rows(connection, QUERIES.get("include").jdbcSql(), List.of(), Map.of())).containsExactly("5");
            assertThat(QUERIES.get("asWritten").jdbcSql()).isEqualTo(asWritten("asWritten").jdbcSql());
            assertThat(rows(connection, QUERIES.get("asWritten").jdbcSql(), List.of(), Map.of()))
                    .containsExactly("Kindred", "Lathe").inOrder();
            AnalyzedQuery delete = QUERIES.get("hardDelete");
            assertThat(update(connection, delete.jdbcSql(), delete.parameters(), Map.of("id", 14L))).isEqualTo(1);
            assertThat(rows(connection, "SELECT COUNT(*) FROM books", List.of(), Map.of())).containsExactly("4");
        }
    }

    @AllDatabases
    void updateTouchesLiveRowsOnly(TestDatabase db) throws SQLException {
        try (Connection connection = connect(db)) {
            createAndSeed(connection, db);
            AnalyzedQuery query = QUERIES.get("update");
            Map<String, Object> values = Map.of("title", "X", "author", 1L);
            connection.setAutoCommit(false);
            assertThat(update(connection, asWritten("update").jdbcSql(), asWritten("update").parameters(), values))
                    .isEqualTo(3);
            connection.rollback();
            assertThat(update(connection, query.jdbcSql(), query.parameters(), values)).isEqualTo(2);
            connection.commit();
            assertThat(rows(connection, "SELECT title FROM books WHERE author_id = 1 ORDER BY id", List.of(), Map.of()))
                    .containsExactly("X", "Lathe", "X").inOrder();
        }
    }

    /** H2 as the runtime opens it: unquoted names stay lower case, as in the generated schema. */
    static Connection connect(TestDatabase db) throws SQLException {
        if (db.dialect().name().equals("h2")) {
            return DriverManager.getConnection(db.url() + ";DATABASE_TO_LOWER=TRUE");
        }
        return db.connect();
    }

    private static void createAndSeed(Connection connection, TestDatabase db) throws SQLException {
        String schema = Sources.generatedResource(COMPILATION, "META-INF/limber/schema/" + db.dialect().name() + ".sql");
        try (Statement statement = connection.createStatement()) {
            for (String sql : schema.split(";\n")) {
                statement.execute(sql);
            }
            for (String sql : List.of(
                    "INSERT INTO authors (id, name, deleted_at) VALUES (1, 'Ursula', NULL)",
                    "INSERT INTO authors (id, name, deleted_at) VALUES (2, 'Gene', CURRENT_TIMESTAMP)",
                    "INSERT INTO authors (id, name, deleted_at) VALUES (3, 'Octavia', NULL)",
                    "INSERT INTO books (id, title, author_id, deleted_at) VALUES (10, 'Earthsea', 1, NULL)",
                    "INSERT INTO books (id, title, author_id, deleted_at) VALUES (11, 'Lathe', 1, CURRENT_TIMESTAMP)",
                    "INSERT INTO books (id, title, author_id, deleted_at) VALUES (12, 'Shadow', 2, NULL)",
                    "INSERT INTO books (id, title, author_id, deleted_at) VALUES (14, 'Kindred', 3, CURRENT_TIMESTAMP)",
                    "INSERT INTO books (id, title, author_id, deleted_at) VALUES (15, 'Tehanu', 1, NULL)",
                    "INSERT INTO tags (id, name) VALUES (1, 'sf')",
                    "INSERT INTO tags (id, name) VALUES (2, 'classic')",
                    "INSERT INTO book_tags (id, book_id, tag_id, deleted_at) VALUES (100, 10, 1, NULL)",
                    "INSERT INTO book_tags (id, book_id, tag_id, deleted_at) VALUES (101, 10, 2, CURRENT_TIMESTAMP)",
                    "INSERT INTO book_tags (id, book_id, tag_id, deleted_at) VALUES (102, 11, 2, CURRENT_TIMESTAMP)",
                    "INSERT INTO book_tags (id, book_id, tag_id, deleted_at) VALUES (103, 12, 1, NULL)")) {
                statement.execute(sql);
            }
        }
    }

    private static List<String> rows(Connection connection, String sql, List<String> order, Map<String, Object> values)
            throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, sql, order, values);
                ResultSet result = statement.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(String.valueOf(result.getString(i)));
                }
                rows.add(String.join("|", row));
            }
        }
        return rows;
    }

    private static int update(Connection connection, String sql, List<String> order, Map<String, Object> values)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, order, values)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<String> order,
            Map<String, Object> values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < order.size(); i++) {
            statement.setObject(i + 1, values.get(order.get(i)));
        }
        return statement;
    }
}
