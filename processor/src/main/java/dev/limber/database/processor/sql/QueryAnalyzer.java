package dev.limber.database.processor.sql;

import dev.limber.database.processor.Message;
import dev.limber.database.processor.Names;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one entry point of {@code @Query} analysis, for the repository processor: checks the
 * {@code :name} parameters, rewrites the SQL for soft delete, prepares it on an in-memory H2
 * built from the generated schema (and on the databases named by {@code -Alimber.verify.*}), and
 * checks the result columns against the method's return target.
 *
 * <pre>{@code
 * try (QueryAnalyzer analyzer = new QueryAnalyzer(schema, processingEnv.getOptions())) {
 *     AnalyzedQuery query = analyzer.analyze(new QueryRequest("BookRepository.byAuthorName", sql,
 *             List.of("name"), TrashedMode.EXCLUDE, Set.of(), new ReturnTarget.Model("books", "Book")));
 *     for (Problem problem : query.problems()) { ... print on the method or its @Query ... }
 *     if (query.isClean()) { ... a constant query.jdbcSql(), bind query.parameters() in order ... }
 * }
 * }</pre>
 *
 * One analyzer serves a whole compilation: its verifiers connect on first use, and {@link #close}
 * drops their scratch schemas. A verifier that cannot run gives one warning, on the first query
 * that needed it. Never throws for bad SQL: every problem is a {@link Problem}.
 */
public final class QueryAnalyzer implements AutoCloseable {

    /** The processor options this analyzer reads: {@code limber.verify.postgresql} and its siblings. */
    public static final Set<String> OPTIONS = Set.of(Database.SQLITE.option(), Database.POSTGRESQL.option(),
            Database.MARIADB.option());

    private final SoftDeleteRewriter rewriter;
    private final ShapeChecker shapes;
    private final Map<Database, Verifier> verifiers = new EnumMap<>(Database.class);
    private final Set<Database> warned = EnumSet.noneOf(Database.class);

    /**
     * @param schema  the generated schema
     * @param options the processor options ({@code processingEnv.getOptions()}); a blank URL is ignored
     */
    public QueryAnalyzer(SqlSchema schema, Map<String, String> options) {
        this.rewriter = new SoftDeleteRewriter(schema);
        this.shapes = new ShapeChecker(schema);
        verifiers.put(Database.H2, Verifier.h2(schema));
        for (Database database : List.of(Database.SQLITE, Database.POSTGRESQL, Database.MARIADB)) {
            String url = options.get(database.option());
            if (url != null && !url.isBlank()) {
                verifiers.put(database, Verifier.of(database, url.strip(), schema));
            }
        }
    }

    /**
     * Analyzes one {@code @Query}. Never throws: an unexpected failure (a parser or driver bug) is
     * an {@code INTERNAL_ERROR} problem on the method.
     */
    public AnalyzedQuery analyze(QueryRequest request) {
        try {
            return analyzeOrThrow(request);
        } catch (RuntimeException | LinkageError e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return new AnalyzedQuery("", List.of(), StatementKind.OTHER, List.of(), List.of(), List.of(Problem.error(
                    Problem.Place.METHOD, Message.INTERNAL_ERROR, request.method(), trace.toString())));
        }
    }

    private AnalyzedQuery analyzeOrThrow(QueryRequest request) {
        String method = request.method();
        List<Problem> problems = new ArrayList<>();
        if (request.sql().isBlank()) {
            problems.add(Problem.error(Problem.Place.ANNOTATION, Message.SQL_NO_STATEMENT, method, "table"));
            return new AnalyzedQuery("", List.of(), StatementKind.OTHER, List.of(), List.of(), problems);
        }
        SqlTokenizer.Tokens written = SqlTokenizer.tokenize(request.sql());
        if (written.statements() > 1) {
            // The parser would read the first statement only, and drivers refuse the rest: one per method.
            problems.add(Problem.error(Problem.Place.ANNOTATION, Message.SQL_MULTIPLE_STATEMENTS, method,
                    written.statements()));
            return new AnalyzedQuery(written.jdbcSql(), written.parameters(), StatementKind.OTHER, List.of(), List.of(),
                    problems);
        }
        Set<String> used = new LinkedHashSet<>(written.parameters());
        for (String name : used) {
            if (!request.parameterNames().contains(name)) {
                String closest = Names.closest(name, request.parameterNames());
                problems.add(Problem.error(Problem.Place.ANNOTATION, Message.SQL_UNKNOWN_PARAMETER, method, name, name,
                        closest == null ? "" : "; did you mean :" + closest + "?"));
            }
        }
        for (String name : request.parameterNames()) {
            if (!used.contains(name)) {
                problems.add(Problem.error(Problem.Place.METHOD, Message.SQL_UNUSED_PARAMETER, name, method, name));
            }
        }
        SoftDeleteRewriter.Rewrite rewrite = rewriter.rewrite(method, request.sql(), request.mode());
        problems.addAll(rewrite.problems());
        if (rewrite.sql() == null) {
            return new AnalyzedQuery(written.jdbcSql(), written.parameters(), rewrite.kind(), List.of(), List.of(),
                    problems);
        }
        SqlTokenizer.Tokens sent = SqlTokenizer.tokenize(rewrite.sql());
        StatementKind kind = rewrite.kind();

        List<ResultColumn> columns = null;
        List<Database> verifiedOn = new ArrayList<>();
        Set<Database> databases = request.databases().isEmpty() ? EnumSet.allOf(Database.class)
                : EnumSet.copyOf(request.databases());
        for (Database database : databases) {
            Verifier verifier = verifiers.get(database);
            if (verifier == null) {
                continue;
            }
            Verifier.Prepared prepared = verifier.prepare(sent.jdbcSql());
            if (prepared == null) {
                if (warned.add(database)) {
                    problems.add(Problem.warning(Problem.Place.ANNOTATION, Message.SQL_VERIFIER_UNAVAILABLE,
                            database.id(), verifier.where(), verifier.unavailable(), database.id()));
                }
                continue;
            }
            verifiedOn.add(database);
            if (prepared.error() != null) {
                problems.add(Problem.error(Problem.Place.ANNOTATION, Message.SQL_INVALID, method, database.id(),
                        prepared.error()));
            } else if (columns == null) {
                // H2 comes first (enum order): its description is the one the shape check reads.
                columns = prepared.columns();
            }
        }
        if (verifiedOn.isEmpty()) {
            problems.add(Problem.warning(Problem.Place.ANNOTATION, Message.SQL_NOT_VERIFIED, method,
                    databaseList(databases)));
        }
        if (columns == null) {
            columns = List.of();
        } else {
            if (kind == StatementKind.OTHER && !columns.isEmpty()) {
                kind = StatementKind.SELECT;
            }
            if (problems.stream().noneMatch(Problem::isError)) {
                problems.addAll(shapes.check(method, kind, columns, request.target()));
            }
        }
        return new AnalyzedQuery(sent.jdbcSql(), sent.parameters(), kind, columns, verifiedOn, problems);
    }

    private static String databaseList(Set<Database> databases) {
        List<String> ids = new ArrayList<>();
        for (Database database : databases) {
            ids.add(database.id());
        }
        return String.join(", ", ids);
    }

    /** Drops every scratch schema and disconnects; idempotent. */
    @Override
    public void close() {
        for (Verifier verifier : verifiers.values()) {
            verifier.close();
        }
    }
}
