package dev.limber.database.processor;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;

/**
 * One {@code @Index} or {@code @Unique} of a model, as written: fields, not yet columns.
 *
 * @param annotation its mirror, for error positions
 * @param repeated   where it stands among repeated annotations of its kind (javac wraps those in their
 *                   {@code List} container, where a mirror alone places no message); null when written once
 * @param unique     {@code @Unique}
 * @param name       the explicit name, or empty
 * @param fields     the fields of {@code columns}, in index order
 * @param whereNull  the fields of {@code whereNull} ({@code @Unique} only; empty otherwise)
 */
record IndexDescriptor(AnnotationMirror annotation, ValidationReport.Repeated repeated, boolean unique, String name,
        List<String> fields, List<String> whereNull) {

    /** {@code @Index} or {@code @Unique}, for messages. */
    String display() {
        return unique ? "@Unique" : "@Index";
    }
}
