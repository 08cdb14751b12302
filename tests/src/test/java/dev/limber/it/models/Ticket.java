package dev.limber.it.models;

import dev.limber.database.models.Column;
import dev.limber.database.models.Model;
import dev.limber.database.models.Version;

/** A record with optimistic locking (an int version) and no soft delete: deletes are real DELETEs. */
@Model(table = "tickets")
public record Ticket(@Column(primaryKey = true) Long id, @Column(nullable = false, length = 100) String title,
        @Version @Column int version) {

    public Ticket withTitle(String newTitle) {
        return new Ticket(id, newTitle, version);
    }
}
