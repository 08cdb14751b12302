package dev.limber.it.models;

import dev.limber.database.models.Column;
import dev.limber.database.models.Model;

/** A row of free text, for hostile values: a text of at most 40 characters and a unique code. */
@Model(table = "entries")
public class Entry {
    @Column(primaryKey = true) public Long id;
    @Column(length = 40) public String text;
    @Column(unique = true, length = 40) public String code;

    public Entry() {
    }

    public Entry(String text, String code) {
        this.text = text;
        this.code = code;
    }
}
