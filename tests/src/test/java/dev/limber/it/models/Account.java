package dev.limber.it.models;

import dev.limber.database.Many;
import dev.limber.database.models.Column;
import dev.limber.database.models.HasMany;
import dev.limber.database.models.Model;

/** A model whose table and column names are SQL reserved words: {@code user}, {@code desc}. */
@Model(table = "user")
public class Account {
    @Column(primaryKey = true) public Long id;
    @Column(name = "desc", nullable = false, length = 50) public String desc;
    @HasMany(mappedBy = "account") public Many<Purchase> purchases;

    public Account() {
    }

    public Account(String desc) {
        this.desc = desc;
    }
}
