package dev.limber.samples.bookstore;

import dev.limber.container.Application;
import dev.limber.container.ConfigurationException;
import dev.limber.database.ConstraintViolationException;
import dev.limber.database.DatabaseServiceProvider;
import dev.limber.database.Engine;
import dev.limber.database.LimberException;
import dev.limber.database.NotFoundException;
import dev.limber.database.Session;
import dev.limber.database.migrations.Migrator;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A small bookstore on embedded H2: add, list, tag, soft-delete, restore and purge books, and
 * soft-delete authors with their books.
 *
 * <pre>
 * add "Title" --author "Name" [--isbn X]
 * list [--with-trashed | --only-trashed] [--tag T]
 * delete ID | restore ID | purge ID | tag ID NAME
 * authors | by-author "Name" | delete-author ID | restore-author ID
 * demo
 * </pre>
 *
 * Run it from the {@code samples} folder: the database ({@code ./database/limber}) and the
 * migrations ({@code database/migrations}) are found relative to the working directory.
 */
public final class Bookstore {
    static final String USAGE = String.join("\n",
            "Usage: bookstore <command>",
            "  add \"Title\" --author \"Name\" [--isbn X]   add a book (the author is created on first use)",
            "  list [--with-trashed | --only-trashed] [--tag T]   list books, by title",
            "  delete ID                                 soft-delete a book: hidden from list, restorable",
            "  restore ID                                put a deleted book back",
            "  purge ID                                  remove a book for good",
            "  tag ID NAME                               put a tag on a book (the tag is created on first use)",
            "  authors                                   list authors with the number of their books on the shelves",
            "  by-author \"Name\"                          list the books on the shelves by one author (a repository method)",
            "  delete-author ID                          soft-delete an author and their books",
            "  restore-author ID                         bring an author back with the books that went with them",
            "  demo                                      a scripted tour of all of the above");

    private static final DateTimeFormatter DELETED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Application app;
    private final PrintStream out;
    private final PrintStream err;

    Bookstore(Application app, PrintStream out, PrintStream err) {
        this.app = app;
        this.out = out;
        this.err = err;
    }

    // tag::main[]
    public static void main(String[] args) {
        int status;
        try (Application app = Application.boot(projectRoot())) {   // limber.properties, then LIMBER_* variables
            app.register(new DatabaseServiceProvider());            // binds db.connection and db.session
            status = new Bookstore(app, System.out, System.err).run(args);
        } catch (ConfigurationException e) {                        // a bad limber.properties or LIMBER_* value
            System.err.println(e.getMessage());
            status = 1;
        }                                                           // try-with-resources closes the Engine
        if (status != 0) {
            System.exit(status);
        }
    }
    // end::main[]

    /**
     * The samples folder. {@code mvn exec:java} runs in whatever directory Maven was started from,
     * so the pom passes the folder as {@code bookstore.root}; run with plain {@code java}, it is the
     * working directory.
     */
    private static Path projectRoot() {
        String root = System.getProperty("bookstore.root");
        return root == null ? Path.of("") : Path.of(root);
    }

    /** Runs one command; returns the process exit status (0 ok, 1 failed, 2 bad usage). */
    int run(String... args) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        try {
            migrate();
            List<String> rest = Arrays.asList(args).subList(1, args.length);
            switch (args[0]) {
                case "add" -> add(rest);
                case "list" -> listCommand(rest);
                case "delete" -> delete(id(rest));
                case "restore" -> restore(id(rest));
                case "purge" -> purge(id(rest));
                case "tag" -> tagCommand(rest);
                case "authors" -> authorsCommand(rest);
                case "by-author" -> byAuthorCommand(rest);
                case "delete-author" -> deleteAuthor(id(rest));
                case "restore-author" -> restoreAuthor(id(rest));
                case "demo" -> new Demo(this, out).run();
                default -> throw new UsageException("Unknown command '" + args[0] + "'");
            }
            return 0;
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (CommandException e) {
            err.println(e.getMessage());
            return 1;
        } catch (NotFoundException e) {
            err.println(e.getMessage());
            return 1;
        } catch (ConstraintViolationException e) {
            err.println("Refused by the database: " + e.getMessage());
            return 1;
        } catch (LimberException e) {
            err.println("Failed: " + e.getMessage());
            return 1;
        }
    }

    /** Brings the database up to date with the scripts in database/migrations, as `limber migrate` would. */
    void migrate() {
        String location = app.config().migrationsLocation();
        if (location.indexOf(':') < 0 && !Files.isDirectory(Path.of(location))) {
            throw new CommandException("No migrations folder at " + Path.of(location).toAbsolutePath()
                    + "; run the bookstore from the samples folder (cd samples) or set migrations.location");
        }
        Engine engine = app.make("db.connection");
        Migrator.create(engine, location).migrate();   // Flyway, through the Engine's pool
    }

    /** Runs {@code work} in a new session from the container and commits it. */
    // tag::session-per-command[]
    private <R> R inSession(Function<Catalog, R> work) {
        try (Session session = app.make("db.session")) {    // a new Session each time
            R result = work.apply(new Catalog(session));
            session.commit();                                // without commit, close() rolls back
            return result;
        }
    }
    // end::session-per-command[]

    Book add(String title, String author, String isbn) {
        Book book;
        try {
            book = inSession(catalog -> catalog.add(title, author, isbn));
        } catch (ConstraintViolationException e) {
            throw duplicateIsbn(e, "Cannot add " + title + ": a book on the shelves already has ISBN " + isbn
                    + "; delete that one first, or check the number");
        }
        out.println("Added book " + book.getId() + ": " + book.getTitle() + " by " + author
                + (isbn == null ? "" : " (ISBN " + isbn + ")"));
        return book;
    }

    void list(Catalog.Shelf shelf, String tag) {
        List<Book> books = inSession(catalog -> catalog.list(shelf, tag));
        TextTable table = shelf == Catalog.Shelf.LIVE
                ? new TextTable("ID", "Title", "Author", "ISBN", "Tags")
                : new TextTable("ID", "Title", "Author", "ISBN", "Tags", "Deleted at");
        for (Book book : books) {
            String author = book.getAuthor().get().getName();   // loaded by the list query
            String tags = String.join(", ", book.getTags().get().stream().map(Tag::getName).sorted().toList());
            if (shelf == Catalog.Shelf.LIVE) {
                table.row(book.getId(), book.getTitle(), author, book.getIsbn(), tags);
            } else {
                table.row(book.getId(), book.getTitle(), author, book.getIsbn(), tags,
                        book.getDeletedAt() == null ? "" : DELETED_AT.format(book.getDeletedAt()));
            }
        }
        table.print(out);
    }

    void authors() {
        TextTable table = new TextTable("ID", "Author", "Books");
        for (Author author : inSession(Catalog::authors)) {
            table.row(author.getId(), author.getName(), author.getBooks().count());
        }
        table.print(out);
    }

    void byAuthor(String name) {
        TextTable table = new TextTable("ID", "Title", "ISBN");
        for (Book book : inSession(catalog -> catalog.byAuthor(name))) {
            table.row(book.getId(), book.getTitle(), book.getIsbn() == null ? "" : book.getIsbn());
        }
        table.print(out);
    }

    void tag(long id, String name) {
        boolean added = inSession(catalog -> catalog.tag(id, name));
        out.println(added ? "Tagged book " + id + " " + name : "Book " + id + " was tagged " + name + " already");
    }

    void deleteAuthor(long id) {
        Author author = inSession(catalog -> catalog.deleteAuthor(id));
        out.println("Deleted author " + id + ": " + author.getName() + ", with their books on the shelves"
                + " (restore-author " + id + " brings them back)");
    }

    void restoreAuthor(long id) {
        Author author = inSession(catalog -> catalog.restoreAuthor(id));
        out.println("Restored author " + id + ": " + author.getName() + ", with the books deleted along with them");
    }

    void delete(long id) {
        Book book = inSession(catalog -> catalog.delete(id));
        out.println("Deleted book " + id + ": " + book.getTitle() + " (restore " + id + " brings it back)");
    }

    void restore(long id) {
        Book book;
        try {
            book = inSession(catalog -> catalog.restore(id));
        } catch (ConstraintViolationException e) {
            throw duplicateIsbn(e, "Cannot restore book " + id + ": another book on the shelves has its ISBN;"
                    + " delete or purge that one first");
        }
        out.println("Restored book " + id + ": " + book.getTitle());
    }

    // The ISBN is unique among the books on the shelves; say so in the bookstore's words.
    private static RuntimeException duplicateIsbn(ConstraintViolationException e, String message) {
        return "isbn".equals(e.column()) ? new CommandException(message) : e;
    }

    void purge(long id) {
        Book book = inSession(catalog -> catalog.purge(id));
        out.println("Purged book " + id + ": " + book.getTitle() + " is gone for good");
    }

    void clear() {
        inSession(catalog -> {
            catalog.clear();
            return null;
        });
    }

    String databaseUrl() {
        return app.config().databaseUrl();
    }

    private void add(List<String> args) {
        String title = null;
        String author = null;
        String isbn = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--author") || arg.equals("--isbn")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(arg + " needs a value");
                }
                String value = args.get(++i);
                if (arg.equals("--author")) {
                    author = value;
                } else {
                    isbn = value;
                }
            } else if (arg.startsWith("--")) {
                throw new UsageException("Unknown option " + arg + " for add");
            } else if (title == null) {
                title = arg;
            } else {
                throw new UsageException("add takes one title; quote titles with spaces: add \"" + title + " " + arg + "\" …");
            }
        }
        if (title == null || title.isBlank()) {
            throw new UsageException("add needs a title: add \"Dune\" --author \"Frank Herbert\"");
        }
        if (author == null || author.isBlank()) {
            throw new UsageException("add needs --author \"Name\"");
        }
        add(title, author, isbn);
    }

    private void listCommand(List<String> args) {
        Catalog.Shelf shelf = Catalog.Shelf.LIVE;
        String tag = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--with-trashed" -> shelf = Catalog.Shelf.WITH_TRASHED;
                case "--only-trashed" -> shelf = Catalog.Shelf.ONLY_TRASHED;
                case "--tag" -> {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("--tag needs a value, e.g. list --tag sf");
                    }
                    tag = args.get(++i);
                }
                default -> throw new UsageException("list takes --with-trashed or --only-trashed, and --tag T, not "
                        + args.get(i));
            }
        }
        list(shelf, tag);
    }

    private void tagCommand(List<String> args) {
        if (args.size() != 2) {
            throw new UsageException("tag takes a book id and a tag name, e.g. tag 3 sf");
        }
        tag(id(args.subList(0, 1)), args.get(1));
    }

    private void authorsCommand(List<String> args) {
        if (!args.isEmpty()) {
            throw new UsageException("authors takes no arguments");
        }
        authors();
    }

    private void byAuthorCommand(List<String> args) {
        if (args.size() != 1) {
            throw new UsageException("Expected one author name, e.g. by-author \"Frank Herbert\"");
        }
        byAuthor(args.get(0));
    }

    private static long id(List<String> args) {
        if (args.size() != 1) {
            throw new UsageException("Expected one id, e.g. delete 3");
        }
        try {
            return Long.parseLong(args.get(0));
        } catch (NumberFormatException e) {
            throw new UsageException("'" + args.get(0) + "' is not an id; ids are whole numbers, as list and authors"
                    + " show them");
        }
    }

    /** A command that cannot be carried out, with a message saying why and what to do. */
    static final class CommandException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CommandException(String message) {
            super(message);
        }
    }

    /** A command line the bookstore does not understand. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
