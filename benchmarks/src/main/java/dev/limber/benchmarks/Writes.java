package dev.limber.benchmarks;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W3 to W6: single insert, 1,000-row batch insert, update by id, soft delete by id. Each write is
 * one committed transaction. Whatever a write changes is undone after each call, outside the
 * timing, so every call meets the same table: same size, same live rows.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Xmn256m"})
public class Writes {
    static final int BATCH = 1_000;

    /** W3: the next row to insert; the inserted row is deleted after the call. */
    @State(Scope.Thread)
    public static class Insert {
        long counter;
        BookRow next;
        long insertedId = -1;

        @Setup(Level.Invocation)
        public void prepare() {
            next = BookRow.fresh("w3", counter++);
        }

        @TearDown(Level.Invocation)
        public void undo(Fixture f) throws SQLException {
            if (insertedId >= 0) {
                Schema.deleteBook(f.maintenance, insertedId);
                insertedId = -1;
            }
        }
    }

    /** W4: the next 1,000 rows; all inserted rows are deleted after the call. */
    @State(Scope.Thread)
    public static class Batch {
        long counter;
        final List<BookRow> next = new ArrayList<>(BATCH);

        @Setup(Level.Invocation)
        public void prepare() {
            next.clear();
            for (int i = 0; i < BATCH; i++) {
                next.add(BookRow.fresh("w4", counter++));
            }
        }

        @TearDown(Level.Invocation)
        public void undo(Fixture f) throws SQLException {
            Schema.deleteInserted(f.maintenance);
        }
    }

    /** W5: walks the seeded rows, flipping each one's price between two values on every visit. */
    @State(Scope.Thread)
    public static class Update {
        private static final BigDecimal OTHER_PRICE = new BigDecimal("42.00");
        private final BookRow[] seed = new BookRow[BookRow.SEED_ROWS];
        private final boolean[] changed = new boolean[BookRow.SEED_ROWS];
        private int next;

        @Setup(Level.Trial)
        public void load() {
            for (int i = 0; i < seed.length; i++) {
                seed[i] = BookRow.seed(i + 1, false);
            }
        }

        BookRow next() {
            int i = next;
            next = (next + 1) % seed.length;
            changed[i] = !changed[i];
            return changed[i] ? seed[i].withPrice(OTHER_PRICE) : seed[i];
        }
    }

    /** W6: walks the live seeded rows of soft_book; the deleted row is brought back after the call. */
    @State(Scope.Thread)
    public static class SoftDelete {
        private final List<BookRow> live = new ArrayList<>();
        private int next;
        BookRow current;

        @Setup(Level.Trial)
        public void load() {
            for (int i = 1; i <= BookRow.SEED_ROWS; i++) {
                BookRow row = BookRow.seed(i, true);
                if (row.deletedAt() == null) {
                    live.add(row);
                }
            }
        }

        @Setup(Level.Invocation)
        public void prepare() {
            current = live.get(next);
            next = (next + 1) % live.size();
        }

        @TearDown(Level.Invocation)
        public void undo(Fixture f) throws SQLException {
            Schema.undelete(f.maintenance, current.id());
        }
    }

    @Benchmark
    public long w3Insert(Fixture f, Insert state) {
        long id = f.subject.insert(f.subject.newBook(state.next));
        state.insertedId = id;
        return id;
    }

    @Benchmark
    public List<Object> w4InsertBatch(Fixture f, Batch state) {
        List<Object> books = new ArrayList<>(BATCH);
        for (BookRow row : state.next) {
            books.add(f.subject.newBook(row));
        }
        f.subject.insertAll(books);
        return books;
    }

    @Benchmark
    public Object w5UpdateById(Fixture f, Update state) {
        Object book = f.subject.newBook(state.next());
        f.subject.update(book);
        return book;
    }

    @Benchmark
    public Object w6SoftDeleteById(Fixture f, SoftDelete state) {
        Object book = f.subject.newSoftBook(state.current);
        f.subject.softDelete(book);
        return book;
    }
}
