package dev.limber.database.query;

import java.math.BigDecimal;

/**
 * The aggregates a selection may hold, each read as one Java type on every database:
 * <table>
 * <caption>Aggregate result types</caption>
 * <tr><th>aggregate</th><th>column types</th><th>Java type</th><th>over no rows</th></tr>
 * <tr><td>{@link #count()}, {@link #count(Property)}</td><td>any</td><td>{@code Long}</td><td>0</td></tr>
 * <tr><td>{@link #min}, {@link #max}</td><td>any</td><td>the column's</td><td>null</td></tr>
 * <tr><td>{@link #sum}</td><td>byte, short, int, long</td><td>{@code Long}</td><td>null</td></tr>
 * <tr><td>{@link #sumDecimal}</td><td>BigDecimal</td><td>{@code BigDecimal}, at least the column's scale</td>
 *     <td>null</td></tr>
 * <tr><td>{@link #sumDouble}</td><td>float, double</td><td>{@code Double}</td><td>null</td></tr>
 * <tr><td>{@link #avg}</td><td>any number</td><td>{@code Double}</td><td>null</td></tr>
 * </table>
 *
 * <p>{@code avg} is a {@code Double} computed by the database in double precision
 * ({@code AVG(CAST(column AS DOUBLE))}): left to themselves the databases disagree (PostgreSQL
 * averages integers to 16 decimals, MariaDB to 4, SQLite in floating point, H2 to the column's
 * type), so no {@code BigDecimal} could be the same on all four, while a double is; for an exact
 * decimal mean divide {@code sumDecimal} by {@code count} in Java. Java cannot pick a method by a
 * property's value type, so the three sums have three names; {@code sum} refuses a column it would
 * truncate.
 */
public final class Aggregates {
    @SuppressWarnings("rawtypes")
    private static final Aggregate COUNT = new Aggregate<>(Aggregate.Function.COUNT, null, Long.class);

    private Aggregates() {
    }

    /** {@code COUNT(*)}: the rows of the query, or of each group. Fits a selection over any model. */
    @SuppressWarnings("unchecked")
    public static <M> Aggregate<M, Long> count() {
        return COUNT;
    }

    /** {@code COUNT(column)}: the rows whose {@code property} is not null. */
    public static <M> Aggregate<M, Long> count(Property<M, ?> property) {
        return new Aggregate<>(Aggregate.Function.COUNT, requireArgument(property, "count"), Long.class);
    }

    /** {@code MIN(column)}, as the column's type; null over no rows (or only nulls). */
    public static <M, V> Aggregate<M, V> min(Property<M, V> property) {
        return new Aggregate<>(Aggregate.Function.MIN, requireArgument(property, "min"), property.type());
    }

    /** {@code MAX(column)}, as the column's type; null over no rows (or only nulls). */
    public static <M, V> Aggregate<M, V> max(Property<M, V> property) {
        return new Aggregate<>(Aggregate.Function.MAX, requireArgument(property, "max"), property.type());
    }

    /** {@code SUM} of a whole-number column (byte, short, int, long), as a {@code Long}; null over no rows. */
    public static <M> Aggregate<M, Long> sum(Property<M, ? extends Number> property) {
        Class<?> type = requireArgument(property, "sum").type();
        if (type != Long.class && type != Integer.class && type != Short.class && type != Byte.class) {
            throw new IllegalArgumentException("sum(" + property + ") adds whole numbers into a Long, but " + property
                    + " is a " + type.getSimpleName() + "; use " + (type == BigDecimal.class ? "sumDecimal" : "sumDouble")
                    + "(" + property.field() + ")");
        }
        return new Aggregate<>(Aggregate.Function.SUM, property, Long.class);
    }

    /** {@code SUM} of a BigDecimal column, with at least the column's scale; null over no rows. */
    public static <M> Aggregate<M, BigDecimal> sumDecimal(Property<M, BigDecimal> property) {
        return new Aggregate<>(Aggregate.Function.SUM, requireArgument(property, "sumDecimal"), BigDecimal.class);
    }

    /** {@code SUM} of a float or double column, as a {@code Double}; null over no rows. */
    public static <M> Aggregate<M, Double> sumDouble(Property<M, ? extends Number> property) {
        Class<?> type = requireArgument(property, "sumDouble").type();
        if (type != Double.class && type != Float.class) {
            throw new IllegalArgumentException("sumDouble(" + property + ") adds floating-point numbers, but "
                    + property + " is a " + type.getSimpleName() + "; use " + (type == BigDecimal.class
                    ? "sumDecimal" : "sum") + "(" + property.field() + ")");
        }
        return new Aggregate<>(Aggregate.Function.SUM, property, Double.class);
    }

    /** {@code AVG} of a numeric column, computed and read as a {@code Double}; null over no rows. */
    public static <M> Aggregate<M, Double> avg(Property<M, ? extends Number> property) {
        requireArgument(property, "avg");
        return new Aggregate<>(Aggregate.Function.AVG, property, Double.class);
    }

    private static <P extends Property<?, ?>> P requireArgument(P property, String function) {
        if (property == null) {
            throw new NullPointerException(function + "(null): pass a metamodel property, e.g. Book_.pages");
        }
        return property;
    }
}
