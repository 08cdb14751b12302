package dev.limber.it.models;

import dev.limber.database.Ref;
import dev.limber.database.models.BelongsTo;
import dev.limber.database.models.Column;
import dev.limber.database.models.Model;
import java.time.Instant;

/** The junction of {@link Novel#getGenres()}: a model of its own, which soft-deletes (detach stamps it). */
@Model(table = "novel_genres", softDelete = true)
public class NovelGenre {
    @Column(primaryKey = true) public Long id;
    @BelongsTo(nullable = false) public Ref<Novel> novel;
    @BelongsTo(nullable = false) public Ref<Genre> genre;
    @Column public Instant deletedAt;

    public NovelGenre() {
    }
}
