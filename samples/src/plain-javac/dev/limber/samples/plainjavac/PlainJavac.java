package dev.limber.samples.plainjavac;

import dev.limber.database.Engine;
import dev.limber.database.ModelRegistry;
import dev.limber.samples.bookstore.Author;
import dev.limber.samples.bookstore.Book;
import dev.limber.samples.bookstore.Book_;

/**
 * Compiled by plain-javac.sh with the system javac, the processor jar alone on the processor
 * path: proves the generated metamodel, mapper and registry work outside Maven. Exits non-zero
 * (an exception or a failed check) when anything is off.
 */
public final class PlainJavac {
    private PlainJavac() {}

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "jdbc:h2:mem:plain-javac";
        check(ModelRegistry.discover().info(Book.class).softDelete(), "the generated registry lists Book as soft-deleted");
        try (Engine engine = Engine.create(url)) {
            engine.createAll();
            Long id = engine.transaction(session -> {
                Author herbert = session.insert(new Author("Frank Herbert"));
                return session.insert(new Book("Dune", herbert, "978-0441172719")).getId();
            });
            check(id != null, "insert sets the generated id");

            engine.inTransaction(session -> session.delete(session.get(Book.class, id)));

            long live = engine.transaction(session -> session.query(Book.class).where(Book_.title.eq("Dune")).count());
            long all = engine.transaction(session ->
                    session.query(Book.class).withTrashed().where(Book_.title.eq("Dune")).count());
            check(live == 0, "a soft-deleted book is hidden from count(), got " + live);
            check(all == 1, "withTrashed() still counts it, got " + all);
            String author = engine.transaction(session -> session.query(Book.class).withTrashed().with(Book_.author)
                    .one().getAuthor().get().getName());
            check(author.equals("Frank Herbert"), "with(Book_.author) loads the author, got " + author);
            System.out.println("plain javac: generated code compiled and ran on " + engine.dialect().name()
                    + " (book " + id + " soft-deleted, hidden, found with trashed, its author loaded)");
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("plain javac check failed: " + what);
        }
    }
}
