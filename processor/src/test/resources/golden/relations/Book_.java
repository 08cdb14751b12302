package com.example.library;

import dev.limber.database.query.ForeignKey;
import dev.limber.database.query.Property;
import dev.limber.database.query.ToMany;
import dev.limber.database.query.ToOne;
import java.time.Instant;
import javax.annotation.processing.Generated;

/**
 * Typed columns of {@link Book}, for queries; generated from com.example.library.Book.
 */
@Generated("dev.limber.database.processor.ModelProcessor")
public final class Book_ {
    public static final Property<Book, Long> id = Property.of(Book.class, "id", "id", Long.class);

    public static final Property<Book, String> title = Property.of(Book.class, "title", "title", String.class);

    public static final ForeignKey<Book, Author, Long> author = ToOne.belongsTo(Book.class, "author", Author.class,
            Property.of(Book.class, "author", "author_id", Long.class), false,
            m -> m.author, (m, h) -> m.author = h);

    public static final ToMany<Book, Tag> tags = ToMany.belongsToMany(Book.class, "tags", Tag.class, BookTag.class,
            m -> m.tags, (m, h) -> m.tags = h);

    public static final Property<Book, Instant> deletedAt = Property.of(Book.class, "deletedAt", "deleted_at", Instant.class);

    private Book_() {
    }
}
