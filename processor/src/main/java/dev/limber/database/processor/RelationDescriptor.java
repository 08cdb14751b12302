package dev.limber.database.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * One relation field or record component ({@code @BelongsTo Ref<Author> author}), or a
 * {@code Ref}/{@code Many} field that lacks its relation annotation (then {@link #kind()} is null).
 * A {@code @BelongsTo} also owns a column, which the model's columns list carries.
 *
 * @param element        the field (or the record component's field), for error positions
 * @param annotation     the relation annotation's mirror, or null
 * @param kind           which relation annotation, or null when there is none
 * @param field          the Java name
 * @param type           the Java type as written, e.g. {@code Ref<Author>}
 * @param typeDisplay    the type as the user wrote it, for messages
 * @param holder         {@code "Ref"} or {@code "Many"} when the type is one of the holders, else null
 * @param target         the model the holder's type argument names, or null (raw, or not a declared type)
 * @param targetDisplay  the type argument as written, for messages, or null
 * @param unresolved     the type argument is not (yet) known to the compiler
 * @param access         how generated code reaches the holder
 * @param isFinal        a final field of a class
 * @param isStatic       a static field
 * @param hasColumn      also carries {@code @Column}
 * @param column         {@code @BelongsTo}: the foreign-key column name
 * @param nullable       {@code @BelongsTo(nullable)}
 * @param onDelete       {@code @BelongsTo(onDelete)}: the constant's name, e.g. {@code RESTRICT}
 * @param onDeleteExplicit {@code onDelete} is written out
 * @param withTrashed    {@code @BelongsTo(withTrashed)}
 * @param mappedBy       {@code @HasMany}/{@code @HasOne(mappedBy)}, else null
 * @param cascadeDelete  {@code cascade = Cascade.DELETE}
 * @param through        {@code @BelongsToMany(through)}, else null
 */
record RelationDescriptor(
        Element element,
        AnnotationMirror annotation,
        Kind kind,
        String field,
        TypeName type,
        String typeDisplay,
        String holder,
        TargetDescriptor target,
        String targetDisplay,
        boolean unresolved,
        Accessors access,
        boolean isFinal,
        boolean isStatic,
        boolean hasColumn,
        String column,
        boolean nullable,
        String onDelete,
        boolean onDeleteExplicit,
        boolean withTrashed,
        String mappedBy,
        boolean cascadeDelete,
        TargetDescriptor through) {

    /** The four relation annotations, with the holder each needs. */
    enum Kind {
        BELONGS_TO("@BelongsTo", "Ref"),
        HAS_ONE("@HasOne", "Ref"),
        HAS_MANY("@HasMany", "Many"),
        BELONGS_TO_MANY("@BelongsToMany", "Many");

        private final String display;
        private final String holder;

        Kind(String display, String holder) {
            this.display = display;
            this.holder = holder;
        }

        String display() {
            return display;
        }

        /** {@code Ref} or {@code Many}. */
        String holder() {
            return holder;
        }
    }

    /** How generated code reaches a member: the same rules as for columns. */
    record Accessors(ColumnDescriptor.Access access, String getter, String setter, String expectedGetter,
            String expectedSetter, String getterSuggestion, String setterSuggestion) {
    }

    /**
     * Another model as seen from a relation: enough to type the foreign key and check the other
     * side, read without following its own relations.
     *
     * @param type       the class
     * @param isModel    carries {@code @Model}
     * @param table      its table name
     * @param softDelete {@code @Model(softDelete = true)}
     * @param key        its primary-key column, or null when it has none
     * @param belongsTo  its {@code @BelongsTo} fields, in declaration order
     * @param inverses   its {@code @HasMany}/{@code @HasOne} fields, in declaration order
     */
    record TargetDescriptor(ClassName type, boolean isModel, String table, boolean softDelete, ColumnDescriptor key,
            List<Link> belongsTo, List<Link> inverses) {

        String qualifiedName() {
            return type.canonicalName();
        }
    }

    /**
     * A relation field of a target model.
     *
     * @param field         the field name
     * @param target        the qualified name of the model it refers to, or "" when unknown
     * @param mappedBy      for an inverse relation, its mappedBy; else ""
     * @param cascadeDelete for an inverse relation, {@code cascade = Cascade.DELETE}
     */
    record Link(String field, String target, String mappedBy, boolean cascadeDelete) {
    }

    /** {@code "Book.author"}: the name holders and the metamodel give the relation. */
    String name(ModelDescriptor model) {
        return model.type().simpleName() + "." + field;
    }

    /** The {@code ON DELETE} action: CASCADE when the target's inverse side cascades deletes to this one. */
    String effectiveOnDelete(ClassName model) {
        return inverseCascade(model) != null ? "CASCADE" : onDelete;
    }

    /** The target's {@code @HasMany}/{@code @HasOne} with {@code mappedBy} naming this field and {@code cascade = DELETE}, or null. */
    Link inverseCascade(ClassName model) {
        if (target == null) {
            return null;
        }
        for (Link inverse : target.inverses()) {
            if (inverse.cascadeDelete() && inverse.mappedBy().equals(field)
                    && inverse.target().equals(model.canonicalName())) {
                return inverse;
            }
        }
        return null;
    }

    /** The target class. */
    ClassName targetType() {
        return target.type();
    }
}
