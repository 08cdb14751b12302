package dev.limber.it.models;

import dev.limber.database.Many;
import dev.limber.database.models.BelongsToMany;
import dev.limber.database.models.Column;
import dev.limber.database.models.Model;
import java.time.Instant;

/** A genre: soft delete, and the novels side of the many-to-many through {@link NovelGenre}. */
@Model(table = "genres", softDelete = true)
public class Genre {
    @Column(primaryKey = true) public Long id;
    @Column(nullable = false, length = 50) public String name;
    @BelongsToMany(through = NovelGenre.class) public Many<Novel> novels;
    @Column public Instant deletedAt;

    public Genre() {
    }

    public Genre(String name) {
        this.name = name;
    }
}
