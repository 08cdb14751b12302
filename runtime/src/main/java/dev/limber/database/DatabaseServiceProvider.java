package dev.limber.database;

import dev.limber.container.Application;
import dev.limber.container.Config;
import dev.limber.container.ServiceProvider;

/**
 * Registers the database services with an {@link Application}, as the Python framework's
 * database service provider does:
 * <ul>
 *   <li>{@value #CONNECTION}: the application's one {@link Engine} (a connection pool), built from
 *       {@code database.url}, {@code database.username}, {@code database.password} and
 *       {@code database.pool.max-size}, created at the first request and closed with the application;
 *   <li>{@value #SESSION}: a new {@link Session} from that engine on every request; the caller
 *       commits and closes it.
 * </ul>
 */
public final class DatabaseServiceProvider implements ServiceProvider {
    /** The name of the Engine service. */
    public static final String CONNECTION = "db.connection";
    /** The name of the Session service. */
    public static final String SESSION = "db.session";

    @Override
    public void register(Application app) {
        app.singleton(CONNECTION, DatabaseServiceProvider::engine);
        app.bind(SESSION, a -> a.make(CONNECTION, Engine.class).openSession());
    }

    private static Engine engine(Application app) {
        Config config = app.config();
        Engine.Builder builder = Engine.builder().url(config.databaseUrl());
        config.databaseUsername().ifPresent(builder::username);
        config.databasePassword().ifPresent(builder::password);
        config.databasePoolMaxSize().ifPresent(builder::maxPoolSize);
        return builder.build();
    }
}
