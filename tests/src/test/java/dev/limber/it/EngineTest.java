package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Databases.engine;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.Engine;
import dev.limber.database.LimberException;
import dev.limber.database.ModelInfo;
import dev.limber.database.ModelRegistry;
import dev.limber.database.Session;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.EveryType_Mapper;
import dev.limber.it.models.Note;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Engine: the registry found through ServiceLoader, schema creation, close. */
class EngineTest {
    /** Every table of this module's models, in the generated registry's order (by table name). */
    static final List<String> TABLES = List.of("aliases", "authors", "books", "club_members", "entries", "every_type",
            "genres", "holds", "labels", "loans", "meeting", "members", "note", "novel_genres", "novels", "order",
            "parcels", "profiles", "releases", "repo_titles", "repo_writers", "sections", "shelf_authors",
            "shelf_books", "tags", "tickets", "user", "writers");

    private static Set<String> tables(TestDatabase db) throws Exception {
        Set<String> names = new TreeSet<>();
        try (Connection c = db.connect()) {
            DatabaseMetaData meta = c.getMetaData();
            String schema = c.getSchema(); // H2 would otherwise list INFORMATION_SCHEMA too
            try (ResultSet rs = meta.getTables(c.getCatalog(), schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    if (!name.startsWith("sqlite_")) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }

    @AllDatabases
    void theGeneratedRegistryIsDiscoveredAndCreateAllMakesEveryTable(TestDatabase db) throws Exception {
        try (Engine engine = engine(db)) {
            List<String> tables = new ArrayList<>();
            for (ModelInfo<?> model : engine.registry().models()) {
                tables.add(model.table());
            }
            assertThat(tables).containsExactlyElementsIn(TABLES).inOrder();
            assertThat(tables(db)).containsExactlyElementsIn(TABLES);
        }
    }

    @AllDatabases
    void theDdlOfAModelWithEveryTypeExecutes(TestDatabase db) throws Exception {
        try (Engine engine = Engine.builder().url(db.url()).username(db.username()).password(db.password())
                .maxPoolSize(1).registry(ModelRegistry.of(List.of(EveryType_Mapper.INFO))).build()) {
            assertThat(engine.ddl()).isEqualTo(EveryType_Mapper.INFO.ddl(db.dialect().name()));
            engine.createAll();
            Set<String> columns = new TreeSet<>();
            try (Connection c = db.connect(); ResultSet rs = c.getMetaData().getColumns(c.getCatalog(),
                    c.getSchema(), "every_type", "%")) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME"));
                }
            }
            assertThat(columns).hasSize(EveryType_Mapper.INFO.columns().size());
        }
    }

    @AllDatabases
    void createAllSkipsExistingTablesAndKeepsTheirRows(TestDatabase db) {
        try (Engine engine = engine(db)) {
            engine.inTransaction(s -> s.insert(new Note("kept", 1)));
            engine.createAll();
            long count = engine.transaction(s -> s.query(Note.class).count());
            assertThat(count).isEqualTo(1);
        }
    }

    @AllDatabases
    void dropAllRemovesEveryTableAndCreateAllBringsThemBack(TestDatabase db) throws Exception {
        try (Engine engine = engine(db)) {
            engine.dropAll();
            assertThat(tables(db)).isEmpty();
            engine.dropAll(); // nothing left to drop is fine
            engine.createAll();
            assertThat(tables(db)).containsExactlyElementsIn(TABLES);
        }
    }

    @AllDatabases
    void closeIsIdempotentAndAClosedEngineRefusesSessions(TestDatabase db) {
        Engine engine = engine(db);
        try (Session s = engine.openSession()) {
            s.insert(new Note("x", 1));
        }
        engine.close();
        engine.close();
        assertThat(engine.dataSource().isClosed()).isTrue();
        LimberException e = assertThrows(LimberException.class, engine::openSession);
        assertThat(e).hasMessageThat().contains("closed");
    }

    @AllDatabases
    void theDialectComesFromTheUrl(TestDatabase db) {
        try (Engine engine = engine(db)) {
            assertThat(engine.dialect()).isEqualTo(db.dialect());
        }
    }
}
