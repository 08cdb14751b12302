package dev.limber.database.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @Model} as the reader saw it: plain values for the validator and writers. Only the
 * element and the annotation mirror survive from javax.lang.model, to place error messages.
 *
 * @param element          the annotated type, for error positions
 * @param annotation       its {@code @Model} mirror, for error positions
 * @param type             the model class
 * @param shape            what kind of type carries {@code @Model}
 * @param table            the table name (explicit, or snake_case of the simple name)
 * @param softDelete       {@code @Model(softDelete = true)}
 * @param isAbstract       an abstract class
 * @param isGeneric        declares type parameters
 * @param isInnerNonStatic a nested class that is not static
 * @param isPrivate        the class or one of its enclosing classes is private
 * @param hasUsableConstructor a class with a non-private no-argument constructor (always true for records)
 * @param columns          the columns in declaration order, a {@code @BelongsTo}'s foreign key among them
 * @param relations        the relation fields in declaration order (and Ref/Many fields missing their annotation)
 * @param members          the names of the mapped fields (columns and relations) in declaration order; for a
 *                         record, every component in canonical-constructor order
 * @param fieldNames       every non-static field or component name, for "Did you mean" suggestions
 * @param inheritedColumns {@code @Column} fields declared in superclasses ({@code Base.id}), which are not mapped
 * @param indexes          the {@code @Index} and {@code @Unique} annotations, in declaration order
 */
record ModelDescriptor(
        TypeElement element,
        AnnotationMirror annotation,
        ClassName type,
        Shape shape,
        String table,
        boolean softDelete,
        boolean isAbstract,
        boolean isGeneric,
        boolean isInnerNonStatic,
        boolean isPrivate,
        boolean hasUsableConstructor,
        List<ColumnDescriptor> columns,
        List<RelationDescriptor> relations,
        List<String> members,
        List<String> fieldNames,
        List<String> inheritedColumns,
        List<IndexDescriptor> indexes) {

    /** What kind of type carries {@code @Model}. */
    enum Shape { CLASS, RECORD, INTERFACE, ENUM, ANNOTATION }

    /** The soft-delete column's SQL name. */
    static final String DELETED_AT = "deleted_at";

    boolean isRecord() {
        return shape == Shape.RECORD;
    }

    /** {@code Book} → {@code Book}, {@code Outer.Inner} → {@code Outer_Inner}: the stem of generated names. */
    String flatName() {
        return String.join("_", type.simpleNames());
    }

    /** The metamodel class, {@code Book_}. */
    ClassName metamodelName() {
        return ClassName.get(type.packageName(), flatName() + "_");
    }

    /** The mapper class, {@code Book_Mapper}; its {@code INFO} constant is the model's ModelInfo. */
    ClassName mapperName() {
        return ClassName.get(type.packageName(), flatName() + "_Mapper");
    }

    /** The column of the member named {@code field}, or null (a relation without a column). */
    ColumnDescriptor column(String field) {
        for (ColumnDescriptor column : columns) {
            if (column.field().equals(field)) {
                return column;
            }
        }
        return null;
    }

    /** The relation held in {@code field}, or null. */
    RelationDescriptor relation(String field) {
        for (RelationDescriptor relation : relations) {
            if (relation.field().equals(field)) {
                return relation;
            }
        }
        return null;
    }

    ColumnDescriptor primaryKey() {
        for (ColumnDescriptor column : columns) {
            if (column.primaryKey()) {
                return column;
            }
        }
        throw new IllegalStateException("validated model " + type + " has no primary key");
    }
}
