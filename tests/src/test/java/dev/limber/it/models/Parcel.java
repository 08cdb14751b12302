package dev.limber.it.models;

import dev.limber.database.models.Column;
import dev.limber.database.models.Model;
import java.time.OffsetDateTime;

/** Soft-deleted through an OffsetDateTime stamp; no version. */
@Model(table = "parcels", softDelete = true)
public class Parcel {
    @Column(primaryKey = true) public Long id;
    @Column(nullable = false, length = 100) public String label;
    @Column public OffsetDateTime deletedAt;

    public Parcel() {
    }

    public Parcel(String label) {
        this.label = label;
    }
}
