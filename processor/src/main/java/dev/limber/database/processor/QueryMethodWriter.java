package dev.limber.database.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.limber.database.processor.sql.AnalyzedQuery;
import dev.limber.database.processor.sql.ResultColumn;
import dev.limber.database.processor.sql.StatementKind;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes one {@code @Query} method of a repository implementation: the checked SQL constant run
 * through {@code SqlQuery}, each {@code ?} bound to its parameter, rows read by the model's
 * generated mapper, a record's constructor or one column's getter.
 */
final class QueryMethodWriter {
    private static final ClassName SQL_QUERY = ClassName.get("dev.limber.database", "SqlQuery");

    private QueryMethodWriter() {
    }

    static MethodSpec method(RepositoryDescriptor repository, RepositoryDescriptor.Method method,
            AnalyzedQuery analyzed, String constant) {
        RepositoryDescriptor.Returns returns = method.returns();
        MethodSpec.Builder spec = MethodSpec.methodBuilder(method.name())
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(returns.type());
        for (RepositoryDescriptor.Parameter parameter : method.parameters()) {
            spec.addParameter(ParameterSpec.builder(parameter.type(), parameter.name()).build());
        }
        CodeBlock.Builder chain = CodeBlock.builder().add("$T.of($L, $N)", SQL_QUERY,
                RepositoryWriter.session(method), constant);
        List<String> databases = method.query().databases();
        if (!databases.isEmpty()) {
            List<CodeBlock> names = new ArrayList<>();
            for (String database : databases) {
                names.add(CodeBlock.of("$S", database));
            }
            chain.add("\n.writtenFor($S, $L)", repository.type().simpleName() + "." + method.name(),
                    CodeBlock.join(names, ", "));
        }
        for (String name : analyzed.parameters()) {
            RepositoryDescriptor.Parameter parameter = parameter(method, name);
            chain.add("\n.bind($N, $T.class)", parameter.name(), raw(parameter.boxed()));
        }
        if (!readsRows(analyzed, returns)) {
            switch (returns.shape()) {
                case VOID:
                    spec.addStatement("$L", chain.add("\n.update()").build());
                    return spec.build();
                case LONG:
                    spec.addStatement("return (long) $L", chain.add("\n.update()").build());
                    return spec.build();
                default:
                    spec.addStatement("return $L", chain.add("\n.update()").build());
                    return spec.build();
            }
        }
        CodeBlock row = row(returns, analyzed.columns(), unused(method, "rs"), unused(method, "values"));
        switch (returns.shape()) {
            case LIST:
                chain.add("\n.list($L)", row);
                break;
            case OPTIONAL:
                chain.add("\n.first($L)", row);
                break;
            case STREAM:
                chain.add("\n.stream($L)", row);
                break;
            default:
                chain.add("\n.one($L)", row);
                break;
        }
        spec.addStatement("return $L", chain.build());
        return spec.build();
    }

    /**
     * Whether the statement returns rows (else it changes them, and the method returns the count):
     * from the analysis, or, for SQL sent as written that no database described, from the return type.
     */
    static boolean readsRows(AnalyzedQuery analyzed, RepositoryDescriptor.Returns returns) {
        if (analyzed.kind() == StatementKind.OTHER && analyzed.columns().isEmpty()) {
            return returns.shape() != RepositoryDescriptor.Shape.VOID && returns.shape() != RepositoryDescriptor.Shape.INT;
        }
        return analyzed.kind().returnsRows();
    }

    private static RepositoryDescriptor.Parameter parameter(RepositoryDescriptor.Method method, String name) {
        for (RepositoryDescriptor.Parameter parameter : method.parameters()) {
            if (parameter.name().equals(name)) {
                return parameter;
            }
        }
        throw new IllegalStateException("analyzed @Query binds :" + name + ", which " + method.name() + " lacks");
    }

    /** How one row is read: the model's mapper, a record's constructor over its columns, or column 1. */
    /** {@code name}, or {@code name_}, {@code name__} ...: a lambda parameter no method parameter is named. */
    private static String unused(RepositoryDescriptor.Method method, String name) {
        String candidate = name;
        boolean taken = true;
        while (taken) {
            taken = false;
            for (RepositoryDescriptor.Parameter parameter : method.parameters()) {
                if (parameter.name().equals(candidate)) {
                    candidate += "_";
                    taken = true;
                }
            }
        }
        return candidate;
    }

    private static CodeBlock row(RepositoryDescriptor.Returns returns, List<ResultColumn> columns, String rs,
            String values) {
        if (returns.model() != null) {
            return CodeBlock.of("$T.INFO.mapper()", returns.model().mapperName());
        }
        if (returns.record() != null) {
            List<CodeBlock> arguments = new ArrayList<>();
            for (int i = 0; i < returns.record().size(); i++) {
                RepositoryDescriptor.Component component = returns.record().get(i);
                arguments.add(read(component.type(), position(columns, component.name(), i + 1), rs, values));
            }
            return CodeBlock.of("($N, $N) -> new $T($L)", rs, values, returns.element(), CodeBlock.join(arguments, ", "));
        }
        TypeName type = returns.shape() == RepositoryDescriptor.Shape.SINGLE
                || returns.shape() == RepositoryDescriptor.Shape.LONG || returns.shape() == RepositoryDescriptor.Shape.INT
                || returns.shape() == RepositoryDescriptor.Shape.BOOLEAN ? returns.type() : returns.element();
        return CodeBlock.of("($N, $N) -> $L", rs, values, read(type, 1, rs, values));
    }

    /** The result column a record component reads: by label, ignoring case; by position when no database described it. */
    private static int position(List<ResultColumn> columns, String component, int fallback) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).label().equalsIgnoreCase(component)) {
                return i + 1;
            }
        }
        return fallback;
    }

    /** {@code values.getLong(rs, 2)}, {@code values.getStringOrNull...}, else {@code (Genre) values.get(rs, 3, Genre.class)}. */
    private static CodeBlock read(TypeName type, int column, String rs, String values) {
        for (ColumnKind kind : ColumnKind.values()) {
            if (kind.primitive() != null && kind.primitive().equals(type)) {
                return CodeBlock.of("$N.$L($N, $L)", values, kind.getter(true), rs, column);
            }
            if (kind.boxed() != null && kind.boxed().equals(type)) {
                return CodeBlock.of("$N.$L($N, $L)", values, kind.getter(false), rs, column);
            }
        }
        if (type.equals(ArrayTypeName.of(TypeName.BYTE))) {
            return CodeBlock.of("$N.$L($N, $L)", values, ColumnKind.BYTES.getter(false), rs, column);
        }
        return CodeBlock.of("($T) $N.get($N, $L, $T.class)", type, values, rs, column, raw(type));
    }

    private static TypeName raw(TypeName type) {
        return type instanceof ParameterizedTypeName ? ((ParameterizedTypeName) type).rawType() : type;
    }
}
