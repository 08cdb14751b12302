package dev.limber.database.processor;

import java.util.List;

/**
 * What a derived method name says, read against a model's properties:
 * {@code findTop3ByTitleLikeOrPagesGreaterThanOrderByTitleAsc}.
 *
 * @param action    what the method does with the rows
 * @param limit     {@code First}/{@code Top<N>}: at most this many rows; 0 when not limited
 * @param predicate the conditions as OR of AND groups; empty when the name has none
 * @param orders    the {@code OrderBy} part, in order
 */
record DerivedQuery(Action action, int limit, List<List<Criterion>> predicate, List<Ordering> orders) {

    /** The verb a method name starts with. */
    enum Action {
        FIND("find"), COUNT("count"), EXISTS("exists"), DELETE("delete"), FORCE_DELETE("forceDelete"),
        RESTORE("restore");

        final String prefix;

        Action(String prefix) {
            this.prefix = prefix;
        }
    }

    /** A condition keyword, with the number of method parameters it takes. */
    enum Operator {
        EQ(1, "eq"), NE(1, "ne"), LT(1, "lt"), LE(1, "le"), GT(1, "gt"), GE(1, "ge"), BETWEEN(2, "between"),
        LIKE(1, "like"), NOT_LIKE(1, "like"), IN(1, "in"), NOT_IN(1, "in"), IS_NULL(0, "isNull"),
        IS_NOT_NULL(0, "isNotNull"), TRUE(0, "eq"), FALSE(0, "eq");

        final int parameters;
        /** The {@code Property} method that renders it; NOT_LIKE and NOT_IN wrap it in {@code Condition.not}. */
        final String method;

        Operator(int parameters, String method) {
            this.parameters = parameters;
            this.method = method;
        }
    }

    /** {@code TitleLike}: a property and its keyword, as written in the name. */
    record Criterion(PropertyCatalog.Entry property, Operator operator, String keyword) {
    }

    /** {@code TitleDesc}. */
    record Ordering(PropertyCatalog.Entry property, boolean ascending) {
    }
}
