package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Library.genres;
import static dev.limber.it.Library.titles;

import dev.limber.database.Session;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Genre;
import dev.limber.it.models.Genre_;
import dev.limber.it.models.Novel;
import dev.limber.it.models.Novel_;
import dev.limber.it.models.Section_;
import dev.limber.it.models.Writer;
import dev.limber.it.models.Writer_;

/** {@code session.related(model, relation)}: a full query over the live rows a generated relation reaches. */
class RelatedTest {

    @AllDatabases
    void aHasManyIsAQueryOverTheLiveChildren(TestDatabase db) {
        try (Library library = new Library(db)) {
            Session s = library.session();
            assertThat(titles(s.related(library.frank, Writer_.novels).list())).containsExactly("Dune");
            assertThat(titles(s.related(library.frank, Writer_.novels).withTrashed().orderBy(Novel_.title.asc())
                    .list())).containsExactly("Dune", "Lost Chapter").inOrder();
            assertThat(s.related(library.lonely, Writer_.novels).exists()).isFalse();
            assertThat(s.related(library.fiction, Section_.children).list().stream().map(c -> c.title).toList())
                    .containsExactly("Science fiction"); // Gone is trashed
        }
    }

    @AllDatabases
    void toOneRelationsGiveAtMostOneRow(TestDatabase db) {
        try (Library library = new Library(db)) {
            Session s = library.session();
            Novel dune = s.get(Novel.class, library.dune.getId());
            assertThat(s.related(dune, Novel_.writer).one().name).isEqualTo("Frank");
            Novel haunted = s.get(Novel.class, library.haunted.getId());
            assertThat(s.related(haunted, Novel_.writer).first()).isEmpty(); // Ghost is trashed
            assertThat(s.related(haunted, Novel_.writer).withTrashed().one().name).isEqualTo("Ghost");
            assertThat(s.related(library.ursula, Writer_.profile).one().bio).isEqualTo("Born in Berkeley");
            assertThat(s.related(library.frank, Writer_.profile).exists()).isFalse();
            assertThat(s.related(new Writer("Unsaved"), Writer_.novels).list()).isEmpty();
        }
    }

    @AllDatabases
    void bulkWritesThroughARelationTouchOnlyTheRelatedRows(TestDatabase db) {
        try (Library library = new Library(db)) {
            Session s = library.session();
            assertThat(genres(s.related(library.dispossessed, Novel_.genres).orderBy(Genre_.name.asc()).list()))
                    .containsExactly("classic", "sf").inOrder();
            assertThat(s.related(library.lathe, Novel_.genres).count()).isEqualTo(0); // its link is deleted
            assertThat(s.related(library.dune, Novel_.genres).update(Genre_.name.set("science fiction")))
                    .isEqualTo(1);
            assertThat(genres(s.query(Genre.class).withTrashed().orderBy(Genre_.name.asc()).list()))
                    .containsExactly("classic", "draft", "science fiction").inOrder();

            assertThat(s.related(library.ursula, Writer_.novels).update(Novel_.year.set(2000))).isEqualTo(2);
            assertThat(s.query(Novel.class).where(Novel_.year.eq(2000)).count()).isEqualTo(2);
            assertThat(s.related(library.ursula, Writer_.novels).where(Novel_.id.eq(library.lathe.getId())).delete())
                    .isEqualTo(1);
            assertThat(titles(s.related(library.ursula, Writer_.novels).list())).containsExactly("The Dispossessed");
            assertThat(s.related(library.ursula, Writer_.novels).onlyTrashed().restore()).isEqualTo(1);
            assertThat(s.query(Writer.class).count()).isEqualTo(3); // the writers themselves are untouched
        }
    }
}
