package dev.limber.samples.docs;

import static com.google.common.truth.Truth.assertThat;

import dev.limber.container.Application;
import dev.limber.database.DatabaseServiceProvider;
import dev.limber.database.Engine;
import dev.limber.database.Session;
import dev.limber.samples.bookstore.Author;
import dev.limber.samples.bookstore.Book;
import dev.limber.samples.bookstore.Book_;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The code of docs/getting-started.md, run against an in-memory H2 database. */
class GettingStartedSnippets {

    @Test
    void firstProgramStoresAndReadsABook() {
        try (Application app = Application.create(Map.of("database.url", "jdbc:h2:mem:getting-started"))) {
            List<Book> found = firstProgram(app);

            assertThat(found).hasSize(1);
            assertThat(found.get(0).getTitle()).isEqualTo("Dune");
            assertThat(found.get(0).getId()).isNotNull();
        }
    }

    // Compiled, not run by the tests: it would use ./database/limber.
    // tag::boot[]
    public static void main(String[] args) {
        try (Application app = Application.boot()) {   // reads ./limber.properties and LIMBER_* variables
            for (Book book : firstProgram(app)) {
                System.out.println(book.getId() + " " + book.getTitle());
            }
        }                                               // closes the Engine
    }
    // end::boot[]

    // tag::first-program[]
    static List<Book> firstProgram(Application app) {
        app.register(new DatabaseServiceProvider());
        Engine engine = app.make("db.connection");
        engine.createAll();                             // create missing tables; migrations do this in production

        try (Session session = app.make("db.session")) {
            Author herbert = session.insert(new Author("Frank Herbert"));   // sets herbert's id
            session.insert(new Book("Dune", herbert, "978-0441172719"));
            session.commit();
        }

        try (Session session = app.make("db.session")) {
            return session.query(Book.class)
                    .where(Book_.title.like("Dun%"))
                    .list();
        }
    }
    // end::first-program[]
}
