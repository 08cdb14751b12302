package dev.limber.database.processor;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;

/**
 * One {@code @Index} or {@code @Unique} of a model, as written: fields, not yet columns.
 *
 * @param annotation its mirror, for error positions
 * @param unique     {@code @Unique}
 * @param name       the explicit name, or empty
 * @param fields     the fields of {@code columns}, in index order
 * @param whereNull  the fields of {@code whereNull} ({@code @Unique} only; empty otherwise)
 */
record IndexDescriptor(AnnotationMirror annotation, boolean unique, String name, List<String> fields,
        List<String> whereNull) {

    /** {@code @Index} or {@code @Unique}, for messages. */
    String display() {
        return unique ? "@Unique" : "@Index";
    }
}
