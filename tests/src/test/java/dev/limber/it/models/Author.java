package dev.limber.it.models;

import dev.limber.database.models.Column;
import dev.limber.database.models.Model;
import java.time.LocalDateTime;

/** A record with a database-generated key, soft-deleted through a LocalDateTime stamp. */
@Model(table = "authors", softDelete = true)
public record Author(@Column(primaryKey = true) Long id, @Column(nullable = false) String name,
        @Column LocalDateTime deletedAt) {

    public static Author named(String name) {
        return new Author(null, name, null);
    }
}
