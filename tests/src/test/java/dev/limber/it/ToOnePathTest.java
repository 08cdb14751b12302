package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Library.titles;

import dev.limber.database.Session;
import dev.limber.database.query.Condition;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Genre_;
import dev.limber.it.models.Label_;
import dev.limber.it.models.Novel;
import dev.limber.it.models.NovelGenre;
import dev.limber.it.models.NovelGenre_;
import dev.limber.it.models.Novel_;
import dev.limber.it.models.Release;
import dev.limber.it.models.Release_;
import dev.limber.it.models.Section;
import dev.limber.it.models.Section_;
import dev.limber.it.models.Writer_;
import java.util.List;

/** where and orderBy on to-one paths of the generated metamodel ({@code Novel_.writer.get(Writer_.name)}). */
class ToOnePathTest {

    @AllDatabases
    void aConditionOnAPathFiltersByTheTargetsColumnAndATrashedTargetNeverMatches(TestDatabase db) {
        try (Library library = new Library(db)) {
            Session s = library.session();
            assertThat(titles(s.query(Novel.class).where(Novel_.writer.get(Writer_.name).eq("Ursula"))
                    .orderBy(Novel_.title.asc()).list())).containsExactly("The Dispossessed", "The Lathe of Heaven")
                    .inOrder();
            assertThat(titles(s.query(Novel.class).where(Condition.or(Novel_.title.eq("Haunted"),
                    Novel_.writer.get(Writer_.name).eq("Frank"))).orderBy(Novel_.title.asc()).list()))
                    .containsExactly("Dune", "Haunted").inOrder();
            // Ghost is trashed: Haunted is live but never matches a condition on its writer
            assertThat(s.query(Novel.class).where(Novel_.writer.get(Writer_.name).eq("Ghost")).exists()).isFalse();
            assertThat(s.query(Novel.class).where(Novel_.writer.get(Writer_.name).ne("Frank")).count()).isEqualTo(2);
            // the outer withTrashed is the novels' mode, not the writers'
            assertThat(titles(s.query(Novel.class).withTrashed().where(Novel_.writer.get(Writer_.name).eq("Frank"))
                    .orderBy(Novel_.title.asc()).list())).containsExactly("Dune", "Lost Chapter").inOrder();
        }
    }

    @AllDatabases
    void orderingByAPathKeepsEveryRow(TestDatabase db) {
        try (Library library = new Library(db)) {
            Session s = library.session();
            List<String> titles = titles(s.query(Novel.class)
                    .orderBy(Novel_.writer.get(Writer_.name).desc(), Novel_.title.asc()).list());
            assertThat(titles).hasSize(4); // Haunted stays, wherever this database sorts its NULL writer name
            assertThat(titles.stream().filter(t -> !t.equals("Haunted")).toList())
                    .containsExactly("The Dispossessed", "The Lathe of Heaven", "Dune").inOrder();
        }
    }

    @AllDatabases
    void nestedAndSelfReferencePathsJoinEachStep(TestDatabase db) {
        try (Library library = new Library(db)) {
            Session s = library.session();
            List<NovelGenre> links = s.query(NovelGenre.class)
                    .where(NovelGenre_.novel.get(Novel_.writer.get(Writer_.name)).eq("Ursula"))
                    .where(NovelGenre_.genre.get(Genre_.name).eq("sf"))
                    .list();
            assertThat(links).hasSize(1);
            assertThat(links.get(0).novel.id()).isEqualTo(library.dispossessed.getId());

            assertThat(s.query(Section.class).where(Section_.parent.get(Section_.title).eq("Fiction")).list().stream()
                    .map(c -> c.title).toList()).containsExactly("Science fiction");
            assertThat(s.query(Section.class).where(Section_.parent.get(Section_.parent.get(Section_.title))
                    .eq("Fiction")).list().stream().map(c -> c.title).toList()).containsExactly("Space opera");
            // Lost wing is live, but its parent Gone is trashed
            assertThat(s.query(Section.class).where(Section_.parent.get(Section_.title).eq("Gone")).exists())
                    .isFalse();
        }
    }

    @AllDatabases
    void aBelongsToWithTrashedPathStillMatchesATrashedTarget(TestDatabase db) {
        try (Library library = new Library(db)) {
            Session s = library.session();
            Library.goneLabelWithARelease(s);
            assertThat(s.query(Release.class).where(Release_.label.get(Label_.name).eq("Gone")).list().stream()
                    .map(Release::title).toList()).containsExactly("Last");
            assertThat(s.query(Release.class).orderBy(Release_.label.get(Label_.name).asc()).list()).hasSize(1);
        }
    }
}
