package dev.limber.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W2 and W7: a filtered query mapping {@code rows} rows, on the plain table and on the
 * soft-delete table (where Limber and Hibernate add {@code deleted_at IS NULL} themselves and the
 * others write it).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class Queries {
    /** More than this many pages: about 92% of the rows match, so a query reads ~rows/0.92 rows. */
    static final int MIN_PAGES = 100;

    @Param({"10", "100", "1000"})
    public int rows;

    @Benchmark
    public List<Object> w2Query(Fixture f) {
        return f.subject.query(MIN_PAGES, rows);
    }

    @Benchmark
    public List<Object> w7SoftDeleteFiltered(Fixture f) {
        return f.subject.queryLive(MIN_PAGES, rows);
    }
}
