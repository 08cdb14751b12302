package dev.limber.database.query;

import java.util.Objects;

/** {@code column = value} in a bulk {@code Query.update}. */
public final class Assignment {
    private final Property<?, ?> property;
    private final Object value;

    Assignment(Property<?, ?> property, Object value) {
        this.property = Objects.requireNonNull(property, "property");
        this.value = value;
    }

    public Property<?, ?> property() { return property; }

    public Object value() { return value; }

    @Override
    public String toString() {
        return property + " = ?";
    }
}
