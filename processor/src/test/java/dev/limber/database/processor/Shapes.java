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
}
