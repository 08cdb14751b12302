package dev.limber.database.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @Repository} interface as the reader saw it: plain values for the validator and
 * the writer. Only elements and annotation mirrors survive from javax.lang.model, to place errors.
 *
 * @param element    the annotated type
 * @param annotation its {@code @Repository} mirror
 * @param type       the interface
 * @param kind       what kind of type carries {@code @Repository}, e.g. {@code "interface"}, {@code "class"}
 * @param isGeneric  declares type parameters
 * @param isPrivate  the type or one of its enclosing types is private
 * @param model      the model {@code @Repository(value)} names, read in full; null when it is no {@code @Model}
 * @param modelName  what {@code @Repository(value)} names, for messages
 * @param targets    the models the model's to-one relations refer to, read in full, by qualified name
 * @param methods    the abstract methods, declared and inherited, in declaration order
 */
record RepositoryDescriptor(
        TypeElement element,
        AnnotationMirror annotation,
        ClassName type,
        String kind,
        boolean isGeneric,
        boolean isPrivate,
        ModelDescriptor model,
        String modelName,
        java.util.Map<String, ModelDescriptor> targets,
        List<Method> methods) {

    /** {@code BookRepository_Impl}, {@code Outer.Books} → {@code Outer_Books_Impl}: the generated implementation. */
    ClassName implementationName() {
        return ClassName.get(type.packageName(), String.join("_", type.simpleNames()) + "_Impl");
    }

    /**
     * One abstract method.
     *
     * @param element    the method, for error positions
     * @param name       its name
     * @param returns    what it returns
     * @param parameters its parameters in order
     * @param isGeneric  declares type parameters
     * @param query      its {@code @Query}, or null for a derived method
     */
    record Method(ExecutableElement element, String name, Returns returns, List<Parameter> parameters,
            boolean isGeneric, QuerySpec query) {

        /** {@code findByIsbn(String)}: the method as messages name it. */
        String display() {
            StringBuilder out = new StringBuilder(name).append('(');
            for (int i = 0; i < parameters.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(parameters.get(i).display());
            }
            return out.append(')').toString();
        }
    }

    /**
     * A method's {@code @Query}.
     *
     * @param mirror    the annotation, for error positions
     * @param sql       {@code value}, as written
     * @param trashed   {@code trashed}: the constant's name, e.g. {@code EXCLUDE}
     * @param databases {@code databases}, as written
     */
    record QuerySpec(AnnotationMirror mirror, String sql, String trashed, List<String> databases) {
    }

    /**
     * A parameter.
     *
     * @param name    its name
     * @param type    its type as written
     * @param display its type as the user wrote it, for messages
     * @param element for a {@code Collection<E>} (or subtype), E; else null
     */
    record Parameter(String name, TypeName type, String display, TypeName element) {

        TypeName boxed() {
            return type.isPrimitive() ? type.box() : type;
        }
    }

    /**
     * A method's return type, taken apart.
     *
     * @param shape      the container around the element type, or the scalar
     * @param type       the return type as written
     * @param display    the return type as the user wrote it, for messages
     * @param element    the element type ({@code Book} of {@code List<Book>}; the type itself for {@link Shape#SINGLE})
     * @param record     the element type's components when it is a record (not a model), in order; else null
     * @param model      the element type when it is a {@code @Model}, read in full; else null
     */
    record Returns(Shape shape, TypeName type, String display, TypeName element, List<Component> record,
            ModelDescriptor model) {
    }

    /** The container a method returns its rows in. */
    enum Shape { VOID, LONG, INT, BOOLEAN, SINGLE, OPTIONAL, LIST, STREAM, PAGE }

    /** A record component of a projection: its name and type. */
    record Component(String name, TypeName type) {

        TypeName boxed() {
            return type.isPrimitive() ? type.box() : type;
        }
    }
}
