package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Library.by;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.NotLoadedException;
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
import java.time.LocalDateTime;
import java.util.Map;

/** {@code withCount}: each row's number of live related rows, read from the generated holder's {@code count()}. */
class WithCountTest {

    @AllDatabases
    void eachRowCountsItsLiveRelatedRowsWithoutLoadingThem(TestDatabase db) {
        try (Library library = new Library(db)) {
            Session s = library.session();
            Map<String, Writer> writers = by(s.query(Writer.class).withCount(Writer_.novels).list(), w -> w.name);
            assertThat(writers.get("Ursula").getNovels().count()).isEqualTo(2);
            assertThat(writers.get("Frank").getNovels().count()).isEqualTo(1); // Lost Chapter is trashed
            assertThat(writers.get("Lonely").getNovels().count()).isEqualTo(0);
            assertThat(writers.get("Ursula").getNovels().isLoaded()).isFalse();
            assertThrows(NotLoadedException.class, () -> writers.get("Ursula").getNovels().get());

            Map<String, Novel> novels = by(s.query(Novel.class).withCount(Novel_.genres).list(), Novel::getTitle);
            assertThat(novels.get("The Dispossessed").getGenres().count()).isEqualTo(2);
            assertThat(novels.get("The Lathe of Heaven").getGenres().count()).isEqualTo(0); // deleted link
            assertThat(novels.get("Dune").getGenres().count()).isEqualTo(1); // draft is trashed
        }
    }

    @AllDatabases
    void theConstraintFiltersWhatIsCountedAndSetsItsTrashedMode(TestDatabase db) {
        try (Library library = new Library(db)) {
            Session s = library.session();
            Map<String, Writer> all = by(s.query(Writer.class).withTrashed()
                    .withCount(Writer_.novels, q -> q.withTrashed()).list(), w -> w.name);
            assertThat(all.get("Frank").getNovels().count()).isEqualTo(2);
            assertThat(all.get("Lonely").getNovels().count()).isEqualTo(1);
            assertThat(all.get("Ghost").getNovels().count()).isEqualTo(1);
            Map<String, Writer> outerOnly = by(s.query(Writer.class).withTrashed().withCount(Writer_.novels).list(),
                    w -> w.name);
            assertThat(outerOnly.get("Frank").getNovels().count()).isEqualTo(1); // the outer mode is not the novels'
            Writer ursula = s.query(Writer.class).where(Writer_.name.eq("Ursula"))
                    .withCount(Writer_.novels, q -> q.whereHas(Novel_.genres, g -> g.where(Genre_.name.eq("sf"))))
                    .one();
            assertThat(ursula.getNovels().count()).isEqualTo(1);
        }
    }

    @AllDatabases
    void aSelfReferenceAndARecordCountTheirOwnRows(TestDatabase db) {
        try (Library library = new Library(db)) {
            Session s = library.session();
            Map<String, Section> sections = by(s.query(Section.class).withCount(Section_.children).list(),
                    c -> c.title);
            assertThat(sections.get("Fiction").children.count()).isEqualTo(1); // Gone is trashed
            assertThat(sections.get("Science fiction").children.count()).isEqualTo(1);
            assertThat(sections.get("Poetry").children.count()).isEqualTo(0);
            Section fiction = s.query(Section.class).where(Section_.title.eq("Fiction"))
                    .withCount(Section_.children, q -> q.withTrashed()).one();
            assertThat(fiction.children.count()).isEqualTo(2);

            Label ace = s.insert(Label.named("Ace"));
            s.insert(Release.of("Single", ace));
            Release old = s.insert(Release.of("Old", ace));
            s.query(Release.class).where(Release_.id.eq(old.id()))
                    .update(Release_.deletedAt.set(LocalDateTime.parse("2024-01-01T00:00:00")));
            Label counted = s.query(Label.class).withCount(Label_.releases).one();
            assertThat(counted.releases().count()).isEqualTo(1);
        }
    }
}
