package dev.limber.database.migrations;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.LimberException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionsTest {
    @TempDir
    Path dir;

    @Test
    void aRevisionIsNamedByTheUtcTimeAndTheMessage() throws Exception {
        // A clock in another zone still gives the UTC stamp.
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T23:59:58Z"), ZoneId.of("Asia/Tokyo"));

        Path file = Revisions.in(dir.resolve("database/migrations")).clock(clock).create("Add ISBN to books");

        assertThat(file.getFileName().toString()).isEqualTo("V20261124235958__add_isbn_to_books.sql");
        String text = Files.readString(file);
        assertThat(text).startsWith("-- Add ISBN to books\n-- Created 2026-11-24T23:59:58Z");
        assertThat(AutogenerateTest.statements(file)).isEmpty();
    }

    @Test
    void twoRevisionsInOneSecondGetDistinctVersions() throws Exception {
        Revisions revisions = Revisions.in(dir).clock(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneId.of("UTC")));
        Path first = revisions.create("one");
        Path second = revisions.create("two");
        assertThat(first.getFileName().toString()).isEqualTo("V20260102030405__one.sql");
        assertThat(second.getFileName().toString()).isEqualTo("V20260102030406__two.sql");
    }

    @Test
    void slugsAreLowerCaseAsciiWhateverTheLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            assertThat(Revisions.slug("ADD ISBN to Books")).isEqualTo("add_isbn_to_books");
            assertThat(Revisions.slug("  Crème brûlée: prices (€) ")).isEqualTo("creme_brulee_prices");
            assertThat(Revisions.slug("İndex")).isEqualTo("index");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aMessageWithoutLettersIsRejectedWithAnExample() {
        LimberException e = assertThrows(LimberException.class, () -> Revisions.in(dir).create("!!!"));
        assertThat(e.getMessage()).contains("-m \"add isbn to books\"");
    }

    @Test
    void aClassPathLocationCannotTakeRevisions() {
        Migrator migrator = Migrator.create("jdbc:h2:mem:unused", null, null, "classpath:db/sample");
        LimberException e = assertThrows(LimberException.class, () -> Revisions.of(migrator));
        assertThat(e.getMessage()).contains("migrations.location");
    }
}
