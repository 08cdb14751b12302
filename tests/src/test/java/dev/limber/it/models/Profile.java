package dev.limber.it.models;

import dev.limber.database.Ref;
import dev.limber.database.models.BelongsTo;
import dev.limber.database.models.Column;
import dev.limber.database.models.Model;
import java.time.Instant;

/** The {@code @HasOne} side of a writer: a nullable {@code @BelongsTo}, ON DELETE RESTRICT, soft delete. */
@Model(table = "profiles", softDelete = true)
public class Profile {
    @Column(primaryKey = true) public Long id;
    @BelongsTo public Ref<Writer> writer;
    @Column(length = 500) public String bio;
    @Column public Instant deletedAt;

    public Profile() {
    }

    public Profile(Writer writer, String bio) {
        this.writer = Ref.to(writer);
        this.bio = bio;
    }
}
