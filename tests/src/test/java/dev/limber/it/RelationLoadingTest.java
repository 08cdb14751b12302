package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Library.by;
import static dev.limber.it.Library.genres;
import static dev.limber.it.Library.sections;
import static dev.limber.it.Library.titles;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.NotFoundException;
import dev.limber.database.Session;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Genre;
import dev.limber.it.models.Genre_;
import dev.limber.it.models.Label;
import dev.limber.it.models.Label_;
import dev.limber.it.models.Novel;
import dev.limber.it.models.Novel_;
import dev.limber.it.models.Release;
import dev.limber.it.models.Release_;
import dev.limber.it.models.Section;
import dev.limber.it.models.Section_;
import dev.limber.it.models.Writer;
import dev.limber.it.models.Writer_;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * {@code with(...)} and {@code session.load(...)} on generated models: related rows arrive in the
 * holders the generated mappers and metamodel reach (fields, private fields through their getters
 * and setters, record components), soft-deleted ones never.
 */
class RelationLoadingTest {

    @AllDatabases
    void aBelongsToLoadsItsTargetAndATrashedTargetLeavesTheRefEmptyButKeepsTheNovel(TestDatabase db) {
        try (Library library = new Library(db)) {
            Session s = library.session();
            Map<String, Novel> novels = by(s.query(Novel.class).with(Novel_.writer).list(), Novel::getTitle);
            assertThat(novels.keySet()).containsExactly("The Dispossessed", "The Lathe of Heaven", "Dune", "Haunted");
            assertThat(novels.get("Dune").getWriter().get().name).isEqualTo("Frank");
            Novel haunted = novels.get("Haunted");
            assertThat(haunted.getWriter().isLoaded()).isTrue();
            assertThat(haunted.getWriter().find()).isEmpty();
            assertThat(haunted.getWriter().id()).isEqualTo(library.ghost.id);
            assertThrows(NotFoundException.class, () -> haunted.getWriter().get());
            // one writer row, one instance, for both of Ursula's novels
            assertThat(novels.get("The Dispossessed").getWriter().get())
                    .isSameInstanceAs(novels.get("The Lathe of Heaven").getWriter().get());
        }
    }

    @AllDatabases
    void hasManyHasOneAndManyToManyLoadLiveRowsOnly(TestDatabase db) {
        try (Library library = new Library(db)) {
            Session s = library.session();
            Map<String, Writer> writers = by(s.query(Writer.class)
                    .with(Writer_.novels, q -> q.orderBy(Novel_.title.asc())).with(Writer_.profile).list(), w -> w.name);
            assertThat(writers.keySet()).containsExactly("Ursula", "Frank", "Lonely");
            assertThat(titles(writers.get("Ursula").getNovels().get()))
                    .containsExactly("The Dispossessed", "The Lathe of Heaven").inOrder();
            assertThat(titles(writers.get("Frank").getNovels().get())).containsExactly("Dune");
            assertThat(writers.get("Lonely").getNovels().get()).isEmpty();
            assertThat(writers.get("Ursula").profile.get().bio).isEqualTo("Born in Berkeley");
            assertThat(writers.get("Frank").profile.isLoaded()).isTrue();
            assertThat(writers.get("Frank").profile.find()).isEmpty(); // trashed profile

            Map<String, Novel> novels = by(s.query(Novel.class)
                    .with(Novel_.genres, q -> q.orderBy(Genre_.name.asc())).list(), Novel::getTitle);
            assertThat(genres(novels.get("The Dispossessed").getGenres().get())).containsExactly("classic", "sf")
                    .inOrder();
            assertThat(novels.get("The Lathe of Heaven").getGenres().get()).isEmpty(); // its link is deleted
            assertThat(genres(novels.get("Dune").getGenres().get())).containsExactly("sf"); // draft is trashed

            Genre sf = s.query(Genre.class).where(Genre_.name.eq("sf"))
                    .with(Genre_.novels, q -> q.orderBy(Novel_.title.asc())).one();
            assertThat(titles(sf.novels.get())).containsExactly("Dune", "Haunted", "The Dispossessed").inOrder();
        }
    }

    @AllDatabases
    void theConstraintSetsTheRelationsTrashedModeNotTheOuterQuery(TestDatabase db) {
        try (Library library = new Library(db)) {
            Session s = library.session();
            Map<String, Writer> all = by(s.query(Writer.class).withTrashed().with(Writer_.novels).list(), w -> w.name);
            assertThat(all.keySet()).containsExactly("Ursula", "Frank", "Lonely", "Ghost");
            assertThat(titles(all.get("Frank").getNovels().get())).containsExactly("Dune");
            assertThat(titles(all.get("Ghost").getNovels().get())).containsExactly("Haunted");

            Writer frank = s.query(Writer.class).where(Writer_.name.eq("Frank"))
                    .with(Writer_.novels, q -> q.withTrashed().orderBy(Novel_.title.desc())).one();
            assertThat(titles(frank.getNovels().get())).containsExactly("Lost Chapter", "Dune").inOrder();
            Novel haunted = s.query(Novel.class).where(Novel_.title.eq("Haunted"))
                    .with(Novel_.writer, q -> q.withTrashed()).one();
            assertThat(haunted.getWriter().get().name).isEqualTo("Ghost");
        }
    }

    @AllDatabases
    void nestedLoadsGoThroughTheConstraintOneStatementPerLevel(TestDatabase db) {
        try (Library library = new Library(db)) {
            Session s = library.session();
            List<String> sql = library.log.during(() -> {
                Writer ursula = s.query(Writer.class).where(Writer_.name.eq("Ursula"))
                        .with(Writer_.novels, q -> q.orderBy(Novel_.title.asc())
                                .with(Novel_.genres, g -> g.orderBy(Genre_.name.asc()))
                                .with(Novel_.writer))
                        .one();
                Novel dispossessed = ursula.getNovels().get().get(0);
                assertThat(genres(dispossessed.getGenres().get())).containsExactly("classic", "sf").inOrder();
                assertThat(dispossessed.getWriter().get().name).isEqualTo("Ursula");
                assertThat(ursula.getNovels().get().get(1).getGenres().get()).isEmpty();
            });
            assertThat(sql).hasSize(4); // the writer, its novels, their genres, their writers
        }
    }

    @AllDatabases
    void sessionLoadFillsModelsAlreadyInHandWithOneStatementPerRelation(TestDatabase db) {
        try (Library library = new Library(db)) {
            Session s = library.session();
            List<Novel> novels = s.query(Novel.class).orderBy(Novel_.title.asc()).list();
            List<String> sql = library.log.during(() -> s.load(novels, Novel_.writer));
            assertThat(sql).hasSize(1);
            assertThat(novels.stream().map(n -> n.getWriter().find().map(w -> w.name).orElse("-")).toList())
                    .containsExactly("Frank", "-", "Ursula", "Ursula").inOrder();

            List<Writer> writers = s.query(Writer.class).orderBy(Writer_.name.asc()).list();
            s.load(writers, Writer_.novels, q -> q.where(Novel_.title.ne("Dune")));
            assertThat(writers.stream().map(w -> w.getNovels().get().size()).toList()).containsExactly(0, 0, 2)
                    .inOrder(); // Frank, Lonely, Ursula

            Writer byHand = new Writer("Ursula"); // no holders at all: load sets them through the setter
            byHand.id = library.ursula.id;
            s.load(List.of(byHand), Writer_.novels);
            assertThat(byHand.getNovels().get()).hasSize(2);
        }
    }

    @AllDatabases
    void aSelfReferenceLoadsParentsAndChildrenEachLevelFilteringItsOwnRows(TestDatabase db) {
        try (Library library = new Library(db)) {
            Session s = library.session();
            Map<String, Section> all = by(s.query(Section.class).with(Section_.parent)
                    .with(Section_.children, q -> q.with(Section_.children)).list(), c -> c.title);
            assertThat(all.keySet()).containsExactly("Fiction", "Science fiction", "Space opera", "Lost wing",
                    "Poetry");
            assertThat(all.get("Fiction").parent.find()).isEmpty();
            assertThat(all.get("Space opera").parent.get().title).isEqualTo("Science fiction");
            assertThat(all.get("Lost wing").parent.find()).isEmpty(); // Gone is trashed
            List<Section> children = all.get("Fiction").children.get();
            assertThat(sections(children)).containsExactly("Science fiction");
            assertThat(sections(children.get(0).children.get())).containsExactly("Space opera");
            assertThat(all.get("Poetry").children.get()).isEmpty();
        }
    }

    @AllDatabases
    void recordsLoadTheirRefAndManyComponents(TestDatabase db) {
        try (Library library = new Library(db)) {
            Session s = library.session();
            Label ace = s.insert(Label.named("Ace"));
            Release single = s.insert(Release.of("Single", ace));
            assertThat(single.label().id()).isEqualTo(ace.id()); // the record made anew keeps its Ref
            Release old = s.insert(Release.of("Old", ace));
            s.query(Release.class).where(Release_.id.eq(old.id()))
                    .update(Release_.deletedAt.set(LocalDateTime.parse("2024-01-01T00:00:00")));
            Library.goneLabelWithARelease(s);

            List<Label> labels = s.query(Label.class).with(Label_.releases).list();
            assertThat(labels.stream().map(Label::name).toList()).containsExactly("Ace");
            assertThat(labels.get(0).releases().get().stream().map(Release::title).toList()).containsExactly("Single");
            assertThat(labels.get(0).releases().count()).isEqualTo(1);

            // Release.label says withTrashed = true: a label trashed on its own is still its label
            Map<String, Release> releases = by(s.query(Release.class).with(Release_.label).list(), Release::title);
            assertThat(releases.get("Last").label().get().name()).isEqualTo("Gone");
            assertThat(releases.get("Single").label().get().name()).isEqualTo("Ace");
        }
    }
}
