package dev.limber.samples.bookstore;

import dev.limber.database.models.Column;
import dev.limber.database.models.Model;

/** A writer of books. Authors are deleted for real; only books are soft-deleted. */
// tag::author-model[]
@Model(table = "authors")
public class Author {
    @Column(primaryKey = true) Long id;
    @Column(nullable = false, length = 120) String name;

    protected Author() {}   // for the generated mapper

    public Author(String name) {
        this.name = name;
    }

    public Long getId() { return id; }

    public String getName() { return name; }
}
// end::author-model[]
