package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Databases.engine;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.ConstraintViolationException;
import dev.limber.database.Engine;
import dev.limber.database.Ref;
import dev.limber.database.Session;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Genre;
import dev.limber.it.models.Novel;
import dev.limber.it.models.Novel_;
import dev.limber.it.models.Profile;
import dev.limber.it.models.Section;
import dev.limber.it.models.Writer;
import dev.limber.it.models.Writer_;

/**
 * Hard deletes through the generated foreign keys: with {@code cascade = Cascade.DELETE} the children
 * go with the parent (ON DELETE CASCADE), trashed ones included; without it the delete fails with a
 * {@link ConstraintViolationException} that names the foreign key.
 */
class ForceDeleteTest {

    private static boolean sqlite(TestDatabase db) {
        return db.dialect().name().equals("sqlite");
    }

    @AllDatabases
    void forceDeletingAWriterRemovesItsNovelsTrashedOnesIncluded(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Writer ursula = s.insert(new Writer("Ursula"));
            Writer frank = s.insert(new Writer("Frank"));
            s.insert(new Novel("The Dispossessed", 1974, ursula));
            s.delete(s.insert(new Novel("Rocannon's World", 1966, ursula)));
            s.insert(new Novel("Dune", 1965, frank));
            s.commit();

            s.forceDelete(ursula);
            s.commit();
            assertThat(s.query(Novel.class).withTrashed().list().stream().map(Novel::getTitle).toList())
                    .containsExactly("Dune");
            assertThat(s.query(Writer.class).withTrashed().count()).isEqualTo(1);

            assertThat(s.query(Writer.class).where(Writer_.name.eq("Frank")).forceDelete()).isEqualTo(1);
            s.commit();
            assertThat(s.query(Novel.class).withTrashed().count()).isEqualTo(0);
        }
    }

    @AllDatabases
    void aSectionTreeIsForceDeletedWithEveryLevelBelowIt(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Section fiction = s.insert(new Section("Fiction", null));
            Section sf = s.insert(new Section("Science fiction", fiction));
            s.insert(new Section("Space opera", sf));
            s.insert(new Section("Poetry", null));
            s.commit();

            s.forceDelete(fiction);
            s.commit();
            assertThat(s.query(Section.class).withTrashed().list().stream().map(c -> c.title).toList())
                    .containsExactly("Poetry");
        }
    }

    @AllDatabases
    void forceDeletingAWriterThatAProfileStillReferencesFailsNamingTheForeignKey(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Writer ursula = s.insert(new Writer("Ursula"));
            s.delete(s.insert(new Profile(ursula, "Born in Berkeley"))); // a trashed row still holds its key
            s.commit();

            ConstraintViolationException e = assertThrows(ConstraintViolationException.class,
                    () -> s.forceDelete(ursula));
            assertThat(e).hasMessageThat().contains("fk_profiles_writer_id (profiles.writer_id -> writers)");
            assertThat(e).hasMessageThat().contains("cascade = Cascade.DELETE");
            if (!sqlite(db)) { // SQLite names no key, and novels' genre links could block this delete too
                assertThat(e.constraint()).isEqualTo("fk_profiles_writer_id");
                assertThat(e.table()).isEqualTo("profiles");
            }
            s.rollback();

            ConstraintViolationException bulk = assertThrows(ConstraintViolationException.class,
                    () -> s.query(Writer.class).where(Writer_.id.eq(ursula.id)).forceDelete());
            assertThat(bulk).hasMessageThat().contains("fk_profiles_writer_id (profiles.writer_id -> writers)");
            s.rollback();
            assertThat(s.query(Writer.class).count()).isEqualTo(1);
        }
    }

    @AllDatabases
    void forceDeletingAnAttachedGenreFailsNamingTheJunctionsKey(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Writer ursula = s.insert(new Writer("Ursula"));
            Genre sf = s.insert(new Genre("sf"));
            s.attach(s.insert(new Novel("The Dispossessed", 1974, ursula)), Novel_.genres, sf);
            s.commit();

            ConstraintViolationException e = assertThrows(ConstraintViolationException.class, () -> s.forceDelete(sf));
            assertThat(e.constraint()).isEqualTo("fk_novel_genres_genre_id");
            assertThat(e.table()).isEqualTo("novel_genres");
            assertThat(e.column()).isEqualTo("genre_id");
            assertThat(e).hasMessageThat().startsWith("Foreign key fk_novel_genres_genre_id (novel_genres.genre_id ->"
                    + " genres) blocks the delete");
        }
    }

    @AllDatabases
    void insertingANovelForAMissingWriterFailsNamingTheForeignKey(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Novel orphan = new Novel();
            orphan.setTitle("Nobody's");
            orphan.setWriter(Ref.ofId(12345L));
            ConstraintViolationException e = assertThrows(ConstraintViolationException.class, () -> s.insert(orphan));
            assertThat(e.constraint()).isEqualTo("fk_novels_writer_id");
            assertThat(e.table()).isEqualTo("novels");
            assertThat(e.column()).isEqualTo("writer_id");
        }
    }
}
