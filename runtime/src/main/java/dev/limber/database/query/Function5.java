package dev.limber.database.query;

/**
 * A function of 5 arguments, typically a constructor reference ({@code AuthorShelf::new}) that
 * {@code select(...).list(...)} builds each row with.
 */
@FunctionalInterface
public interface Function5<A, B, C, D, E, R> {
    R apply(A a, B b, C c, D d, E e);
}
