package dev.limber.it.shelf;

import dev.limber.database.models.Column;
import dev.limber.database.models.Model;
import java.time.Instant;

/** An author of {@link Book}s: the design's aggregates example groups books by author. */
@Model(table = "shelf_authors", softDelete = true)
public class Author {
    @Column(primaryKey = true) public Long id;
    @Column(nullable = false) public String name;
    @Column public Instant deletedAt;

    public Author() {
    }

    public Author(String name) {
        this.name = name;
    }
}
