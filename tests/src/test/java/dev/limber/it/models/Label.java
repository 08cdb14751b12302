package dev.limber.it.models;

import dev.limber.database.Many;
import dev.limber.database.models.Cascade;
import dev.limber.database.models.Column;
import dev.limber.database.models.HasMany;
import dev.limber.database.models.Model;
import java.time.LocalDateTime;

/** A record label: a record with a {@code Many} component whose deletes cascade into its releases. */
@Model(table = "labels", softDelete = true)
public record Label(@Column(primaryKey = true) Long id, @Column(nullable = false, length = 100) String name,
        @HasMany(mappedBy = "label", cascade = Cascade.DELETE) Many<Release> releases,
        @Column LocalDateTime deletedAt) {

    public static Label named(String name) {
        return new Label(null, name, null, null);
    }
}
