package dev.limber.it.loans;

import dev.limber.database.models.Column;
import dev.limber.database.models.Model;
import dev.limber.database.models.Unique;
import java.time.Instant;

/** A member's hold on a book: one open hold per member and book, on a model without soft delete. */
@Model(table = "holds")
@Unique(columns = {"bookId", "memberId"}, whereNull = "cancelledAt")
public class Hold {
    @Column(primaryKey = true) public Long id;
    @Column(nullable = false) public long bookId;
    @Column(nullable = false) public long memberId;
    @Column public Instant cancelledAt;

    public Hold() {
    }

    public Hold(long bookId, long memberId) {
        this.bookId = bookId;
        this.memberId = memberId;
    }
}
