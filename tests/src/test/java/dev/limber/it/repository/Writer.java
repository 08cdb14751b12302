package dev.limber.it.repository;

import dev.limber.database.models.Column;
import dev.limber.database.models.Model;
import java.time.Instant;

/** The author of {@link Title}s; soft-deleted, so a path through a deleted writer never matches. */
@Model(table = "repo_writers", softDelete = true)
public class Writer {
    @Column(primaryKey = true) public Long id;
    @Column(nullable = false) public String name;
    @Column public Instant deletedAt;

    public Writer() {
    }

    public Writer(String name) {
        this.name = name;
    }
}
