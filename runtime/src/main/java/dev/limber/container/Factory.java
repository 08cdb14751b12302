package dev.limber.container;

/**
 * Creates one instance of a service. Receives the application, so that a service can be built
 * from its configuration and from other services: {@code app -> new Mailer(app.make("clock"))}.
 */
@FunctionalInterface
public interface Factory<T> {
    T create(Application app);
}
