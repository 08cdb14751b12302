package dev.limber.database.processor;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/** Every problem found in one model, each tied to the element (and annotation) it is about. */
final class ValidationReport {
    private record Item(String message, Element element, AnnotationMirror annotation) {
    }

    private final List<Item> items = new ArrayList<>();

    void error(Element element, AnnotationMirror annotation, Message message, Object... args) {
        items.add(new Item(message.format(args), element, annotation));
    }

    boolean isClean() {
        return items.isEmpty();
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
                messager.printMessage(Diagnostic.Kind.ERROR, item.message(), item.element());
            } else {
                messager.printMessage(Diagnostic.Kind.ERROR, item.message(), item.element(), item.annotation());
            }
        }
    }
}
