package dev.limber.it.models;

import dev.limber.database.models.Column;
import dev.limber.database.models.Model;
import java.time.Instant;
import java.time.LocalDateTime;

/** A record with times: what a write returns is a new instance, holding the times as stored. */
@Model
public record Meeting(@Column(primaryKey = true) Long id, @Column(nullable = false) String title,
        @Column LocalDateTime startsAt, @Column Instant bookedAt) {
}
