package dev.limber.database.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Turns a {@code @Model} type into a {@link ModelDescriptor}. Annotations are read through
 * mirrors, so the processor never needs the runtime's classes while it runs. The reader records
 * what it sees, problems included; judging is the validator's job.
 */
final class ModelReader {
    static final String MODEL = "dev.limber.database.models.Model";
    static final String COLUMN = "dev.limber.database.models.Column";
    static final String VERSION = "dev.limber.database.models.Version";
    static final String BELONGS_TO = "dev.limber.database.models.BelongsTo";
    static final String HAS_ONE = "dev.limber.database.models.HasOne";
    static final String HAS_MANY = "dev.limber.database.models.HasMany";
    static final String BELONGS_TO_MANY = "dev.limber.database.models.BelongsToMany";
    static final String REF = "dev.limber.database.Ref";
    static final String MANY = "dev.limber.database.Many";
    static final String INDEX = "dev.limber.database.models.Index";
    static final String UNIQUE = "dev.limber.database.models.Unique";

    /** The relation annotations, in the order a field carrying several is read. */
    private static final Map<String, RelationDescriptor.Kind> RELATION_KINDS = Map.of(
            BELONGS_TO, RelationDescriptor.Kind.BELONGS_TO,
            HAS_ONE, RelationDescriptor.Kind.HAS_ONE,
            HAS_MANY, RelationDescriptor.Kind.HAS_MANY,
            BELONGS_TO_MANY, RelationDescriptor.Kind.BELONGS_TO_MANY);
    private static final Set<String> LIMBER_ANNOTATIONS = Set.of(MODEL, COLUMN, VERSION, BELONGS_TO, HAS_ONE,
            HAS_MANY, BELONGS_TO_MANY);

    /** {@code @Column}'s defaults, for record components written without it. */
    private static final int DEFAULT_LENGTH = 255;
    private static final int DEFAULT_PRECISION = 19;
    private static final int DEFAULT_SCALE = 2;

    private static final Map<String, ColumnKind> DECLARED_KINDS = Map.ofEntries(
            Map.entry("java.lang.Boolean", ColumnKind.BOOLEAN),
            Map.entry("java.lang.Byte", ColumnKind.BYTE),
            Map.entry("java.lang.Short", ColumnKind.SHORT),
            Map.entry("java.lang.Integer", ColumnKind.INT),
            Map.entry("java.lang.Long", ColumnKind.LONG),
            Map.entry("java.lang.Float", ColumnKind.FLOAT),
            Map.entry("java.lang.Double", ColumnKind.DOUBLE),
            Map.entry("java.lang.String", ColumnKind.STRING),
            Map.entry("java.math.BigDecimal", ColumnKind.BIG_DECIMAL),
            Map.entry("java.util.UUID", ColumnKind.UUID),
            Map.entry("java.time.LocalDate", ColumnKind.LOCAL_DATE),
            Map.entry("java.time.LocalTime", ColumnKind.LOCAL_TIME),
            Map.entry("java.time.LocalDateTime", ColumnKind.LOCAL_DATE_TIME),
            Map.entry("java.time.Instant", ColumnKind.INSTANT),
            Map.entry("java.time.OffsetDateTime", ColumnKind.OFFSET_DATE_TIME));

    private final Elements elements;
    private final Types types;

    ModelReader(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /**
     * True when a column's type, or the model a {@code Ref}/{@code Many} holds, is not yet known
     * (perhaps another processor generates it next round).
     */
    boolean hasUnresolvedTypes(TypeElement type) {
        for (Element member : type.getEnclosedElements()) {
            if ((member.getKind() == ElementKind.FIELD || member.getKind() == ElementKind.RECORD_COMPONENT)
                    && (isUnresolved(member.asType()) || isUnresolved(holderArgument(member.asType())))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first element whose Limber annotation has a value the compiler could not resolve (e.g.
     * {@code length = Missing.LEN}), or null. javac reports the symbol itself; reading such a
     * value would only find a placeholder.
     */
    Element firstErroneousAnnotation(TypeElement type) {
        List<Element> elements = new ArrayList<>();
        elements.add(type);
        elements.addAll(type.getEnclosedElements());
        for (Element element : elements) {
            for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
                String name = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
                if (!LIMBER_ANNOTATIONS.contains(name)) {
                    continue;
                }
                for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                        : mirror.getElementValues().entrySet()) {
                    if (!hasDeclaredType(entry.getKey().getReturnType(), entry.getValue().getValue())) {
                        return element;
                    }
                }
            }
        }
        return null;
    }

    private static boolean hasDeclaredType(TypeMirror memberType, Object value) {
        switch (memberType.getKind()) {
            case BOOLEAN: return value instanceof Boolean;
            case INT: return value instanceof Integer;
            default:
                TypeElement type = (TypeElement) ((DeclaredType) memberType).asElement();
                if (type.getKind() == ElementKind.ENUM) {
                    return value instanceof VariableElement;
                }
                if (type.getQualifiedName().contentEquals("java.lang.Class")) {
                    return value instanceof TypeMirror && ((TypeMirror) value).getKind() == TypeKind.DECLARED;
                }
                return value instanceof String;
        }
    }

    ModelDescriptor read(TypeElement type) {
        AnnotationMirror model = mirror(type, MODEL);
        String tableValue = (String) value(model, "table");
        String table = tableValue.isEmpty() ? Names.snakeCase(type.getSimpleName().toString()) : tableValue;
        boolean softDelete = (Boolean) value(model, "softDelete");
        ModelDescriptor.Shape shape = shape(type.getKind());
        Set<Modifier> modifiers = type.getModifiers();
        boolean isClass = shape == ModelDescriptor.Shape.CLASS;

        List<ColumnDescriptor> columns = new ArrayList<>();
        List<RelationDescriptor> relations = new ArrayList<>();
        List<String> members = new ArrayList<>();
        List<String> fieldNames = new ArrayList<>();
        if (shape == ModelDescriptor.Shape.RECORD) {
            for (RecordComponentElement component : type.getRecordComponents()) {
                String name = component.getSimpleName().toString();
                fieldNames.add(name);
                members.add(name);
                Element position = recordField(type, name);
                if (relationKind(position) != null || isHolder(component.asType())) {
                    RelationDescriptor relation = relation(type, component, position, true);
                    relations.add(relation);
                    if (relation.kind() == RelationDescriptor.Kind.BELONGS_TO) {
                        columns.add(foreignKeyColumn(relation));
                    }
                } else {
                    columns.add(column(type, component, true));
                }
            }
        } else if (isClass) {
            for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
                AnnotationMirror column = mirror(field, COLUMN);
                boolean isStatic = field.getModifiers().contains(Modifier.STATIC);
                if (!isStatic) {
                    fieldNames.add(field.getSimpleName().toString());
                }
                // A static holder without an annotation is a constant of the class, not a relation.
                if (relationKind(field) != null || (isHolder(field.asType()) && !isStatic)) {
                    RelationDescriptor relation = relation(type, field, field, false);
                    relations.add(relation);
                    members.add(relation.field());
                    if (relation.kind() == RelationDescriptor.Kind.BELONGS_TO) {
                        columns.add(foreignKeyColumn(relation));
                    }
                } else if (column != null || mirror(field, VERSION) != null) {
                    columns.add(column(type, field, false));
                    members.add(field.getSimpleName().toString());
                }
            }
        }
        List<String> inherited = new ArrayList<>();
        if (isClass) {
            for (TypeMirror up = type.getSuperclass(); up.getKind() == TypeKind.DECLARED;
                    up = ((TypeElement) ((DeclaredType) up).asElement()).getSuperclass()) {
                TypeElement superclass = (TypeElement) ((DeclaredType) up).asElement();
                for (VariableElement field : ElementFilter.fieldsIn(superclass.getEnclosedElements())) {
                    if (mirror(field, COLUMN) != null) {
                        inherited.add(superclass.getSimpleName() + "." + field.getSimpleName());
                    }
                }
            }
        }
        return new ModelDescriptor(
                type,
                model,
                ClassName.get(type),
                shape,
                table,
                softDelete,
                isClass && modifiers.contains(Modifier.ABSTRACT),
                !type.getTypeParameters().isEmpty(),
                isClass && type.getNestingKind() == NestingKind.MEMBER && !modifiers.contains(Modifier.STATIC),
                isPrivate(type),
                !isClass || hasUsableConstructor(type),
                List.copyOf(columns),
                List.copyOf(relations),
                List.copyOf(members),
                List.copyOf(fieldNames),
                List.copyOf(inherited),
                indexes(type));
    }

    /**
     * The {@code @Index} and {@code @Unique} annotations on {@code type}, each once, in declaration
     * order: written once they stand alone, written repeatedly javac wraps them in their
     * {@code List} container.
     */
    private List<IndexDescriptor> indexes(TypeElement type) {
        List<IndexDescriptor> indexes = new ArrayList<>();
        for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
            String name = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
            if (name.equals(INDEX) || name.equals(UNIQUE)) {
                indexes.add(index(mirror, null, name.equals(UNIQUE)));
            } else if (name.equals(INDEX + ".List") || name.equals(UNIQUE + ".List")) {
                boolean unique = name.startsWith(UNIQUE);
                int occurrence = 0;
                for (Object inner : list(value(mirror, "value"))) {
                    if (inner instanceof AnnotationMirror annotation) {
                        indexes.add(index(annotation, new ValidationReport.Repeated(mirror, unique ? UNIQUE : INDEX,
                                occurrence++), unique));
                    }
                }
            }
        }
        return List.copyOf(indexes);
    }

    private IndexDescriptor index(AnnotationMirror mirror, ValidationReport.Repeated repeated, boolean unique) {
        return new IndexDescriptor(mirror, repeated, unique, (String) value(mirror, "name"), strings(value(mirror, "columns")),
                unique ? strings(value(mirror, "whereNull")) : List.of());
    }

    /** The elements of an array member's value (a single value written without braces is a one-element list). */
    private static List<Object> list(Object value) {
        List<Object> out = new ArrayList<>();
        if (value instanceof List<?> values) {
            for (Object v : values) {
                out.add(v instanceof AnnotationValue av ? av.getValue() : v);
            }
        }
        return out;
    }

    /** The strings of a {@code String[]} member; a value the compiler could not resolve is left out (javac reports it). */
    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        for (Object v : list(value)) {
            if (v instanceof String string) {
                out.add(string);
            }
        }
        return List.copyOf(out);
    }

    private ColumnDescriptor column(TypeElement owner, Element member, boolean record) {
        String field = member.getSimpleName().toString();
        // javac cannot place a diagnostic on a record component; its private field sits on the same line.
        Element position = record ? recordField(owner, field) : member;
        AnnotationMirror column = mirror(position, COLUMN);
        TypeMirror mirror = member.asType();
        ColumnKind kind = kind(mirror);
        boolean primitive = mirror.getKind().isPrimitive();
        boolean primaryKey = column != null && (Boolean) value(column, "primaryKey");
        boolean nullableValue = column == null || (Boolean) value(column, "nullable");
        boolean nullableExplicitlyTrue = column != null && isExplicit(column, "nullable") && nullableValue;
        String nameValue = column == null ? "" : (String) value(column, "name");
        AnnotationMirror version = mirror(position, VERSION);

        Set<Modifier> modifiers = member.getModifiers();
        RelationDescriptor.Accessors access = accessors(owner, member, record);
        return new ColumnDescriptor(
                position,
                column,
                field,
                nameValue.isEmpty() ? Names.snakeCase(field) : nameValue,
                TypeName.get(mirror),
                kind,
                mirror.toString(),
                isUnresolved(mirror),
                access.access(),
                access.getter(),
                access.setter(),
                access.expectedGetter(),
                access.expectedSetter(),
                access.getterSuggestion(),
                access.setterSuggestion(),
                !record && modifiers.contains(Modifier.FINAL),
                modifiers.contains(Modifier.STATIC),
                primaryKey,
                nullableValue && !primitive && !primaryKey,
                nullableExplicitlyTrue,
                column != null && (Boolean) value(column, "unique"),
                column != null && (Boolean) value(column, "ignoreCase"),
                column == null ? DEFAULT_LENGTH : (Integer) value(column, "length"),
                column == null ? DEFAULT_PRECISION : (Integer) value(column, "precision"),
                column == null ? DEFAULT_SCALE : (Integer) value(column, "scale"),
                column == null ? "" : (String) value(column, "type"),
                version != null,
                version,
                false);
    }

    /** How generated code reaches {@code member}: the field, its getter and setter, or the record accessor. */
    private RelationDescriptor.Accessors accessors(TypeElement owner, Element member, boolean record) {
        String field = member.getSimpleName().toString();
        TypeMirror mirror = member.asType();
        String expectedGetter = (isBoolean(mirror) ? "is" : "get") + Names.capitalize(field);
        String expectedSetter = "set" + Names.capitalize(field);
        if (record) {
            return new RelationDescriptor.Accessors(ColumnDescriptor.Access.RECORD,
                    ((RecordComponentElement) member).getAccessor().getSimpleName().toString(), null,
                    expectedGetter, expectedSetter, null, null);
        }
        if (!member.getModifiers().contains(Modifier.PRIVATE)) {
            return new RelationDescriptor.Accessors(ColumnDescriptor.Access.FIELD, null, null, expectedGetter,
                    expectedSetter, null, null);
        }
        List<ExecutableElement> methods = ElementFilter.methodsIn(elements.getAllMembers(owner));
        String getter = findGetter(methods, field, mirror);
        String setter = findSetter(methods, expectedSetter, mirror);
        String getterSuggestion = getter == null ? Names.closest(expectedGetter, methodNames(methods, 0)) : null;
        String setterSuggestion = setter == null ? Names.closest(expectedSetter, methodNames(methods, 1)) : null;
        ColumnDescriptor.Access access = getter != null && setter != null
                ? ColumnDescriptor.Access.ACCESSORS : ColumnDescriptor.Access.NONE;
        return new RelationDescriptor.Accessors(access, getter, setter, expectedGetter, expectedSetter,
                getterSuggestion, setterSuggestion);
    }

    /** The relation annotation on {@code element}, or null. */
    private static RelationDescriptor.Kind relationKind(Element element) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            String name = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
            RelationDescriptor.Kind kind = RELATION_KINDS.get(name);
            if (kind != null) {
                return kind;
            }
        }
        return null;
    }

    private static AnnotationMirror relationMirror(Element element, RelationDescriptor.Kind kind) {
        for (Map.Entry<String, RelationDescriptor.Kind> entry : RELATION_KINDS.entrySet()) {
            if (entry.getValue() == kind) {
                return mirror(element, entry.getKey());
            }
        }
        return null;
    }

    /** {@code "Ref"} or {@code "Many"} for one of the holder types (raw or parameterized), else null. */
    private static String holderName(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        String name = ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
        return name.equals(REF) ? "Ref" : name.equals(MANY) ? "Many" : null;
    }

    private static boolean isHolder(TypeMirror type) {
        return holderName(type) != null;
    }

    /** The type argument of a {@code Ref<T>} or {@code Many<T>}, or null. */
    private static TypeMirror holderArgument(TypeMirror type) {
        if (holderName(type) == null || ((DeclaredType) type).getTypeArguments().size() != 1) {
            return null;
        }
        return ((DeclaredType) type).getTypeArguments().get(0);
    }

    private RelationDescriptor relation(TypeElement owner, Element member, Element position, boolean record) {
        RelationDescriptor.Kind kind = relationKind(position);
        AnnotationMirror annotation = kind == null ? null : relationMirror(position, kind);
        TypeMirror mirror = member.asType();
        TypeMirror argument = holderArgument(mirror);
        RelationDescriptor.TargetDescriptor target = null;
        if (argument != null && argument.getKind() == TypeKind.DECLARED) {
            target = target((TypeElement) ((DeclaredType) argument).asElement());
        }
        String field = member.getSimpleName().toString();
        Set<Modifier> modifiers = member.getModifiers();
        boolean belongsTo = kind == RelationDescriptor.Kind.BELONGS_TO;
        String columnValue = belongsTo ? (String) value(annotation, "column") : "";
        RelationDescriptor.TargetDescriptor through = null;
        if (kind == RelationDescriptor.Kind.BELONGS_TO_MANY) {
            Object value = value(annotation, "through");
            if (value instanceof DeclaredType) {
                through = target((TypeElement) ((DeclaredType) value).asElement());
            }
        }
        boolean inverse = kind == RelationDescriptor.Kind.HAS_MANY || kind == RelationDescriptor.Kind.HAS_ONE;
        return new RelationDescriptor(
                position,
                annotation,
                kind,
                field,
                TypeName.get(mirror),
                mirror.toString(),
                holderName(mirror),
                target,
                argument == null ? null : argument.toString(),
                argument != null && isUnresolved(argument),
                accessors(owner, member, record),
                !record && modifiers.contains(Modifier.FINAL),
                modifiers.contains(Modifier.STATIC),
                mirror(position, COLUMN) != null,
                columnValue.isEmpty() ? Names.snakeCase(field) + "_id" : columnValue,
                !belongsTo || (Boolean) value(annotation, "nullable"),
                belongsTo ? enumName(value(annotation, "onDelete")) : "RESTRICT",
                belongsTo && isExplicit(annotation, "onDelete"),
                belongsTo && (Boolean) value(annotation, "withTrashed"),
                inverse ? (String) value(annotation, "mappedBy") : null,
                inverse && enumName(value(annotation, "cascade")).equals("DELETE"),
                through);
    }

    private static String enumName(Object value) {
        return ((VariableElement) value).getSimpleName().toString();
    }

    /**
     * The column a {@code @BelongsTo} owns: typed as the target's primary key (boxed: the key may
     * be NULL), reached through the relation's field.
     */
    private static ColumnDescriptor foreignKeyColumn(RelationDescriptor relation) {
        ColumnDescriptor key = relation.target() == null ? null : relation.target().key();
        RelationDescriptor.Accessors access = relation.access();
        return new ColumnDescriptor(
                relation.element(),
                relation.annotation(),
                relation.field(),
                relation.column(),
                key == null ? ClassName.OBJECT : key.boxedType(),
                key == null ? null : key.kind(),
                key == null ? relation.typeDisplay() : key.typeDisplay(),
                false,
                access.access(),
                access.getter(),
                access.setter(),
                access.expectedGetter(),
                access.expectedSetter(),
                access.getterSuggestion(),
                access.setterSuggestion(),
                relation.isFinal(),
                relation.isStatic(),
                false,
                relation.nullable(),
                false,
                false,
                false,
                key == null ? DEFAULT_LENGTH : key.length(),
                key == null ? DEFAULT_PRECISION : key.precision(),
                key == null ? DEFAULT_SCALE : key.scale(),
                key == null ? "" : key.sqlTypeOverride(),
                false,
                null,
                true);
    }

    /** What a relation needs to know of another model, read from its element alone. */
    private RelationDescriptor.TargetDescriptor target(TypeElement type) {
        AnnotationMirror model = mirror(type, MODEL);
        ClassName name = ClassName.get(type);
        if (model == null) {
            return new RelationDescriptor.TargetDescriptor(name, false, "", false, null, List.of(), List.of());
        }
        String tableValue = (String) value(model, "table");
        String table = tableValue.isEmpty() ? Names.snakeCase(type.getSimpleName().toString()) : tableValue;
        boolean record = type.getKind() == ElementKind.RECORD;
        ColumnDescriptor key = null;
        List<RelationDescriptor.Link> belongsTo = new ArrayList<>();
        List<RelationDescriptor.Link> inverses = new ArrayList<>();
        List<Element> members = new ArrayList<>();
        if (record) {
            members.addAll(type.getRecordComponents());
        } else {
            members.addAll(ElementFilter.fieldsIn(type.getEnclosedElements()));
        }
        for (Element member : members) {
            Element position = record ? recordField(type, member.getSimpleName().toString()) : member;
            AnnotationMirror column = mirror(position, COLUMN);
            if (key == null && column != null && (Boolean) value(column, "primaryKey") && !isHolder(member.asType())) {
                key = column(type, member, record);
            }
            RelationDescriptor.Kind kind = relationKind(position);
            if (kind == null) {
                continue;
            }
            TypeMirror argument = holderArgument(member.asType());
            String targetName = argument != null && argument.getKind() == TypeKind.DECLARED
                    ? ((TypeElement) ((DeclaredType) argument).asElement()).getQualifiedName().toString() : "";
            String field = member.getSimpleName().toString();
            AnnotationMirror annotation = relationMirror(position, kind);
            if (kind == RelationDescriptor.Kind.BELONGS_TO) {
                belongsTo.add(new RelationDescriptor.Link(field, targetName, "", false));
            } else if (kind != RelationDescriptor.Kind.BELONGS_TO_MANY) {
                inverses.add(new RelationDescriptor.Link(field, targetName, (String) value(annotation, "mappedBy"),
                        enumName(value(annotation, "cascade")).equals("DELETE")));
            }
        }
        return new RelationDescriptor.TargetDescriptor(name, true, table, (Boolean) value(model, "softDelete"), key,
                List.copyOf(belongsTo), List.copyOf(inverses));
    }

    private static Element recordField(TypeElement record, String name) {
        for (VariableElement field : ElementFilter.fieldsIn(record.getEnclosedElements())) {
            if (field.getSimpleName().contentEquals(name)) {
                return field;
            }
        }
        throw new IllegalStateException("record " + record + " has no field for component " + name);
    }

    /** The type-table row of {@code type}, or null when Limber cannot map it. */
    private static ColumnKind kind(TypeMirror type) {
        switch (type.getKind()) {
            case BOOLEAN: return ColumnKind.BOOLEAN;
            case BYTE: return ColumnKind.BYTE;
            case SHORT: return ColumnKind.SHORT;
            case INT: return ColumnKind.INT;
            case LONG: return ColumnKind.LONG;
            case FLOAT: return ColumnKind.FLOAT;
            case DOUBLE: return ColumnKind.DOUBLE;
            case ARRAY:
                return ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE ? ColumnKind.BYTES : null;
            case DECLARED:
                DeclaredType declared = (DeclaredType) type;
                TypeElement element = (TypeElement) declared.asElement();
                if (!declared.getTypeArguments().isEmpty()) {
                    return null;
                }
                if (element.getKind() == ElementKind.ENUM) {
                    return ColumnKind.ENUM;
                }
                return DECLARED_KINDS.get(element.getQualifiedName().toString());
            default:
                return null;
        }
    }

    private static boolean isUnresolved(TypeMirror type) {
        if (type == null) {
            return false;
        }
        if (type.getKind() == TypeKind.ERROR) {
            return true;
        }
        return type.getKind() == TypeKind.ARRAY && isUnresolved(((ArrayType) type).getComponentType());
    }

    private static boolean isBoolean(TypeMirror type) {
        return type.getKind() == TypeKind.BOOLEAN || kind(type) == ColumnKind.BOOLEAN;
    }

    private String findGetter(List<ExecutableElement> methods, String field, TypeMirror type) {
        String capitalized = Names.capitalize(field);
        List<String> names = isBoolean(type) ? List.of("is" + capitalized, "get" + capitalized) : List.of("get" + capitalized);
        for (String name : names) {
            for (ExecutableElement method : methods) {
                if (method.getSimpleName().contentEquals(name) && method.getParameters().isEmpty() && usable(method)
                        && types.isSameType(method.getReturnType(), type)) {
                    return name;
                }
            }
        }
        return null;
    }

    private String findSetter(List<ExecutableElement> methods, String name, TypeMirror type) {
        for (ExecutableElement method : methods) {
            if (method.getSimpleName().contentEquals(name) && method.getParameters().size() == 1 && usable(method)
                    && types.isSameType(method.getParameters().get(0).asType(), type)) {
                return name;
            }
        }
        return null;
    }

    private static boolean usable(ExecutableElement method) {
        return !method.getModifiers().contains(Modifier.PRIVATE) && !method.getModifiers().contains(Modifier.STATIC);
    }

    private static List<String> methodNames(List<ExecutableElement> methods, int parameters) {
        List<String> names = new ArrayList<>();
        for (ExecutableElement method : methods) {
            if (method.getParameters().size() == parameters && usable(method)
                    && !method.getEnclosingElement().toString().equals("java.lang.Object")) {
                names.add(method.getSimpleName().toString());
            }
        }
        return names;
    }

    private static boolean hasUsableConstructor(TypeElement type) {
        for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (constructor.getParameters().isEmpty() && !constructor.getModifiers().contains(Modifier.PRIVATE)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPrivate(TypeElement type) {
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (e.getModifiers().contains(Modifier.PRIVATE)) {
                return true;
            }
        }
        return false;
    }

    private static ModelDescriptor.Shape shape(ElementKind kind) {
        switch (kind) {
            case RECORD: return ModelDescriptor.Shape.RECORD;
            case INTERFACE: return ModelDescriptor.Shape.INTERFACE;
            case ENUM: return ModelDescriptor.Shape.ENUM;
            case ANNOTATION_TYPE: return ModelDescriptor.Shape.ANNOTATION;
            default: return ModelDescriptor.Shape.CLASS;
        }
    }

    /** The mirror of annotation {@code name} on {@code element}, or null. */
    static AnnotationMirror mirror(Element element, String name) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
            if (annotation.getQualifiedName().contentEquals(name)) {
                return mirror;
            }
        }
        return null;
    }

    /** The value of member {@code name}, its default when not written. */
    private Object value(AnnotationMirror mirror, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : elements.getElementValuesWithDefaults(mirror).entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return entry.getValue().getValue();
            }
        }
        throw new IllegalStateException("annotation " + mirror + " has no member " + name);
    }

    private static boolean isExplicit(AnnotationMirror mirror, String name) {
        for (ExecutableElement member : mirror.getElementValues().keySet()) {
            if (member.getSimpleName().contentEquals(name)) {
                return true;
            }
        }
        return false;
    }
}
