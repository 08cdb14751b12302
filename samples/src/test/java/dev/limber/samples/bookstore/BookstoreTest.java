package dev.limber.samples.bookstore;

import static com.google.common.truth.Truth.assertThat;

import dev.limber.container.Application;
import dev.limber.database.DatabaseServiceProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the bookstore's commands, as a user would, against a fresh in-memory H2 database. */
class BookstoreTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private Application app;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Bookstore store;

    @BeforeEach
    void boot() {
        // Each test its own database; the pool keeps it alive until the application closes.
        app = Application.create(Map.of("database.url", "jdbc:h2:mem:bookstore-" + DATABASES.incrementAndGet()));
        app.register(new DatabaseServiceProvider());
        store = new Bookstore(app, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void close() {
        app.close();
    }

    /** Runs one command line and returns what it printed; clears the buffers. */
    private String run(int expectedStatus, String... args) {
        int status = store.run(args);
        String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        out.reset();
        err.reset();
        assertWithStatus(status, expectedStatus, printed);
        return printed;
    }

    private static void assertWithStatus(int status, int expected, String printed) {
        assertThat(printed + "\nexit status " + status).endsWith("\nexit status " + expected);
    }

    private static List<String> lines(String text) {
        return text.lines().toList();
    }

    @Test
    void demoShowsTheSoftDeletedBookHiddenThenVisibleWithTrashedThenRestored() {
        String printed = run(0, "demo");
        List<String> lines = lines(printed);

        // Step 3, the first list: all four books with their authors and tags, aligned under their headers.
        int firstList = lines.indexOf("3. List the books on the shelves, with their authors and tags (three queries,"
                + " however many books)");
        assertThat(lines.subList(firstList + 2, firstList + 8)).containsExactly(
                "ID  Title                      Author             ISBN            Tags",
                "--  -------------------------  -----------------  --------------  -----------",
                "3   A Wizard of Earthsea       Ursula K. Le Guin  978-0547722023  fantasy",
                "2   Children of Dune           Frank Herbert      978-0593098240  sf",
                "1   Dune                       Frank Herbert      978-0441172719  classic, sf",
                "4   The Left Hand of Darkness  Ursula K. Le Guin  978-0441478125  sf").inOrder();

        // Step 4: only the books tagged sf.
        String tagged = section(printed, "4. ", "5. ");
        assertThat(tagged).contains("Children of Dune");
        assertThat(tagged).contains("The Left Hand of Darkness");
        assertThat(tagged).doesNotContain("Earthsea");

        // Step 6: Dune is deleted, so the plain list no longer shows it.
        String hidden = section(printed, "6. ", "7. ");
        assertThat(hidden).doesNotContain("978-0441172719");
        assertThat(hidden).contains("Children of Dune");

        // Step 7: --with-trashed shows it, with a deleted-at time; the others have none.
        String trashed = section(printed, "7. ", "8. ");
        assertThat(trashed).containsMatch(
                "1   Dune  +Frank Herbert  +978-0441172719  classic, sf  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
        assertThat(trashed).containsMatch("2   Children of Dune +Frank Herbert +978-0593098240 +sf\n");

        // Step 8: restored.
        assertThat(section(printed, "8. ", "9. ")).contains("Restored book 1: Dune");

        // Step 9: each author with the number of their live books.
        assertThat(lines(section(printed, "9. ", "10. "))).containsAtLeast(
                "1   Frank Herbert      2",
                "2   Ursula K. Le Guin  2").inOrder();

        // Step 10: deleting Le Guin takes her remaining book off the shelves too.
        String cascaded = section(printed, "10. ", "11. ");
        String afterCascade = cascaded.substring(cascaded.lastIndexOf("$ bookstore list"));
        assertThat(afterCascade).doesNotContain("Le Guin");
        assertThat(afterCascade).contains("Children of Dune");

        // Step 11: restoring her brings back Earthsea, deleted with her, but not the book deleted before.
        String restoredAuthor = section(printed, "11. ", "12. ");
        assertThat(restoredAuthor).containsMatch("3   A Wizard of Earthsea +Ursula K. Le Guin +978-0547722023 +fantasy\n");
        assertThat(restoredAuthor).containsMatch(
                "4   The Left Hand of Darkness +Ursula K. Le Guin +978-0441478125 +sf +\\d{4}-\\d\\d-\\d\\d");

        // Step 12: purged, Earthsea is gone even from --with-trashed.
        String purged = section(printed, "12. ", "Done.");
        assertThat(purged).contains("Purged book 3: A Wizard of Earthsea is gone for good");
        assertThat(purged.substring(purged.indexOf("$ bookstore list --with-trashed"))).doesNotContain("Earthsea");
    }

    @Test
    void gettingStartedShowsWhatTheDemoReallyPrints() throws Exception {
        String page = Files.readString(Path.of("..", "docs", "getting-started.md"), StandardCharsets.UTF_8);
        int marker = page.indexOf("```text\n");
        assertThat(marker).isAtLeast(0);
        String excerpt = page.substring(marker + "```text\n".length(), page.indexOf("```", marker + 7));

        String printed = run(0, "demo");

        assertThat(printed).contains(excerpt);
    }

    @Test
    void demoCanRunTwiceOnTheSameDatabase() {
        run(0, "demo");
        String second = run(0, "demo");

        assertThat(second).contains("Done.");
        assertThat(second).doesNotContain("Cannot");
    }

    @Test
    void addThenListShowsTheBookWithItsAuthor() {
        assertThat(run(0, "add", "Dune", "--author", "Frank Herbert", "--isbn", "978-0441172719"))
                .isEqualTo("Added book 1: Dune by Frank Herbert (ISBN 978-0441172719)\n");

        assertThat(lines(run(0, "list"))).containsExactly(
                "ID  Title  Author         ISBN            Tags",
                "--  -----  -------------  --------------  ----",
                "1   Dune   Frank Herbert  978-0441172719").inOrder();
    }

    @Test
    void byAuthorListsTheirBooksOnTheShelvesThroughTheRepository() {
        run(0, "add", "Dune Messiah", "--author", "Frank Herbert");
        run(0, "add", "Dune", "--author", "Frank Herbert", "--isbn", "978-0441172719");
        run(0, "add", "Children of Dune", "--author", "Frank Herbert");
        run(0, "add", "A Wizard of Earthsea", "--author", "Ursula K. Le Guin");
        run(0, "delete", "3");

        assertThat(lines(run(0, "by-author", "Frank Herbert"))).containsExactly(
                "ID  Title         ISBN",
                "--  ------------  --------------",
                "2   Dune          978-0441172719",
                "1   Dune Messiah").inOrder();
        run(2, "by-author");
    }

    @Test
    void theSameAuthorIsCreatedOnce() {
        run(0, "add", "Dune", "--author", "Frank Herbert");
        run(0, "add", "Dune Messiah", "--author", "Frank Herbert");

        try (var session = app.<dev.limber.database.Session>make("db.session")) {
            assertThat(session.query(Author.class).count()).isEqualTo(1);
        }
    }

    @Test
    void deletedBookIsOnlyTrashedUntilRestored() {
        run(0, "add", "Dune", "--author", "Frank Herbert");
        run(0, "delete", "1");

        assertThat(run(0, "list")).contains("(none)");
        assertThat(run(0, "list", "--only-trashed")).contains("Dune");

        run(0, "restore", "1");

        assertThat(run(0, "list")).contains("Dune");
        assertThat(run(0, "list", "--only-trashed")).contains("(none)");
    }

    @Test
    void purgeRemovesADeletedBookForGood() {
        run(0, "add", "Dune", "--author", "Frank Herbert");
        run(0, "delete", "1");
        run(0, "purge", "1");

        assertThat(run(0, "list", "--with-trashed")).contains("(none)");
        assertThat(run(1, "restore", "1")).contains("No deleted book has id 1");
    }

    @Test
    void deletingAnAlreadyDeletedBookSaysItIsNotOnTheShelves() {
        run(0, "add", "Dune", "--author", "Frank Herbert");
        run(0, "delete", "1");

        assertThat(run(1, "delete", "1"))
                .isEqualTo("No book on the shelves has id 1 (list --only-trashed shows the deleted ones)\n");
    }

    @Test
    void isbnIsUniqueAmongBooksOnTheShelvesOnly() {
        run(0, "add", "Dune", "--author", "Frank Herbert", "--isbn", "978-0441172719");

        assertThat(run(1, "add", "Dune again", "--author", "Frank Herbert", "--isbn", "978-0441172719"))
                .isEqualTo("Cannot add Dune again: a book on the shelves already has ISBN 978-0441172719;"
                        + " delete that one first, or check the number\n");

        run(0, "delete", "1");
        run(0, "add", "Dune (new edition)", "--author", "Frank Herbert", "--isbn", "978-0441172719");
        // Restoring the old copy would make two live books with one ISBN.
        assertThat(run(1, "restore", "1")).startsWith("Cannot restore book 1: another book on the shelves has its ISBN");
    }

    @Test
    void deletingAnAuthorTakesTheirBooksAndRestoringBringsBackExactlyThose() {
        run(0, "add", "Dune", "--author", "Frank Herbert");
        run(0, "add", "Dune Messiah", "--author", "Frank Herbert");
        run(0, "add", "Children of Dune", "--author", "Frank Herbert");
        run(0, "delete", "2");                  // on its own, before the author

        assertThat(run(0, "delete-author", "1")).startsWith("Deleted author 1: Frank Herbert");
        assertThat(run(0, "list")).contains("(none)");
        assertThat(lines(run(0, "authors"))).contains("(none)");

        run(0, "restore-author", "1");
        assertThat(run(0, "list")).containsMatch("Children of Dune[\\s\\S]*Dune ");
        assertThat(run(0, "list", "--only-trashed")).contains("Dune Messiah");
        assertThat(lines(run(0, "authors"))).contains("1   Frank Herbert  2");
    }

    @Test
    void aTagIsAddedOnceAndFiltersTheList() {
        run(0, "add", "Dune", "--author", "Frank Herbert");
        run(0, "add", "Emma", "--author", "Jane Austen");

        assertThat(run(0, "tag", "1", "sf")).isEqualTo("Tagged book 1 sf\n");
        assertThat(run(0, "tag", "1", "sf")).isEqualTo("Book 1 was tagged sf already\n");

        String sf = run(0, "list", "--tag", "sf");
        assertThat(sf).contains("Dune");
        assertThat(sf).doesNotContain("Emma");
        assertThat(run(1, "tag", "9", "sf")).contains("No Book with id 9");
    }

    @Test
    void missingMigrationsFolderSaysWhereToRunFrom() {
        try (Application elsewhere = Application.create(Map.of(
                "database.url", "jdbc:h2:mem:elsewhere", "migrations.location", "no/such/folder"))) {
            elsewhere.register(new DatabaseServiceProvider());
            Bookstore lost = new Bookstore(elsewhere, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(lost.run("list")).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("run the bookstore from the samples folder");
            assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("Usage");
        }
    }

    @Test
    void badCommandLinesPrintUsage() {
        assertThat(run(2)).contains("Usage: bookstore");
        assertThat(run(2, "sell", "1")).contains("Unknown command 'sell'");
        assertThat(run(2, "delete", "one")).contains("'one' is not an id");
        assertThat(run(2, "add", "Dune")).contains("add needs --author");
        assertThat(run(2, "list", "--everything")).contains("list takes --with-trashed or --only-trashed");
        assertThat(run(2, "tag", "1")).contains("tag takes a book id and a tag name");
    }

    private static String section(String text, String from, String to) {
        int start = text.indexOf("\n" + from);
        int end = text.indexOf("\n" + to, start + 1);
        assertThat(start).isAtLeast(0);
        assertThat(end).isGreaterThan(start);
        return text.substring(start, end);
    }
}
