package dev.limber.container;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.LimberException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ApplicationTest {

    /** A closeable service that records when it is closed. */
    static final class Resource implements AutoCloseable {
        final String name;
        final List<String> closedLog;
        int closeCalls;

        Resource(String name, List<String> closedLog) {
            this.name = name;
            this.closedLog = closedLog;
        }

        @Override
        public void close() {
            closeCalls++;
            closedLog.add(name);
        }
    }

    private final Application app = Application.create(Map.of());

    @Test
    void boundServiceGivesANewInstanceOnEveryMake() {
        AtomicInteger counter = new AtomicInteger();
        app.bind("counter", a -> counter.incrementAndGet());

        Integer first = app.make("counter");
        Integer second = app.make("counter");

        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(2);
    }

    @Test
    void singletonIsCreatedLazilyAndOnlyOnce() {
        AtomicInteger created = new AtomicInteger();
        app.singleton("clock", a -> new Object[] {created.incrementAndGet()});

        assertThat(created.get()).isEqualTo(0);
        Object first = app.make("clock");
        Object second = app.make("clock");

        assertThat(second).isSameInstanceAs(first);
        assertThat(created.get()).isEqualTo(1);
    }

    @Test
    void registerLetsAProviderBindItsServices() {
        ServiceProvider provider = a -> a.singleton("greeting", x -> "hello").bind("shout", x -> x.<String>make("greeting") + "!");

        app.register(provider);

        assertThat(app.services()).containsExactly("greeting", "shout").inOrder();
        assertThat(app.<String>make("shout")).isEqualTo("hello!");
    }

    @Test
    void factoriesCanReadTheConfiguration() {
        Application configured = Application.create(Map.of("greeting.text", "hi"));
        configured.bind("greeting", a -> a.config().require("greeting.text"));

        assertThat(configured.<String>make("greeting")).isEqualTo("hi");
    }

    @Test
    void makeWithClassReturnsTheTypedService() {
        app.singleton("names", a -> new ArrayList<String>());

        List<?> names = app.make("names", List.class);

        assertThat(names).isEmpty();
    }

    @Test
    void makeWithTheWrongClassNamesBothTypes() {
        app.bind("number", a -> 42);

        ContainerException e = assertThrows(ContainerException.class, () -> app.make("number", String.class));

        assertThat(e).hasMessageThat().contains("'number' is a java.lang.Integer, not a java.lang.String");
    }

    @Test
    void unknownServiceNamesWhatIsRegisteredAndSuggestsTheNearestName() {
        app.bind("db.session", a -> "s");
        app.singleton("db.connection", a -> "c");

        ContainerException e = assertThrows(ContainerException.class, () -> app.make("db.sesion"));

        assertThat(e).isInstanceOf(LimberException.class);
        assertThat(e).hasMessageThat().contains("No service named 'db.sesion'");
        assertThat(e).hasMessageThat().contains("Did you mean 'db.session'?");
        assertThat(e).hasMessageThat().contains("Registered services: db.connection, db.session.");
    }

    @Test
    void unknownDatabaseServiceOnAnEmptyApplicationPointsAtTheProvider() {
        ContainerException e = assertThrows(ContainerException.class, () -> app.make("db.session"));

        assertThat(e).hasMessageThat().contains("Registered services: none.");
        assertThat(e).hasMessageThat().contains("app.register(new DatabaseServiceProvider())");
    }

    @Test
    void laterBindingReplacesAnEarlierOne() {
        app.singleton("store", a -> "production");
        app.singleton("store", a -> "test double");

        assertThat(app.<String>make("store")).isEqualTo("test double");
    }

    @Test
    void rebindingAnAlreadyMadeSingletonIsRefused() {
        app.singleton("store", a -> "production");
        app.make("store");

        ContainerException e = assertThrows(ContainerException.class, () -> app.singleton("store", a -> "other"));

        assertThat(e).hasMessageThat().contains("'store' has already been made");
    }

    @Test
    void circularDependencyIsReportedWithThePath() {
        app.singleton("a", x -> x.make("b"));
        app.singleton("b", x -> x.make("c"));
        app.bind("c", x -> x.make("a"));

        ContainerException e = assertThrows(ContainerException.class, () -> app.make("a"));

        assertThat(e).hasMessageThat().contains("a -> b -> c -> a");
    }

    @Test
    void failingFactoryIsReportedWithTheServiceNameAndCause() {
        IllegalStateException cause = new IllegalStateException("port in use");
        app.singleton("server", a -> {
            throw cause;
        });

        ContainerException e = assertThrows(ContainerException.class, () -> app.make("server"));

        assertThat(e).hasMessageThat().contains("Could not make service 'server': port in use");
        assertThat(e).hasCauseThat().isSameInstanceAs(cause);
    }

    @Test
    void singletonWhoseFactoryFailedIsRetriedOnTheNextMake() {
        AtomicInteger attempts = new AtomicInteger();
        app.singleton("flaky", a -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("not yet");
            }
            return "ready";
        });

        assertThrows(ContainerException.class, () -> app.make("flaky"));

        assertThat(app.<String>make("flaky")).isEqualTo("ready");
    }

    @Test
    void factoryReturningNullIsAnError() {
        app.bind("nothing", a -> null);

        ContainerException e = assertThrows(ContainerException.class, () -> app.make("nothing"));

        assertThat(e).hasMessageThat().contains("returned null");
    }

    @Test
    void closeClosesCreatedSingletonsNewestFirst() {
        List<String> closed = new ArrayList<>();
        app.singleton("pool", a -> new Resource("pool", closed));
        app.singleton("cache", a -> {
            a.make("pool");
            return new Resource("cache", closed);
        });
        app.singleton("never-made", a -> new Resource("never-made", closed));
        app.make("cache");

        app.close();

        // cache was made from pool, so pool finished being created first and must close last.
        assertThat(closed).containsExactly("cache", "pool").inOrder();
    }

    @Test
    void closeLeavesBoundInstancesToTheCaller() {
        List<String> closed = new ArrayList<>();
        app.bind("session", a -> new Resource("session", closed));
        Resource session = app.make("session");

        app.close();

        assertThat(closed).isEmpty();
        session.close();
        assertThat(closed).containsExactly("session");
    }

    @Test
    void closeIsIdempotent() {
        List<String> closed = new ArrayList<>();
        app.singleton("pool", a -> new Resource("pool", closed));
        Resource pool = app.make("pool");

        app.close();
        app.close();

        assertThat(pool.closeCalls).isEqualTo(1);
    }

    @Test
    void closeClosesEveryServiceEvenWhenOneFailsAndThenReportsTheFailure() {
        List<String> closed = new ArrayList<>();
        app.singleton("first", a -> new Resource("first", closed));
        app.singleton("broken", a -> (AutoCloseable) () -> {
            throw new java.io.IOException("disk gone");
        });
        app.make("first");
        app.make("broken");

        ContainerException e = assertThrows(ContainerException.class, app::close);

        assertThat(e).hasMessageThat().contains("Closing service 'broken' failed: disk gone");
        assertThat(e).hasCauseThat().isInstanceOf(java.io.IOException.class);
        assertThat(closed).containsExactly("first");
    }

    @Test
    void closedApplicationRefusesToMake() {
        app.bind("x", a -> "x");
        app.close();

        ContainerException e = assertThrows(ContainerException.class, () -> app.make("x"));

        assertThat(e).hasMessageThat().contains("closed");
    }

    @Test
    void concurrentMakesOfASingletonShareOneInstance() throws Exception {
        AtomicInteger created = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        app.singleton("shared", a -> {
            created.incrementAndGet();
            return new Object();
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return app.make("shared");
                }));
            }
            start.countDown();
            Object first = results.get(0).get(10, TimeUnit.SECONDS);
            for (Future<Object> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isSameInstanceAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(created.get()).isEqualTo(1);
    }

    @Test
    void blankServiceNameIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> app.bind(" ", a -> "x"));
    }
}
