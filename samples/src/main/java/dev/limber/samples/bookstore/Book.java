package dev.limber.samples.bookstore;

import dev.limber.database.Many;
import dev.limber.database.Ref;
import dev.limber.database.models.BelongsTo;
import dev.limber.database.models.BelongsToMany;
import dev.limber.database.models.Column;
import dev.limber.database.models.Model;
import java.time.Instant;

/** A book on the shelves. Deleting one only stamps deleted_at, so it can be restored. */
// tag::book-model[]
@Model(table = "books", softDelete = true)
public class Book {
    @Column(primaryKey = true) Long id;
    @Column(nullable = false, length = 200) String title;
    @Column(unique = true, length = 20) String isbn;        // unique among books that are not deleted
    @BelongsTo(nullable = false) Ref<Author> author;        // column author_id, a foreign key to authors
    @BelongsToMany(through = BookTag.class) Many<Tag> tags; // through the junction model BookTag
    @Column Instant deletedAt;                              // column deleted_at: null while on the shelves

    protected Book() {}   // for the generated mapper

    public Book(String title, Author author, String isbn) {
        this.title = title;
        this.author = Ref.to(author);
        this.isbn = isbn;
    }

    public Long getId() { return id; }

    public String getTitle() { return title; }

    public String getIsbn() { return isbn; }

    public Ref<Author> getAuthor() { return author; }

    public Many<Tag> getTags() { return tags; }

    public Instant getDeletedAt() { return deletedAt; }
}
// end::book-model[]
