package dev.limber.it.models;

import dev.limber.database.Many;
import dev.limber.database.Ref;
import dev.limber.database.models.Cascade;
import dev.limber.database.models.Column;
import dev.limber.database.models.HasMany;
import dev.limber.database.models.HasOne;
import dev.limber.database.models.Model;
import java.time.Instant;

/**
 * A writer: soft delete, novels that go with it ({@code Cascade.DELETE}) reached through a private
 * field and its getter and setter, and a profile ({@code @HasOne}, no cascade) in a public field.
 */
@Model(table = "writers", softDelete = true)
public class Writer {
    @Column(primaryKey = true) public Long id;
    @Column(nullable = false, length = 200) public String name;
    @HasMany(mappedBy = "writer", cascade = Cascade.DELETE) private Many<Novel> novels;
    @HasOne(mappedBy = "writer") public Ref<Profile> profile;
    @Column public Instant deletedAt;

    public Writer() {
    }

    public Writer(String name) {
        this.name = name;
    }

    public Many<Novel> getNovels() {
        return novels;
    }

    public void setNovels(Many<Novel> novels) {
        this.novels = novels;
    }

    @Override
    public String toString() {
        return "Writer[" + id + ", " + name + "]";
    }
}
