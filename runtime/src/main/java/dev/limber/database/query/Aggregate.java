package dev.limber.database.query;

import java.util.Objects;

/**
 * An aggregate over the rows of a query or of each group: {@code COUNT(*)}, or {@code COUNT},
 * {@code MIN}, {@code MAX}, {@code SUM} or {@code AVG} of a column. Made by {@link Aggregates};
 * it is selected with {@code select(...)}, compared in {@code having(...)} and ordered by in a
 * selection's {@code orderBy(...)}. Two aggregates of the same function over the same column are equal.
 *
 * @param <M> the model whose column is aggregated
 * @param <V> the Java type of the result (see {@link Aggregates})
 */
public final class Aggregate<M, V> implements Expression<M, V> {
    /** The SQL aggregate functions. */
    public enum Function { COUNT, MIN, MAX, SUM, AVG }

    private final Function function;
    private final Property<M, ?> argument;
    private final Class<V> type;

    Aggregate(Function function, Property<M, ?> argument, Class<V> type) {
        this.function = Objects.requireNonNull(function, "function");
        this.argument = argument;
        this.type = Objects.requireNonNull(type, "type");
    }

    public Function function() { return function; }

    /** The column aggregated; null for {@code COUNT(*)}. */
    public Property<M, ?> argument() { return argument; }

    @Override
    public Class<V> type() { return type; }

    @Override
    public Order asc() { return new Order(this, true); }

    @Override
    public Order desc() { return new Order(this, false); }

    /** {@code aggregate = value}, for {@code having(...)}. */
    public Condition eq(V value) { return Condition.aggregated(this, Condition.Operator.EQ, value); }

    public Condition ne(V value) { return Condition.aggregated(this, Condition.Operator.NE, value); }

    public Condition lt(V value) { return Condition.aggregated(this, Condition.Operator.LT, value); }

    public Condition le(V value) { return Condition.aggregated(this, Condition.Operator.LE, value); }

    public Condition gt(V value) { return Condition.aggregated(this, Condition.Operator.GT, value); }

    public Condition ge(V value) { return Condition.aggregated(this, Condition.Operator.GE, value); }

    @Override
    public boolean equals(Object o) {
        return o instanceof Aggregate<?, ?> a && function == a.function && Objects.equals(argument, a.argument)
                && type == a.type;
    }

    @Override
    public int hashCode() {
        return (function.hashCode() * 31 + Objects.hashCode(argument)) * 31 + type.hashCode();
    }

    @Override
    public String toString() {
        String name = function.name().toLowerCase(java.util.Locale.ROOT);
        return name + "(" + (argument == null ? "" : argument.toString()) + ")";
    }
}
