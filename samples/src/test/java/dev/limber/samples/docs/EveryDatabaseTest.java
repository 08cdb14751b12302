package dev.limber.samples.docs;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.ConstraintViolationException;
import dev.limber.database.Engine;
import dev.limber.database.ModelRegistry;
import dev.limber.database.Session;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.samples.bookstore.Author;
import dev.limber.samples.bookstore.Book;
import dev.limber.samples.bookstore.Book_;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What docs/soft-delete.md and docs/dialects.md say about each database, checked on all four:
 * unique among live rows, temporal precision, UUID and BigDecimal round trips.
 */
class EveryDatabaseTest {

    private static Engine engine(TestDatabase db) {
        return engine(db.url(), db.username(), db.password());
    }

    private static Engine engine(String url, String username, String password) {
        ModelRegistry all = ModelRegistry.discover();
        ModelRegistry models = ModelRegistry.of(List.of(all.info(Author.class), all.info(Book.class),
                all.info(Invoice.class), all.info(Review.class)));
        Engine engine = Engine.builder().url(url).username(username).password(password).registry(models).build();
        engine.createAll();
        return engine;
    }

    @AllDatabases
    void isbnIsUniqueAmongLiveBooksOnly(TestDatabase db) {
        try (Engine engine = engine(db)) {
            Long first = engine.transaction(session -> {
                Author herbert = session.insert(new Author("Frank Herbert"));
                Book dune = session.insert(new Book("Dune", herbert, "978-0441172719"));
                session.delete(dune);
                session.insert(new Book("Dune (new edition)", herbert, "978-0441172719"));
                return dune.getId();
            });

            try (Session session = engine.openSession()) {
                Author herbert = session.query(Author.class).one();
                assertThrows(ConstraintViolationException.class,
                        () -> session.insert(new Book("Dune (again)", herbert, "978-0441172719")));
                session.rollback();
                Book deleted = session.query(Book.class).onlyTrashed().where(Book_.id.eq(first)).one();
                assertThrows(ConstraintViolationException.class, () -> session.restore(deleted));
                session.rollback();
                assertThat(session.query(Book.class).withTrashed().count()).isEqualTo(2);
            }
        }
    }

    @AllDatabases
    void timesKeepNanosecondsOnH2AndSqliteAndMicrosecondsOnPostgresAndMariaDb(TestDatabase db) {
        Instant written = Instant.parse("2026-11-24T12:34:56.123456789Z");
        try (Engine engine = engine(db)) {
            Review saved = engine.transaction(session -> session.insert(new Review(null, 1L, 5, "ok", written)));

            Instant read = engine.transaction(session -> session.get(Review.class, saved.id()).postedAt());

            boolean microseconds = db.dialect().name().equals("postgresql") || db.dialect().name().equals("mariadb");
            assertThat(read).isEqualTo(microseconds ? written.truncatedTo(ChronoUnit.MICROS) : written);
        }
    }

    @AllDatabases
    void offsetDateTimeKeepsItsOffsetOnH2AndComesBackAtUtcElsewhere(TestDatabase db) {
        OffsetDateTime sent = OffsetDateTime.parse("2026-11-24T14:00:00+02:00");
        try (Engine engine = engine(db)) {
            Long id = engine.transaction(session -> {
                Invoice invoice = new Invoice();
                invoice.reference = UUID.randomUUID();
                invoice.customerName = "Ged";
                invoice.sentAt = sent;
                return session.insert(invoice).id;
            });

            OffsetDateTime read = engine.transaction(session -> session.get(Invoice.class, id).sentAt);

            assertThat(read.toInstant()).isEqualTo(sent.toInstant());
            assertThat(read.getOffset()).isEqualTo(db.dialect().name().equals("h2") ? sent.getOffset() : ZoneOffset.UTC);
        }
    }

    @Test
    void sqliteStoresTimesAsFixedWidthUtcTextAndDecimalsAndUuidsAsText(@TempDir Path directory) throws Exception {
        Instant posted = Instant.parse("2026-11-24T12:00:00.5Z");
        UUID reference = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        try (Engine engine = engine("jdbc:sqlite:" + directory.resolve("shop.db"), null, null)) {
            engine.inTransaction(session -> {
                session.insert(new Review(null, 1L, 5, "ok", posted));
                Invoice invoice = new Invoice();
                invoice.reference = reference;
                invoice.customerName = "Ged";
                invoice.total = new BigDecimal("10.50");
                session.insert(invoice);
            });
            try (Connection connection = engine.connect(); Statement statement = connection.createStatement()) {
                try (ResultSet rs = statement.executeQuery("SELECT posted_at, typeof(posted_at) FROM reviews")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("2026-11-24T12:00:00.500000000Z");
                    assertThat(rs.getString(2)).isEqualTo("text");
                }
                try (ResultSet rs = statement.executeQuery("SELECT reference, total, typeof(total) FROM invoices")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
                    assertThat(rs.getString(2)).isEqualTo("10.50");
                    assertThat(rs.getString(3)).isEqualTo("text");
                }
            }
        }
    }

    @AllDatabases
    void uuidAndDecimalComeBackAsWritten(TestDatabase db) {
        UUID reference = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        try (Engine engine = engine(db)) {
            Long id = engine.transaction(session -> {
                Invoice invoice = new Invoice();
                invoice.reference = reference;
                invoice.customerName = "Ged";
                invoice.total = new BigDecimal("1234.50");
                return session.insert(invoice).id;
            });

            Invoice read = engine.transaction(session -> session.get(Invoice.class, id));

            assertThat(read.reference).isEqualTo(reference);
            assertThat(read.total).isEqualTo(new BigDecimal("1234.50"));
            assertThat(read.status).isEqualTo(Invoice.Status.OPEN);
        }
    }
}
