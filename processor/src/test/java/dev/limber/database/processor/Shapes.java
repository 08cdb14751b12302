package dev.limber.database.processor;

import javax.tools.JavaFileObject;

/** One small model per shape, shared by the golden, DDL, locale and determinism tests. */
final class Shapes {
    private Shapes() {
    }

    /** A class with package-private fields, a primitive, and a private field with accessors; default table name. */
    static JavaFileObject inventoryItem() {
        return Sources.source("com.example.InventoryItem",
                "package com.example;",
                "",
                "import dev.limber.database.models.Column;",
                "import dev.limber.database.models.Model;",
                "",
                "@Model",
                "public class InventoryItem {",
                "    @Column(primaryKey = true) Long id;",
                "    @Column(nullable = false, length = 200) String title;",
                "    @Column int pages;",
                "    @Column(unique = true) private String isbn;",
                "",
                "    public String getIsbn() { return isbn; }",
                "    public void setIsbn(String isbn) { this.isbn = isbn; }",
                "}");
    }

    /** A record with a supplied (non-generated) UUID key. */
    static JavaFileObject author() {
        return Sources.source("com.example.people.Author",
                "package com.example.people;",
                "",
                "import dev.limber.database.models.Column;",
                "import dev.limber.database.models.Model;",
                "import java.time.LocalDate;",
                "import java.util.UUID;",
                "",
                "@Model(table = \"authors\")",
                "public record Author(@Column(primaryKey = true) UUID id, @Column(nullable = false) String name, LocalDate born) {",
                "}");
    }

    /** Private fields reached only through getters and setters, boolean through isX. */
    static JavaFileObject customer() {
        return Sources.source("com.example.Customer",
                "package com.example;",
                "",
                "import dev.limber.database.models.Column;",
                "import dev.limber.database.models.Model;",
                "",
                "@Model(table = \"customers\")",
                "public class Customer {",
                "    @Column(primaryKey = true) private long id;",
                "    @Column private boolean active;",
                "    @Column private Status status;",
                "",
                "    public enum Status { NEW, REGULAR }",
                "",
                "    public long getId() { return id; }",
                "    public void setId(long id) { this.id = id; }",
                "    public boolean isActive() { return active; }",
                "    public void setActive(boolean active) { this.active = active; }",
                "    public Status getStatus() { return status; }",
                "    public void setStatus(Status status) { this.status = status; }",
                "}");
    }

    /** Soft delete with a unique column: unique among live rows. */
    static JavaFileObject note() {
        return Sources.source("com.example.Note",
                "package com.example;",
                "",
                "import dev.limber.database.models.Column;",
                "import dev.limber.database.models.Model;",
                "import java.time.Instant;",
                "",
                "@Model(table = \"notes\", softDelete = true)",
                "public class Note {",
                "    @Column(primaryKey = true) Integer id;",
                "    @Column(unique = true, length = 40) String slug;",
                "    @Column Instant deletedAt;",
                "}");
    }

    /** Optimistic locking and a BigDecimal. */
    static JavaFileObject invoice() {
        return Sources.source("com.example.Invoice",
                "package com.example;",
                "",
                "import dev.limber.database.models.Column;",
                "import dev.limber.database.models.Model;",
                "import dev.limber.database.models.Version;",
                "import java.math.BigDecimal;",
                "",
                "@Model(table = \"invoices\")",
                "public class Invoice {",
                "    @Column(primaryKey = true) Long id;",
                "    @Column(precision = 10, scale = 2, nullable = false) BigDecimal total;",
                "    @Version @Column int version;",
                "}");
    }

    /**
     * The relations example: authors have books (cascading deletes) and a biography, books belong
     * to an author and have tags through the book_tags junction.
     */
    static JavaFileObject[] relations() {
        return new JavaFileObject[] {
            Sources.source("com.example.library.Author",
                    "package com.example.library;",
                    "",
                    "import dev.limber.database.Many;",
                    "import dev.limber.database.Ref;",
                    "import dev.limber.database.models.Cascade;",
                    "import dev.limber.database.models.Column;",
                    "import dev.limber.database.models.HasMany;",
                    "import dev.limber.database.models.HasOne;",
                    "import dev.limber.database.models.Model;",
                    "import java.time.Instant;",
                    "",
                    "@Model(table = \"authors\", softDelete = true)",
                    "public class Author {",
                    "    @Column(primaryKey = true) Long id;",
                    "    @Column(nullable = false) String name;",
                    "    @Column Instant deletedAt;",
                    "    @HasMany(mappedBy = \"author\", cascade = Cascade.DELETE) Many<Book> books;",
                    "    @HasOne(mappedBy = \"author\") Ref<Biography> biography;",
                    "}"),
            Sources.source("com.example.library.Biography",
                    "package com.example.library;",
                    "",
                    "import dev.limber.database.Ref;",
                    "import dev.limber.database.models.BelongsTo;",
                    "import dev.limber.database.models.Column;",
                    "import dev.limber.database.models.Model;",
                    "import dev.limber.database.models.OnDelete;",
                    "",
                    "@Model(table = \"biographies\")",
                    "public class Biography {",
                    "    @Column(primaryKey = true) Long id;",
                    "    @BelongsTo(onDelete = OnDelete.SET_NULL) private Ref<Author> author;",
                    "    @Column(length = 4000) String text;",
                    "",
                    "    public Ref<Author> getAuthor() { return author; }",
                    "    public void setAuthor(Ref<Author> author) { this.author = author; }",
                    "}"),
            Sources.source("com.example.library.Book",
                    "package com.example.library;",
                    "",
                    "import dev.limber.database.Many;",
                    "import dev.limber.database.Ref;",
                    "import dev.limber.database.models.BelongsTo;",
                    "import dev.limber.database.models.BelongsToMany;",
                    "import dev.limber.database.models.Column;",
                    "import dev.limber.database.models.Model;",
                    "import java.time.Instant;",
                    "",
                    "@Model(table = \"books\", softDelete = true)",
                    "public class Book {",
                    "    @Column(primaryKey = true) Long id;",
                    "    @Column(nullable = false) String title;",
                    "    @BelongsTo(nullable = false) Ref<Author> author;",
                    "    @BelongsToMany(through = BookTag.class) Many<Tag> tags;",
                    "    @Column Instant deletedAt;",
                    "}"),
            Sources.source("com.example.library.BookTag",
                    "package com.example.library;",
                    "",
                    "import dev.limber.database.Ref;",
                    "import dev.limber.database.models.BelongsTo;",
                    "import dev.limber.database.models.Column;",
                    "import dev.limber.database.models.Model;",
                    "import java.time.Instant;",
                    "",
                    "@Model(table = \"book_tags\", softDelete = true)",
                    "public class BookTag {",
                    "    @Column(primaryKey = true) Long id;",
                    "    @BelongsTo(nullable = false) Ref<Book> book;",
                    "    @BelongsTo(nullable = false) Ref<Tag> tag;",
                    "    @Column Instant deletedAt;",
                    "}"),
            Sources.source("com.example.library.Tag",
                    "package com.example.library;",
                    "",
                    "import dev.limber.database.Many;",
                    "import dev.limber.database.models.BelongsToMany;",
                    "import dev.limber.database.models.Column;",
                    "import dev.limber.database.models.Model;",
                    "",
                    "@Model(table = \"tags\")",
                    "public record Tag(@Column(primaryKey = true) Integer id, @Column(nullable = false, length = 40) String name,",
                    "        @BelongsToMany(through = BookTag.class) Many<Book> books) {",
                    "}"),
        };
    }
}
