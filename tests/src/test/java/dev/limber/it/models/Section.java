package dev.limber.it.models;

import dev.limber.database.Many;
import dev.limber.database.Ref;
import dev.limber.database.models.BelongsTo;
import dev.limber.database.models.Cascade;
import dev.limber.database.models.Column;
import dev.limber.database.models.HasMany;
import dev.limber.database.models.Model;
import java.time.LocalDateTime;

/** A tree of sections: a self reference whose deletes cascade down; soft delete through a LocalDateTime. */
@Model(table = "sections", softDelete = true)
public class Section {
    @Column(primaryKey = true) public Long id;
    @Column(nullable = false, length = 100) public String title;
    @BelongsTo public Ref<Section> parent;
    @HasMany(mappedBy = "parent", cascade = Cascade.DELETE) public Many<Section> children;
    @Column public LocalDateTime deletedAt;

    public Section() {
    }

    public Section(String title, Section parent) {
        this.title = title;
        this.parent = parent == null ? Ref.ofId(null) : Ref.to(parent);
    }
}
