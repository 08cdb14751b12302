package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.LimberException;
import dev.limber.database.Page;
import dev.limber.database.Session;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.shelf.Author;
import dev.limber.it.shelf.Book;
import dev.limber.it.shelf.Book_;
import java.util.List;

/** {@code Query.page(number, size)}: rows, total and pages, under the query's conditions and trashed mode. */
class PageTest {

    private static List<String> titles(Page<Book> page) {
        return page.content().stream().map(b -> b.title).toList();
    }

    @AllDatabases
    void pagesSplitTheLiveRowsAndCountThemAll(TestDatabase db) {
        try (Bookshelf shelf = new Bookshelf(db); Session session = shelf.open()) {
            Page<Book> page = session.query(Book.class).orderBy(Book_.title.asc()).page(0, 3);
            assertThat(titles(page)).containsExactly("A1", "A2", "B1").inOrder();
            assertThat(page.total()).isEqualTo(4);
            assertThat(page.number()).isEqualTo(0);
            assertThat(page.size()).isEqualTo(3);
            assertThat(page.totalPages()).isEqualTo(2);
            assertThat(page.hasNext()).isTrue();
            Page<Book> last = session.query(Book.class).orderBy(Book_.title.asc()).page(1, 3);
            assertThat(titles(last)).containsExactly("G1");     // the last page is partial
            assertThat(last.total()).isEqualTo(4);
            assertThat(last.hasNext()).isFalse();
            Page<Book> past = session.query(Book.class).orderBy(Book_.title.asc()).page(5, 3);
            assertThat(past.content()).isEmpty();
            assertThat(past.total()).isEqualTo(4);
            assertThat(past.totalPages()).isEqualTo(2);
            Page<Book> exact = session.query(Book.class).orderBy(Book_.title.asc()).page(1, 2);
            assertThat(titles(exact)).containsExactly("B1", "G1").inOrder();
            assertThat(exact.totalPages()).isEqualTo(2);
        }
    }

    @AllDatabases
    void theTotalHonoursConditionsAndTrashedMode(TestDatabase db) {
        try (Bookshelf shelf = new Bookshelf(db); Session s = shelf.open()) {
            Page<Book> all = s.query(Book.class).withTrashed().orderBy(Book_.title.asc()).page(2, 3);
            assertThat(titles(all)).containsExactly("G1");
            assertThat(all.total()).isEqualTo(7);
            assertThat(all.totalPages()).isEqualTo(3);
            Page<Book> trashed = s.query(Book.class).onlyTrashed().orderBy(Book_.title.desc()).page(0, 2);
            assertThat(titles(trashed)).containsExactly("B3", "B2").inOrder();
            assertThat(trashed.total()).isEqualTo(3);
            Page<Book> thick = s.query(Book.class).where(Book_.pages.gt(120)).orderBy(Book_.pages.asc()).page(0, 2);
            assertThat(titles(thick)).containsExactly("B1", "A2").inOrder();
            assertThat(thick.total()).isEqualTo(3);
            Page<Book> none = s.query(Book.class).where(Book_.pages.gt(10_000)).page(0, 10);
            assertThat(none.content()).isEmpty();
            assertThat(none.total()).isEqualTo(0);
            assertThat(none.totalPages()).isEqualTo(0);
            // eager loads fill the page's rows
            Page<Book> loaded = s.query(Book.class).with(Book_.author).orderBy(Book_.title.asc()).page(0, 1);
            Author author = loaded.content().get(0).author.get();
            assertThat(author.name).isEqualTo("Ann");
        }
    }

    @AllDatabases
    void badPagesAreRefused(TestDatabase db) {
        try (Bookshelf shelf = new Bookshelf(db); Session s = shelf.open()) {
            IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                    () -> s.query(Book.class).page(0, 0));
            assertThat(size).hasMessageThat().contains("page size must be at least 1 (was 0)");
            IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                    () -> s.query(Book.class).page(-1, 10));
            assertThat(negative).hasMessageThat().contains("pages count from 0");
            LimberException limited = assertThrows(LimberException.class,
                    () -> s.query(Book.class).limit(5).page(0, 10));
            assertThat(limited).hasMessageThat().contains("remove limit(...) and offset(...)");
            IllegalArgumentException far = assertThrows(IllegalArgumentException.class,
                    () -> s.query(Book.class).page(Integer.MAX_VALUE, 2));
            assertThat(far).hasMessageThat().contains("furthest offset");
        }
    }
}
