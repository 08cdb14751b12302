package dev.limber.container;

/**
 * Registers a group of related services with an {@link Application}, as the database service
 * provider registers {@code db.connection} and {@code db.session}.
 *
 * <pre>{@code
 * public final class ClockServiceProvider implements ServiceProvider {
 *     public void register(Application app) {
 *         app.singleton("clock", a -> Clock.systemUTC());
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ServiceProvider {

    /**
     * Binds this provider's services with {@link Application#bind} or {@link Application#singleton}.
     * Runs once, at {@link Application#register}; it should only bind, not make, so that later
     * bindings (for example a test's replacement) are honoured.
     */
    void register(Application app);
}
