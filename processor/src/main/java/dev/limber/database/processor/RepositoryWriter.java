package dev.limber.database.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.limber.database.processor.sql.AnalyzedQuery;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes a repository's implementation, {@code BookRepository_Impl}: each derived method is the
 * {@code Query} a person would write by hand, with {@code Book_} constants, so soft delete, the
 * render-once SQL cache and eager loading behave as in any other query.
 */
final class RepositoryWriter {
    private static final ClassName SESSION = ClassName.get("dev.limber.database", "Session");
    private static final ClassName CONDITION = ClassName.get("dev.limber.database.query", "Condition");
    private static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");

    private RepositoryWriter() {
    }

    static JavaFile write(RepositoryDescriptor repository, Map<RepositoryDescriptor.Method, DerivedQuery> queries,
            Map<RepositoryDescriptor.Method, AnalyzedQuery> sql) {
        ModelDescriptor model = repository.model();
        TypeSpec.Builder type = TypeSpec.classBuilder(repository.implementationName())
                .addJavadoc("The implementation of {@link $T}, bound to one session; written by the Limber processor.\n",
                        repository.type())
                .addAnnotation(RuntimeNames.GENERATED)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(repository.type())
                .addOriginatingElement(repository.element())
                .addField(FieldSpec.builder(SESSION, "session", Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(SESSION, "session")
                        .addStatement("this.session = session")
                        .build());
        PropertyCatalog properties = PropertyCatalog.of(model, repository.targets());
        Set<String> constants = new HashSet<>();
        for (RepositoryDescriptor.Method method : repository.methods()) {
            AnalyzedQuery analyzed = sql.get(method);
            if (analyzed == null) {
                type.addMethod(method(model, properties, method, queries.get(method)));
                continue;
            }
            String constant = Names.snakeCase(method.name()).toUpperCase(Locale.ROOT);
            for (int i = 2; !constants.add(constant); i++) {
                constant = Names.snakeCase(method.name()).toUpperCase(Locale.ROOT) + "_" + i;
            }
            type.addField(FieldSpec.builder(String.class, constant, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("{@link $T#$L}: its @Query$L.\n", repository.type(), method.name(),
                            method.query().trashed().equals("AS_WRITTEN") ? ", as written" : ", rewritten for soft delete")
                    .initializer("$S", analyzed.jdbcSql())
                    .build());
            type.addMethod(QueryMethodWriter.method(repository, method, analyzed, constant));
        }
        return RuntimeNames.file(repository.type().packageName(), type.build());
    }

    private static MethodSpec method(ModelDescriptor model, PropertyCatalog properties, RepositoryDescriptor.Method method,
            DerivedQuery query) {
        MethodSpec.Builder spec = MethodSpec.methodBuilder(method.name())
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(method.returns().type());
        for (RepositoryDescriptor.Parameter parameter : method.parameters()) {
            spec.addParameter(ParameterSpec.builder(parameter.type(), parameter.name()).build());
        }
        if (isFindByPrimaryKey(method, query)) {
            // session.find reads by the model's own prepared statement, as a hand-written lookup would:
            // no query to build per call (the row it returns is the same, live rows only)
            RepositoryDescriptor.Parameter id = method.parameters().get(0);
            if (id.type().isPrimitive()) {
                spec.addStatement("return $L.find($T.class, $N)", session(method), model.type(), id.name());
            } else {
                spec.addStatement("return $N == null ? $T.empty() : $L.find($T.class, $N)", id.name(), OPTIONAL,
                        session(method), model.type(), id.name());
            }
            return spec.build();
        }
        CodeBlock.Builder chain = CodeBlock.builder().add("$L.query($T.class)", session(method), model.type());
        List<CodeBlock> conditions = conditions(query, method.parameters());
        if (query.predicate().size() == 1) {
            for (CodeBlock condition : conditions) {
                chain.add("\n.where($L)", condition);
            }
        } else if (!conditions.isEmpty()) {
            chain.add("\n.where($T.or($L))", CONDITION, CodeBlock.join(conditions, ", "));
        }
        List<CodeBlock> orders = new ArrayList<>();
        for (DerivedQuery.Ordering ordering : query.orders()) {
            orders.add(CodeBlock.of("$L.$L()", ordering.property().expression(), ordering.ascending() ? "asc" : "desc"));
        }
        RepositoryDescriptor.Returns returns = method.returns();
        if (returns.shape() == RepositoryDescriptor.Shape.PAGE && !endsWithPrimaryKey(query)) {
            // A page needs a total order, or rows could repeat or go missing between pages.
            orders.add(CodeBlock.of("$T.$N.asc()", model.metamodelName(), model.primaryKey().field()));
        }
        if (!orders.isEmpty()) {
            chain.add("\n.orderBy($L)", CodeBlock.join(orders, ", "));
        }
        if (query.limit() > 0) {
            chain.add("\n.limit($L)", query.limit());
        }
        chain.add("\n").add(terminal(properties, model.softDelete(), method, query));
        if (returns.shape() == RepositoryDescriptor.Shape.VOID) {
            spec.addStatement("$L", chain.build());
        } else {
            spec.addStatement("return $L", chain.build());
        }
        return spec.build();
    }

    /** {@code Optional<T> findById(id)}: one equality on the primary key, nothing else. */
    private static boolean isFindByPrimaryKey(RepositoryDescriptor.Method method, DerivedQuery query) {
        return query.action() == DerivedQuery.Action.FIND && query.limit() == 0 && query.orders().isEmpty()
                && query.predicate().size() == 1 && query.predicate().get(0).size() == 1
                && query.predicate().get(0).get(0).operator() == DerivedQuery.Operator.EQ
                && query.predicate().get(0).get(0).property().primaryKey()
                && query.predicate().get(0).get(0).property().kind() == PropertyCatalog.Kind.COLUMN
                && method.returns().record() == null
                && method.returns().shape() == RepositoryDescriptor.Shape.OPTIONAL;
    }

    /** {@code session}, or {@code this.session} when a parameter of the method is named so. */
    static String session(RepositoryDescriptor.Method method) {
        for (RepositoryDescriptor.Parameter parameter : method.parameters()) {
            if (parameter.name().equals("session")) {
                return "this.session";
            }
        }
        return "session";
    }

    private static boolean endsWithPrimaryKey(DerivedQuery query) {
        return !query.orders().isEmpty() && query.orders().get(query.orders().size() - 1).property().primaryKey();
    }

    /** One condition per AND group member when there is no OR; else one {@code Condition.and} per group. */
    private static List<CodeBlock> conditions(DerivedQuery query, List<RepositoryDescriptor.Parameter> parameters) {
        List<CodeBlock> groups = new ArrayList<>();
        int next = 0;
        for (List<DerivedQuery.Criterion> group : query.predicate()) {
            List<CodeBlock> members = new ArrayList<>();
            for (DerivedQuery.Criterion criterion : group) {
                int count = criterion.operator().parameters;
                members.add(condition(criterion, parameters.subList(next, next + count)));
                next += count;
            }
            if (query.predicate().size() == 1) {
                groups.addAll(members);
            } else if (members.size() == 1) {
                groups.add(members.get(0));
            } else {
                groups.add(CodeBlock.of("$T.and($L)", CONDITION, CodeBlock.join(members, ", ")));
            }
        }
        return groups;
    }

    private static CodeBlock condition(DerivedQuery.Criterion criterion, List<RepositoryDescriptor.Parameter> parameters) {
        PropertyCatalog.Entry property = criterion.property();
        CodeBlock expression = property.expression();
        DerivedQuery.Operator operator = criterion.operator();
        switch (operator) {
            case IS_NULL:
            case IS_NOT_NULL:
                return CodeBlock.of("$L.$L()", expression, operator.method);
            case TRUE:
                return CodeBlock.of("$L.eq(true)", expression);
            case FALSE:
                return CodeBlock.of("$L.eq(false)", expression);
            case BETWEEN:
                return CodeBlock.of("$L.between($N, $N)", expression, parameters.get(0).name(), parameters.get(1).name());
            case NOT_LIKE:
            case NOT_IN:
                return CodeBlock.of("$T.not($L.$L($N))", CONDITION, expression, operator.method, parameters.get(0).name());
            default:
                return CodeBlock.of("$L.$L($L)", expression, operator.method, value(property, parameters.get(0)));
        }
    }

    /** The parameter as a value of the property: a relation's target model becomes its key. */
    private static CodeBlock value(PropertyCatalog.Entry property, RepositoryDescriptor.Parameter parameter) {
        if (property.kind() == PropertyCatalog.Kind.RELATION && parameter.type().equals(property.target())) {
            return CodeBlock.of("$T.key($T.to($N), $T.class)", RuntimeNames.RELATION_KEYS, RuntimeNames.REF,
                    parameter.name(), property.value());
        }
        return CodeBlock.of("$N", parameter.name());
    }

    private static CodeBlock terminal(PropertyCatalog properties, boolean softDelete, RepositoryDescriptor.Method method,
            DerivedQuery query) {
        RepositoryDescriptor.Returns returns = method.returns();
        switch (query.action()) {
            case COUNT:
                return CodeBlock.of(".count()");
            case EXISTS:
                return CodeBlock.of(".exists()");
            case DELETE:
                return CodeBlock.of(".delete()");
            case FORCE_DELETE:
                // Force delete purges every matching row, soft-deleted ones too, as session.forceDelete(model) does.
                return CodeBlock.of(softDelete ? ".withTrashed()\n.forceDelete()" : ".forceDelete()");
            case RESTORE:
                return CodeBlock.of(".restore()");
            default:
                break;
        }
        if (returns.record() != null) {
            List<CodeBlock> selected = new ArrayList<>();
            for (RepositoryDescriptor.Component component : returns.record()) {
                selected.add(RepositoryValidator.projected(properties, component.name()).expression());
            }
            TypeName record = returns.element();
            if (returns.shape() == RepositoryDescriptor.Shape.OPTIONAL) {
                return CodeBlock.of(".select($L)\n.limit(1)\n.list($T::new)\n.stream()\n.findFirst()",
                        CodeBlock.join(selected, ", "), record);
            }
            return CodeBlock.of(".select($L)\n.list($T::new)", CodeBlock.join(selected, ", "), record);
        }
        switch (returns.shape()) {
            case OPTIONAL:
                return CodeBlock.of(".first()");
            case LIST:
                return CodeBlock.of(".list()");
            case STREAM:
                return CodeBlock.of(".stream()");
            case PAGE:
                String request = method.parameters().get(method.parameters().size() - 1).name();
                return CodeBlock.of(".page($N.number(), $N.size())", request, request);
            default:
                return CodeBlock.of(".one()");
        }
    }
}
