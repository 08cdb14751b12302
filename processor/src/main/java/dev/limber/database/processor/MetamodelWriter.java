package dev.limber.database.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/** Writes {@code Book_}: one typed {@code Property} per column, named as the field, in declaration order. */
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
        for (ColumnDescriptor column : model.columns()) {
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
}
