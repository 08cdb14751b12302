package dev.limber.database.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import dev.limber.database.processor.sql.AnalyzedQuery;
import dev.limber.database.processor.sql.Database;
import dev.limber.database.processor.sql.ResultColumn;
import dev.limber.database.processor.sql.StatementKind;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @Query} analysis end to end in javac: the relations models, a repository of queries, and
 * {@link QueryCheckProcessor} standing in for the repository processor.
 */
class QueryAnalysisTest {

    private static JavaFileObject source;

    /** The repository source of the last {@link #compile}, for {@code inFile}. */
    static JavaFileObject source() {
        return source;
    }

    static Compilation compile(List<String> options, String... repositoryLines) {
        List<JavaFileObject> sources = new ArrayList<>(List.of(Shapes.relations()));
        List<String> lines = new ArrayList<>(List.of(
                "package com.example.library;",
                "",
                "import dev.limber.database.repository.Query;",
                "import dev.limber.database.repository.Trashed;",
                "import java.time.Instant;",
                "import java.util.List;",
                "import java.util.Optional;",
                "",
                "public interface Library {",
                "    record AuthorCount(String author, long books) {}",
                ""));
        lines.addAll(List.of(repositoryLines));
        lines.add("}");
        source = Sources.source("com.example.library.Library", lines.toArray(new String[0]));
        sources.add(source);
        QueryCheckProcessor.RESULTS.clear();
        return javac().withProcessors(new QueryCheckProcessor()).withOptions(options).compile(sources);
    }

    static Compilation compile(String... repositoryLines) {
        return compile(List.of(), repositoryLines);
    }

    @Test
    void selectIsRewrittenVerifiedOnH2AndDescribed() {
        Compilation compilation = compile(
                "    @Query(\"SELECT b.* FROM books b JOIN authors a ON a.id = b.author_id WHERE a.name = :name ORDER BY b.title\")",
                "    List<Book> byAuthorName(String name);");
        assertThat(compilation).succeededWithoutWarnings();
        AnalyzedQuery query = QueryCheckProcessor.RESULTS.get("byAuthorName");
        assertThat(query.jdbcSql()).isEqualTo("SELECT b.* FROM books b JOIN authors a ON a.id = b.author_id"
                + " AND a.deleted_at IS NULL WHERE a.name = ? AND b.deleted_at IS NULL ORDER BY b.title");
        assertThat(query.parameters()).containsExactly("name");
        assertThat(query.kind()).isEqualTo(StatementKind.SELECT);
        assertThat(query.verifiedOn()).containsExactly(Database.H2);
        assertThat(query.columns()).containsExactly(
                new ResultColumn("id", Types.BIGINT, "BIGINT", "java.lang.Long", false),
                new ResultColumn("title", Types.VARCHAR, "CHARACTER VARYING", "java.lang.String", false),
                new ResultColumn("author_id", Types.BIGINT, "BIGINT", "java.lang.Long", false),
                new ResultColumn("deleted_at", Types.TIMESTAMP_WITH_TIMEZONE, "TIMESTAMP WITH TIME ZONE",
                        "java.time.OffsetDateTime", true)).inOrder();
    }

    @Test
    void recordProjectionAndRepeatedParameters() {
        Compilation compilation = compile(
                "    @Query(\"SELECT a.name AS author, COUNT(b.id) AS books FROM authors a LEFT JOIN books b ON b.author_id = a.id\"",
                "            + \" WHERE a.name = :name OR :name = '' GROUP BY a.name ORDER BY a.name\")",
                "    List<AuthorCount> shelfCounts(String name);");
        assertThat(compilation).succeededWithoutWarnings();
        AnalyzedQuery query = QueryCheckProcessor.RESULTS.get("shelfCounts");
        assertThat(query.parameters()).containsExactly("name", "name").inOrder();
        assertThat(query.jdbcSql()).isEqualTo("SELECT a.name AS author, COUNT(b.id) AS books FROM authors a"
                + " LEFT JOIN books b ON b.author_id = a.id AND b.deleted_at IS NULL"
                + " WHERE (a.name = ? OR ? = '') AND a.deleted_at IS NULL GROUP BY a.name ORDER BY a.name");
    }
}
