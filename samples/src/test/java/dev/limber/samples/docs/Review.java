package dev.limber.samples.docs;

import dev.limber.database.models.Column;
import dev.limber.database.models.Model;
import java.time.Instant;

/** A record model, read and built through its canonical constructor. */
// tag::review-model[]
@Model(table = "reviews")
public record Review(
        @Column(primaryKey = true) Long id,
        @Column(nullable = false) Long bookId,
        @Column int stars,
        @Column(length = 2000) String text,
        @Column(nullable = false) Instant postedAt) {
}
// end::review-model[]
