package dev.limber.it.models;

import dev.limber.database.models.Column;
import dev.limber.database.models.Model;
import java.util.UUID;

/** A record with an application-assigned UUID key and a unique name (no soft delete). */
@Model(table = "tags")
public record Tag(@Column(primaryKey = true) UUID id, @Column(nullable = false, unique = true, length = 50) String name) {
}
