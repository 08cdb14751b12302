package dev.limber.database.query;

/** A row of 3 selected values, as {@code select(...).list()} reads it; components may be null. */
public record Tuple3<A, B, C>(A first, B second, C third) {
}
