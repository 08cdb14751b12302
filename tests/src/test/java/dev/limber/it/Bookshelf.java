package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Databases.q;
import static dev.limber.it.Databases.rawCount;

import dev.limber.database.Engine;
import dev.limber.database.Session;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.shelf.Author;
import dev.limber.it.shelf.Book;
import java.time.LocalDate;

/**
 * Seven books by three authors, three of the books soft-deleted, one author too, committed:
 * <pre>
 * title  author  pages  price   rating  published   deleted
 * A1     Ann     100    10.50   4.0     2001-01-01
 * A2     Ann     200     9.75   3.0     2003-03-03
 * A3     Ann     900    99.00   1.0     2010-10-10  yes
 * B1     Bob     151     5.00   5.0     1999-09-09
 * B2     Bob      20     0.25   0.5     1990-01-01  yes
 * B3     Bob      30     null   2.0     null        yes
 * G1     Gone    300   100.00   2.5     2020-02-02        (its author is deleted)
 * </pre>
 * Live books: count 4, pages 751 (min 100, max 300), price 125.25 (max 100.00, which sorts before
 * 9.75 as text), rating 14.5. Every aggregate over all rows or the deleted ones differs.
 */
final class Bookshelf implements AutoCloseable {
    final Engine engine;
    Author ann;
    Author bob;
    Author gone;

    Bookshelf(TestDatabase db) {
        engine = Databases.engine(db);
        try (Session s = engine.openSession()) {
            ann = s.insert(new Author("Ann"));
            bob = s.insert(new Author("Bob"));
            gone = s.insert(new Author("Gone"));
            s.insert(new Book("A1", ann, 100, "10.50", 4.0, LocalDate.of(2001, 1, 1)));
            s.insert(new Book("A2", ann, 200, "9.75", 3.0, LocalDate.of(2003, 3, 3)));
            s.delete(s.insert(new Book("A3", ann, 900, "99.00", 1.0, LocalDate.of(2010, 10, 10))));
            s.insert(new Book("B1", bob, 151, "5.00", 5.0, LocalDate.of(1999, 9, 9)));
            s.delete(s.insert(new Book("B2", bob, 20, "0.25", 0.5, LocalDate.of(1990, 1, 1))));
            s.delete(s.insert(new Book("B3", bob, 30, null, 2.0, null)));
            s.insert(new Book("G1", gone, 300, "100.00", 2.5, LocalDate.of(2020, 2, 2)));
            s.delete(gone);
            s.commit();
        }
        // the deleted rows are in the table: leaving them out is the query's doing
        assertThat(rawCount(db, "SELECT COUNT(*) FROM " + q(db, "shelf_books"))).isEqualTo(7);
    }

    Session open() {
        return engine.openSession();
    }

    @Override
    public void close() {
        engine.close();
    }
}
