package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Databases.START;
import static dev.limber.it.Databases.engine;

import dev.limber.database.Engine;
import dev.limber.database.Session;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Label;
import dev.limber.it.models.Label_;
import dev.limber.it.models.Novel;
import dev.limber.it.models.Profile;
import dev.limber.it.models.Release;
import dev.limber.it.models.Section;
import dev.limber.it.models.Section_;
import dev.limber.it.models.Writer;
import dev.limber.it.models.Writer_;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code cascade = Cascade.DELETE} on generated models: soft-deleting a parent, one by one or in bulk,
 * stamps its live children with the parent's deleted_at in the same transaction; restoring the parent
 * brings back exactly those children, never one deleted on its own before.
 */
class CascadeSoftDeleteTest {

    /** Every novel's deleted_at (null: live), by title. */
    private static Map<String, Instant> stamps(Session s) {
        Map<String, Instant> stamps = new TreeMap<>();
        for (Novel novel : s.query(Novel.class).withTrashed().list()) {
            stamps.put(novel.getTitle(), novel.getDeletedAt());
        }
        return stamps;
    }

    /** Every section's deleted_at (null: live), by title. */
    private static Map<String, LocalDateTime> sectionStamps(Session s) {
        Map<String, LocalDateTime> stamps = new HashMap<>();
        for (Section section : s.query(Section.class).withTrashed().list()) {
            stamps.put(section.title, section.deletedAt);
        }
        return stamps;
    }

    /** The clock's time as the stamp columns keep it (microseconds on PostgreSQL and MariaDB). */
    private static Instant now(TestClock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @AllDatabases
    void deletingAWriterStampsItsLiveNovelsAndRestoringBringsBackExactlyThose(TestDatabase db) {
        TestClock clock = new TestClock(START);
        try (Engine engine = engine(db, clock); Session s = engine.openSession()) {
            Writer ursula = s.insert(new Writer("Ursula"));
            Writer frank = s.insert(new Writer("Frank"));
            Novel early = s.insert(new Novel("Rocannon's World", 1966, ursula));
            s.insert(new Novel("The Dispossessed", 1974, ursula));
            s.insert(new Novel("Dune", 1965, frank));
            s.insert(new Profile(ursula, "Born in Berkeley")); // @HasOne without cascade: not touched
            s.commit();

            clock.advance(Duration.ofMinutes(1));
            Instant alone = s.delete(early).getDeletedAt();
            clock.advance(Duration.ofMinutes(1));
            Writer deleted = s.delete(ursula);
            Instant stamp = deleted.deletedAt;
            assertThat(stamp).isEqualTo(now(clock));
            assertThat(stamps(s)).containsExactly("Dune", null, "Rocannon's World", alone, "The Dispossessed", stamp);
            assertThat(s.query(Profile.class).count()).isEqualTo(1);
            s.rollback(); // one transaction: the writer and its novels come back together
            assertThat(stamps(s)).containsExactly("Dune", null, "Rocannon's World", null, "The Dispossessed", null);

            alone = s.delete(early).getDeletedAt();
            clock.advance(Duration.ofMinutes(1));
            deleted = s.delete(ursula);
            s.commit();
            assertThat(s.related(ursula, Writer_.novels).count()).isEqualTo(0);

            clock.advance(Duration.ofMinutes(1));
            s.restore(deleted);
            s.commit();
            assertThat(stamps(s)).containsExactly("Dune", null, "Rocannon's World", alone, "The Dispossessed", null);
            assertThat(s.get(Writer.class, ursula.id).deletedAt).isNull();
        }
    }

    @AllDatabases
    void aBulkDeleteCascadesAndABulkRestoreRestoresEachWritersNovelsByItsOwnStamp(TestDatabase db) {
        TestClock clock = new TestClock(START);
        try (Engine engine = engine(db, clock); Session s = engine.openSession()) {
            Writer ursula = s.insert(new Writer("Ursula"));
            Writer frank = s.insert(new Writer("Frank"));
            Writer iain = s.insert(new Writer("Iain"));
            Novel early = s.insert(new Novel("Rocannon's World", 1966, ursula));
            s.insert(new Novel("The Dispossessed", 1974, ursula));
            s.insert(new Novel("Dune", 1965, frank));
            s.insert(new Novel("Excession", 1996, iain));
            s.commit();

            clock.advance(Duration.ofMinutes(1));
            Instant alone = s.delete(early).getDeletedAt();
            clock.advance(Duration.ofMinutes(1));
            Instant ursulas = now(clock);
            assertThat(s.query(Writer.class).where(Writer_.name.eq("Ursula")).delete()).isEqualTo(1);
            clock.advance(Duration.ofMinutes(1));
            Instant franks = now(clock);
            assertThat(s.query(Writer.class).where(Writer_.name.eq("Frank")).delete()).isEqualTo(1);
            s.commit();
            assertThat(stamps(s)).containsExactly("Dune", franks, "Excession", null, "Rocannon's World", alone,
                    "The Dispossessed", ursulas);

            assertThat(s.query(Writer.class).onlyTrashed().where(Writer_.id.eq(frank.id)).restore()).isEqualTo(1);
            s.commit();
            assertThat(stamps(s)).containsExactly("Dune", null, "Excession", null, "Rocannon's World", alone,
                    "The Dispossessed", ursulas);
            assertThat(s.query(Writer.class).onlyTrashed().restore()).isEqualTo(1);
            s.commit();
            assertThat(stamps(s)).containsExactly("Dune", null, "Excession", null, "Rocannon's World", alone,
                    "The Dispossessed", null);
        }
    }

    @AllDatabases
    void aSelfReferenceCascadesDownEveryLevelAndRestoresExactlyWhatItStamped(TestDatabase db) {
        TestClock clock = new TestClock(START);
        try (Engine engine = engine(db, clock); Session s = engine.openSession()) {
            Section fiction = s.insert(new Section("Fiction", null));
            Section sf = s.insert(new Section("Science fiction", fiction));
            s.insert(new Section("Space opera", sf));
            Section cut = s.insert(new Section("Cut", sf));
            s.insert(new Section("Poetry", null));
            s.commit();

            clock.advance(Duration.ofMinutes(1));
            LocalDateTime alone = s.delete(cut).deletedAt;
            clock.advance(Duration.ofMinutes(1));
            LocalDateTime stamp = s.delete(fiction).deletedAt;
            s.commit();
            assertThat(stamp).isEqualTo(LocalDateTime.ofInstant(now(clock), ZoneOffset.UTC));
            Map<String, LocalDateTime> deleted = sectionStamps(s);
            assertThat(deleted).containsExactly("Fiction", stamp, "Science fiction", stamp, "Space opera", stamp,
                    "Cut", alone, "Poetry", null);

            s.restore(s.query(Section.class).onlyTrashed().where(Section_.title.eq("Fiction"))
                    .one());
            s.commit();
            Map<String, LocalDateTime> restored = sectionStamps(s);
            assertThat(restored).containsExactly("Fiction", null, "Science fiction", null, "Space opera", null,
                    "Cut", alone, "Poetry", null);
        }
    }

    @AllDatabases
    void aRecordsDeleteCascadesIntoItsReleasesAndItsRestoreBringsThemBack(TestDatabase db) {
        TestClock clock = new TestClock(START);
        try (Engine engine = engine(db, clock); Session s = engine.openSession()) {
            Label ace = s.insert(Label.named("Ace"));
            Label tor = s.insert(Label.named("Tor"));
            s.insert(Release.of("Single", ace));
            s.insert(Release.of("Album", ace));
            s.insert(Release.of("Other", tor));
            s.commit();

            clock.advance(Duration.ofMinutes(1));
            Label deleted = s.delete(ace);
            s.commit();
            assertThat(deleted.deletedAt()).isNotNull();
            assertThat(s.query(Release.class).list().stream().map(Release::title).toList()).containsExactly("Other");
            assertThat(s.query(Release.class).onlyTrashed().list().stream().map(Release::deletedAt).distinct()
                    .toList()).containsExactly(deleted.deletedAt());

            assertThat(s.query(Label.class).onlyTrashed().where(Label_.name.eq("Ace")).restore()).isEqualTo(1);
            s.commit();
            assertThat(s.query(Release.class).count()).isEqualTo(3);
        }
    }
}
