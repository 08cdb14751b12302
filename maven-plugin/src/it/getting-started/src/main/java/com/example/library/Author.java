// tag::getting-started-author[]
package com.example.library;

import dev.limber.database.models.Column;
import dev.limber.database.models.Model;

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
// end::getting-started-author[]
