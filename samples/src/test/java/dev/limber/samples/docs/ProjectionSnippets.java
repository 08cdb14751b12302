package dev.limber.samples.docs;

import static com.google.common.truth.Truth.assertThat;

import dev.limber.database.Engine;
import dev.limber.database.Page;
import dev.limber.database.Session;
import dev.limber.database.query.Aggregates;
import dev.limber.database.query.Tuple2;
import dev.limber.samples.bookstore.Author;
import dev.limber.samples.bookstore.Author_;
import dev.limber.samples.bookstore.Book;
import dev.limber.samples.bookstore.Book_;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The projection, aggregate and page code of docs/queries.md, on an in-memory H2 database. */
class ProjectionSnippets {
    private Engine engine;
    private Session session;
    private Book dune;
    private Book messiah;
    private Book earthsea;

    // tag::sale-record[]
    record BookSales(Long bookId, long sales, Integer copies) {}
    // end::sale-record[]

    @BeforeEach
    void shop() {
        engine = Engine.create("jdbc:h2:mem:projections");
        engine.createAll();
        session = engine.openSession();
        Author herbert = session.insert(new Author("Frank Herbert"));
        Author leGuin = session.insert(new Author("Ursula K. Le Guin"));
        dune = session.insert(new Book("Dune", herbert, "978-0441172719"));
        messiah = session.insert(new Book("Dune Messiah", herbert, null));
        earthsea = session.insert(new Book("A Wizard of Earthsea", leGuin, "978-0547722023"));
        session.insert(new Sale(dune, 3, "29.97", LocalDate.of(2024, 5, 1)));
        session.insert(new Sale(dune, 1, "9.99", LocalDate.of(2024, 5, 2)));
        session.insert(new Sale(messiah, 2, "21.00", LocalDate.of(2024, 5, 2)));
        session.insert(new Sale(earthsea, 1, "8.50", LocalDate.of(2024, 5, 3)));
        session.delete(session.insert(new Sale(earthsea, 100, "850.00", LocalDate.of(2024, 5, 4))));  // refunded
    }

    @AfterEach
    void close() {
        session.close();
        engine.close();
    }

    @Test
    void aggregates() {
        // tag::query-aggregates[]
        long sales = session.query(Sale.class).count();                                  // 4: deleted rows never count
        Optional<Integer> most = session.query(Sale.class).max(Sale_.copies);            // the column's type
        Optional<LocalDate> first = session.query(Sale.class).min(Sale_.soldOn);
        Optional<Long> copies = session.query(Sale.class).sum(Sale_.copies);             // whole numbers add up to a Long
        Optional<BigDecimal> takings = session.query(Sale.class).sumDecimal(Sale_.amount);
        Optional<Double> average = session.query(Sale.class).avg(Sale_.copies);         // 1.75, a double everywhere
        Optional<Integer> none = session.query(Sale.class)
                .where(Sale_.copies.gt(1000))
                .max(Sale_.copies);                                                     // empty: no row matched
        // end::query-aggregates[]
        assertThat(sales).isEqualTo(4);
        assertThat(most).hasValue(3);
        assertThat(first).hasValue(LocalDate.of(2024, 5, 1));
        assertThat(copies).hasValue(7L);
        assertThat(takings).hasValue(new BigDecimal("69.46"));
        assertThat(average).hasValue(1.75);
        assertThat(none).isEmpty();
    }

    @Test
    void select() {
        // tag::query-select[]
        List<Tuple2<String, Integer>> rows = session.query(Sale.class)
                .where(Sale_.copies.ge(2))
                .select(Sale_.book.get(Book_.title), Sale_.copies)       // a to-one path and a column
                .orderBy(Sale_.copies.desc())
                .list();                                                  // [(Dune, 3), (Dune Messiah, 2)]
        List<String> lines = session.query(Sale.class)
                .select(Sale_.soldOn, Sale_.amount)
                .orderBy(Sale_.soldOn.asc(), Sale_.amount.asc())
                .list((day, amount) -> day + ": " + amount);              // any function of the values
        // end::query-select[]
        assertThat(rows).containsExactly(new Tuple2<>("Dune", 3), new Tuple2<>("Dune Messiah", 2)).inOrder();
        assertThat(lines).containsExactly("2024-05-01: 29.97", "2024-05-02: 9.99", "2024-05-02: 21.00",
                "2024-05-03: 8.50").inOrder();
    }

    @Test
    void groupBy() {
        // tag::query-group-by[]
        List<BookSales> best = session.query(Sale.class)
                .select(Sale_.book.id(), Aggregates.count(), Aggregates.max(Sale_.copies))
                .groupBy(Sale_.book.id())
                .having(Aggregates.count().gt(1L))
                .orderBy(Aggregates.count().desc())
                .list(BookSales::new);             // record BookSales(Long bookId, long sales, Integer copies)
        // end::query-group-by[]
        assertThat(best).containsExactly(new BookSales(dune.getId(), 2, 3));
        String sent = session.query(Sale.class)
                .select(Sale_.book.id(), Aggregates.count(), Aggregates.max(Sale_.copies))
                .groupBy(Sale_.book.id())
                .having(Aggregates.count().gt(1L))
                .orderBy(Aggregates.count().desc())
                .toString();
        String shown = """
                // tag::query-group-by-sql[]
                SELECT "book_id", COUNT(*), MAX("copies") FROM "sales" WHERE "deleted_at" IS NULL
                GROUP BY "book_id" HAVING COUNT(*) > ? ORDER BY COUNT(*) DESC
                // end::query-group-by-sql[]
                """;
        assertThat(sent).isEqualTo("Selection[" + shown.lines().filter(line -> !line.contains("::"))
                .collect(java.util.stream.Collectors.joining(" ")) + "]");
        // tag::query-group-by-path[]
        List<Tuple2<String, BigDecimal>> byAuthor = session.query(Sale.class)
                .select(Sale_.book.get(Book_.author.get(Author_.name)), Aggregates.sumDecimal(Sale_.amount))
                .groupBy(Sale_.book.get(Book_.author.get(Author_.name)))
                .orderBy(Aggregates.sumDecimal(Sale_.amount).desc())
                .list();                           // [(Frank Herbert, 60.96), (Ursula K. Le Guin, 8.50)]
        // end::query-group-by-path[]
        assertThat(byAuthor).containsExactly(new Tuple2<>("Frank Herbert", new BigDecimal("60.96")),
                new Tuple2<>("Ursula K. Le Guin", new BigDecimal("8.50"))).inOrder();
    }

    @Test
    void distinct() {
        // tag::query-distinct[]
        List<LocalDate> days = session.query(Sale.class)
                .select(Sale_.soldOn)
                .distinct()
                .orderBy(Sale_.soldOn.asc())
                .list();                           // 1, 2 and 3 May: the refund of the 4th is deleted
        // end::query-distinct[]
        assertThat(days).containsExactly(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 2), LocalDate.of(2024, 5, 3))
                .inOrder();
        assertThat(session.query(Sale.class).withTrashed().select(Sale_.soldOn).distinct().list()).hasSize(4);
    }

    @Test
    void pages() {
        // tag::query-page[]
        Page<Sale> page = session.query(Sale.class)
                .orderBy(Sale_.soldOn.asc(), Sale_.id.asc())   // end on a unique column: a stable order
                .page(1, 3);                                    // the second page of three rows
        List<Sale> rows = page.content();                       // 1 row: the last page is partial
        long total = page.total();                              // 4 live sales
        int pages = page.totalPages();                          // 2
        // end::query-page[]
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).soldOn).isEqualTo(LocalDate.of(2024, 5, 3));
        assertThat(total).isEqualTo(4);
        assertThat(pages).isEqualTo(2);
        assertThat(page.number()).isEqualTo(1);
        assertThat(page.size()).isEqualTo(3);
    }
}
