package dev.limber.it.models;

import dev.limber.database.Many;
import dev.limber.database.Ref;
import dev.limber.database.models.BelongsTo;
import dev.limber.database.models.BelongsToMany;
import dev.limber.database.models.Column;
import dev.limber.database.models.Model;
import java.time.Instant;

/**
 * A novel: every field private behind a getter and a setter, relations included; a required
 * {@code @BelongsTo} writer and genres through the soft-delete junction {@link NovelGenre}.
 */
@Model(table = "novels", softDelete = true)
public class Novel {
    @Column(primaryKey = true) private Long id;
    @Column(nullable = false, length = 200) private String title;
    @Column private int year;
    @BelongsTo(nullable = false) private Ref<Writer> writer;
    @BelongsToMany(through = NovelGenre.class) private Many<Genre> genres;
    @Column private Instant deletedAt;

    public Novel() {
    }

    public Novel(String title, int year, Writer writer) {
        this.title = title;
        this.year = year;
        this.writer = Ref.to(writer);
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }

    public Ref<Writer> getWriter() {
        return writer;
    }

    public void setWriter(Ref<Writer> writer) {
        this.writer = writer;
    }

    public Many<Genre> getGenres() {
        return genres;
    }

    public void setGenres(Many<Genre> genres) {
        this.genres = genres;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public void setDeletedAt(Instant deletedAt) {
        this.deletedAt = deletedAt;
    }

    @Override
    public String toString() {
        return "Novel[" + id + ", " + title + "]";
    }
}
