package dev.limber.benchmarks;

import dev.limber.benchmarks.limber.LimberModels;
import dev.limber.database.dialect.Dialect;
import dev.limber.database.mapping.JdbcValues;
import dev.limber.database.mapping.ModelMapper;
import java.sql.ResultSet;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The mapper alone, with no database, driver or network: 1,000 rows from an in-memory result set
 * ({@link RowsResultSet}, the same for both) turned into objects by the hand-written
 * column-index reads and by Limber's generated mapper. This is the "generated mappers cost
 * nothing" claim in isolation; it needs far less luck with machine noise than the workloads.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Xmn256m"})
@State(Scope.Thread)
public class Mapping {
    static final int ROWS = 1_000;

    @Param({"jdbc", "limber"})
    public String mapper;

    private RowsResultSet resultSet;
    private JdbcRows handWritten;
    private ModelMapper<?> generated;
    private JdbcValues values;

    @Setup(Level.Trial)
    public void fill() throws SQLException {
        List<Object[]> rows = new ArrayList<>(ROWS);
        for (int i = 1; i <= ROWS; i++) {
            BookRow row = BookRow.seed(i, false);
            rows.add(new Object[] {row.id(), row.title(), row.isbn(), row.price(), row.published(), row.pages(),
                    row.inPrint(), row.createdAt(), row.deletedAt()});
        }
        resultSet = new RowsResultSet(rows);
        handWritten = JdbcRows.of(Database.H2);
        generated = LimberModels.bookMapper();
        values = Dialect.H2.values();

        // Both must read the same books before either is timed.
        List<Object> expected = read(true);
        List<Object> actual = read(false);
        for (int i = 0; i < ROWS; i++) {
            BookRow a = ((BookBean) expected.get(i)).toRow();
            BookRow b = LimberModels.row(actual.get(i));
            if (!a.equals(b) || !a.equals(BookRow.seed(i + 1, false))) {
                throw new IllegalStateException("mappers differ on row " + (i + 1) + ":\n  " + a + "\n  " + b);
            }
        }
    }

    @Benchmark
    public List<Object> map1000Rows() throws SQLException {
        return read("jdbc".equals(mapper));
    }

    private List<Object> read(boolean byHand) throws SQLException {
        ResultSet rs = resultSet;
        resultSet.beforeFirst();
        List<Object> books = new ArrayList<>(ROWS);
        if (byHand) {
            while (rs.next()) {
                books.add(handWritten.read(rs));
            }
        } else {
            while (rs.next()) {
                books.add(generated.read(rs, values));
            }
        }
        return books;
    }
}
