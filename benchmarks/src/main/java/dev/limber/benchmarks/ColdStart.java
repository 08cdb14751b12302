package dev.limber.benchmarks;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cold start: in a fresh JVM, from nothing to the first row by primary key: start the library
 * (pool, Hibernate's SessionFactory, jOOQ's context, Limber's engine and registry), run the
 * query, map the row. One shot per fork, many forks. The schema is built before the clock starts
 * (with the driver, which every contender shares); JVM start itself is not counted.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 10, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Xmn256m"})
@State(Scope.Benchmark)
public class ColdStart {
    @Param({"h2"})
    public String database;

    @Param({"jdbc", "limber", "hibernate", "jooq", "jdbi", "jdbi-bean"})
    public String contender;

    private Database db;

    @Setup(Level.Trial)
    public void schema() throws SQLException {
        db = Database.fromParameter(database);
        Schema.reset(db);
    }

    @Benchmark
    public Object firstQuery() {
        try (Contender<Object, Object> subject = Contenders.open(contender, db)) {
            Object book = subject.find(1);
            if (book == null) {
                throw new IllegalStateException(contender + " found no book 1");
            }
            return subject.row(book);
        }
    }
}
