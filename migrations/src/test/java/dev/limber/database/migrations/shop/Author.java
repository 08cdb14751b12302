package dev.limber.database.migrations.shop;

import dev.limber.database.models.Column;
import dev.limber.database.models.Model;
import java.time.LocalDate;

/** A writer; compiled by the real processor for the migration tests. */
@Model(table = "authors")
public class Author {
    @Column(primaryKey = true) Long id;
    @Column(nullable = false, length = 120) String name;
    @Column LocalDate born;

    public static Author of(String name, LocalDate born) {
        Author author = new Author();
        author.name = name;
        author.born = born;
        return author;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public LocalDate born() {
        return born;
    }
}
