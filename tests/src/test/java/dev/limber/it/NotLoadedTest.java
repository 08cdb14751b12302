package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.NotLoadedException;
import dev.limber.database.Session;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Label;
import dev.limber.it.models.Novel;
import dev.limber.it.models.Release;
import dev.limber.it.models.Writer;

/**
 * There is no lazy loading: a holder the generated mapper read but no query loaded throws a
 * {@link NotLoadedException} that names the relation and says how to load it; a foreign key needs no loading.
 */
class NotLoadedTest {

    @AllDatabases
    void readingAnUnloadedHolderSaysHowToLoadIt(TestDatabase db) {
        try (Library library = new Library(db)) {
            Session s = library.session();
            Writer ursula = s.get(Writer.class, library.ursula.id);
            NotLoadedException many = assertThrows(NotLoadedException.class, () -> ursula.getNovels().get());
            assertThat(many).hasMessageThat().isEqualTo("Writer.novels was not loaded; there is no lazy loading: load it"
                    + " with query(...).with(Writer_.novels) or session.load(models, Writer_.novels)");
            assertThat(many.relation()).isEqualTo("Writer.novels");
            assertThrows(NotLoadedException.class, () -> ursula.getNovels().count());
            assertThat(ursula.getNovels().isLoaded()).isFalse();
            NotLoadedException one = assertThrows(NotLoadedException.class, () -> ursula.profile.find());
            assertThat(one).hasMessageThat().isEqualTo("Writer.profile was not loaded; there is no lazy loading: load"
                    + " it with query(...).with(Writer_.profile) or session.load(models, Writer_.profile)");

            Novel dune = s.get(Novel.class, library.dune.getId());
            NotLoadedException writer = assertThrows(NotLoadedException.class, () -> dune.getWriter().get());
            assertThat(writer).hasMessageThat().contains("query(...).with(Novel_.writer)");
            assertThat(dune.getWriter().id()).isEqualTo(library.frank.id); // the key needs no loading
            NotLoadedException genres = assertThrows(NotLoadedException.class, () -> dune.getGenres().get());
            assertThat(genres.relation()).isEqualTo("Novel.genres");
        }
    }

    @AllDatabases
    void aRecordsUnloadedComponentsSayHowToLoadThem(TestDatabase db) {
        try (Library library = new Library(db)) {
            Session s = library.session();
            Label ace = s.insert(Label.named("Ace"));
            Release single = s.insert(Release.of("Single", ace));
            Label read = s.get(Label.class, ace.id());
            NotLoadedException many = assertThrows(NotLoadedException.class, () -> read.releases().get());
            assertThat(many).hasMessageThat().isEqualTo("Label.releases was not loaded; there is no lazy loading: load"
                    + " it with query(...).with(Label_.releases) or session.load(models, Label_.releases)");
            Release back = s.get(Release.class, single.id());
            assertThat(back.label().id()).isEqualTo(ace.id());
            NotLoadedException one = assertThrows(NotLoadedException.class, () -> back.label().find());
            assertThat(one.relation()).isEqualTo("Release.label");
        }
    }
}
