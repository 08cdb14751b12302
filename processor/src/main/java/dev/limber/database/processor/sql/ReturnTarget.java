package dev.limber.database.processor.sql;

import java.util.List;

/**
 * What a {@code @Query} method reads each result row into (the element type of a {@code List},
 * {@code Optional}, {@code Stream} or {@code Page}, or the return type itself). Java types are
 * written as the compiler prints them: {@code long}, {@code java.lang.String}, {@code java.time.Instant}.
 */
public sealed interface ReturnTarget {

    /** A model: the result must hold every column of its table. */
    record Model(String table, String display) implements ReturnTarget {
    }

    /** A record: a column per component, matched by name ignoring case, of a compatible type. */
    record Record(String display, List<Component> components) implements ReturnTarget {
        public Record {
            components = List.copyOf(components);
        }
    }

    /** A record component. */
    record Component(String name, String javaType) {
    }

    /**
     * One value: a SELECT's single column; for UPDATE, INSERT and DELETE, {@code int} or {@code long}
     * means the rows changed.
     */
    record Scalar(String javaType) implements ReturnTarget {
    }

    /** {@code void}: nothing is read (an UPDATE, INSERT or DELETE). */
    record None() implements ReturnTarget {
    }
}
