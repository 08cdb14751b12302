package dev.limber.it.models;

import dev.limber.database.models.Column;
import dev.limber.database.models.Model;
import java.time.LocalDateTime;

/** A soft-deleted name that ignores case: unique among live rows, whatever the case. */
@Model(table = "aliases", softDelete = true)
public record Alias(@Column(primaryKey = true) Long id,
        @Column(unique = true, ignoreCase = true, nullable = false, length = 30) String name,
        @Column LocalDateTime deletedAt) {

    public static Alias named(String name) {
        return new Alias(null, name, null);
    }
}
