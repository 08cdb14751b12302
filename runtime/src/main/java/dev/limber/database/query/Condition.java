package dev.limber.database.query;

import java.util.List;
import java.util.Objects;

/**
 * A WHERE condition: a comparison on a metamodel property, or AND / OR / NOT of conditions.
 * Values are always bound as parameters when the condition is rendered.
 */
public abstract sealed class Condition {

    /**
     * The escape character of {@link Operator#LIKE_LITERAL}. Not the backslash: MariaDB reads a
     * backslash in a SQL string literal as an escape itself (unless {@code NO_BACKSLASH_ESCAPES}),
     * so {@code ESCAPE '\\'} would mean different things on different servers; {@code !} means
     * the same on all four databases.
     */
    public static final char LIKE_ESCAPE = '!';

    /** Comparison operators. */
    public enum Operator {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">="), LIKE("LIKE"),
        /**
         * LIKE with {@link #LIKE_ESCAPE} as the escape character, for the patterns of
         * {@link Property#contains}, {@link Property#startsWith} and {@link Property#endsWith}.
         */
        LIKE_LITERAL("LIKE");

        private final String sql;

        Operator(String sql) { this.sql = sql; }

        public String sql() { return sql; }

        /** What follows the parameter: {@code " ESCAPE '!'"} for {@link #LIKE_LITERAL}, else nothing. */
        public String afterValue() {
            return this == LIKE_LITERAL ? " ESCAPE '" + LIKE_ESCAPE + "'" : "";
        }

        /** Whether the value is a pattern, bound as a String whatever the column's type. */
        public boolean isLike() {
            return this == LIKE || this == LIKE_LITERAL;
        }
    }

    private Condition() {
    }

    /** All of the conditions. */
    public static Condition and(Condition... conditions) { return new Junction(true, List.of(conditions)); }

    /** Any of the conditions. */
    public static Condition or(Condition... conditions) { return new Junction(false, List.of(conditions)); }

    public static Condition not(Condition condition) { return new Not(condition); }

    public Condition and(Condition other) { return and(this, other); }

    public Condition or(Condition other) { return or(this, other); }

    static Condition compare(Property<?, ?> property, Operator operator, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(property + " " + operator.sql() + " null never matches in SQL;"
                    + " use " + property.field() + ".isNull() or .isNotNull()");
        }
        return new Comparison(property, operator, value);
    }

    /**
     * {@code property LIKE ? ESCAPE '!'} with {@code text} matched literally: {@code before} and
     * {@code after} ({@code %} or nothing) around it, and every {@code %}, {@code _} and {@code !} of
     * {@code text} escaped.
     */
    static Condition likeLiteral(Property<?, ?> property, String before, String text, String after) {
        if (text == null) {
            throw new IllegalArgumentException(property + " LIKE null never matches in SQL;"
                    + " use " + property.field() + ".isNull() or .isNotNull()");
        }
        StringBuilder pattern = new StringBuilder(text.length() + 4).append(before);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                pattern.append(LIKE_ESCAPE);
            }
            pattern.append(c);
        }
        return new Comparison(property, Operator.LIKE_LITERAL, pattern.append(after).toString());
    }

    static Condition in(Property<?, ?> property, List<?> values) { return new In(property, values); }

    static Condition between(Property<?, ?> property, Object low, Object high) {
        return new Between(property, Objects.requireNonNull(low, "low"), Objects.requireNonNull(high, "high"));
    }

    static Condition nullCheck(Property<?, ?> property, boolean isNull) { return new NullCheck(property, isNull); }

    static Condition aggregated(Aggregate<?, ?> aggregate, Operator operator, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(aggregate + " " + operator.sql() + " null never matches in SQL;"
                    + " compare with a value");
        }
        return new Aggregated(aggregate, operator, value);
    }

    /** {@code property op value}. */
    public static final class Comparison extends Condition {
        public final Property<?, ?> property;
        public final Operator operator;
        public final Object value;

        Comparison(Property<?, ?> property, Operator operator, Object value) {
            this.property = property;
            this.operator = operator;
            this.value = value;
        }
    }

    /** {@code property IN (values)}. */
    public static final class In extends Condition {
        public final Property<?, ?> property;
        public final List<?> values;

        In(Property<?, ?> property, List<?> values) {
            this.property = property;
            this.values = values;
        }
    }

    /** {@code property BETWEEN low AND high}. */
    public static final class Between extends Condition {
        public final Property<?, ?> property;
        public final Object low;
        public final Object high;

        Between(Property<?, ?> property, Object low, Object high) {
            this.property = property;
            this.low = low;
            this.high = high;
        }
    }

    /** {@code property IS [NOT] NULL}. */
    public static final class NullCheck extends Condition {
        public final Property<?, ?> property;
        public final boolean isNull;

        NullCheck(Property<?, ?> property, boolean isNull) {
            this.property = property;
            this.isNull = isNull;
        }
    }

    /** {@code aggregate op value}: a condition on groups, for {@code having(...)} only. */
    public static final class Aggregated extends Condition {
        public final Aggregate<?, ?> aggregate;
        public final Operator operator;
        public final Object value;

        Aggregated(Aggregate<?, ?> aggregate, Operator operator, Object value) {
            this.aggregate = aggregate;
            this.operator = operator;
            this.value = value;
        }
    }

    /** AND (all) or OR (any) of conditions. */
    public static final class Junction extends Condition {
        public final boolean all;
        public final List<Condition> conditions;

        Junction(boolean all, List<Condition> conditions) {
            if (conditions.isEmpty()) {
                throw new IllegalArgumentException((all ? "and" : "or") + "() needs at least one condition");
            }
            this.all = all;
            this.conditions = conditions;
        }
    }

    /** NOT condition. */
    public static final class Not extends Condition {
        public final Condition condition;

        Not(Condition condition) {
            this.condition = Objects.requireNonNull(condition, "condition");
        }
    }
}
