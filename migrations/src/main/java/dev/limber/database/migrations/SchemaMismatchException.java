package dev.limber.database.migrations;

import dev.limber.database.LimberException;
import java.util.List;

/** The live schema does not match the registered models; the message lists every mismatch. */
public class SchemaMismatchException extends LimberException {
    private static final long serialVersionUID = 1L;

    private final transient List<SchemaDiff.Difference> mismatches;

    public SchemaMismatchException(List<SchemaDiff.Difference> mismatches) {
        super(message(mismatches));
        this.mismatches = List.copyOf(mismatches);
    }

    /** Every mismatch found. */
    public List<SchemaDiff.Difference> mismatches() {
        return mismatches;
    }

    private static String message(List<SchemaDiff.Difference> mismatches) {
        StringBuilder text = new StringBuilder("The database schema does not match the models (")
                .append(mismatches.size()).append(mismatches.size() == 1 ? " problem" : " problems")
                .append("); run `limber revision --autogenerate -m \"...\"` and `limber migrate`:");
        for (SchemaDiff.Difference mismatch : mismatches) {
            text.append("\n  - ").append(mismatch.description());
        }
        return text.toString();
    }
}
