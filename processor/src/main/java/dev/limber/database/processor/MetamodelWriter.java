package dev.limber.database.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code Book_}: one typed {@code Property} per column and one {@code ToOne}/{@code ToMany}
 * per relation ({@code ForeignKey} for a {@code @BelongsTo}, whose column it carries), named as the
 * field, in declaration order.
 */
final class MetamodelWriter {
    private MetamodelWriter() {
    }

    static JavaFile write(ModelDescriptor model) {
        ClassName name = model.metamodelName();
        TypeSpec.Builder type = TypeSpec.classBuilder(name)
                .addJavadoc("Typed columns of {@link $T}, for queries; generated from $L.\n", model.type(),
                        model.type().canonicalName())
                .addAnnotation(RuntimeNames.GENERATED)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addOriginatingElement(model.element());
        for (String member : model.members()) {
            RelationDescriptor relation = model.relation(member);
            if (relation != null) {
                type.addField(relation(model, relation));
                continue;
            }
            ColumnDescriptor column = model.column(member);
            TypeName value = column.boxedType();
            type.addField(FieldSpec.builder(ParameterizedTypeName.get(RuntimeNames.PROPERTY, model.type(), value),
                            column.field(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .initializer("$T.of($T.class, $S, $S, $T.class)", RuntimeNames.PROPERTY, model.type(),
                            column.field(), column.column(), value)
                    .build());
        }
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        return RuntimeNames.file(name.packageName(), type.build());
    }

    private static FieldSpec relation(ModelDescriptor model, RelationDescriptor relation) {
        ClassName m = model.type();
        ClassName target = relation.targetType();
        CodeBlock getter = getter(model, relation);
        CodeBlock setter = setter(relation);
        TypeName type;
        CodeBlock initializer;
        switch (relation.kind()) {
            case BELONGS_TO:
                ColumnDescriptor column = model.column(relation.field());
                type = ParameterizedTypeName.get(RuntimeNames.FOREIGN_KEY, m, target, column.boxedType());
                initializer = CodeBlock.of("$T.belongsTo($T.class, $S, $T.class,$>$>\n$T.of($T.class, $S, $S, $T.class), $L,"
                                + "\n$L, $L)$<$<", RuntimeNames.TO_ONE, m, relation.field(), target,
                        RuntimeNames.PROPERTY, m, column.field(), column.column(), column.boxedType(),
                        relation.withTrashed(), getter, setter);
                break;
            case HAS_ONE:
                type = ParameterizedTypeName.get(RuntimeNames.TO_ONE, m, target);
                initializer = CodeBlock.of("$T.hasOne($T.class, $S, $T.class,$>$>\n$S, $T.$L, $L, $L)$<$<",
                        RuntimeNames.TO_ONE, m, relation.field(), target, relation.mappedBy(), RuntimeNames.CASCADE,
                        relation.cascadeDelete() ? "DELETE" : "NONE", getter, setter);
                break;
            case HAS_MANY:
                type = ParameterizedTypeName.get(RuntimeNames.TO_MANY, m, target);
                initializer = CodeBlock.of("$T.hasMany($T.class, $S, $T.class,$>$>\n$S, $T.$L, $L, $L)$<$<",
                        RuntimeNames.TO_MANY, m, relation.field(), target, relation.mappedBy(), RuntimeNames.CASCADE,
                        relation.cascadeDelete() ? "DELETE" : "NONE", getter, setter);
                break;
            default:
                type = ParameterizedTypeName.get(RuntimeNames.TO_MANY, m, target);
                initializer = CodeBlock.of("$T.belongsToMany($T.class, $S, $T.class, $T.class,$>$>\n$L, $L)$<$<",
                        RuntimeNames.TO_MANY, m, relation.field(), target, relation.through().type(), getter, setter);
                break;
        }
        return FieldSpec.builder(type, relation.field(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .initializer(initializer)
                .build();
    }

    /** {@code m -> m.author}, {@code m -> m.getAuthor()}, or {@code Book::author} for a record. */
    private static CodeBlock getter(ModelDescriptor model, RelationDescriptor relation) {
        switch (relation.access().access()) {
            case FIELD:
                return CodeBlock.of("m -> m.$N", relation.field());
            case ACCESSORS:
                return CodeBlock.of("m -> m.$N()", relation.access().getter());
            default:
                return CodeBlock.of("$T::$N", model.type(), relation.access().getter());
        }
    }

    /** {@code (m, h) -> m.author = h}, {@code (m, h) -> m.setAuthor(h)}, or {@code null} for a record. */
    private static CodeBlock setter(RelationDescriptor relation) {
        switch (relation.access().access()) {
            case FIELD:
                return CodeBlock.of("(m, h) -> m.$N = h", relation.field());
            case ACCESSORS:
                return CodeBlock.of("(m, h) -> m.$N(h)", relation.access().setter());
            default:
                return CodeBlock.of("null");
        }
    }
}
