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

    /** True when a column's type is not yet known (perhaps another processor generates it next round). */
    boolean hasUnresolvedTypes(TypeElement type) {
        for (Element member : type.getEnclosedElements()) {
            if ((member.getKind() == ElementKind.FIELD || member.getKind() == ElementKind.RECORD_COMPONENT)
                    && isUnresolved(member.asType())) {
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
                if (!name.equals(MODEL) && !name.equals(COLUMN) && !name.equals(VERSION)) {
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
            default: return value instanceof String;
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
        List<String> fieldNames = new ArrayList<>();
        if (shape == ModelDescriptor.Shape.RECORD) {
            for (RecordComponentElement component : type.getRecordComponents()) {
                fieldNames.add(component.getSimpleName().toString());
                columns.add(column(type, component, true));
            }
        } else if (isClass) {
            for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
                AnnotationMirror column = mirror(field, COLUMN);
                if (!field.getModifiers().contains(Modifier.STATIC)) {
                    fieldNames.add(field.getSimpleName().toString());
                }
                if (column != null || mirror(field, VERSION) != null) {
                    columns.add(column(type, field, false));
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
                List.copyOf(fieldNames),
                List.copyOf(inherited));
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
        ColumnDescriptor.Access access;
        String getter = null;
        String setter = null;
        String expectedGetter = (isBoolean(mirror) ? "is" : "get") + Names.capitalize(field);
        String expectedSetter = "set" + Names.capitalize(field);
        String getterSuggestion = null;
        String setterSuggestion = null;
        if (record) {
            access = ColumnDescriptor.Access.RECORD;
            getter = ((RecordComponentElement) member).getAccessor().getSimpleName().toString();
        } else if (!modifiers.contains(Modifier.PRIVATE)) {
            access = ColumnDescriptor.Access.FIELD;
        } else {
            List<ExecutableElement> methods = ElementFilter.methodsIn(elements.getAllMembers(owner));
            getter = findGetter(methods, field, mirror);
            setter = findSetter(methods, expectedSetter, mirror);
            if (getter == null) {
                getterSuggestion = Names.closest(expectedGetter, methodNames(methods, 0));
            }
            if (setter == null) {
                setterSuggestion = Names.closest(expectedSetter, methodNames(methods, 1));
            }
            access = getter != null && setter != null ? ColumnDescriptor.Access.ACCESSORS : ColumnDescriptor.Access.NONE;
        }

        return new ColumnDescriptor(
                position,
                column,
                field,
                nameValue.isEmpty() ? Names.snakeCase(field) : nameValue,
                TypeName.get(mirror),
                kind,
                mirror.toString(),
                isUnresolved(mirror),
                access,
                getter,
                setter,
                expectedGetter,
                expectedSetter,
                getterSuggestion,
                setterSuggestion,
                !record && modifiers.contains(Modifier.FINAL),
                modifiers.contains(Modifier.STATIC),
                primaryKey,
                nullableValue && !primitive && !primaryKey,
                nullableExplicitlyTrue,
                column != null && (Boolean) value(column, "unique"),
                column == null ? DEFAULT_LENGTH : (Integer) value(column, "length"),
                column == null ? DEFAULT_PRECISION : (Integer) value(column, "precision"),
                column == null ? DEFAULT_SCALE : (Integer) value(column, "scale"),
                column == null ? "" : (String) value(column, "type"),
                version != null,
                version);
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
