package dev.limber.samples.docs;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.Engine;
import dev.limber.database.Isolation;
import dev.limber.database.NotFoundException;
import dev.limber.database.Session;
import dev.limber.database.StaleObjectException;
import dev.limber.database.StatementTimeoutException;
import dev.limber.database.TransactionConflictException;
import dev.limber.samples.bookstore.Author;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The code of docs/engine-and-sessions.md. */
class EngineAndSessionSnippets {
    private Engine engine;

    @BeforeEach
    void createEngine() {
        // tag::engine-create[]
        Engine engine = Engine.create("jdbc:h2:mem:shop");
        // end::engine-create[]
        this.engine = engine;
        engine.createAll();
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    @Test
    void builderConfiguresThePoolAndTheClock() {
        String url = "jdbc:h2:mem:builder";
        // tag::engine-builder[]
        Engine.Builder builder = Engine.builder()
                .url(url)                                   // jdbc:h2:, jdbc:sqlite:, jdbc:postgresql:, jdbc:mariadb:
                .username("shop")
                .password(System.getenv("SHOP_DB_PASSWORD"))
                .maxPoolSize(10)                            // HikariCP's maximumPoolSize
                .clock(Clock.systemUTC());                  // stamps deleted_at
        // end::engine-builder[]
        try (Engine built = builder.build()) {
            assertThat(built.dataSource().getMaximumPoolSize()).isEqualTo(10);
            assertThat(built.dataSource().getUsername()).isEqualTo("shop");
            assertThat(built.clock()).isEqualTo(Clock.systemUTC());
        }
    }

    @Test
    void timeLimitsAndLeakDetectionReachThePool() {
        String url = "jdbc:h2:mem:limits";
        // tag::engine-limits[]
        Engine engine = Engine.builder()
                .url(url)
                .connectionTimeout(Duration.ofSeconds(5))   // wait at most 5 s for a pooled connection (default 30 s)
                .statementTimeout(Duration.ofSeconds(30))   // cancel a statement after 30 s (default: no limit)
                .leakDetection(Duration.ofMinutes(1))       // WARN of a connection held over a minute, with where
                .build();
        // end::engine-limits[]
        try (engine) {
            engine.createAll();
            assertThat(engine.dataSource().getConnectionTimeout()).isEqualTo(5_000);
            assertThat(engine.dataSource().getLeakDetectionThreshold()).isEqualTo(60_000);
            List<Author> authors;
            // tag::query-timeout[]
            try (Session session = engine.openSession()) {
                authors = session.query(Author.class)
                        .timeout(Duration.ofSeconds(2))             // this query's own limit, instead of the engine's
                        .list();
            } catch (StatementTimeoutException e) {
                authors = List.of();                                 // cancelled after 2 s; the session rolled back
            }
            // end::query-timeout[]
            assertThat(authors).isEmpty();
        }
    }

    @Test
    void sessionWritesBecomeDurableOnCommit() {
        Long id;
        // tag::session-basics[]
        try (Session session = engine.openSession()) {
            Author author = session.insert(new Author("Ursula K. Le Guin"));   // id is set from the database
            id = author.getId();

            Optional<Author> found = session.find(Author.class, id);           // empty if there is no such row
            Author same = session.get(Author.class, id);                       // NotFoundException if there is none

            session.commit();                                                  // make it durable
        }
        // end::session-basics[]
        try (Session session = engine.openSession()) {
            assertThat(session.get(Author.class, id).getName()).isEqualTo("Ursula K. Le Guin");
        }
    }

    @Test
    void closingWithoutCommitRollsBack() {
        // tag::rollback[]
        try (Session session = engine.openSession()) {
            session.insert(new Author("Nobody"));
        }   // no commit(): close() rolls the insert back, as a SQLAlchemy session does
        // end::rollback[]
        try (Session session = engine.openSession()) {
            assertThat(session.query(Author.class).count()).isEqualTo(0);
        }
    }

    private Author transactionSnippet() {
        // tag::transaction[]
        Author saved = engine.transaction(session -> session.insert(new Author("Frank Herbert")));

        engine.inTransaction(session -> {
            session.insert(new Author("Brian Herbert"));
            throw new IllegalStateException("changed my mind");   // rolls back, then rethrows
        });
        // end::transaction[]
        return saved;
    }

    @Test
    void transactionCommitsOnReturnAndRollsBackOnThrow() {
        IllegalStateException e = assertThrows(IllegalStateException.class, this::transactionSnippet);

        assertThat(e).hasMessageThat().isEqualTo("changed my mind");
        try (Session session = engine.openSession()) {
            assertThat(session.query(Author.class).list()).hasSize(1);
            assertThat(session.query(Author.class).one().getName()).isEqualTo("Frank Herbert");
        }
    }

    @Test
    void recordsComeBackAsNewInstances() {
        // tag::record-insert[]
        Review saved;
        try (Session session = engine.openSession()) {
            Review draft = new Review(null, 1L, 5, "A classic.", Instant.now());
            saved = session.insert(draft);                // records are immutable: a new instance with the id
            session.commit();
        }
        // end::record-insert[]
        assertThat(saved.id()).isNotNull();
        try (Session session = engine.openSession()) {
            assertThat(session.get(Review.class, saved.id()).text()).isEqualTo("A classic.");
        }
    }

    @Test
    void concurrentUpdateOfAVersionedModelIsRefused() {
        Long id = engine.transaction(session -> {
            Invoice invoice = new Invoice();
            invoice.reference = UUID.randomUUID();
            invoice.customerName = "Ged";
            invoice.total = new BigDecimal("12.50");
            return session.insert(invoice).id;
        });
        // tag::optimistic-locking[]
        try (Session mine = engine.openSession(); Session theirs = engine.openSession()) {
            Invoice myCopy = mine.get(Invoice.class, id);
            Invoice theirCopy = theirs.get(Invoice.class, id);

            theirCopy.status = Invoice.Status.PAID;
            theirs.update(theirCopy);                      // version 0 -> 1
            theirs.commit();

            myCopy.status = Invoice.Status.VOID;
            try {
                mine.update(myCopy);                        // still at version 0: refused
                mine.commit();
            } catch (StaleObjectException e) {
                mine.rollback();                            // reload and decide again
            }
        }
        // end::optimistic-locking[]
        // had mine.update not been refused, mine.commit() would have stored VOID at version 1
        try (Session session = engine.openSession()) {
            Invoice stored = session.get(Invoice.class, id);
            assertThat(stored.status).isEqualTo(Invoice.Status.PAID);
            assertThat(stored.version).isEqualTo(1L);
        }
    }

    @Test
    void getOfAMissingRowSaysWhichModelAndId() {
        try (Session session = engine.openSession()) {
            NotFoundException e = assertThrows(NotFoundException.class, () -> session.get(Author.class, 404L));
            assertThat(e).hasMessageThat().startsWith("No Author with id 404");
        }
    }

    @Test
    void isolationIsChosenOnTheBuilder() throws Exception {
        // tag::engine-isolation[]
        Engine serializable = Engine.builder()
                .url("jdbc:h2:mem:ledger")
                .isolation(Isolation.SERIALIZABLE)          // default: Isolation.READ_COMMITTED
                .build();
        // end::engine-isolation[]
        try (serializable; java.sql.Connection c = serializable.connect()) {
            assertThat(c.getTransactionIsolation()).isEqualTo(java.sql.Connection.TRANSACTION_SERIALIZABLE);
        }
    }

    @Test
    void aConflictIsRetriedAsAWholeUnitOfWork() {
        Long id = engine.transaction(session -> {
            Invoice invoice = new Invoice();
            invoice.reference = UUID.randomUUID();
            invoice.customerName = "Ged";
            invoice.total = new BigDecimal("12.50");
            return session.insert(invoice).id;
        });
        // tag::retry[]
        for (int attempt = 1; ; attempt++) {
            try {
                engine.inTransaction(session -> {
                    Invoice invoice = session.get(Invoice.class, id);      // read afresh on every attempt
                    invoice.total = invoice.total.add(BigDecimal.ONE);
                    session.update(invoice);
                });
                break;
            } catch (StaleObjectException | TransactionConflictException conflict) {
                if (attempt == 3) {
                    throw conflict;                                        // give up after three runs
                }
            }
        }
        // end::retry[]
        try (Session session = engine.openSession()) {
            assertThat(session.get(Invoice.class, id).total).isEqualToIgnoringScale(new BigDecimal("13.50"));
        }
    }
}
