package dev.limber.database.mapping;

import dev.limber.database.Session;
import java.util.Objects;
import java.util.function.Function;

/**
 * How the generated registry makes a repository: the {@code @Repository} interface and the
 * constructor of its generated implementation, which takes the session it is bound to.
 * {@code Session.repository(BookRepository.class)} finds it by interface.
 *
 * @param type   the {@code @Repository} interface
 * @param create the generated implementation's constructor, e.g. {@code BookRepository_Impl::new}
 */
public record RepositoryFactory<R>(Class<R> type, Function<Session, ? extends R> create) {
    public RepositoryFactory {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(create, "create");
    }

    /** The factory of {@code type}'s implementation; called by generated registries. */
    public static <R> RepositoryFactory<R> of(Class<R> type, Function<Session, ? extends R> create) {
        return new RepositoryFactory<>(type, create);
    }
}
