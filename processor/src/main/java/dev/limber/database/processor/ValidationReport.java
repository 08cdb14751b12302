package dev.limber.database.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;

/** Every problem found in one model, each tied to the element (and annotation) it is about. */
final class ValidationReport {
    private record Item(Diagnostic.Kind kind, String message, Element element, AnnotationMirror annotation,
            Repeated repeated) {
    }

    /**
     * A repeated annotation: javac wraps {@code @Index @Index} in an {@code @Index.List} that no
     * source tree matches, so a message on either {@code @Index} mirror lands on the class. The
     * {@code occurrence}-th annotation of type {@code type} among the element's annotation trees is
     * the one meant.
     */
    record Repeated(AnnotationMirror container, String type, int occurrence) {
    }

    private final List<Item> items = new ArrayList<>();

    void error(Element element, AnnotationMirror annotation, Message message, Object... args) {
        items.add(new Item(Diagnostic.Kind.ERROR, message.format(args), element, annotation, null));
    }

    /** An error on {@code annotation}, which may be one of several repeated ones ({@code repeated} not null). */
    void error(Element element, AnnotationMirror annotation, Repeated repeated, Message message, Object... args) {
        items.add(new Item(Diagnostic.Kind.ERROR, message.format(args), element, annotation, repeated));
    }

    /** A message formatted elsewhere (by {@code processor.sql}), an error or a warning. */
    void add(Diagnostic.Kind kind, String text, Element element, AnnotationMirror annotation) {
        items.add(new Item(kind, text, element, annotation, null));
    }

    /** No errors (warnings allowed). */
    boolean isClean() {
        for (Item item : items) {
            if (item.kind() == Diagnostic.Kind.ERROR) {
                return false;
            }
        }
        return true;
    }

    /** The message texts, in the order they were found. */
    List<String> messages() {
        List<String> texts = new ArrayList<>();
        for (Item item : items) {
            texts.add(item.message());
        }
        return texts;
    }

    void printMessagesTo(Messager messager) {
        printMessagesTo(messager, null);
    }

    /** Prints every message; {@code trees} (javac's, may be null) places those on repeated annotations. */
    void printMessagesTo(Messager messager, Trees trees) {
        for (Item item : items) {
            if (item.repeated() != null) {
                if (trees != null && printOnTree(trees, item)) {
                    continue;
                }
                messager.printMessage(item.kind(), item.message(), item.element(), item.repeated().container());
            } else if (item.annotation() == null) {
                messager.printMessage(item.kind(), item.message(), item.element());
            } else {
                messager.printMessage(item.kind(), item.message(), item.element(), item.annotation());
            }
        }
    }

    /** Prints {@code item} on its annotation's source tree; false when that tree cannot be found. */
    private static boolean printOnTree(Trees trees, Item item) {
        TreePath path = trees.getPath(item.element());
        if (path == null || !(path.getLeaf() instanceof ClassTree type)) {
            return false;
        }
        int seen = 0;
        for (AnnotationTree annotation : type.getModifiers().getAnnotations()) {
            TypeMirror mirror = trees.getTypeMirror(new TreePath(path, annotation));
            if (mirror instanceof DeclaredType declared
                    && ((TypeElement) declared.asElement()).getQualifiedName().contentEquals(item.repeated().type())
                    && seen++ == item.repeated().occurrence()) {
                trees.printMessage(Diagnostic.Kind.ERROR, item.message(), (Tree) annotation, path.getCompilationUnit());
                return true;
            }
        }
        return false;
    }
}
