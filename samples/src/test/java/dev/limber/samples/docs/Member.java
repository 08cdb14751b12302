package dev.limber.samples.docs;

import dev.limber.database.models.Column;
import dev.limber.database.models.Model;

/** A library member of docs/models-and-types.md and docs/queries.md (forUpdate). */
// tag::member-model[]
@Model(table = "members")
public class Member {
    @Column(primaryKey = true) Long id;
    @Column(nullable = false, length = 100) String name;
    @Column int loansOut;                                      // how many copies the member has

    Member() {}

    public Member(String name) { this.name = name; }
}
// end::member-model[]
