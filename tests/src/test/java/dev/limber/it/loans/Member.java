package dev.limber.it.loans;

import dev.limber.database.Many;
import dev.limber.database.models.Column;
import dev.limber.database.models.HasMany;
import dev.limber.database.models.Model;

/** A library member; {@code loansOut} is a counter that sessions read with forUpdate() before changing it. */
@Model(table = "members")
public class Member {
    @Column(primaryKey = true) public Long id;
    @Column(nullable = false, length = 100) public String name;
    @Column public int loansOut;
    @HasMany(mappedBy = "member") public Many<Loan> loans;

    public Member() {
    }

    public Member(String name) {
        this.name = name;
    }
}
