package dev.limber.database.relations;

import static com.google.common.truth.Truth.assertThat;

import dev.limber.database.Engine;
import dev.limber.database.Session;
import dev.limber.database.fixtures.cascade.CascadeRegistry;
import dev.limber.database.fixtures.cascade.Folder;
import dev.limber.database.fixtures.cascade.Folder_;
import dev.limber.database.fixtures.cascade.Note;
import dev.limber.database.fixtures.cascade.Note_;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * A cascade through a self reference (folders in folders) and on into another table (notes), two
 * levels down: every row gets the same moment, as its own column type (LocalDateTime in the clock's
 * zone for folders, OffsetDateTime for notes), and the restore finds them by it. On MariaDB an
 * UPDATE cannot select from its own table, so the cascade must not lean on a subquery.
 */
class SelfReferenceCascadeTest {
    private static final ZoneId ZONE = ZoneId.of("America/New_York");

    private Engine engine(TestDatabase db, TestClock clock) {
        Engine engine = SoftDeleteCascadeTest.engine(db, clock, new CascadeRegistry());
        engine.createAll(); // the registry lists notes before folders
        return engine;
    }

    /** The tree: root / sub / leaf, a note in each, and another tree beside it. */
    private static Folder tree(Session s) {
        Folder root = s.insert(new Folder("root", null));
        Folder sub = s.insert(new Folder("sub", root));
        Folder leaf = s.insert(new Folder("leaf", sub));
        Folder other = s.insert(new Folder("other", null));
        s.insert(new Note("in root", root));
        s.insert(new Note("in sub", sub));
        s.insert(new Note("in leaf", leaf));
        s.insert(new Note("in other", other));
        return root;
    }

    /** Every row's deleted_at as an instant (null: live), by folder name or note text. */
    private static Map<String, Instant> stamps(Session s) {
        Map<String, Instant> stamps = new TreeMap<>();
        for (Folder folder : s.query(Folder.class).withTrashed().list()) {
            stamps.put(folder.name, folder.deletedAt == null ? null : folder.deletedAt.atZone(ZONE).toInstant());
        }
        for (Note note : s.query(Note.class).withTrashed().list()) {
            stamps.put(note.text, note.deletedAt == null ? null : note.deletedAt.toInstant());
        }
        return stamps;
    }

    @AllDatabases
    void deletingAFolderStampsEveryFolderAndNoteBelowItWithOneMomentAndRestoringBringsThemBack(TestDatabase db) {
        TestClock clock = new TestClock(Instant.parse("2026-07-01T12:00:00.987654321Z"), ZONE);
        try (Engine engine = engine(db, clock); Session s = engine.openSession()) {
            Folder root = tree(s);
            Note early = s.query(Note.class).where(Note_.text.eq("in sub")).one();
            s.commit();

            clock.advance(Duration.ofSeconds(30));
            OffsetDateTime alone = s.delete(early).deletedAt;
            clock.advance(Duration.ofSeconds(30));
            Folder deleted = s.delete(root);
            s.commit();
            Instant moment = clock.instant().truncatedTo(ChronoUnit.MICROS);
            assertThat(deleted.deletedAt).isEqualTo(LocalDateTime.ofInstant(moment, ZONE));
            Map<String, Instant> expected = new TreeMap<>();
            expected.put("root", moment);
            expected.put("sub", moment);
            expected.put("leaf", moment);
            expected.put("other", null);
            expected.put("in root", moment);
            expected.put("in sub", alone.toInstant());
            expected.put("in leaf", moment);
            expected.put("in other", null);
            assertThat(stamps(s)).containsExactlyEntriesIn(expected);

            clock.advance(Duration.ofSeconds(30));
            s.restore(deleted);
            s.commit();
            expected.replaceAll((name, stamp) -> name.equals("in sub") ? stamp : null);
            assertThat(stamps(s)).containsExactlyEntriesIn(expected);
        }
    }

    @AllDatabases
    void aBulkDeleteAndRestoreOfFoldersCascadesThroughTheSelfReference(TestDatabase db) {
        TestClock clock = new TestClock(Instant.parse("2026-07-01T12:00:00.5Z"), ZONE);
        try (Engine engine = engine(db, clock); Session s = engine.openSession()) {
            tree(s);
            s.commit();

            clock.advance(Duration.ofSeconds(30));
            Instant moment = clock.instant();
            assertThat(s.query(Folder.class).where(Folder_.parent.id().isNull()).where(Folder_.name.eq("root"))
                    .delete()).isEqualTo(1);
            s.commit();
            Map<String, Instant> stamps = stamps(s);
            assertThat(stamps.get("leaf")).isEqualTo(moment);
            assertThat(stamps.get("in leaf")).isEqualTo(moment);
            assertThat(stamps.get("other")).isNull();
            assertThat(s.query(Folder.class).count()).isEqualTo(1);
            assertThat(s.query(Note.class).count()).isEqualTo(1);

            assertThat(s.query(Folder.class).onlyTrashed().where(Folder_.name.eq("root")).restore()).isEqualTo(1);
            s.commit();
            assertThat(s.query(Folder.class).count()).isEqualTo(4);
            assertThat(s.query(Note.class).count()).isEqualTo(4);
        }
    }

    @AllDatabases
    void forceDeletingAFolderRemovesTheTreeBelowItThroughOnDeleteCascade(TestDatabase db) {
        TestClock clock = new TestClock(Instant.parse("2026-07-01T12:00:00Z"), ZONE);
        try (Engine engine = engine(db, clock); Session s = engine.openSession()) {
            Folder root = tree(s);
            s.commit();
            s.delete(s.query(Folder.class).where(Folder_.name.eq("leaf")).one()); // trashed rows go too
            s.forceDelete(root);
            s.commit();
            assertThat(s.query(Folder.class).withTrashed().list().stream().map(f -> f.name).toList())
                    .containsExactly("other");
            assertThat(s.query(Note.class).withTrashed().count()).isEqualTo(1);
        }
    }
}
