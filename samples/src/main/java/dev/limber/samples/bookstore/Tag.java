package dev.limber.samples.bookstore;

import dev.limber.database.models.Column;
import dev.limber.database.models.Model;

/** A label on books ("sf", "classic"); books and tags meet in {@link BookTag}. */
// tag::tag-model[]
@Model(table = "tags")
public class Tag {
    @Column(primaryKey = true) Long id;
    @Column(nullable = false, unique = true, length = 40) String name;

    protected Tag() {}   // for the generated mapper

    public Tag(String name) {
        this.name = name;
    }

    public Long getId() { return id; }

    public String getName() { return name; }
}
// end::tag-model[]
