package dev.limber.database.migrations.shop;

import dev.limber.database.models.Column;
import dev.limber.database.models.Model;
import dev.limber.database.models.Unique;
import java.time.LocalDateTime;

/**
 * A newsletter subscriber with {@code @Column(ignoreCase = true)} columns: a unique address (unique
 * among live rows, soft delete), a list name unique per owner and a plain city; compiled by the
 * real processor for the migration tests.
 */
@Model(table = "subscribers", softDelete = true)
@Unique(columns = {"owner", "list"})
public class Subscriber {
    @Column(primaryKey = true) Long id;
    @Column(unique = true, ignoreCase = true, nullable = false, length = 80) String email;
    @Column(length = 40) String owner;
    @Column(ignoreCase = true, length = 40) String list;
    @Column(ignoreCase = true, length = 40) String city;
    @Column LocalDateTime deletedAt;
}
