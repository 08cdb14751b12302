// tag::getting-started-book[]
package com.example.library;

import dev.limber.database.Ref;
import dev.limber.database.models.BelongsTo;
import dev.limber.database.models.Column;
import dev.limber.database.models.Model;
import java.time.Instant;

@Model(table = "books", softDelete = true)
public class Book {
    @Column(primaryKey = true) Long id;
    @Column(nullable = false, length = 200) String title;
    @BelongsTo(nullable = false) Ref<Author> author;   // column author_id, a foreign key to authors
    @Column Instant deletedAt;                         // soft delete: set by session.delete, null while on the shelf

    protected Book() {}   // for the generated mapper

    public Book(String title, Author author) {
        this.title = title;
        this.author = Ref.to(author);
    }

    public Long getId() { return id; }

    public String getTitle() { return title; }

    public Ref<Author> getAuthor() { return author; }
}
// end::getting-started-book[]
