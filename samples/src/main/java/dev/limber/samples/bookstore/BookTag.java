package dev.limber.samples.bookstore;

import dev.limber.database.Ref;
import dev.limber.database.models.BelongsTo;
import dev.limber.database.models.Column;
import dev.limber.database.models.Model;
import dev.limber.database.models.OnDelete;
import java.time.Instant;

/**
 * The junction of {@link Book#getTags()}: one row per tag on a book. It soft-deletes, so taking a
 * tag off a book ({@code detach}) keeps the row, stamped; purging a book or a tag removes its rows.
 */
// tag::book-tag-model[]
@Model(table = "book_tags", softDelete = true)
public class BookTag {
    @Column(primaryKey = true) Long id;
    @BelongsTo(nullable = false, onDelete = OnDelete.CASCADE) Ref<Book> book;
    @BelongsTo(nullable = false, onDelete = OnDelete.CASCADE) Ref<Tag> tag;
    @Column Instant deletedAt;

    protected BookTag() {}   // for the generated mapper
}
// end::book-tag-model[]
