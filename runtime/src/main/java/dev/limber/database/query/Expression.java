package dev.limber.database.query;

/**
 * A typed value a query can select, group by and order by: a column ({@link Property}, a
 * to-one path included) or an aggregate over one ({@link Aggregate}, made by {@link Aggregates}).
 * {@code V} is the Java type the value is read as; see {@link Aggregates} for each aggregate's.
 *
 * @param <M> the model the expression is about ({@code Object} for {@link Aggregates#count()},
 *            which fits any model)
 * @param <V> the Java type of its values
 */
public sealed interface Expression<M, V> permits Property, Aggregate {

    /** The Java type the values are read as (boxed for primitives). */
    Class<V> type();

    /** Ascending order by this expression. */
    Order asc();

    /** Descending order by this expression. */
    Order desc();
}
