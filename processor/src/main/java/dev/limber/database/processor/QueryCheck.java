package dev.limber.database.processor;

import dev.limber.database.processor.sql.AnalyzedQuery;
import dev.limber.database.processor.sql.Database;
import dev.limber.database.processor.sql.Problem;
import dev.limber.database.processor.sql.QueryAnalyzer;
import dev.limber.database.processor.sql.QueryRequest;
import dev.limber.database.processor.sql.ResultColumn;
import dev.limber.database.processor.sql.ReturnTarget;
import dev.limber.database.processor.sql.TrashedMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The checks of one {@code @Query} method: its return type and {@code databases} here, its SQL
 * (parameters, soft delete, the statement itself, the result columns) by {@code processor.sql}.
 * Every problem goes on the method, those about the SQL with the {@code @Query} annotation.
 */
final class QueryCheck {
    private static final String RETURNS = "List, Optional, Stream or one of a model, a record or a value; long, int,"
            + " boolean; or void";

    private final RepositoryDescriptor.Method method;
    private final ValidationReport report;
    private final Supplier<QueryAnalyzer> analyzer;
    private final String display;
    private final String name;
    private boolean clean = true;

    QueryCheck(RepositoryDescriptor repository, RepositoryDescriptor.Method method, ValidationReport report,
            Supplier<QueryAnalyzer> analyzer) {
        this.method = method;
        this.report = report;
        this.analyzer = analyzer;
        this.display = repository.type().simpleName() + "." + method.display();
        this.name = repository.type().simpleName() + "." + method.name();
    }

    private void error(Message message, Object... arguments) {
        report.error(method.element(), null, message, arguments);
        clean = false;
    }

    /** The analysis, when the method has no error; else null. */
    AnalyzedQuery run() {
        RepositoryDescriptor.QuerySpec query = method.query();
        RepositoryDescriptor.Returns returns = method.returns();
        if (returns.shape() == RepositoryDescriptor.Shape.PAGE) {
            error(Message.REPOSITORY_RETURN_TYPE, display, returns.display(), "@Query", RETURNS);
        }
        Set<Database> databases = new LinkedHashSet<>();
        for (String database : query.databases()) {
            Database named = Database.named(database);
            if (named == null || !named.id().equals(database)) {
                report.error(method.element(), query.mirror(), Message.REPOSITORY_UNKNOWN_DATABASE, display, database);
                clean = false;
            } else {
                databases.add(named);
            }
        }
        if (!clean) {
            return null;
        }
        List<String> parameters = new ArrayList<>();
        for (RepositoryDescriptor.Parameter parameter : method.parameters()) {
            parameters.add(parameter.name());
        }
        AnalyzedQuery analyzed = analyzer.get().analyze(new QueryRequest(name, query.sql(), parameters,
                TrashedMode.valueOf(query.trashed()), databases, target(returns)));
        for (Problem problem : analyzed.problems()) {
            report.add(problem.kind(), problem.text(), method.element(),
                    problem.place() == Problem.Place.ANNOTATION ? query.mirror() : null);
        }
        if (!analyzed.isClean()) {
            return null;
        }
        if (analyzed.kind().returnsRows() && returns.shape() == RepositoryDescriptor.Shape.VOID) {
            error(Message.REPOSITORY_RETURN_TYPE, display, "void", "SELECT @Query", RETURNS.replace("; or void", ""));
        }
        if (returns.model() != null && !analyzed.columns().isEmpty()) {
            checkColumnOrder(returns.model(), analyzed.columns());
        }
        return clean ? analyzed : null;
    }

    /** What each row is read into, for the shape check. */
    static ReturnTarget target(RepositoryDescriptor.Returns returns) {
        switch (returns.shape()) {
            case VOID:
                return new ReturnTarget.None();
            case LONG:
            case INT:
            case BOOLEAN:
                return new ReturnTarget.Scalar(returns.type().toString());
            default:
                break;
        }
        if (returns.model() != null) {
            return new ReturnTarget.Model(returns.model().table(), returns.model().type().simpleName());
        }
        if (returns.record() != null) {
            List<ReturnTarget.Component> components = new ArrayList<>();
            for (RepositoryDescriptor.Component component : returns.record()) {
                components.add(new ReturnTarget.Component(component.name(), component.type().toString()));
            }
            return new ReturnTarget.Record(RepositoryValidator.simple(returns.element()), components);
        }
        return new ReturnTarget.Scalar(returns.element().toString());
    }

    /**
     * A model is read by its generated mapper, from result column 1 in table order: what
     * {@code SELECT b.*} gives, with the model's table first.
     */
    private void checkColumnOrder(ModelDescriptor model, List<ResultColumn> columns) {
        List<String> wanted = new ArrayList<>();
        for (ColumnDescriptor column : model.columns()) {
            wanted.add(column.column());
        }
        boolean inOrder = columns.size() >= wanted.size();
        List<String> first = new ArrayList<>();
        for (int i = 0; i < wanted.size() && i < columns.size(); i++) {
            first.add(columns.get(i).label().toLowerCase(Locale.ROOT));
            inOrder &= columns.get(i).label().equalsIgnoreCase(wanted.get(i));
        }
        if (!inOrder) {
            error(Message.REPOSITORY_MODEL_COLUMNS_ORDER, name, model.type().simpleName(), String.join(", ", wanted),
                    String.join(", ", first), model.table());
        }
    }
}
