package dev.limber.database.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.limber.database.processor.sql.AnalyzedQuery;
import dev.limber.database.processor.sql.Database;
import dev.limber.database.testing.ServerDatabases;
import dev.limber.database.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code -Alimber.verify.postgresql} and {@code -Alimber.verify.mariadb}: each {@code @Query} is
 * also prepared on the server, in a scratch schema (database) that holds that server's generated
 * schema and is dropped after the compilation; {@code @Query(databases)} limits where.
 */
class ServerVerificationTest {

    /** SQL that H2 accepts and this server does not. */
    private static String notOnServer(TestDatabase db) {
        return db.dialect().name().equals("postgresql")
                ? "SELECT IFNULL(b.title, 'untitled') AS t FROM books b"
                : "SELECT b.title FROM books b WHERE b.title IS DISTINCT FROM :title";
    }

    private static Compilation compile(TestDatabase db, String... lines) {
        return QueryAnalysisTest.compile(List.of("-A" + Database.named(db.dialect().name()).option() + "=" + db.url()),
                lines);
    }

    @ServerDatabases
    void statementTheServerRefusesIsAnErrorWithItsMessage(TestDatabase db) throws SQLException {
        String id = db.dialect().name();
        int scratchBefore = scratchSchemas(db);
        String sql = notOnServer(db);
        String parameters = sql.contains(":title") ? "String title" : "";
        Compilation compilation = compile(db,
                "    @Query(\"" + sql + "\")",
                "    List<String> vendorSpecific(" + parameters + ");",
                "    @Query(value = \"" + sql + "\", databases = \"h2\")",
                "    List<String> limitedToH2(" + parameters + ");",
                "    @Query(\"SELECT b.* FROM books b JOIN authors a ON a.id = b.author_id WHERE a.name = :name\")",
                "    List<Book> portable(String name);");
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[LIMBER-136] @Query SQL of Library.vendorSpecific does not prepare on "
                + id + ": ").inFile(QueryAnalysisTest.source()).onLineContaining("@Query(\"" + sql);
        assertThat(compilation).hadErrorContaining(id.equals("postgresql") ? "function ifnull" : "SQL syntax");
        Database server = Database.named(id);
        assertThat(QueryCheckProcessor.RESULTS.get("limitedToH2").verifiedOn()).containsExactly(Database.H2);
        assertThat(QueryCheckProcessor.RESULTS.get("portable").verifiedOn()).containsExactly(Database.H2, server).inOrder();
        assertThat(scratchSchemas(db)).isEqualTo(scratchBefore);
    }

    @ServerDatabases
    void statementLimitedToTheServerIsDescribedByIt(TestDatabase db) {
        Compilation compilation = compile(db,
                "    @Query(value = \"SELECT a.name AS author, COUNT(b.id) AS books FROM authors a"
                        + " LEFT JOIN books b ON b.author_id = a.id GROUP BY a.name\", databases = \""
                        + db.dialect().name() + "\")",
                "    List<AuthorCount> counts();",
                "    @Query(value = \"SELECT title FROM books\", databases = \"" + db.dialect().name() + "\")",
                "    List<Long> wrongType();");
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[LIMBER-140] @Query SQL of Library.wrongType gives column title as")
                .inFile(QueryAnalysisTest.source()).onLineContaining("wrongType()");
        AnalyzedQuery counts = QueryCheckProcessor.RESULTS.get("counts");
        assertThat(counts.verifiedOn()).containsExactly(Database.named(db.dialect().name()));
        assertThat(counts.columns().get(0).label()).isEqualTo("author");
        assertThat(counts.columns().get(1).javaType()).isEqualTo("java.lang.Long");
    }

    @Test
    void sqliteVerifiesInAFreshInMemoryDatabase() {
        Compilation compilation = QueryAnalysisTest.compile(List.of("-Alimber.verify.sqlite=jdbc:sqlite::memory:"),
                "    @Query(\"SELECT b.title FROM books b WHERE b.title ILIKE :pattern\")",
                "    List<String> caseless(String pattern);",
                "    @Query(\"SELECT b.title FROM books b WHERE b.title LIKE :pattern\")",
                "    List<String> plain(String pattern);");
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[LIMBER-136] @Query SQL of Library.caseless does not prepare on"
                + " sqlite: ").inFile(QueryAnalysisTest.source()).onLineContaining("ILIKE");
        assertThat(QueryCheckProcessor.RESULTS.get("plain").verifiedOn())
                .containsExactly(Database.H2, Database.SQLITE).inOrder();
    }

    /** Scratch schemas (PostgreSQL) or databases (MariaDB) the verifier made and did not drop. */
    private static int scratchSchemas(TestDatabase db) throws SQLException {
        String sql = "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name LIKE 'limber\\_verify\\_%'";
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
