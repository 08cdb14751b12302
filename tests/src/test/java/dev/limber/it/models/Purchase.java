package dev.limber.it.models;

import dev.limber.database.Ref;
import dev.limber.database.models.BelongsTo;
import dev.limber.database.models.Column;
import dev.limber.database.models.Model;
import dev.limber.database.models.Version;
import java.time.Instant;

/**
 * A model named with reserved words throughout: table {@code order}, columns {@code select}
 * (unique among live rows), {@code group}, {@code from} (a foreign key to {@code user}),
 * {@code limit} (the version) and soft delete.
 */
@Model(table = "order", softDelete = true)
public class Purchase {
    @Column(primaryKey = true) public Long id;
    @Column(name = "select", unique = true, length = 20) public String select;
    @Column(name = "group") public int group;
    @BelongsTo(column = "from") public Ref<Account> account;
    @Version @Column(name = "limit") public long limit;
    @Column public Instant deletedAt;

    public Purchase() {
    }

    public Purchase(String select, int group, Account account) {
        this.select = select;
        this.group = group;
        this.account = Ref.to(account);
    }
}
