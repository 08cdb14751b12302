package dev.limber.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** W0 and W1: the floor, and one row by primary key. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Xmn256m"})
public class Reads {

    /** Walks the seeded ids, so that consecutive finds read different rows. */
    @State(Scope.Thread)
    public static class Ids {
        private long next;

        public long next() {
            next = next % BookRow.SEED_ROWS + 1;
            return next;
        }
    }

    @Benchmark
    public int w0SelectOne(Fixture f) {
        return f.subject.selectOne();
    }

    @Benchmark
    public Object w1FindById(Fixture f, Ids ids) {
        return f.subject.find(ids.next());
    }
}
