package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Databases.START;
import static dev.limber.it.Databases.engine;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.Engine;
import dev.limber.database.MappingException;
import dev.limber.database.Session;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Genre;
import dev.limber.it.models.Genre_;
import dev.limber.it.models.Novel;
import dev.limber.it.models.NovelGenre;
import dev.limber.it.models.NovelGenre_;
import dev.limber.it.models.Novel_;
import dev.limber.it.models.Writer;
import dev.limber.it.models.Writer_;
import java.time.Duration;
import java.util.List;

/**
 * {@code attach} / {@code detach} on a generated {@code @BelongsToMany} whose junction soft-deletes: a
 * pair is linked once however often it is attached, detaching stamps the junction row, and attaching
 * again makes a new live row beside the trashed one.
 */
class AttachDetachTest {

    /** The genre ids linked to {@code novel} by live junction rows. */
    private static List<Long> linked(Session s, Novel novel) {
        return s.query(NovelGenre.class).where(NovelGenre_.novel.id().eq(novel.getId())).list().stream()
                .map(link -> (Long) link.genre.id()).sorted().toList();
    }

    @AllDatabases
    void attachLinksEachPairOnceAndDetachStampsTheJunctionRow(TestDatabase db) {
        TestClock clock = new TestClock(START);
        try (Engine engine = engine(db, clock); Session s = engine.openSession()) {
            Writer ursula = s.insert(new Writer("Ursula"));
            Novel novel = s.insert(new Novel("The Dispossessed", 1974, ursula));
            Novel other = s.insert(new Novel("The Lathe of Heaven", 1971, ursula));
            Genre sf = s.insert(new Genre("sf"));
            Genre classic = s.insert(new Genre("classic"));

            assertThat(s.attach(novel, Novel_.genres, sf, classic)).isEqualTo(2);
            assertThat(s.attach(novel, Novel_.genres, classic, sf, classic)).isEqualTo(0);
            assertThat(s.attach(other, Novel_.genres, List.of(sf))).isEqualTo(1);
            s.commit();
            assertThat(linked(s, novel)).containsExactly(sf.id, classic.id);
            assertThat(s.query(Novel.class).where(Novel_.id.eq(novel.getId()))
                    .with(Novel_.genres, q -> q.orderBy(Genre_.name.asc())).one().getGenres().get().stream()
                    .map(g -> g.name).toList()).containsExactly("classic", "sf").inOrder();

            clock.advance(Duration.ofHours(1));
            assertThat(s.detach(novel, Novel_.genres, sf)).isEqualTo(1);
            assertThat(s.detach(novel, Novel_.genres, sf)).isEqualTo(0); // already detached: its stamp stays
            s.commit();
            assertThat(linked(s, novel)).containsExactly(classic.id);
            assertThat(linked(s, other)).containsExactly(sf.id); // another novel's link is its own
            NovelGenre detached = s.query(NovelGenre.class).onlyTrashed().one();
            assertThat(detached.genre.id()).isEqualTo(sf.id);
            assertThat(detached.deletedAt).isEqualTo(START.plus(Duration.ofHours(1)));
            assertThat(s.related(novel, Novel_.genres).count()).isEqualTo(1);

            assertThat(s.attach(novel, Novel_.genres, sf)).isEqualTo(1);
            s.commit();
            assertThat(linked(s, novel)).containsExactly(sf.id, classic.id);
            assertThat(s.query(NovelGenre.class).withTrashed().count()).isEqualTo(4);
        }
    }

    @AllDatabases
    void attachRefusesAHasMany(TestDatabase db) {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Writer ursula = s.insert(new Writer("Ursula"));
            Novel novel = s.insert(new Novel("The Dispossessed", 1974, ursula));
            MappingException e = assertThrows(MappingException.class, () -> s.attach(ursula, Writer_.novels, novel));
            assertThat(e).hasMessageThat().contains("Writer.novels is a @HasMany");
        }
    }
}
