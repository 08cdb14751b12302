package dev.limber.samples.docs;

import dev.limber.database.Ref;
import dev.limber.database.models.BelongsTo;
import dev.limber.database.models.Column;
import dev.limber.database.models.Index;
import dev.limber.database.models.Model;
import dev.limber.database.models.Unique;
import dev.limber.database.models.Version;
import java.time.Instant;
import java.time.LocalDate;

/** A loan of a copy to a member: the indexes and the conditional unique of docs/models-and-types.md. */
// tag::loan-model[]
@Model(table = "loans", softDelete = true)
@Index(columns = {"member", "dueOn"})                      // "my loans, by due date"; fields, not columns
@Index(columns = "dueOn", name = "loans_by_due_date")      // repeatable; the name is optional
@Unique(columns = "bookId", whereNull = "returnedAt")      // a copy is out once: among live loans not returned
public class Loan {
    @Column(primaryKey = true) Long id;
    @Column(nullable = false) long bookId;
    @BelongsTo(nullable = false) Ref<Member> member;
    @Column(nullable = false) LocalDate dueOn;
    @Column Instant returnedAt;                              // NULL while the copy is out
    @Column Instant deletedAt;
    @Version @Column long version;

    Loan() {}

    public Loan(long bookId, Member member, LocalDate dueOn) {
        this.bookId = bookId;
        this.member = Ref.to(member);
        this.dueOn = dueOn;
    }
}
// end::loan-model[]
