package dev.limber.database.processor;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/** Every problem found in one model, each tied to the element (and annotation) it is about. */
final class ValidationReport {
    private record Item(Diagnostic.Kind kind, String message, Element element, AnnotationMirror annotation) {
    }

    private final List<Item> items = new ArrayList<>();

    void error(Element element, AnnotationMirror annotation, Message message, Object... args) {
        items.add(new Item(Diagnostic.Kind.ERROR, message.format(args), element, annotation));
    }

    /** A message formatted elsewhere (by {@code processor.sql}), an error or a warning. */
    void add(Diagnostic.Kind kind, String text, Element element, AnnotationMirror annotation) {
        items.add(new Item(kind, text, element, annotation));
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
        for (Item item : items) {
            if (item.annotation() == null) {
                messager.printMessage(item.kind(), item.message(), item.element());
            } else {
                messager.printMessage(item.kind(), item.message(), item.element(), item.annotation());
            }
        }
    }
}
