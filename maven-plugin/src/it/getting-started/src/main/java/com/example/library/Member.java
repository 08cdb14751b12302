package com.example.library;

import dev.limber.database.models.Column;
import dev.limber.database.models.Model;

@Model(table = "members")
public class Member {
    @Column(primaryKey = true) Long id;
    @Column(nullable = false, length = 100) String name;

    protected Member() {}   // for the generated mapper

    public Member(String name) {
        this.name = name;
    }
}
