package dev.limber.benchmarks.limber;

import dev.limber.benchmarks.BookRow;
import dev.limber.database.mapping.ModelMapper;

/** Access to the generated pieces for benchmarks outside this package. */
public final class LimberModels {
    private LimberModels() {
    }

    /** The processor's mapper for {@code LimberBook}, as the registry hands it to the runtime. */
    public static ModelMapper<LimberBook> bookMapper() {
        return new BenchmarkModels().info(LimberBook.class).mapper();
    }

    public static BookRow row(Object book) {
        return ((LimberBook) book).toRow();
    }
}
