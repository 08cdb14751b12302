package dev.limber.it.models;

import dev.limber.database.Ref;
import dev.limber.database.models.BelongsTo;
import dev.limber.database.models.Column;
import dev.limber.database.models.Model;
import java.time.LocalDateTime;

/**
 * A release of a {@link Label}: a record with a {@code Ref} component; {@code withTrashed} on the
 * relation, so a release still reaches its label after the label is soft-deleted on its own.
 */
@Model(table = "releases", softDelete = true)
public record Release(@Column(primaryKey = true) Long id, @Column(nullable = false, length = 100) String title,
        @BelongsTo(nullable = false, withTrashed = true) Ref<Label> label, @Column LocalDateTime deletedAt) {

    public static Release of(String title, Label label) {
        return new Release(null, title, Ref.to(label), null);
    }
}
