package dev.limber.it;

import dev.limber.database.Engine;
import dev.limber.database.ModelRegistry;
import dev.limber.database.Session;
import dev.limber.database.StatementLog;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Genre;
import dev.limber.it.models.Genre_;
import dev.limber.it.models.Label;
import dev.limber.it.models.Label_;
import dev.limber.it.models.Novel;
import dev.limber.it.models.NovelGenre;
import dev.limber.it.models.NovelGenre_;
import dev.limber.it.models.Novel_;
import dev.limber.it.models.Profile;
import dev.limber.it.models.Profile_;
import dev.limber.it.models.Release;
import dev.limber.it.models.Section;
import dev.limber.it.models.Section_;
import dev.limber.it.models.Writer;
import dev.limber.it.models.Writer_;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Relation models of this module, committed, with a soft-deleted row on every path:
 * <ul>
 * <li>Ursula (live, live profile): The Dispossessed [sf, classic], The Lathe of Heaven [classic,
 *     through a junction row deleted on its own];
 * <li>Frank (live, trashed profile): Dune [sf, draft (a trashed genre)], Lost Chapter (trashed) [sf];
 * <li>Lonely (live): only Forgotten (trashed) [classic];
 * <li>Ghost (trashed writer): Haunted (live) [sf];
 * <li>sections Fiction &gt; Science fiction &gt; Space opera, Fiction &gt; Gone (trashed) &gt; Lost
 *     wing, and Poetry on its own.
 * </ul>
 * Rows are trashed by a bulk update of {@code deleted_at}, so that no cascade touches their relatives.
 * The engine records the statements it prepares, for tests that count round trips; closing the
 * library closes its session and its engine.
 */
final class Library implements AutoCloseable {
    static final Instant TRASHED_AT = Instant.parse("2024-01-01T00:00:00Z");

    final Engine engine;
    final StatementLog log = new StatementLog();
    Writer ursula;
    Writer frank;
    Writer lonely;
    Writer ghost;
    Novel dispossessed;
    Novel lathe;
    Novel dune;
    Novel lost;
    Novel forgotten;
    Novel haunted;
    Genre sf;
    Genre classic;
    Genre draft;
    Section fiction;
    Section scienceFiction;
    Section spaceOpera;
    Section gone;
    Section poetry;

    Library(TestDatabase db) {
        engine = log.engine(db, ModelRegistry.discover());
        engine.createAll();
        try (Session s = engine.openSession()) {
            ursula = s.insert(new Writer("Ursula"));
            frank = s.insert(new Writer("Frank"));
            lonely = s.insert(new Writer("Lonely"));
            ghost = s.insert(new Writer("Ghost"));
            dispossessed = s.insert(new Novel("The Dispossessed", 1974, ursula));
            lathe = s.insert(new Novel("The Lathe of Heaven", 1971, ursula));
            dune = s.insert(new Novel("Dune", 1965, frank));
            lost = s.insert(new Novel("Lost Chapter", 1999, frank));
            forgotten = s.insert(new Novel("Forgotten", 1950, lonely));
            haunted = s.insert(new Novel("Haunted", 1980, ghost));
            sf = s.insert(new Genre("sf"));
            classic = s.insert(new Genre("classic"));
            draft = s.insert(new Genre("draft"));
            s.attach(dispossessed, Novel_.genres, sf, classic);
            s.attach(lathe, Novel_.genres, classic);
            s.attach(dune, Novel_.genres, sf, draft);
            s.attach(lost, Novel_.genres, sf);
            s.attach(forgotten, Novel_.genres, classic); // a live link to a trashed novel
            s.attach(haunted, Novel_.genres, sf);
            s.insert(new Profile(ursula, "Born in Berkeley"));
            Profile frankProfile = s.insert(new Profile(frank, "Born in Tacoma"));
            fiction = s.insert(new Section("Fiction", null));
            scienceFiction = s.insert(new Section("Science fiction", fiction));
            spaceOpera = s.insert(new Section("Space opera", scienceFiction));
            gone = s.insert(new Section("Gone", fiction));
            s.insert(new Section("Lost wing", gone));
            poetry = s.insert(new Section("Poetry", null));

            s.query(Writer.class).where(Writer_.id.eq(ghost.id)).update(Writer_.deletedAt.set(TRASHED_AT));
            s.query(Novel.class).where(Novel_.id.in(lost.getId(), forgotten.getId()))
                    .update(Novel_.deletedAt.set(TRASHED_AT));
            s.query(Genre.class).where(Genre_.id.eq(draft.id)).update(Genre_.deletedAt.set(TRASHED_AT));
            s.query(NovelGenre.class).where(NovelGenre_.novel.id().eq(lathe.getId()))
                    .update(NovelGenre_.deletedAt.set(TRASHED_AT));
            s.query(Profile.class).where(Profile_.id.eq(frankProfile.id)).update(Profile_.deletedAt.set(TRASHED_AT));
            s.query(Section.class).where(Section_.id.eq(gone.id))
                    .update(Section_.deletedAt.set(LocalDateTime.parse("2024-01-01T00:00:00")));
            s.commit();
        }
        log.clear();
    }

    private Session session;

    /** The session of this library's test, opened on first use. */
    Session session() {
        if (session == null) {
            session = engine.openSession();
        }
        return session;
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                session.close();
            }
        } finally {
            engine.close();
        }
    }

    /** A label "Gone", trashed on its own, and its live release "Last": for {@code @BelongsTo(withTrashed)}. */
    static Label goneLabelWithARelease(Session s) {
        Label gone = s.insert(Label.named("Gone"));
        s.insert(Release.of("Last", gone));
        s.query(Label.class).where(Label_.id.eq(gone.id()))
                .update(Label_.deletedAt.set(LocalDateTime.parse("2024-01-01T00:00:00")));
        return gone;
    }

    static List<String> titles(List<Novel> novels) {
        return novels.stream().map(Novel::getTitle).toList();
    }

    static List<String> names(List<Writer> writers) {
        return writers.stream().map(w -> w.name).sorted().toList();
    }

    static List<String> genres(List<Genre> genres) {
        return genres.stream().map(g -> g.name).toList();
    }

    static List<String> sections(List<Section> sections) {
        return sections.stream().map(s -> s.title).sorted().toList();
    }

    static <T> Map<String, T> by(List<T> rows, Function<T, String> name) {
        return rows.stream().collect(Collectors.toMap(name, r -> r));
    }
}
