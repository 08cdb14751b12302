package dev.limber.benchmarks;

import java.util.List;
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

/**
 * W8 and W9: related rows, loaded without N+1. W8 (to-one) reads 1,000 live books with their live
 * author; W9 (to-many) reads 100 live authors with all their live books (about 890).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Xmn256m"})
@State(Scope.Thread)
public class Relations {
    static final int BOOKS = 1_000;
    static final int AUTHORS = 100;

    /**
     * As in W2, calls cycle through ten variants of the condition, so that H2 cannot hand back its
     * cached result of an identical previous query: W8 asks for more than 100 .. 109 pages, W9 for
     * the authors after id 0, 90, .. 810.
     */
    static final int VARIANTS = RelationVerifier.VARIANTS;

    private int call;

    private int next() {
        call = (call + 1) % VARIANTS;
        return call;
    }

    @Benchmark
    public List<Object> w8BooksWithAuthor(RelationFixture f) {
        return f.subject.booksWithAuthor(RelationVerifier.MIN_PAGES + next(), BOOKS);
    }

    @Benchmark
    public List<Object> w9AuthorsWithBooks(RelationFixture f) {
        return f.subject.authorsWithBooks((long) RelationVerifier.AFTER_ID_STEP * next(), AUTHORS);
    }
}
