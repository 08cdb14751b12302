package dev.limber.database;

import dev.limber.database.testing.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * Records every statement an engine's sessions prepare, under the pool, for tests that count
 * round trips (no N+1) or assert the SQL sent. Lives in this package for the engine builder's
 * package-private data-source decorator.
 */
public final class StatementLog {
    private final List<String> statements = new CopyOnWriteArrayList<>();

    /** An engine on {@code db} with {@code registry} whose prepared statements this log records. */
    public Engine engine(TestDatabase db, ModelRegistry registry) {
        return Engine.builder().url(db.url()).username(db.username()).password(db.password()).maxPoolSize(2)
                .registry(registry).dataSourceDecorator(this::recording).build();
    }

    /** The statements prepared so far, in order. */
    public List<String> statements() {
        return new ArrayList<>(statements);
    }

    /** The statements prepared while {@code work} ran. */
    public List<String> during(Runnable work) {
        statements.clear();
        work.run();
        return statements();
    }

    public void clear() {
        statements.clear();
    }

    private DataSource recording(DataSource real) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (result instanceof Connection connection) {
                        return Proxy.newProxyInstance(Connection.class.getClassLoader(),
                                new Class<?>[] {Connection.class}, (p, m, a) -> {
                                    if (m.getName().equals("prepareStatement")) {
                                        statements.add((String) a[0]);
                                    }
                                    return invoke(connection, m, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
