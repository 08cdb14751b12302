package dev.limber.benchmarks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The plain mutable book that hand-written JDBC, jOOQ and JDBI map rows into. A JavaBean (no-arg
 * constructor, getters and setters) so that JDBI's reflective BeanMapper can fill it too.
 */
public final class BookBean {
    private Long id;
    private String title;
    private String isbn;
    private BigDecimal price;
    private LocalDate published;
    private int pages;
    private boolean inPrint;
    private LocalDateTime createdAt;
    private LocalDateTime deletedAt;

    public BookBean() {
    }

    public BookBean(Long id, String title, String isbn, BigDecimal price, LocalDate published, int pages,
            boolean inPrint, LocalDateTime createdAt, LocalDateTime deletedAt) {
        this.id = id;
        this.title = title;
        this.isbn = isbn;
        this.price = price;
        this.published = published;
        this.pages = pages;
        this.inPrint = inPrint;
        this.createdAt = createdAt;
        this.deletedAt = deletedAt;
    }

    public static BookBean of(BookRow row) {
        return new BookBean(row.id(), row.title(), row.isbn(), row.price(), row.published(), row.pages(),
                row.inPrint(), row.createdAt(), row.deletedAt());
    }

    public BookRow toRow() {
        return new BookRow(id, title, isbn, price, published, pages, inPrint, createdAt, deletedAt);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getIsbn() { return isbn; }
    public void setIsbn(String isbn) { this.isbn = isbn; }
    public BigDecimal getPrice() { return price; }
    public void setPrice(BigDecimal price) { this.price = price; }
    public LocalDate getPublished() { return published; }
    public void setPublished(LocalDate published) { this.published = published; }
    public int getPages() { return pages; }
    public void setPages(int pages) { this.pages = pages; }
    public boolean isInPrint() { return inPrint; }
    public void setInPrint(boolean inPrint) { this.inPrint = inPrint; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
    public LocalDateTime getDeletedAt() { return deletedAt; }
    public void setDeletedAt(LocalDateTime deletedAt) { this.deletedAt = deletedAt; }
}
