package dev.limber.samples.docs;

import dev.limber.database.models.Column;
import dev.limber.database.models.Model;

/** A newsletter subscriber of docs/models-and-types.md: an address compared without case. */
// tag::ignore-case-model[]
@Model(table = "subscribers")
public class Subscriber {
    @Column(primaryKey = true) Long id;
    @Column(unique = true, ignoreCase = true, nullable = false, length = 120) String email;
    @Column(length = 40) String name;                         // compared exactly, as usual

    Subscriber() {}

    public Subscriber(String email, String name) { this.email = email; this.name = name; }
}
// end::ignore-case-model[]
