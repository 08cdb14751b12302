package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;

import dev.limber.database.Engine;
import dev.limber.database.ForeignKeyInfo;
import dev.limber.database.ModelInfo;
import dev.limber.database.ModelRegistry;
import dev.limber.database.Session;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Genre;
import dev.limber.it.models.Label;
import dev.limber.it.models.Novel;
import dev.limber.it.models.Novel_;
import dev.limber.it.models.Profile;
import dev.limber.it.models.Release;
import dev.limber.it.models.Section;
import dev.limber.it.models.Writer;
import java.util.List;

/**
 * {@code createAll} and {@code dropAll} with the generated registry, which lists tables by name
 * (novel_genres before novels before writers): tables are created after the tables they reference and
 * dropped the other way, with rows in every one of them.
 */
class CreateAllOrderTest {

    private static Engine engine(TestDatabase db) {
        return Engine.builder().url(db.url()).username(db.username()).password(db.password()).maxPoolSize(1).build();
    }

    @AllDatabases
    void theDdlListsEveryTableAfterTheTablesItReferences(TestDatabase db) {
        ModelRegistry registry = ModelRegistry.discover();
        List<String> registered = registry.models().stream().map(ModelInfo::table).toList();
        assertThat(registered.indexOf("novel_genres")).isLessThan(registered.indexOf("novels"));
        assertThat(registered.indexOf("novels")).isLessThan(registered.indexOf("writers"));
        try (Engine engine = engine(db)) {
            int name = "CREATE TABLE ".length();
            List<String> created = engine.ddl().stream().filter(sql -> sql.startsWith("CREATE TABLE"))
                    .map(sql -> sql.substring(name + 1, sql.indexOf(' ', name) - 1)) // unquoted
                    .toList();
            assertThat(created).containsExactlyElementsIn(registered);
            for (ModelInfo<?> model : registry.models()) {
                for (ForeignKeyInfo key : model.foreignKeys()) {
                    assertThat(created.indexOf(key.referencedTable())).isAtMost(created.indexOf(model.table()));
                }
            }
        }
    }

    @AllDatabases
    void createAllAndDropAllWorkWithRowsInEveryRelatedTable(TestDatabase db) {
        try (Engine engine = engine(db)) {
            engine.createAll();
            try (Session s = engine.openSession()) {
                Writer ursula = s.insert(new Writer("Ursula"));
                s.insert(new Profile(ursula, "Born in Berkeley"));
                Novel novel = s.insert(new Novel("The Dispossessed", 1974, ursula));
                s.attach(novel, Novel_.genres, s.insert(new Genre("sf")));
                Section fiction = s.insert(new Section("Fiction", null));
                s.insert(new Section("Science fiction", fiction));
                s.insert(Release.of("Single", s.insert(Label.named("Ace"))));
                s.commit();
            }
            engine.createAll(); // every table exists: nothing to do, nothing lost
            try (Session s = engine.openSession()) {
                assertThat(s.query(Novel.class).count()).isEqualTo(1);
            }

            engine.dropAll(); // a referenced table dropped first would fail on the rows that refer to it
            engine.createAll();
            try (Session s = engine.openSession()) {
                assertThat(s.query(Writer.class).count()).isEqualTo(0);
                assertThat(s.query(Novel.class).count()).isEqualTo(0);
            }
        }
    }
}
