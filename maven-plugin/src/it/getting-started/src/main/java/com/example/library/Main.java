// tag::getting-started-main[]
package com.example.library;

import dev.limber.container.Application;
import dev.limber.database.DatabaseServiceProvider;
import dev.limber.database.Session;
import dev.limber.database.migrations.Migrator;
import java.util.List;

public class Main {
    public static void main(String[] args) {
        try (Application app = Application.boot()) {   // reads ./limber.properties and LIMBER_* variables
            app.register(new DatabaseServiceProvider());
            Migrator.create(app).migrate();             // applies the scripts this database has not run yet

            try (Session session = app.make("db.session")) {
                Author herbert = session.insert(new Author("Frank Herbert"));   // sets herbert's id
                session.insert(new Book("Dune", herbert));
                session.commit();
            }

            try (Session session = app.make("db.session")) {
                List<Book> books = session.query(Book.class)
                        .where(Book_.title.like("Dun%"))
                        .with(Book_.author)                 // the authors too, in one more query
                        .list();
                for (Book book : books) {
                    System.out.println(book.getId() + " " + book.getTitle() + " by " + book.getAuthor().get().getName());
                }
            }
        }                                               // closes the Engine
    }
}
// end::getting-started-main[]
