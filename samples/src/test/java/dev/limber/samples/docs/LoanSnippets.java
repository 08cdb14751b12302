package dev.limber.samples.docs;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.ConstraintViolationException;
import dev.limber.database.Engine;
import dev.limber.database.LimberException;
import dev.limber.database.Session;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loans of docs/models-and-types.md (indexes, a conditional unique) and docs/queries.md
 * (forUpdate), run against an in-memory H2 database.
 */
class LoanSnippets {
    private static final LocalDate DUE = LocalDate.of(2024, 6, 1);
    private static final int MAX_LOANS = 2;
    private Engine engine;
    private Member ann;

    @BeforeEach
    void library() {
        engine = Engine.create("jdbc:h2:mem:loans");
        engine.createAll();
        ann = engine.transaction(s -> s.insert(new Member("Ann")));
    }

    @AfterEach
    void close() {
        engine.dropAll();
        engine.close();
    }

    // tag::lend[]
    /** Lends a copy, at most MAX_LOANS to a member at once; a copy already out is refused by the database. */
    Loan lend(Session session, long bookId, Long memberId, LocalDate dueOn) {
        Member member = session.query(Member.class)
                .where(Member_.id.eq(memberId))
                .forUpdate()                     // locks the member's row until commit: lends to one member queue
                .one();
        if (member.loansOut >= MAX_LOANS) {
            throw new IllegalStateException(member.name + " already has " + member.loansOut + " books");
        }
        member.loansOut++;
        session.update(member);
        return session.insert(new Loan(bookId, member, dueOn)); // @Unique: ConstraintViolationException if out
    }
    // end::lend[]

    @Test
    void aCopyIsOutOnceAndReturningItFreesIt() {
        try (Session session = engine.openSession()) {
            // tag::lend-twice[]
            Loan loan = lend(session, 7, ann.id, DUE);
            session.commit();
            try {
                lend(session, 7, ann.id, DUE);
            } catch (ConstraintViolationException e) {
                // e.constraint(): "ux_loans_book_id_where_returned_at_null", e.column(): "book_id"
                session.rollback();
            }
            loan.returnedAt = Instant.now();
            session.update(loan);                            // returned: the copy can go out again
            lend(session, 7, ann.id, DUE.plusDays(14));
            session.commit();
            // end::lend-twice[]
            assertThat(session.query(Loan.class).where(Loan_.bookId.eq(7L)).count()).isEqualTo(2);
            assertThat(session.get(Member.class, ann.id).loansOut).isEqualTo(2);
        }
        Long bob = engine.transaction(s -> s.insert(new Member("Bob"))).id;
        try (Session session = engine.openSession()) {
            ConstraintViolationException e = assertThrows(ConstraintViolationException.class,
                    () -> lend(session, 7, bob, DUE));
            assertThat(e.constraint()).isEqualTo("ux_loans_book_id_where_returned_at_null");
            assertThat(e.column()).isEqualTo("book_id");
            assertThat(e).hasMessageThat().contains("among live rows whose returned_at is NULL");
        }
        try (Session session = engine.openSession()) {
            IllegalStateException limit = assertThrows(IllegalStateException.class,
                    () -> lend(session, 8, ann.id, DUE));
            assertThat(limit).hasMessageThat().isEqualTo("Ann already has 2 books");
        }
    }

    @Test
    void forUpdateRefusesWhatItCannotLock() {
        try (Session session = engine.openSession()) {
            LimberException e = assertThrows(LimberException.class,
                    () -> session.query(Member.class).forUpdate().count());
            assertThat(e).hasMessageThat().contains("forUpdate() does not apply to count()");
            List<Member> members = session.query(Member.class).forUpdate().list();
            assertThat(members).hasSize(1);
        }
    }
}
