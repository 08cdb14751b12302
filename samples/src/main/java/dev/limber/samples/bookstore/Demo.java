package dev.limber.samples.bookstore;

import java.io.PrintStream;

/**
 * A scripted tour of the bookstore: each step prints the command it runs and what that command
 * prints, so the output reads as a terminal session.
 */
final class Demo {
    private final Bookstore store;
    private final PrintStream out;
    private int step;

    Demo(Bookstore store, PrintStream out) {
        this.store = store;
        this.out = out;
    }

    void run() {
        out.println("Limber bookstore demo on " + store.databaseUrl());
        out.println("The demo empties the bookstore first, so it can run again and again.");
        store.clear();

        step("Add books; each author is created the first time a book names them");
        Book dune = add("Dune", "Frank Herbert", "978-0441172719");
        Book children = add("Children of Dune", "Frank Herbert", "978-0593098240");
        Book earthsea = add("A Wizard of Earthsea", "Ursula K. Le Guin", "978-0547722023");
        Book leftHand = add("The Left Hand of Darkness", "Ursula K. Le Guin", "978-0441478125");

        step("Tag them: books and tags meet in the book_tags junction");
        tag(dune, "sf");
        tag(dune, "classic");
        tag(children, "sf");
        tag(earthsea, "fantasy");
        tag(leftHand, "sf");

        step("List the books on the shelves, with their authors and tags (three queries, however many books)");
        command("list");
        store.list(Catalog.Shelf.LIVE, null);

        step("Only the books tagged sf (an EXISTS subquery through the junction)");
        command("list --tag sf");
        store.list(Catalog.Shelf.LIVE, "sf");

        step("Delete Dune: a soft delete stamps deleted_at and keeps the row");
        command("delete " + dune.getId());
        store.delete(dune.getId());

        step("Dune is hidden from every ordinary read");
        command("list");
        store.list(Catalog.Shelf.LIVE, null);

        step("--with-trashed shows it, with the time it was deleted");
        command("list --with-trashed");
        store.list(Catalog.Shelf.WITH_TRASHED, null);

        step("Restore Dune: deleted_at goes back to NULL");
        command("restore " + dune.getId());
        store.restore(dune.getId());

        step("Authors, with the number of their books on the shelves");
        command("authors");
        store.authors();

        step("Delete The Left Hand of Darkness on its own, then its author: her other books go with her");
        command("delete " + leftHand.getId());
        store.delete(leftHand.getId());
        long leGuin = (Long) earthsea.getAuthor().id();   // the foreign key, known without loading
        command("delete-author " + leGuin);
        store.deleteAuthor(leGuin);
        command("list");
        store.list(Catalog.Shelf.LIVE, null);

        step("Restore the author: the books deleted with her come back, the one deleted before stays deleted");
        command("restore-author " + leGuin);
        store.restoreAuthor(leGuin);
        command("list --with-trashed");
        store.list(Catalog.Shelf.WITH_TRASHED, null);

        step("Purge A Wizard of Earthsea: a real DELETE (its tags go with it), so not even --with-trashed finds it");
        command("purge " + earthsea.getId());
        store.purge(earthsea.getId());
        command("list --with-trashed");
        store.list(Catalog.Shelf.WITH_TRASHED, null);

        out.println();
        out.println("Done. Try the commands yourself: add, list, tag, delete, restore, purge, authors, delete-author,"
                + " restore-author.");
    }

    private Book add(String title, String author, String isbn) {
        command("add \"" + title + "\" --author \"" + author + "\" --isbn " + isbn);
        return store.add(title, author, isbn);
    }

    private void tag(Book book, String name) {
        command("tag " + book.getId() + " " + name);
        store.tag(book.getId(), name);
    }

    private void step(String title) {
        out.println();
        out.println((++step) + ". " + title);
    }

    private void command(String line) {
        out.println("$ bookstore " + line);
    }
}
