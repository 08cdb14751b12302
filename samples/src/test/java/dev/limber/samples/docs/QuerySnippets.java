package dev.limber.samples.docs;

import static com.google.common.truth.Truth.assertThat;

import dev.limber.database.ConstraintViolationException;
import dev.limber.database.Engine;
import dev.limber.database.Savepoint;
import dev.limber.database.Session;
import dev.limber.database.query.Condition;
import dev.limber.samples.bookstore.Author;
import dev.limber.samples.bookstore.Author_;
import dev.limber.samples.bookstore.Book;
import dev.limber.samples.bookstore.Book_;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The code of docs/queries.md, run against an in-memory H2 database holding three books. */
class QuerySnippets {
    private Engine engine;
    private Session session;
    private Author herbert;

    @BeforeEach
    void shelves() {
        engine = Engine.create("jdbc:h2:mem:queries");
        engine.createAll();
        session = engine.openSession();
        herbert = session.insert(new Author("Frank Herbert"));
        Author leGuin = session.insert(new Author("Ursula K. Le Guin"));
        session.insert(new Book("Dune", herbert, "978-0441172719"));
        session.insert(new Book("Dune Messiah", herbert, null));
        session.insert(new Book("The Dispossessed", leGuin, "978-0061054884"));
    }

    @AfterEach
    void close() {
        session.close();
        engine.close();
    }

    @Test
    void whereOrderLimit() {
        // tag::query-basics[]
        List<Book> books = session.query(Book.class)
                .where(Book_.title.like("Dune%"))
                .where(Book_.isbn.isNotNull())          // where() calls are ANDed
                .orderBy(Book_.title.asc())
                .limit(10)
                .offset(0)
                .list();
        // end::query-basics[]
        assertThat(books.stream().map(Book::getTitle).toList()).containsExactly("Dune");
    }

    @Test
    void literalMatches() {
        session.insert(new Book("100% Dune", herbert, null));
        session.insert(new Book("1000 Suns", herbert, null));
        // tag::query-literal-match[]
        String typed = "100%";   // what someone typed into a search box
        List<Book> found = session.query(Book.class)
                .where(Book_.title.startsWith(typed))   // its % matches only a %
                .list();
        // end::query-literal-match[]
        assertThat(found.stream().map(Book::getTitle).toList()).containsExactly("100% Dune");
        // the same text as a like() pattern is a wildcard
        assertThat(session.query(Book.class).where(Book_.title.like(typed + "%")).count()).isEqualTo(2);
    }

    @Test
    void conditionsCombine() {
        // tag::query-conditions[]
        Condition byHerbert = Book_.author.id().eq(herbert.getId());
        Condition sequel = Book_.title.in("Dune Messiah", "Children of Dune");
        List<Book> books = session.query(Book.class)
                .where(Condition.or(byHerbert.and(Condition.not(sequel)), Book_.isbn.isNull()))
                .orderBy(Book_.id.desc())
                .list();
        // end::query-conditions[]
        assertThat(books.stream().map(Book::getTitle).toList()).containsExactly("Dune Messiah", "Dune").inOrder();
    }

    @Test
    void terminals() {
        // tag::query-terminals[]
        Optional<Book> first = session.query(Book.class).orderBy(Book_.title.asc()).first();
        Book dune = session.query(Book.class).where(Book_.isbn.eq("978-0441172719")).one();   // exactly one, or an exception
        long count = session.query(Book.class).count();
        boolean any = session.query(Author.class).where(Author_.name.eq("Frank Herbert")).exists();

        try (Stream<Book> stream = session.query(Book.class).stream()) {   // lazy: rows are read as you go
            stream.forEach(book -> System.out.println(book.getTitle()));
        }
        // end::query-terminals[]
        assertThat(first.map(Book::getTitle)).hasValue("Dune");
        assertThat(dune.getTitle()).isEqualTo("Dune");
        assertThat(count).isEqualTo(3);
        assertThat(any).isTrue();
    }

    @Test
    void bulkWrites() {
        // tag::query-bulk[]
        int renamed = session.query(Book.class)
                .where(Book_.title.eq("Dune Messiah"))
                .update(Book_.isbn.set("978-0593098233"));             // UPDATE ... SET isbn = ? WHERE ...
        int deleted = session.query(Book.class)
                .where(Book_.author.id().eq(herbert.getId()))
                .delete();                                             // soft delete: stamps deleted_at
        // end::query-bulk[]
        assertThat(renamed).isEqualTo(1);
        assertThat(deleted).isEqualTo(2);
        assertThat(session.query(Book.class).count()).isEqualTo(1);
    }

    @Test
    void partialUpdate() {
        Invoice created = new Invoice();
        created.reference = UUID.randomUUID();
        created.customerName = "Ged";
        created.total = new BigDecimal("12.50");
        Long id = session.insert(created).id;
        // tag::partial-update[]
        Invoice invoice = session.get(Invoice.class, id);
        invoice.status = Invoice.Status.PAID;
        invoice.total = BigDecimal.ZERO;                   // not named below: not written
        session.update(invoice, Invoice_.status);          // UPDATE invoices SET status = ?, version = ?
                                                           //   WHERE id = ? AND version = ?
        // end::partial-update[]
        Invoice stored = session.query(Invoice.class).where(Invoice_.id.eq(id)).one();
        assertThat(stored.status).isEqualTo(Invoice.Status.PAID);
        assertThat(stored.total).isEqualToIgnoringScale(new BigDecimal("12.50"));
        assertThat(stored.version).isEqualTo(1L);
    }

    @Test
    void savepoints() {
        // tag::savepoint[]
        session.insert(new Book("Children of Dune", herbert, "978-0593098240"));
        try (Savepoint savepoint = session.savepoint()) {
            session.insert(new Book("Dune", herbert, "978-0441172719"));   // that ISBN is taken
            savepoint.release();                                          // not reached
        } catch (ConstraintViolationException duplicate) {
            // close() rolled back to the savepoint: the insert before it stays, the session goes on
        }
        session.commit();
        // end::savepoint[]
        assertThat(session.query(Book.class).where(Book_.title.eq("Children of Dune")).count()).isEqualTo(1);
        assertThat(session.query(Book.class).count()).isEqualTo(4);
    }
}
