package dev.limber.samples.bookstore;

import dev.limber.database.Many;
import dev.limber.database.models.Cascade;
import dev.limber.database.models.Column;
import dev.limber.database.models.HasMany;
import dev.limber.database.models.Model;
import java.time.Instant;

/** A writer of books. Deleting an author soft-deletes their books too; restoring brings those back. */
// tag::author-model[]
@Model(table = "authors", softDelete = true)
public class Author {
    @Column(primaryKey = true) Long id;
    @Column(nullable = false, length = 120) String name;
    @Column Instant deletedAt;

    @HasMany(mappedBy = "author", cascade = Cascade.DELETE)    // Book.author points back here
    Many<Book> books;

    protected Author() {}   // for the generated mapper

    public Author(String name) {
        this.name = name;
    }

    public Long getId() { return id; }

    public String getName() { return name; }

    public Many<Book> getBooks() { return books; }
}
// end::author-model[]
