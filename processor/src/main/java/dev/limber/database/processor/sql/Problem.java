package dev.limber.database.processor.sql;

import dev.limber.database.processor.Message;
import javax.tools.Diagnostic;

/**
 * A problem found in one {@code @Query}, for the repository processor to print.
 *
 * @param kind    {@code ERROR}, or {@code WARNING} for a verifier that could not run
 * @param message the catalog entry
 * @param text    the formatted text, code included
 * @param place   where to print it: the method, or its {@code @Query} annotation
 */
public record Problem(Diagnostic.Kind kind, Message message, String text, Place place) {

    /** Where a problem belongs. */
    public enum Place {
        /** The SQL itself: printed on the method with the {@code @Query} mirror. */
        ANNOTATION,
        /** The method's signature (parameters, return type). */
        METHOD
    }

    static Problem error(Place place, Message message, Object... args) {
        return new Problem(Diagnostic.Kind.ERROR, message, message.format(args), place);
    }

    static Problem warning(Place place, Message message, Object... args) {
        return new Problem(Diagnostic.Kind.WARNING, message, message.format(args), place);
    }

    public boolean isError() {
        return kind == Diagnostic.Kind.ERROR;
    }
}
