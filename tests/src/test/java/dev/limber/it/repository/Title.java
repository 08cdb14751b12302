package dev.limber.it.repository;

import dev.limber.database.Ref;
import dev.limber.database.models.BelongsTo;
import dev.limber.database.models.Column;
import dev.limber.database.models.Model;
import java.time.Instant;

/**
 * A soft-deleted book for the repository tests. {@code invoiceNumber} starts with {@code In} and
 * {@code orderNumber} with {@code Or}, so a method name that split at a keyword would misread them.
 */
@Model(table = "repo_titles", softDelete = true)
public class Title {
    @Column(primaryKey = true) public Long id;
    @Column(nullable = false) public String title;
    @Column public String isbn;
    @Column public int pages;
    @Column public boolean inPrint;
    @Column public String invoiceNumber;
    @Column public String orderNumber;
    @BelongsTo public Ref<Writer> writer;
    @Column public Instant deletedAt;

    public Title() {
    }

    public Title(String title, Writer writer, int pages, String isbn, boolean inPrint, String invoiceNumber,
            String orderNumber) {
        this.title = title;
        this.writer = writer == null ? Ref.ofId(null) : Ref.to(writer);
        this.pages = pages;
        this.isbn = isbn;
        this.inPrint = inPrint;
        this.invoiceNumber = invoiceNumber;
        this.orderNumber = orderNumber;
    }
}
