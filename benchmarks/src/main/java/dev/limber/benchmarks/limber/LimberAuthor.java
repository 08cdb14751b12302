package dev.limber.benchmarks.limber;

import dev.limber.benchmarks.AuthorRow;
import dev.limber.benchmarks.BookRow;
import dev.limber.benchmarks.ShelfRow;
import dev.limber.database.Many;
import dev.limber.database.models.Column;
import dev.limber.database.models.HasMany;
import dev.limber.database.models.Model;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Table {@code author}: a soft-delete model with its books as a {@code @HasMany}. */
@Model(table = "author", softDelete = true)
public class LimberAuthor {
    @Column(primaryKey = true) Long id;
    @Column(nullable = false, length = 200) String name;
    @Column LocalDateTime deletedAt;
    @HasMany(mappedBy = "author") Many<LimberAuthoredBook> books;

    public LimberAuthor() {
    }

    AuthorRow toRow() {
        return new AuthorRow(id, name);
    }

    ShelfRow toShelf() {
        List<LimberAuthoredBook> loaded = books.get();
        List<BookRow> rows = new ArrayList<>(loaded.size());
        for (LimberAuthoredBook book : loaded) {
            rows.add(book.toBookRow());
        }
        return new ShelfRow(toRow(), rows);
    }
}
