package com.example.library;

import dev.limber.database.models.Cascade;
import dev.limber.database.query.Property;
import dev.limber.database.query.ToMany;
import dev.limber.database.query.ToOne;
import java.time.Instant;
import javax.annotation.processing.Generated;

/**
 * Typed columns of {@link Author}, for queries; generated from com.example.library.Author.
 */
@Generated("dev.limber.database.processor.ModelProcessor")
public final class Author_ {
    public static final Property<Author, Long> id = Property.of(Author.class, "id", "id", Long.class);

    public static final Property<Author, String> name = Property.of(Author.class, "name", "name", String.class);

    public static final Property<Author, Instant> deletedAt = Property.of(Author.class, "deletedAt", "deleted_at", Instant.class);

    public static final ToMany<Author, Book> books = ToMany.hasMany(Author.class, "books", Book.class,
            "author", Cascade.DELETE, m -> m.books, (m, h) -> m.books = h);

    public static final ToOne<Author, Biography> biography = ToOne.hasOne(Author.class, "biography", Biography.class,
            "author", Cascade.NONE, m -> m.biography, (m, h) -> m.biography = h);

    private Author_() {
    }
}
