package dev.limber.database.query;

/**
 * A function of 4 arguments, typically a constructor reference ({@code AuthorShelf::new}) that
 * {@code select(...).list(...)} builds each row with.
 */
@FunctionalInterface
public interface Function4<A, B, C, D, R> {
    R apply(A a, B b, C c, D d);
}
