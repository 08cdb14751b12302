package dev.limber.container;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service container: holds the configuration and makes named services from factories that
 * {@link ServiceProvider}s bind.
 *
 * <pre>{@code
 * try (Application app = Application.boot()) {
 *     app.register(new DatabaseServiceProvider());
 *     Engine engine = app.make("db.connection");     // one Engine per Application
 *     try (Session session = app.make("db.session")) { // a new Session each time
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Ownership: the application closes the singletons it created ({@link #close()}); an instance
 * from a {@link #bind} factory (a {@code Session}, say) belongs to the caller, who closes it. The
 * container does not keep those, so a long-running application that makes a session per request
 * does not accumulate them.
 *
 * <p>Thread-safe: bindings and singleton creation are guarded, so two threads making the same
 * singleton get the same instance.
 */
public final class Application implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private final Config config;
    private final Map<String, Binding> bindings = new HashMap<>();
    private final Map<String, Object> singletons = new HashMap<>();
    // Created singletons in creation order, so close() can go in reverse: dependents before dependencies.
    private final List<Created> created = new ArrayList<>();
    private final ThreadLocal<Deque<String>> making = ThreadLocal.withInitial(ArrayDeque::new);
    private boolean closed;

    private Application(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Boots from the working directory: reads {@code ./limber.properties} if present, then
     * {@code LIMBER_*} environment variables.
     */
    public static Application boot() {
        return boot(Path.of(""));
    }

    /**
     * Boots from {@code projectRoot}: reads {@code projectRoot/limber.properties} if present, then
     * {@code LIMBER_*} environment variables, and resolves relative paths (an H2 or SQLite database
     * file, the migrations folder) against {@code projectRoot}, so the application behaves the same
     * whatever the working directory.
     */
    public static Application boot(Path projectRoot) {
        Config config = Config.load(projectRoot);
        // Run from the wrong folder, an application would otherwise start on a new, empty database file.
        LOG.info("Configuration: {} (working directory {})", config.origin(), Path.of("").toAbsolutePath());
        config.databaseFile().filter(file -> !java.nio.file.Files.exists(file)).ifPresent(file -> LOG.warn(
                "{} (from {}) names {}, which does not exist: connecting creates it, empty", Config.DATABASE_URL,
                config.source(Config.DATABASE_URL), file));
        return new Application(config);
    }

    /** An application with exactly this configuration; reads no file and no environment. */
    public static Application create(Config config) {
        return new Application(config);
    }

    /** An application configured by defaults plus {@code properties}; reads no file and no environment. For tests. */
    public static Application create(Map<String, String> properties) {
        return new Application(Config.of(properties));
    }

    /** The configuration, validated and immutable. */
    public Config config() {
        return config;
    }

    /** Lets {@code provider} bind its services. Returns this application, for chaining. */
    public Application register(ServiceProvider provider) {
        Objects.requireNonNull(provider, "provider");
        checkOpen();
        provider.register(this);
        return this;
    }

    /**
     * Binds {@code name} to {@code factory}: every {@link #make} calls the factory and returns a
     * new instance, which the caller owns (and closes, if it is closeable). A later binding of
     * the same name replaces this one.
     */
    public Application bind(String name, Factory<?> factory) {
        put(name, factory, false);
        return this;
    }

    /**
     * Binds {@code name} to a single instance, created by {@code factory} at the first
     * {@link #make} and closed by {@link #close()} if it is {@link AutoCloseable}. A later binding
     * of the same name replaces this one, as long as the instance has not been made yet.
     */
    public Application singleton(String name, Factory<?> factory) {
        put(name, factory, true);
        return this;
    }

    private synchronized void put(String name, Factory<?> factory, boolean shared) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(factory, "factory");
        checkOpen();
        if (name.isBlank()) {
            throw new IllegalArgumentException("A service name cannot be blank; use a dotted name such as db.session");
        }
        if (singletons.containsKey(name)) {
            throw new ContainerException("Service '" + name + "' has already been made, so it can no longer be rebound;"
                    + " bind or register replacements before the first make(\"" + name + "\")");
        }
        bindings.put(name, new Binding(factory, shared));
    }

    /** True when a service is bound to {@code name}. */
    public synchronized boolean has(String name) {
        return bindings.containsKey(name);
    }

    /** The bound service names, sorted. */
    public synchronized List<String> services() {
        return List.copyOf(new TreeSet<>(bindings.keySet()));
    }

    /**
     * The service bound to {@code name}, typed by the assignment: {@code Engine engine = app.make("db.connection")}.
     * A {@link ContainerException} naming the registered services if nothing is bound to {@code name};
     * a {@code ClassCastException} at the call site if the service is of another type (use
     * {@link #make(String, Class)} for a checked conversion).
     */
    @SuppressWarnings("unchecked")
    public <T> T make(String name) {
        return (T) resolve(name);
    }

    /** The service bound to {@code name}, checked to be a {@code type}; a {@link ContainerException} saying what it is otherwise. */
    public <T> T make(String name, Class<T> type) {
        Objects.requireNonNull(type, "type");
        Object service = resolve(name);
        if (!type.isInstance(service)) {
            throw new ContainerException("Service '" + name + "' is a " + service.getClass().getName()
                    + ", not a " + type.getName() + "; ask for make(\"" + name + "\", " + service.getClass().getSimpleName()
                    + ".class) or bind '" + name + "' to a factory of " + type.getSimpleName());
        }
        return type.cast(service);
    }

    private Object resolve(String name) {
        Objects.requireNonNull(name, "name");
        Binding binding;
        synchronized (this) {
            checkOpen();
            binding = bindings.get(name);
            if (binding == null) {
                throw new ContainerException(unknown(name));
            }
            if (binding.shared) {
                Object existing = singletons.get(name);
                if (existing != null) {
                    return existing;
                }
                // Created under the lock so every thread sees the one instance. A factory may make other
                // services: the lock is re-entrant, and the 'making' stack catches cycles.
                Object instance = create(name, binding);
                singletons.put(name, instance);
                created.add(new Created(name, instance));
                return instance;
            }
        }
        // New instances are made outside the lock: they may be slow (a session borrowing a
        // connection) and are independent of each other.
        return create(name, binding);
    }

    private Object create(String name, Binding binding) {
        Deque<String> stack = making.get();
        if (stack.contains(name)) {
            List<String> cycle = new ArrayList<>(stack);
            Collections.reverse(cycle);
            cycle = new ArrayList<>(cycle.subList(cycle.indexOf(name), cycle.size()));
            cycle.add(name);
            throw new ContainerException("Circular dependency between services: " + String.join(" -> ", cycle)
                    + "; one of these factories must stop making the next");
        }
        stack.push(name);
        Object instance;
        try {
            instance = binding.factory.create(this);
        } catch (ContainerException | ConfigurationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ContainerException("Could not make service '" + name + "': " + e.getMessage(), e);
        } finally {
            stack.pop();
            if (stack.isEmpty()) {
                making.remove();
            }
        }
        if (instance == null) {
            throw new ContainerException("The factory of service '" + name + "' returned null; it must return an instance");
        }
        return instance;
    }

    private String unknown(String name) {
        List<String> known = List.copyOf(new TreeSet<>(bindings.keySet()));
        String hint = name.startsWith("db.") && !bindings.containsKey("db.connection")
                ? " The database services come from app.register(new DatabaseServiceProvider())."
                : "";
        return "No service named '" + name + "' is registered." + Suggestions.didYouMean(name, known)
                + " Registered services: " + (known.isEmpty() ? "none" : String.join(", ", known)) + "." + hint;
    }

    private void checkOpen() {
        if (closed) {
            throw new ContainerException("This Application has been closed; boot a new one");
        }
    }

    /**
     * Closes every {@link AutoCloseable} singleton this application created, newest first, so a
     * service closes before the services it was made from. Instances from {@link #bind} factories
     * are the caller's to close. Idempotent; if some {@code close()} fails the others still run,
     * and the first failure is thrown (unchecked) with the rest suppressed.
     */
    @Override
    public void close() {
        List<Created> toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayList<>(created);
            created.clear();
            singletons.clear();
        }
        ContainerException failure = null;
        for (int i = toClose.size() - 1; i >= 0; i--) {
            Created entry = toClose.get(i);
            if (!(entry.instance instanceof AutoCloseable closeable)) {
                continue;
            }
            try {
                closeable.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new ContainerException("Closing service '" + entry.name + "' failed: " + e.getMessage(), e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public synchronized String toString() {
        return "Application" + services() + (closed ? " (closed)" : "");
    }

    private record Binding(Factory<?> factory, boolean shared) {}

    private record Created(String name, Object instance) {}
}
