package dev.limber.database.query;

/** A row of 4 selected values, as {@code select(...).list()} reads it; components may be null. */
public record Tuple4<A, B, C, D>(A first, B second, C third, D fourth) {
}
