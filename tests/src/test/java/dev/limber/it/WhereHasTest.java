package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Library.names;
import static dev.limber.it.Library.sections;
import static dev.limber.it.Library.titles;

import dev.limber.database.Session;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
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

/**
 * {@code whereHas} / {@code whereDoesntHave} on generated relations: soft-deleted related rows never
 * count, at every level, unless the relation's own constraint (or {@code @BelongsTo(withTrashed)}) says so.
 */
class WhereHasTest {

    @AllDatabases
    void whereHasKeepsRowsWithALiveRelatedRowAndWhereDoesntHaveTheOthers(TestDatabase db) {
        try (Library library = new Library(db)) {
            Session s = library.session();
            assertThat(names(s.query(Writer.class).whereHas(Writer_.novels, q -> q.where(Novel_.title.like("The%")))
                    .list())).containsExactly("Ursula");
            assertThat(names(s.query(Writer.class).whereHas(Writer_.novels).list())).containsExactly("Frank", "Ursula");
            // Lonely's only novel is trashed, so Lonely has none
            assertThat(names(s.query(Writer.class).whereDoesntHave(Writer_.novels).list())).containsExactly("Lonely");
            assertThat(names(s.query(Writer.class).whereDoesntHave(Writer_.profile).list()))
                    .containsExactly("Frank", "Lonely"); // Frank's profile is trashed
            assertThat(titles(s.query(Novel.class).whereDoesntHave(Novel_.writer).list())).containsExactly("Haunted");
        }
    }

    @AllDatabases
    void theRelationsConstraintSetsItsTrashedModeAndTheOuterQuerysIsNotCarriedIn(TestDatabase db) {
        try (Library library = new Library(db)) {
            Session s = library.session();
            assertThat(names(s.query(Writer.class).whereHas(Writer_.novels, q -> q.onlyTrashed()).list()))
                    .containsExactly("Frank", "Lonely");
            assertThat(names(s.query(Writer.class).whereDoesntHave(Writer_.novels, q -> q.withTrashed()).list()))
                    .isEmpty();
            assertThat(titles(s.query(Novel.class).whereHas(Novel_.writer, q -> q.withTrashed()
                    .where(Writer_.name.eq("Ghost"))).list())).containsExactly("Haunted");
            assertThat(names(s.query(Writer.class).withTrashed().whereHas(Writer_.novels).list()))
                    .containsExactly("Frank", "Ghost", "Ursula");
        }
    }

    @AllDatabases
    void manyToManyGoesThroughLiveJunctionRowsToLiveTargetsAtEveryLevel(TestDatabase db) {
        try (Library library = new Library(db)) {
            Session s = library.session();
            // The Lathe of Heaven's only link (classic) is deleted; Forgotten's is live but Forgotten is trashed
            assertThat(titles(s.query(Novel.class).whereHas(Novel_.genres, q -> q.where(Genre_.name.eq("classic")))
                    .list())).containsExactly("The Dispossessed");
            assertThat(s.query(Novel.class).whereHas(Novel_.genres, q -> q.where(Genre_.name.eq("draft"))).exists())
                    .isFalse(); // draft is trashed
            assertThat(titles(s.query(Novel.class).whereHas(Novel_.genres, q -> q.withTrashed()
                    .where(Genre_.name.eq("draft"))).list())).containsExactly("Dune");
            assertThat(names(s.query(Writer.class).whereHas(Writer_.novels, q -> q.whereHas(Novel_.genres,
                    g -> g.where(Genre_.name.eq("classic")))).list())).containsExactly("Ursula");
            assertThat(names(s.query(Writer.class).whereHas(Writer_.novels, q -> q.whereDoesntHave(Novel_.genres))
                    .list())).containsExactly("Ursula");
        }
    }

    @AllDatabases
    void aSelfReferenceFiltersEachLevelByItsOwnRows(TestDatabase db) {
        try (Library library = new Library(db)) {
            Session s = library.session();
            // Fiction > Science fiction > Space opera; Fiction > Gone (trashed) > Lost wing
            assertThat(sections(s.query(Section.class).whereHas(Section_.children, q -> q.whereHas(Section_.children))
                    .list())).containsExactly("Fiction");
            assertThat(sections(s.query(Section.class).whereHas(Section_.children).list()))
                    .containsExactly("Fiction", "Science fiction");
            assertThat(sections(s.query(Section.class).whereHas(Section_.parent).list()))
                    .containsExactly("Science fiction", "Space opera"); // Lost wing's parent is trashed
            // the relation's withTrashed lets the trashed Gone count as Fiction's child; its live child counts as ever
            assertThat(s.query(Section.class).whereHas(Section_.children, q -> q.where(Section_.title.eq("Gone")))
                    .exists()).isFalse();
            assertThat(sections(s.query(Section.class).whereHas(Section_.children,
                    q -> q.withTrashed().where(Section_.title.eq("Gone")).whereHas(Section_.children)).list()))
                    .containsExactly("Fiction");
            assertThat(sections(s.query(Section.class).whereDoesntHave(Section_.parent)
                    .whereDoesntHave(Section_.children).list())).containsExactly("Lost wing", "Poetry");
        }
    }

    @AllDatabases
    void aBelongsToWithTrashedCountsATrashedTarget(TestDatabase db) {
        try (Library library = new Library(db)) {
            Session s = library.session();
            Library.goneLabelWithARelease(s);
            assertThat(s.query(Release.class).whereHas(Release_.label).count()).isEqualTo(1);
            assertThat(s.query(Release.class).whereDoesntHave(Release_.label).count()).isEqualTo(0);
            assertThat(s.query(Label.class).whereHas(Label_.releases).count()).isEqualTo(0); // Gone itself is trashed
        }
    }
}
