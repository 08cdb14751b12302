package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.LimberException;
import dev.limber.database.Session;
import dev.limber.database.query.Aggregates;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.shelf.Book;
import dev.limber.it.shelf.Book_;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * {@code Query.min/max/sum/avg}: one Java type per aggregate on every database, and soft-deleted
 * rows counted only when the query asks for them (see {@link Bookshelf} for the rows).
 */
class AggregateTest {

    @AllDatabases
    void aggregatesSeeLiveRowsOnly(TestDatabase db) {
        try (Bookshelf shelf = new Bookshelf(db); Session s = shelf.open()) {
            assertThat(s.query(Book.class).count()).isEqualTo(4);
            assertThat(s.query(Book.class).min(Book_.pages)).hasValue(100);
            assertThat(s.query(Book.class).max(Book_.pages)).hasValue(300);
            assertThat(s.query(Book.class).sum(Book_.pages)).hasValue(751L);
            assertThat(s.query(Book.class).avg(Book_.pages)).hasValue(187.75);
            assertThat(s.query(Book.class).sumDecimal(Book_.price)).hasValue(new BigDecimal("125.25"));
            assertThat(s.query(Book.class).sumDouble(Book_.rating)).hasValue(14.5);
            assertThat(s.query(Book.class).min(Book_.published)).hasValue(LocalDate.of(1999, 9, 9));
            assertThat(s.query(Book.class).max(Book_.published)).hasValue(LocalDate.of(2020, 2, 2));
        }
    }

    @AllDatabases
    void withTrashedAndOnlyTrashedChangeEveryAggregate(TestDatabase db) {
        try (Bookshelf shelf = new Bookshelf(db); Session s = shelf.open()) {
            assertThat(s.query(Book.class).withTrashed().min(Book_.pages)).hasValue(20);
            assertThat(s.query(Book.class).withTrashed().max(Book_.pages)).hasValue(900);
            assertThat(s.query(Book.class).withTrashed().sum(Book_.pages)).hasValue(1701L);
            assertThat(s.query(Book.class).withTrashed().avg(Book_.pages)).hasValue(1701.0 / 7);
            assertThat(s.query(Book.class).withTrashed().sumDecimal(Book_.price)).hasValue(new BigDecimal("224.50"));
            assertThat(s.query(Book.class).withTrashed().sumDouble(Book_.rating)).hasValue(18.0);
            assertThat(s.query(Book.class).withTrashed().min(Book_.published)).hasValue(LocalDate.of(1990, 1, 1));

            assertThat(s.query(Book.class).onlyTrashed().min(Book_.pages)).hasValue(20);
            assertThat(s.query(Book.class).onlyTrashed().max(Book_.pages)).hasValue(900);
            assertThat(s.query(Book.class).onlyTrashed().sum(Book_.pages)).hasValue(950L);
            assertThat(s.query(Book.class).onlyTrashed().avg(Book_.pages)).hasValue(950.0 / 3);
            assertThat(s.query(Book.class).onlyTrashed().sumDecimal(Book_.price)).hasValue(new BigDecimal("99.25"));
            assertThat(s.query(Book.class).onlyTrashed().max(Book_.published)).hasValue(LocalDate.of(2010, 10, 10));
        }
    }

    @AllDatabases
    void eachAggregateReadsAsOneJavaTypeEverywhere(TestDatabase db) {
        try (Bookshelf shelf = new Bookshelf(db); Session s = shelf.open()) {
            // an average of integers that does not terminate: a double computed by the database, on all four
            Optional<Double> avg = s.query(Book.class).where(Book_.title.in("A1", "A2", "B1")).avg(Book_.pages);
            assertThat(avg).hasValue(451.0 / 3);
            assertThat(s.query(Book.class).avg(Book_.price)).hasValue(125.25 / 4);
            // whole-number sums are Longs, decimal sums keep the column's scale, even where SQLite adds in floating point
            Object sum = s.query(Book.class).sum(Book_.pages).orElseThrow();
            assertThat(sum).isInstanceOf(Long.class);
            BigDecimal price = s.query(Book.class).where(Book_.title.in("A1", "B1")).sumDecimal(Book_.price).orElseThrow();
            assertThat(price.toPlainString()).isEqualTo("15.50");
            // decimals compare as numbers, not as text (SQLite keeps them as text: '9.75' > '100.00')
            assertThat(s.query(Book.class).max(Book_.price).orElseThrow().toPlainString()).isEqualTo("100.00");
            assertThat(s.query(Book.class).min(Book_.price).orElseThrow().toPlainString()).isEqualTo("5.00");
            Object max = s.query(Book.class).max(Book_.pages).orElseThrow();
            assertThat(max).isInstanceOf(Integer.class);
            List<Long> counts = s.query(Book.class).select(Aggregates.count()).list();
            assertThat(counts).containsExactly(4L);
        }
    }

    @AllDatabases
    void aggregatesOfNoRowsAreEmptyAndCountIsZero(TestDatabase db) {
        try (Bookshelf shelf = new Bookshelf(db); Session s = shelf.open()) {
            var none = s.query(Book.class).where(Book_.pages.gt(10_000));
            assertThat(none.min(Book_.pages)).isEmpty();
            assertThat(none.max(Book_.price)).isEmpty();
            assertThat(none.sum(Book_.pages)).isEmpty();
            assertThat(none.sumDecimal(Book_.price)).isEmpty();
            assertThat(none.avg(Book_.pages)).isEmpty();
            assertThat(none.select(Aggregates.count(), Aggregates.count(Book_.price)).list().get(0).first())
                    .isEqualTo(0L);
            // COUNT(column) skips nulls: B3 has no price
            assertThat(s.query(Book.class).onlyTrashed().select(Aggregates.count(), Aggregates.count(Book_.price))
                    .list().get(0).second()).isEqualTo(2L);
        }
    }

    @AllDatabases
    void aggregatesKeepTheQuerysConditionsAndIgnoreItsOrder(TestDatabase db) {
        try (Bookshelf shelf = new Bookshelf(db); Session s = shelf.open()) {
            assertThat(s.query(Book.class).where(Book_.author.id().eq(shelf.ann.id)).orderBy(Book_.title.asc())
                    .max(Book_.pages)).hasValue(200);
            assertThat(s.query(Book.class).where(Book_.author.id().eq(shelf.ann.id)).withTrashed().max(Book_.pages))
                    .hasValue(900);
        }
    }

    @AllDatabases
    void badAggregatesAreRefusedBeforeAnySqlIsSent(TestDatabase db) {
        try (Bookshelf shelf = new Bookshelf(db); Session s = shelf.open()) {
            IllegalArgumentException decimal = assertThrows(IllegalArgumentException.class,
                    () -> Aggregates.sum(Book_.price));
            assertThat(decimal).hasMessageThat().contains("sumDecimal(price)");
            IllegalArgumentException whole = assertThrows(IllegalArgumentException.class,
                    () -> Aggregates.sumDouble(Book_.pages));
            assertThat(whole).hasMessageThat().contains("use sum(pages)");
            LimberException limited = assertThrows(LimberException.class,
                    () -> s.query(Book.class).limit(2).max(Book_.pages));
            assertThat(limited).hasMessageThat().contains("limit(...) and offset(...) do not apply");
        }
    }
}
