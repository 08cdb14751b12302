package dev.limber.database.query;

import java.util.Objects;

/** An ORDER BY term: a metamodel property, or in a selection an aggregate, ascending or descending. */
public final class Order {
    private final Expression<?, ?> expression;
    private final boolean ascending;

    Order(Expression<?, ?> expression, boolean ascending) {
        this.expression = Objects.requireNonNull(expression, "expression");
        this.ascending = ascending;
    }

    /** What is ordered by: a {@link Property} or an {@link Aggregate}. */
    public Expression<?, ?> expression() { return expression; }

    /** The property ordered by, or null when this orders by an aggregate. */
    public Property<?, ?> property() { return expression instanceof Property<?, ?> p ? p : null; }

    public boolean ascending() { return ascending; }

    @Override
    public String toString() {
        return expression + (ascending ? " ASC" : " DESC");
    }
}
