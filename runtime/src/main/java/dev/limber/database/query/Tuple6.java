package dev.limber.database.query;

/** A row of 6 selected values, as {@code select(...).list()} reads it; components may be null. */
public record Tuple6<A, B, C, D, E, F>(A first, B second, C third, D fourth, E fifth, F sixth) {
}
