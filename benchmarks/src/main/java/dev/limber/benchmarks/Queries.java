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
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Xmn256m"})
@State(Scope.Thread)
public class Queries {
    /**
     * Calls cycle through "more than 100, 101, ... 109 pages" (about 92% of the rows match, so a
     * query reads ~rows/0.92 rows). Repeating one parameter would let H2 hand back its cached result
     * of the previous identical query (OPTIMIZE_REUSE_RESULTS) without reading a row, but only in
     * auto-commit mode, which would flatter whoever reads outside a transaction.
     */
    static final int MIN_PAGES = Verifier.MIN_PAGES;
    static final int VARIANTS = Verifier.MIN_PAGES_VARIANTS;

    @Param({"10", "100", "1000"})
    public int rows;

    private int call;

    private int minPages() {
        call = (call + 1) % VARIANTS;
        return MIN_PAGES + call;
    }

    @Benchmark
    public List<Object> w2Query(Fixture f) {
        return f.subject.query(minPages(), rows);
    }

    @Benchmark
    public List<Object> w7SoftDeleteFiltered(Fixture f) {
        return f.subject.queryLive(minPages(), rows);
    }
}
