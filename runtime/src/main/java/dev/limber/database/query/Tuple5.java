package dev.limber.database.query;

/** A row of 5 selected values, as {@code select(...).list()} reads it; components may be null. */
public record Tuple5<A, B, C, D, E>(A first, B second, C third, D fourth, E fifth) {
}
