package dev.limber.it.models;

import dev.limber.database.models.Column;
import dev.limber.database.models.Model;
import dev.limber.database.models.Version;
import java.time.Instant;

/** Soft-deleted, optimistically locked, with an ISBN unique among live books. */
@Model(table = "books", softDelete = true)
public class Book {
    @Column(primaryKey = true) public Long id;
    @Column(nullable = false, length = 200) public String title;
    @Column(unique = true, length = 20) public String isbn;
    @Column public int year;
    @Column public Instant deletedAt;
    @Version @Column public long version;

    public Book() {
    }

    public Book(String title, String isbn, int year) {
        this.title = title;
        this.isbn = isbn;
        this.year = year;
    }

    @Override
    public String toString() {
        return "Book[" + id + ", " + title + "]";
    }
}
