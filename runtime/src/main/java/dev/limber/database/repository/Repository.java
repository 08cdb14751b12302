package dev.limber.database.repository;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface as a repository of one model. The Limber annotation processor writes its
 * implementation (no reflection, no proxy) and registers it in the generated registry;
 * {@code session.repository(BookRepository.class)} returns one bound to that session.
 *
 * <pre>{@code
 * @Repository(Book.class)
 * public interface BookRepository {
 *     Optional<Book> findByIsbn(String isbn);                 // derived from the method name
 *     List<Book> findByAuthorName(String name);               // a to-one path
 *     long countByAuthor(Author author);                      // a @BelongsTo compared by key
 *     Page<Book> findByPagesGreaterThan(int pages, PageRequest page);
 *
 *     @Query("SELECT b.* FROM books b WHERE b.title = :title") // SQL checked at compile time
 *     List<Book> titled(String title);
 * }
 * }</pre>
 *
 * Derived method names are parsed against the model's own property names, longest match first,
 * so a property {@code invoiceNumber} never splits at {@code In}. A method the processor cannot
 * implement is a compile error on that method.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Repository {
    /** The {@code @Model} class the methods are about. */
    Class<?> value();
}
