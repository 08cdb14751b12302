package dev.limber.it.loans;

import dev.limber.database.Ref;
import dev.limber.database.models.BelongsTo;
import dev.limber.database.models.Column;
import dev.limber.database.models.Index;
import dev.limber.database.models.Model;
import dev.limber.database.models.Unique;
import dev.limber.database.models.Version;
import java.time.Instant;
import java.time.LocalDate;

/** A copy of a book lent to a member: out once at a time, among live loans not yet returned. */
@Model(table = "loans", softDelete = true)
@Index(columns = {"member", "dueOn"})
@Index(columns = "dueOn", name = "loans_by_due_date")
@Unique(columns = "bookId", whereNull = "returnedAt")
public class Loan {
    @Column(primaryKey = true) public Long id;
    @Column(nullable = false) public long bookId;
    @BelongsTo(nullable = false) public Ref<Member> member;
    @Column(nullable = false) public LocalDate dueOn;
    @Column public Instant returnedAt;
    @Column public Instant deletedAt;
    @Version @Column public long version;

    public Loan() {
    }

    public Loan(long bookId, Member member, LocalDate dueOn) {
        this.bookId = bookId;
        this.member = Ref.to(member);
        this.dueOn = dueOn;
    }
}
