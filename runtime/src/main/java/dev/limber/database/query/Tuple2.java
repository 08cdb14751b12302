package dev.limber.database.query;

/** A row of 2 selected values, as {@code select(...).list()} reads it; components may be null. */
public record Tuple2<A, B>(A first, B second) {
}
