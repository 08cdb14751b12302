package dev.limber.database.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.limber.database.processor.sql.AnalyzedQuery;
import dev.limber.database.processor.sql.QueryAnalyzer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Checks a {@link RepositoryDescriptor}: the interface, then each method, every problem on the
 * method it is about. What it reads from the derived method names is kept for the writer, which
 * only runs when the report is clean.
 */
final class RepositoryValidator {
    static final ClassName PAGE_REQUEST = ClassName.get("dev.limber.database.repository", "PageRequest");
    private static final TypeName STRING = ClassName.get(String.class);
    private static final TypeName BOOLEAN = ClassName.get(Boolean.class);

    /** The report, each derived method's query, and each {@code @Query} method's analysis. */
    record Result(ValidationReport report, Map<RepositoryDescriptor.Method, DerivedQuery> queries,
            Map<RepositoryDescriptor.Method, AnalyzedQuery> sql) {
    }

    private final Supplier<QueryAnalyzer> analyzer;

    /** {@code analyzer} checks {@code @Query} SQL; asked for only when a repository has some. */
    RepositoryValidator(Supplier<QueryAnalyzer> analyzer) {
        this.analyzer = analyzer;
    }

    Result validate(RepositoryDescriptor repository) {
        ValidationReport report = new ValidationReport();
        Map<RepositoryDescriptor.Method, DerivedQuery> queries = new LinkedHashMap<>();
        Map<RepositoryDescriptor.Method, AnalyzedQuery> sql = new LinkedHashMap<>();
        String name = repository.type().canonicalName();
        if (!repository.kind().equals("interface")) {
            report.error(repository.element(), repository.annotation(), Message.REPOSITORY_NOT_INTERFACE, name,
                    repository.kind());
            return new Result(report, queries, sql);
        }
        if (repository.model() == null) {
            report.error(repository.element(), repository.annotation(), Message.REPOSITORY_NOT_A_MODEL, name,
                    repository.modelName());
            return new Result(report, queries, sql);
        }
        if (repository.isGeneric()) {
            report.error(repository.element(), repository.annotation(), Message.REPOSITORY_GENERIC, name);
        }
        if (repository.isPrivate()) {
            report.error(repository.element(), repository.annotation(), Message.REPOSITORY_PRIVATE, name);
        }
        PropertyCatalog properties = PropertyCatalog.of(repository.model(), repository.targets());
        for (RepositoryDescriptor.Method method : repository.methods()) {
            new MethodCheck(repository, properties, method, report).run(queries, sql, analyzer);
        }
        return new Result(report, queries, sql);
    }

    /** The checks of one method; every error goes on the method. */
    private static final class MethodCheck {
        private final RepositoryDescriptor repository;
        private final ModelDescriptor model;
        private final PropertyCatalog properties;
        private final RepositoryDescriptor.Method method;
        private final ValidationReport report;
        private final String display;
        private boolean clean = true;

        MethodCheck(RepositoryDescriptor repository, PropertyCatalog properties, RepositoryDescriptor.Method method,
                ValidationReport report) {
            this.repository = repository;
            this.model = repository.model();
            this.properties = properties;
            this.method = method;
            this.report = report;
            this.display = repository.type().simpleName() + "." + method.display();
        }

        private void error(Message message, Object... arguments) {
            Object[] all = new Object[arguments.length + 1];
            all[0] = display;
            System.arraycopy(arguments, 0, all, 1, arguments.length);
            report.error(method.element(), null, message, all);
            clean = false;
        }

        void run(Map<RepositoryDescriptor.Method, DerivedQuery> queries, Map<RepositoryDescriptor.Method, AnalyzedQuery> sql,
                Supplier<QueryAnalyzer> analyzer) {
            if (method.isGeneric()) {
                error(Message.REPOSITORY_GENERIC_METHOD);
                return;
            }
            if (method.query() != null) {
                AnalyzedQuery analyzed = new QueryCheck(repository, method, report, analyzer).run();
                if (analyzed != null) {
                    sql.put(method, analyzed);
                }
                return;
            }
            MethodNameParser.Result parsed = new MethodNameParser(properties, model.type().simpleName())
                    .parse(method.name());
            if (parsed.query() == null) {
                if (parsed.message() == Message.REPOSITORY_METHOD_NOT_DERIVED) {
                    String verb = method.name().split("(?=[A-Z])")[0];
                    String closest = Names.closest(verb, List.of("find", "count", "exists", "delete", "forceDelete",
                            "restore"));
                    error(parsed.message(), closest == null ? "" : " (did you mean '" + closest + "'?)");
                } else {
                    error(parsed.message(), parsed.arguments().toArray());
                }
                return;
            }
            DerivedQuery query = parsed.query();
            checkAction(query);
            boolean paged = checkReturn(query);
            checkParameters(query, paged);
            if (clean) {
                queries.put(method, query);
            }
        }

        private void checkAction(DerivedQuery query) {
            DerivedQuery.Action action = query.action();
            if (action != DerivedQuery.Action.FIND && !query.orders().isEmpty()) {
                String orderBy = method.name().substring(method.name().lastIndexOf("OrderBy"));
                error(Message.REPOSITORY_LIMIT_NOT_FIND, orderBy, action.prefix, orderBy);
            }
            if (action == DerivedQuery.Action.RESTORE && !model.softDelete()) {
                error(Message.REPOSITORY_NOT_SOFT_DELETE, model.type().simpleName());
            }
        }

        /** Checks the return type; true when it is a Page (so a PageRequest ends the parameters). */
        private boolean checkReturn(DerivedQuery query) {
            RepositoryDescriptor.Returns returns = method.returns();
            String simple = model.type().simpleName();
            switch (query.action()) {
                case COUNT:
                    if (returns.shape() != RepositoryDescriptor.Shape.LONG) {
                        error(Message.REPOSITORY_RETURN_TYPE, returns.display(), "count", "long");
                    }
                    return false;
                case EXISTS:
                    if (returns.shape() != RepositoryDescriptor.Shape.BOOLEAN) {
                        error(Message.REPOSITORY_RETURN_TYPE, returns.display(), "exists", "boolean");
                    }
                    return false;
                case DELETE:
                case FORCE_DELETE:
                case RESTORE:
                    if (returns.shape() != RepositoryDescriptor.Shape.INT && returns.shape() != RepositoryDescriptor.Shape.LONG
                            && returns.shape() != RepositoryDescriptor.Shape.VOID) {
                        error(Message.REPOSITORY_RETURN_TYPE, returns.display(), query.action().prefix,
                                "int (the rows changed), long or void");
                    }
                    return false;
                default:
                    break;
            }
            String models = simple + ", Optional<" + simple + ">, List<" + simple + ">, Stream<" + simple + ">, Page<"
                    + simple + "> or a List or Optional of a record of its properties";
            boolean container = returns.shape() == RepositoryDescriptor.Shape.SINGLE
                    || returns.shape() == RepositoryDescriptor.Shape.OPTIONAL
                    || returns.shape() == RepositoryDescriptor.Shape.LIST
                    || returns.shape() == RepositoryDescriptor.Shape.STREAM
                    || returns.shape() == RepositoryDescriptor.Shape.PAGE;
            if (!container) {
                error(Message.REPOSITORY_RETURN_TYPE, returns.display(), "find", models);
                return false;
            }
            boolean paged = returns.shape() == RepositoryDescriptor.Shape.PAGE;
            if (returns.element().equals(model.type())) {
                if (paged && query.limit() > 0) {
                    String subject = subject(query);
                    error(Message.REPOSITORY_LIMIT_PAGE, subject, subject);
                }
                return paged;
            }
            if (returns.record() == null) {
                error(Message.REPOSITORY_RETURN_TYPE, returns.display(), "find", models);
                return paged;
            }
            String record = returns.element().toString().replaceAll("^.*\\.", "");
            if (returns.shape() != RepositoryDescriptor.Shape.LIST && returns.shape() != RepositoryDescriptor.Shape.OPTIONAL) {
                error(Message.REPOSITORY_PROJECTION_SHAPE, returns.display(), record, record);
                return paged;
            }
            checkProjection(record, returns.record());
            return false;
        }

        private String subject(DerivedQuery query) {
            String rest = method.name().substring(query.action().prefix.length());
            int by = rest.indexOf("By");
            return by < 0 ? rest : rest.substring(0, by);
        }

        private void checkProjection(String record, List<RepositoryDescriptor.Component> components) {
            if (components.isEmpty() || components.size() > 6) {
                error(Message.REPOSITORY_PROJECTION_WIDTH, record, components.size());
                return;
            }
            for (RepositoryDescriptor.Component component : components) {
                PropertyCatalog.Entry property = projected(properties, component.name());
                if (property == null) {
                    String closest = Names.closest(component.name(), properties.usableNames());
                    error(Message.REPOSITORY_PROJECTION_COMPONENT, record, component.name(), model.type().simpleName(),
                            closest == null ? "" : " (did you mean '" + closest + "'?)");
                } else if (!component.boxed().equals(property.value())) {
                    error(Message.REPOSITORY_PROJECTION_TYPE, record, component.name(), simple(component.type()),
                            property.name(), simple(property.value()), simple(property.value()));
                }
            }
        }

        private void checkParameters(DerivedQuery query, boolean paged) {
            List<RepositoryDescriptor.Parameter> parameters = method.parameters();
            List<String> needed = new ArrayList<>();
            for (List<DerivedQuery.Criterion> group : query.predicate()) {
                for (DerivedQuery.Criterion criterion : group) {
                    for (int i = 0; i < criterion.operator().parameters; i++) {
                        needed.add(criterion.property().name() + (criterion.operator().parameters == 2
                                ? (i == 0 ? " (from)" : " (to)") : ""));
                    }
                }
            }
            if (paged) {
                needed.add("a PageRequest");
            }
            boolean lastIsRequest = !parameters.isEmpty()
                    && parameters.get(parameters.size() - 1).type().equals(PAGE_REQUEST);
            if (paged && !lastIsRequest) {
                error(Message.REPOSITORY_PAGE_WITHOUT_REQUEST);
                return;
            }
            if (!paged && lastIsRequest) {
                error(Message.REPOSITORY_REQUEST_WITHOUT_PAGE, method.returns().display(), model.type().simpleName());
                return;
            }
            if (parameters.size() != needed.size()) {
                error(Message.REPOSITORY_PARAMETER_COUNT, parameters.size(), needed.size(),
                        needed.isEmpty() ? "none" : String.join(", ", needed));
                return;
            }
            int next = 0;
            for (List<DerivedQuery.Criterion> group : query.predicate()) {
                for (DerivedQuery.Criterion criterion : group) {
                    checkCriterion(criterion, parameters.subList(next, next + criterion.operator().parameters));
                    next += criterion.operator().parameters;
                }
            }
        }

        private void checkCriterion(DerivedQuery.Criterion criterion, List<RepositoryDescriptor.Parameter> parameters) {
            PropertyCatalog.Entry property = criterion.property();
            String keyword = criterion.keyword().isEmpty() ? "equality" : criterion.keyword();
            DerivedQuery.Operator operator = criterion.operator();
            if (property.kind() == PropertyCatalog.Kind.RELATION) {
                switch (operator) {
                    case EQ:
                    case NE:
                        RepositoryDescriptor.Parameter parameter = parameters.get(0);
                        if (!parameter.type().equals(property.target()) && !parameter.boxed().equals(property.value())) {
                            error(Message.REPOSITORY_PARAMETER_TYPE, parameter.name(), parameter.display(),
                                    "relation '" + property.name() + "'", property.target().simpleName() + " (or its key, "
                                            + simple(property.value()) + ")",
                                    property.target().simpleName(), parameter.name());
                        }
                        return;
                    case IN:
                    case NOT_IN:
                    case IS_NULL:
                    case IS_NOT_NULL:
                        break;
                    default:
                        error(Message.REPOSITORY_RELATION_OPERATOR, keyword, property.name(), property.name());
                        return;
                }
            }
            switch (operator) {
                case LIKE:
                case NOT_LIKE:
                    if (!property.value().equals(STRING)) {
                        error(Message.REPOSITORY_LIKE_NOT_STRING, keyword, property.name(), simple(property.value()));
                        return;
                    }
                    break;
                case TRUE:
                case FALSE:
                    if (!property.value().equals(BOOLEAN)) {
                        error(Message.REPOSITORY_NOT_BOOLEAN, keyword, property.name(), simple(property.value()),
                                property.name());
                    }
                    return;
                case IN:
                case NOT_IN:
                    RepositoryDescriptor.Parameter values = parameters.get(0);
                    TypeName element = values.element();
                    if (element == null || !(element.isPrimitive() ? element.box() : element).equals(property.value())) {
                        error(Message.REPOSITORY_IN_NOT_COLLECTION, values.name(), values.display(), property.name()
                                + keyword, simple(property.value()), simple(property.value()), values.name());
                    }
                    return;
                default:
                    break;
            }
            for (RepositoryDescriptor.Parameter parameter : parameters) {
                if (!parameter.boxed().equals(property.value())) {
                    String wanted = simple(unboxedIfPrimitive(parameter, property.value()));
                    error(Message.REPOSITORY_PARAMETER_TYPE, parameter.name(), parameter.display(),
                            "'" + property.name() + "'", simple(property.value()), wanted, parameter.name());
                }
            }
        }
    }

    /** The projected property a record component names: exactly, else ignoring case. */
    static PropertyCatalog.Entry projected(PropertyCatalog properties, String component) {
        PropertyCatalog.Entry exact = properties.get(component);
        if (exact != null && exact.kind() != PropertyCatalog.Kind.TO_MANY) {
            return exact;
        }
        for (PropertyCatalog.Entry entry : properties.longestFirst()) {
            if (entry.kind() != PropertyCatalog.Kind.TO_MANY && entry.name().equalsIgnoreCase(component)) {
                return entry;
            }
        }
        return null;
    }

    /** The value type as a parameter would declare it: primitive when the user wrote primitives. */
    private static TypeName unboxedIfPrimitive(RepositoryDescriptor.Parameter parameter, TypeName value) {
        if (parameter.type().isPrimitive()) {
            try {
                return value.unbox();
            } catch (UnsupportedOperationException e) {
                return value;
            }
        }
        return value;
    }

    /** {@code String} for {@code java.lang.String}, {@code List<Book>} for {@code java.util.List<com.example.Book>}. */
    static String simple(TypeName type) {
        return type.toString().replaceAll("\\b(?:[a-z_][a-z0-9_]*\\.)+([A-Z])", "$1");
    }
}
