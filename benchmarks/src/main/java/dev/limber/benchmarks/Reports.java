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
 * W10 and W11: reports. W10 groups the ~8,300 live books with more than 100 .. 109 pages by
 * author ({@code COUNT(*)}, {@code MAX(pages)}, about 1,000 groups) into records; W11 reads page 50
 * of 20 live books by id with its total (one {@code COUNT(*)}, one page query).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Xmn256m"})
@State(Scope.Thread)
public class Reports {
    /** W11's page: number 50 (from 0, so rows 1,001 .. 1,020 of the match) of 20 rows. */
    static final int PAGE = ReportVerifier.PAGE;
    static final int PAGE_SIZE = ReportVerifier.PAGE_SIZE;

    /**
     * As in W2, calls cycle through "more than 100, 101, ... 109 pages", so that H2 cannot hand
     * back its cached result of an identical previous query (the count included).
     */
    static final int VARIANTS = ReportVerifier.VARIANTS;

    private int call;

    private int minPages() {
        call = (call + 1) % VARIANTS;
        return ReportVerifier.MIN_PAGES + call;
    }

    @Benchmark
    public List<AuthorStats> w10GroupByAuthor(ReportFixture f) {
        return f.subject.booksPerAuthor(minPages());
    }

    @Benchmark
    public Object w11PageWithTotal(ReportFixture f) {
        return f.subject.page(minPages(), PAGE, PAGE_SIZE);
    }
}
