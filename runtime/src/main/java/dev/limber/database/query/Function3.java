package dev.limber.database.query;

/**
 * A function of 3 arguments, typically a constructor reference ({@code AuthorShelf::new}) that
 * {@code select(...).list(...)} builds each row with.
 */
@FunctionalInterface
public interface Function3<A, B, C, R> {
    R apply(A a, B b, C c);
}
