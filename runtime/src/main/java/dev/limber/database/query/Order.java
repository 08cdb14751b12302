package dev.limber.database.query;

import java.util.Objects;

/** An ORDER BY term: a metamodel property, ascending or descending. */
public final class Order {
    private final Property<?, ?> property;
    private final boolean ascending;

    Order(Property<?, ?> property, boolean ascending) {
        this.property = Objects.requireNonNull(property, "property");
        this.ascending = ascending;
    }

    public Property<?, ?> property() { return property; }

    public boolean ascending() { return ascending; }

    @Override
    public String toString() {
        return property + (ascending ? " ASC" : " DESC");
    }
}
