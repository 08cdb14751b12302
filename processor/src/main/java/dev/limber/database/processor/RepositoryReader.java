package dev.limber.database.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Turns a {@code @Repository} interface into a {@link RepositoryDescriptor}, reading its model with {@link ModelReader}. */
final class RepositoryReader {
    static final String REPOSITORY = "dev.limber.database.repository.Repository";
    static final String QUERY = "dev.limber.database.repository.Query";

    private static final Map<String, RepositoryDescriptor.Shape> CONTAINERS = Map.of(
            "java.util.Optional", RepositoryDescriptor.Shape.OPTIONAL,
            "java.util.List", RepositoryDescriptor.Shape.LIST,
            "java.util.stream.Stream", RepositoryDescriptor.Shape.STREAM,
            "dev.limber.database.Page", RepositoryDescriptor.Shape.PAGE);

    private final Elements elements;
    private final Types types;
    private final ModelReader models;

    RepositoryReader(Elements elements, Types types, ModelReader models) {
        this.elements = elements;
        this.types = types;
        this.models = models;
    }

    /** The type {@code @Repository(value)} names, or null when the compiler could not resolve it. */
    TypeElement modelElement(TypeElement type) {
        AnnotationMirror annotation = ModelReader.mirror(type, REPOSITORY);
        Object value = value(annotation, "value");
        if (value instanceof TypeMirror && ((TypeMirror) value).getKind() == TypeKind.DECLARED) {
            return (TypeElement) ((DeclaredType) value).asElement();
        }
        return null;
    }

    /** True when a type the methods or the model mention is not (yet) known to the compiler. */
    boolean hasUnresolvedTypes(TypeElement type) {
        TypeElement model = modelElement(type);
        if (model == null || models.hasUnresolvedTypes(model)) {
            return true;
        }
        for (ExecutableElement method : abstractMethods(type)) {
            if (isUnresolved(method.getReturnType())) {
                return true;
            }
            for (VariableElement parameter : method.getParameters()) {
                if (isUnresolved(parameter.asType())) {
                    return true;
                }
            }
        }
        return false;
    }

    RepositoryDescriptor read(TypeElement type) {
        AnnotationMirror annotation = ModelReader.mirror(type, REPOSITORY);
        TypeElement modelType = modelElement(type);
        ModelDescriptor model = null;
        Map<String, ModelDescriptor> targets = new TreeMap<>();
        if (modelType != null && ModelReader.mirror(modelType, ModelReader.MODEL) != null) {
            model = models.read(modelType);
            for (RelationDescriptor relation : model.relations()) {
                if (relation.target() != null && relation.target().isModel()
                        && !targets.containsKey(relation.target().qualifiedName())) {
                    TypeElement target = elements.getTypeElement(relation.target().qualifiedName());
                    if (target != null) {
                        targets.put(relation.target().qualifiedName(), models.read(target));
                    }
                }
            }
        }
        List<RepositoryDescriptor.Method> methods = new ArrayList<>();
        for (ExecutableElement method : abstractMethods(type)) {
            methods.add(method(method));
        }
        return new RepositoryDescriptor(
                type,
                annotation,
                ClassName.get(type),
                kind(type.getKind()),
                !type.getTypeParameters().isEmpty(),
                isPrivate(type),
                model,
                modelType == null ? "?" : modelType.getQualifiedName().toString(),
                Map.copyOf(targets),
                List.copyOf(methods));
    }

    /** The abstract methods the implementation must write: declared and inherited, without Object's. */
    private List<ExecutableElement> abstractMethods(TypeElement type) {
        List<ExecutableElement> methods = new ArrayList<>();
        if (type.getKind() != ElementKind.INTERFACE) {
            return methods;
        }
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
            Set<Modifier> modifiers = method.getModifiers();
            if (modifiers.contains(Modifier.ABSTRACT) && !modifiers.contains(Modifier.STATIC)
                    && !modifiers.contains(Modifier.DEFAULT)) {
                methods.add(method);
            }
        }
        return methods;
    }

    private RepositoryDescriptor.Method method(ExecutableElement method) {
        List<RepositoryDescriptor.Parameter> parameters = new ArrayList<>();
        for (VariableElement parameter : method.getParameters()) {
            TypeMirror type = parameter.asType();
            parameters.add(new RepositoryDescriptor.Parameter(parameter.getSimpleName().toString(), TypeName.get(type),
                    display(type), collectionElement(type)));
        }
        return new RepositoryDescriptor.Method(method, method.getSimpleName().toString(),
                returns(method.getReturnType()), List.copyOf(parameters), !method.getTypeParameters().isEmpty(),
                query(method));
    }

    private RepositoryDescriptor.QuerySpec query(ExecutableElement method) {
        AnnotationMirror mirror = ModelReader.mirror(method, QUERY);
        if (mirror == null) {
            return null;
        }
        Object trashed = value(mirror, "trashed");
        List<String> databases = new ArrayList<>();
        Object listed = value(mirror, "databases");
        if (listed instanceof List<?>) {
            for (Object each : (List<?>) listed) {
                databases.add(String.valueOf(((AnnotationValue) each).getValue()));
            }
        }
        return new RepositoryDescriptor.QuerySpec(mirror, String.valueOf(value(mirror, "value")),
                trashed instanceof VariableElement ? ((VariableElement) trashed).getSimpleName().toString() : "EXCLUDE",
                List.copyOf(databases));
    }

    private RepositoryDescriptor.Returns returns(TypeMirror type) {
        TypeName name = TypeName.get(type);
        switch (type.getKind()) {
            case VOID:
                return new RepositoryDescriptor.Returns(RepositoryDescriptor.Shape.VOID, name, "void", name, null, null);
            case LONG:
                return scalar(RepositoryDescriptor.Shape.LONG, type);
            case INT:
                return scalar(RepositoryDescriptor.Shape.INT, type);
            case BOOLEAN:
                return scalar(RepositoryDescriptor.Shape.BOOLEAN, type);
            case DECLARED:
                break;
            default:
                return new RepositoryDescriptor.Returns(RepositoryDescriptor.Shape.SINGLE, name, display(type), name, null,
                        null);
        }
        DeclaredType declared = (DeclaredType) type;
        String qualified = ((TypeElement) declared.asElement()).getQualifiedName().toString();
        switch (qualified) {
            case "java.lang.Long":
                return scalar(RepositoryDescriptor.Shape.LONG, type);
            case "java.lang.Integer":
                return scalar(RepositoryDescriptor.Shape.INT, type);
            case "java.lang.Boolean":
                return scalar(RepositoryDescriptor.Shape.BOOLEAN, type);
            default:
                break;
        }
        RepositoryDescriptor.Shape container = CONTAINERS.get(qualified);
        TypeMirror element = type;
        if (container != null && declared.getTypeArguments().size() == 1) {
            element = declared.getTypeArguments().get(0);
        } else {
            container = RepositoryDescriptor.Shape.SINGLE;
        }
        return new RepositoryDescriptor.Returns(container, name, display(type), TypeName.get(element),
                components(element), model(element));
    }

    private static RepositoryDescriptor.Returns scalar(RepositoryDescriptor.Shape shape, TypeMirror type) {
        TypeName name = TypeName.get(type);
        return new RepositoryDescriptor.Returns(shape, name, display(type), name, null, null);
    }

    /** The {@code @Model} {@code type} is, read in full; else null. */
    private ModelDescriptor model(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        return ModelReader.mirror(element, ModelReader.MODEL) == null ? null : models.read(element);
    }

    /** The components of a record type that is not a model, else null. */
    private List<RepositoryDescriptor.Component> components(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        if (element.getKind() != ElementKind.RECORD || ModelReader.mirror(element, ModelReader.MODEL) != null) {
            return null;
        }
        List<RepositoryDescriptor.Component> components = new ArrayList<>();
        for (RecordComponentElement component : element.getRecordComponents()) {
            components.add(new RepositoryDescriptor.Component(component.getSimpleName().toString(),
                    TypeName.get(component.asType())));
        }
        return List.copyOf(components);
    }

    /** E of a {@code Collection<E>} or a subtype with the same argument ({@code List<E>}, {@code Set<? extends E>}), else null. */
    private TypeName collectionElement(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement collection = elements.getTypeElement("java.util.Collection");
        if (collection == null || !types.isAssignable(types.erasure(type), types.erasure(collection.asType()))) {
            return null;
        }
        List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
        if (arguments.size() != 1) {
            return null;
        }
        TypeMirror argument = arguments.get(0);
        if (argument.getKind() == TypeKind.WILDCARD) {
            argument = ((WildcardType) argument).getExtendsBound();
            if (argument == null) {
                return null;
            }
        }
        return TypeName.get(argument);
    }

    private Object value(AnnotationMirror mirror, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : elements.getElementValuesWithDefaults(mirror).entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return entry.getValue().getValue();
            }
        }
        return null;
    }

    private static boolean isUnresolved(TypeMirror type) {
        if (type.getKind() == TypeKind.ERROR) {
            return true;
        }
        if (type.getKind() == TypeKind.DECLARED) {
            for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
                if (isUnresolved(argument)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code List<Book>} rather than {@code java.util.List<com.example.Book>}, for messages. */
    private static String display(TypeMirror type) {
        return type.toString().replaceAll("\\b(?:[a-z_][a-z0-9_]*\\.)+([A-Z])", "$1");
    }

    private static String kind(ElementKind kind) {
        switch (kind) {
            case INTERFACE: return "interface";
            case ANNOTATION_TYPE: return "an annotation type";
            case ENUM: return "an enum";
            case RECORD: return "a record";
            default: return "a class";
        }
    }

    private static boolean isPrivate(TypeElement type) {
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (e.getModifiers().contains(Modifier.PRIVATE)) {
                return true;
            }
        }
        return false;
    }
}
