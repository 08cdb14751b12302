package dev.limber.database.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code Book_Mapper}: the {@code ModelMapper} of a model, in plain code (no reflection),
 * and its {@code INFO} constant, the model's {@code ModelInfo} with columns, indexes, foreign keys,
 * relations and DDL. A {@code @BelongsTo} is a column whose value is the key of its {@code Ref};
 * other relations are no columns, and {@code read()} gives them unloaded holders.
 */
final class MapperWriter {
    private MapperWriter() {
    }

    static JavaFile write(ModelDescriptor model, DdlWriter.ModelDdl ddl) {
        ClassName name = model.mapperName();
        ClassName type = model.type();
        TypeSpec.Builder mapper = TypeSpec.classBuilder(name)
                .addJavadoc("Reads and binds {@link $T} rows without reflection; generated from $L.\n", type,
                        type.canonicalName())
                .addAnnotation(RuntimeNames.GENERATED)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(RuntimeNames.MODEL_MAPPER, type))
                .addOriginatingElement(model.element())
                .addField(FieldSpec.builder(ParameterizedTypeName.get(RuntimeNames.MODEL_INFO, type), "INFO",
                                Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The table, columns, indexes and DDL of {@link $T}.\n", type)
                        .initializer(info(model, ddl))
                        .build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(read(model))
                .addMethod(bind(model))
                .addMethod(get(model))
                .addMethod(with(model));
        return RuntimeNames.file(name.packageName(), mapper.build());
    }

    private static CodeBlock info(ModelDescriptor model, DdlWriter.ModelDdl ddl) {
        CodeBlock.Builder code = CodeBlock.builder()
                .add("$T.builder($T.class, $S, new $T())$>$>", RuntimeNames.MODEL_INFO, model.type(), model.table(),
                        model.mapperName());
        for (ColumnDescriptor column : model.columns()) {
            code.add("\n.column($T.builder($S, $S, $T.class)", RuntimeNames.COLUMN_INFO, column.column(), column.field(),
                    column.type());
            if (column.primaryKey()) {
                code.add(".primaryKey()");
            } else if (!column.nullable()) {
                code.add(".notNull()");
            }
            if (column.generated()) {
                code.add(".generated()");
            }
            if (column.unique()) {
                code.add(".unique()");
            }
            if (column.ignoreCase()) {
                code.add(".ignoreCase()");
            }
            if (column.version()) {
                code.add(".version()");
            }
            if (column.kind().hasLength() && column.sqlTypeOverride().isEmpty()) {
                code.add(".length($L)", column.length());
            }
            if (column.kind() == ColumnKind.BIG_DECIMAL) {
                code.add(".precision($L, $L)", column.precision(), column.scale());
            }
            code.add("$>$>");
            for (SqlDialect dialect : SqlDialect.values()) {
                code.add("\n.sqlType($S, $S)", dialect.id(), DdlWriter.columnType(column, dialect));
            }
            code.add("\n.build())$<$<");
        }
        for (DdlWriter.IndexDdl index : ddl.indexes()) {
            code.add("\n.index(new $T($S, ", RuntimeNames.INDEX_INFO, index.name());
            strings(code, index.columns());
            code.add(", $L, ", index.unique());
            if (!index.whereNull().isEmpty() || index.liveOnly()) {
                strings(code, index.whereNull());
                code.add(", $L, ", index.liveOnly());
                strings(code, index.generatedColumns());
                code.add(", ");
            }
            code.add("$T.of($>$>", RuntimeNames.MAP);
            String separator = "";
            for (SqlDialect dialect : SqlDialect.values()) {
                code.add("$L\n$S, $T.of($>$>", separator, dialect.id(), RuntimeNames.LIST);
                String inner = "";
                for (String statement : index.statements().get(dialect)) {
                    code.add("$L\n$S", inner, statement);
                    inner = ",";
                }
                code.add(")$<$<");
                separator = ",";
            }
            code.add(")))$<$<");
        }
        for (DdlWriter.ForeignKeyDdl foreignKey : ddl.foreignKeys()) {
            RelationDescriptor relation = model.relation(foreignKey.field());
            code.add("\n.foreignKey(new $T($S, $S, $T.class, $S, $S, $T.$L))", RuntimeNames.FOREIGN_KEY_INFO,
                    foreignKey.name(), foreignKey.column(), relation.targetType(), foreignKey.referencedTable(),
                    foreignKey.referencedColumn(), RuntimeNames.ON_DELETE, foreignKey.onDelete());
        }
        for (RelationDescriptor relation : model.relations()) {
            code.add("\n.relation($T.$N)", model.metamodelName(), relation.field());
        }
        if (model.softDelete()) {
            code.add("\n.softDelete($S)", ModelDescriptor.DELETED_AT);
        }
        for (SqlDialect dialect : SqlDialect.values()) {
            code.add("\n.createTable($S, $S)", dialect.id(), ddl.createTable().get(dialect));
        }
        return code.add("\n.build()$<$<").build();
    }

    /** {@code List.of("a", "b")}. */
    private static void strings(CodeBlock.Builder code, List<String> values) {
        code.add("$T.of(", RuntimeNames.LIST);
        String separator = "";
        for (String value : values) {
            code.add("$L$S", separator, value);
            separator = ", ";
        }
        code.add(")");
    }

    private static MethodSpec read(ModelDescriptor model) {
        NameAllocator names = new NameAllocator();
        String resultSet = names.newName("resultSet");
        String values = names.newName("values");
        MethodSpec.Builder method = MethodSpec.methodBuilder("read")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(model.type())
                .addParameter(RuntimeNames.RESULT_SET, resultSet)
                .addParameter(RuntimeNames.JDBC_VALUES, values)
                .addException(RuntimeNames.SQL_EXCEPTION);
        List<ColumnDescriptor> columns = model.columns();
        if (model.isRecord()) {
            List<String> locals = new ArrayList<>();
            for (String member : model.members()) {
                ColumnDescriptor column = model.column(member);
                RelationDescriptor relation = model.relation(member);
                String local = names.newName(member);
                locals.add(local);
                if (column != null) {
                    int index = columns.indexOf(column) + 1;
                    method.addStatement("$T $N = $L", column.foreignKey() ? relation.type() : column.type(), local,
                            readColumn(model, column, values, resultSet, index));
                } else {
                    method.addStatement("$T $N = $L", relation.type(), local, unloaded(model, relation));
                }
            }
            method.addStatement("return new $T($L)", model.type(), String.join(", ", locals));
        } else {
            String instance = names.newName("model");
            method.addStatement("$T $N = new $T()", model.type(), instance, model.type());
            for (int i = 0; i < columns.size(); i++) {
                ColumnDescriptor column = columns.get(i);
                method.addStatement(write(column, instance, readColumn(model, column, values, resultSet, i + 1)));
            }
            for (RelationDescriptor relation : model.relations()) {
                if (relation.kind() != RelationDescriptor.Kind.BELONGS_TO) {
                    method.addStatement(assign(relation.access(), relation.field(), instance,
                            unloaded(model, relation)));
                }
            }
            method.addStatement("return $N", instance);
        }
        return method.build();
    }

    private static MethodSpec bind(ModelDescriptor model) {
        NameAllocator names = new NameAllocator();
        String statement = names.newName("statement");
        String firstParameter = names.newName("firstParameter");
        String instance = names.newName("model");
        String columns = names.newName("columns");
        String values = names.newName("values");
        String parameter = names.newName("parameter");
        String column = names.newName("column");
        MethodSpec.Builder method = MethodSpec.methodBuilder("bind")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.INT)
                .addParameter(RuntimeNames.PREPARED_STATEMENT, statement)
                .addParameter(TypeName.INT, firstParameter)
                .addParameter(model.type(), instance)
                .addParameter(ArrayTypeName.of(TypeName.INT), columns)
                .addParameter(RuntimeNames.JDBC_VALUES, values)
                .addException(RuntimeNames.SQL_EXCEPTION)
                .addStatement("int $N = $N", parameter, firstParameter)
                .beginControlFlow("for (int $N : $N)", column, columns)
                .beginControlFlow("switch ($N)", column);
        for (int i = 0; i < model.columns().size(); i++) {
            ColumnDescriptor c = model.columns().get(i);
            method.addStatement("case $L -> $N.$L($N, $N, $L)", i, values, c.kind().setter(c.isPrimitive()), statement,
                    parameter, value(c, instance));
        }
        method.addStatement("default -> throw $L", noSuchColumn(model, column))
                .endControlFlow()
                .addStatement("$N++", parameter)
                .endControlFlow()
                .addStatement("return $N", parameter);
        return method.build();
    }

    private static MethodSpec get(ModelDescriptor model) {
        NameAllocator names = new NameAllocator();
        String instance = names.newName("model");
        String column = names.newName("column");
        CodeBlock.Builder body = CodeBlock.builder().add("return switch ($N) {\n$>", column);
        for (int i = 0; i < model.columns().size(); i++) {
            body.add("case $L -> $L;\n", i, value(model.columns().get(i), instance));
        }
        body.add("default -> throw $L;\n", noSuchColumn(model, column)).add("$<};\n");
        return MethodSpec.methodBuilder("get")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(Object.class)
                .addParameter(model.type(), instance)
                .addParameter(TypeName.INT, column)
                .addCode(body.build())
                .build();
    }

    private static MethodSpec with(ModelDescriptor model) {
        NameAllocator names = new NameAllocator();
        String instance = names.newName("model");
        String column = names.newName("column");
        String value = names.newName("value");
        MethodSpec.Builder method = MethodSpec.methodBuilder("with")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(model.type())
                .addParameter(model.type(), instance)
                .addParameter(TypeName.INT, column)
                .addParameter(Object.class, value);
        List<ColumnDescriptor> columns = model.columns();
        if (model.isRecord()) {
            // A record is immutable: build a copy through the canonical constructor.
            CodeBlock.Builder body = CodeBlock.builder().add("return switch ($N) {\n$>", column);
            for (int i = 0; i < columns.size(); i++) {
                List<CodeBlock> arguments = new ArrayList<>();
                for (String member : model.members()) {
                    ColumnDescriptor other = model.column(member);
                    if (other == null) {
                        arguments.add(CodeBlock.of("$N.$N()", instance, model.relation(member).access().getter()));
                    } else {
                        arguments.add(other == columns.get(i) ? cast(model, other, value) : read(other, instance));
                    }
                }
                body.add("case $L -> new $T($L);\n", i, model.type(), CodeBlock.join(arguments, ", "));
            }
            body.add("default -> throw $L;\n", noSuchColumn(model, column)).add("$<};\n");
            return method.addCode(body.build()).build();
        }
        method.beginControlFlow("switch ($N)", column);
        for (int i = 0; i < columns.size(); i++) {
            method.addStatement("case $L -> $L", i, write(columns.get(i), instance, cast(model, columns.get(i), value)));
        }
        return method.addStatement("default -> throw $L", noSuchColumn(model, column))
                .endControlFlow()
                .addStatement("return $N", instance)
                .build();
    }

    /** {@code values.getLongOrNull(resultSet, 1)}, {@code values.getEnum(resultSet, 3, Genre.class)}. */
    private static CodeBlock readValue(ColumnDescriptor column, String values, String resultSet, int index) {
        String getter = column.kind().getter(column.isPrimitive());
        if (column.kind() == ColumnKind.ENUM) {
            return CodeBlock.of("$N.$L($N, $L, $T.class)", values, getter, resultSet, index, column.type());
        }
        return CodeBlock.of("$N.$L($N, $L)", values, getter, resultSet, index);
    }

    /**
     * What {@code read()} stores for a column: the value, or for a {@code @BelongsTo} column a
     * holder of the foreign key, {@code Ref.foreignKey("Book.author", values.getLongOrNull(resultSet, 3))}.
     */
    private static CodeBlock readColumn(ModelDescriptor model, ColumnDescriptor column, String values,
            String resultSet, int index) {
        CodeBlock value = readValue(column, values, resultSet, index);
        if (!column.foreignKey()) {
            return value;
        }
        return CodeBlock.of("$T.foreignKey($S, $L)", RuntimeNames.REF, model.relation(column.field()).name(model),
                value);
    }

    /** The holder {@code read()} puts in a relation without a column: {@code Many.unloaded("Author.books")}. */
    private static CodeBlock unloaded(ModelDescriptor model, RelationDescriptor relation) {
        return CodeBlock.of("$T.unloaded($S)", "Ref".equals(relation.holder()) ? RuntimeNames.REF : RuntimeNames.MANY,
                relation.name(model));
    }

    /** The column's value in {@code instance}: for a {@code @BelongsTo}, the key of its {@code Ref}. */
    private static CodeBlock value(ColumnDescriptor column, String instance) {
        if (column.foreignKey()) {
            return CodeBlock.of("$T.key($L, $T.class)", RuntimeNames.RELATION_KEYS, read(column, instance),
                    column.type());
        }
        return read(column, instance);
    }

    /** The expression reading the column's value from {@code instance}: field, getter or record accessor. */
    private static CodeBlock read(ColumnDescriptor column, String instance) {
        switch (column.access()) {
            case FIELD:
                return CodeBlock.of("$N.$N", instance, column.field());
            case ACCESSORS:
            case RECORD:
                return CodeBlock.of("$N.$N()", instance, column.getter());
            default:
                throw new IllegalStateException("validated column " + column.field() + " has no access");
        }
    }

    /** The statement storing {@code value} into the column of {@code instance}: field or setter. */
    private static CodeBlock write(ColumnDescriptor column, String instance, CodeBlock value) {
        return assign(new RelationDescriptor.Accessors(column.access(), column.getter(), column.setter(), null, null,
                null, null), column.field(), instance, value);
    }

    private static CodeBlock assign(RelationDescriptor.Accessors access, String field, String instance,
            CodeBlock value) {
        switch (access.access()) {
            case FIELD:
                return CodeBlock.of("$N.$N = $L", instance, field, value);
            case ACCESSORS:
                return CodeBlock.of("$N.$N($L)", instance, access.setter(), value);
            default:
                throw new IllegalStateException("member " + field + " cannot be written");
        }
    }

    /**
     * {@code (Long) value}; a box for primitives, which unboxes on assignment. For a
     * {@code @BelongsTo} column, a holder of the key: {@code Ref.foreignKey("Book.author", value)}.
     */
    private static CodeBlock cast(ModelDescriptor model, ColumnDescriptor column, String value) {
        if (column.foreignKey()) {
            return CodeBlock.of("$T.foreignKey($S, $N)", RuntimeNames.REF, model.relation(column.field()).name(model),
                    value);
        }
        return CodeBlock.of("($T) $N", column.boxedType(), value);
    }

    private static CodeBlock noSuchColumn(ModelDescriptor model, String column) {
        return CodeBlock.of("new $T($S + $N)", IllegalArgumentException.class,
                model.type().simpleName() + " has no column ", column);
    }
}
