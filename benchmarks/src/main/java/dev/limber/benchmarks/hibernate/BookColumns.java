package dev.limber.benchmarks.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** The value columns both Hibernate entities share; each entity adds its own id and generator. */
@MappedSuperclass
public abstract class BookColumns {
    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "isbn", nullable = false, length = 40, unique = true)
    private String isbn;

    @Column(name = "price", nullable = false, precision = 10, scale = 2)
    private BigDecimal price;

    @Column(name = "published", nullable = false)
    private LocalDate published;

    @Column(name = "pages", nullable = false)
    private int pages;

    @Column(name = "in_print", nullable = false)
    private boolean inPrint;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

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
}
