package dev.limber.database.relations;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.ColumnInfo;
import dev.limber.database.Engine;
import dev.limber.database.ForeignKeyInfo;
import dev.limber.database.LimberException;
import dev.limber.database.ModelInfo;
import dev.limber.database.ModelRegistry;
import dev.limber.database.Ref;
import dev.limber.database.Session;
import dev.limber.database.fixtures.relations.Author;
import dev.limber.database.fixtures.relations.Book;
import dev.limber.database.fixtures.relations.Book_;
import dev.limber.database.fixtures.relations.Category;
import dev.limber.database.fixtures.relations.Imprint;
import dev.limber.database.fixtures.relations.Publisher;
import dev.limber.database.fixtures.relations.RelationsRegistry;
import dev.limber.database.fixtures.relations.Tag;
import dev.limber.database.mapping.JdbcValues;
import dev.limber.database.mapping.ModelMapper;
import dev.limber.database.models.OnDelete;
import dev.limber.database.schema.TableOrder;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code createAll} creates tables after the tables their foreign keys reference, whatever order
 * the registry lists them in (the fixtures' registry sorts by table name: book_tags before books,
 * imprints before publishers); {@code dropAll} drops them the other way, even with rows in them.
 */
class TableOrderTest {

    private static Engine engine(TestDatabase db, ModelRegistry registry) {
        return SoftDeleteCascadeTest.engine(db, new TestClock(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
                registry);
    }

    @AllDatabases
    void createAllAndDropAllWorkWhateverOrderTheModelsAreRegisteredIn(TestDatabase db) throws SQLException {
        RelationsRegistry registry = new RelationsRegistry();
        assertThat(registry.models().stream().map(ModelInfo::table).toList()).containsExactly("authors", "biographies",
                "book_tags", "books", "categories", "imprints", "publishers", "tags").inOrder();
        try (Engine engine = engine(db, registry)) {
            engine.createAll();
            try (Session s = engine.openSession()) {
                Author ursula = s.insert(new Author("Ursula K. Le Guin"));
                Book book = new Book("The Dispossessed");
                book.author = Ref.to(ursula);
                book = s.insert(book);
                s.attach(book, Book_.tags, s.insert(new Tag("sf")));
                Category fiction = s.insert(new Category("Fiction"));
                Category sf = new Category("Science fiction");
                sf.parent = Ref.to(fiction);
                s.insert(sf);
                Publisher ace = s.insert(new Publisher("Ace"));
                s.insert(new Imprint("Ace Specials", Ref.to(ace)));
                s.commit();
            }
            engine.createAll(); // every table exists: nothing to do

            engine.dropAll(); // rows everywhere: a parent dropped first would fail on its foreign keys
            try (Connection c = engine.connect()) {
                for (ModelInfo<?> model : registry.models()) {
                    assertThat(tableExists(c, model.table())).isFalse();
                }
            }
            engine.createAll();
            try (Session s = engine.openSession()) {
                assertThat(s.query(Author.class).count()).isEqualTo(0);
            }
        }
    }

    @AllDatabases
    void ddlListsEveryTableAfterTheTablesItReferences(TestDatabase db) {
        try (Engine engine = engine(db, new RelationsRegistry())) {
            int name = "CREATE TABLE ".length();
            List<String> tables = engine.ddl().stream().filter(sql -> sql.startsWith("CREATE TABLE"))
                    .map(sql -> sql.substring(name + 1, sql.indexOf(' ', name) - 1)) // unquoted
                    .toList();
            // each table once, after every table it references; next is always the earliest table that can go
            assertThat(tables).containsExactly("authors", "biographies", "books", "categories", "publishers",
                    "imprints", "tags", "book_tags").inOrder();
            for (ModelInfo<?> model : engine.registry().models()) {
                for (ForeignKeyInfo key : model.foreignKeys()) {
                    assertThat(tables.indexOf(key.referencedTable())).isAtMost(tables.indexOf(model.table()));
                }
            }
        }
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT 1 FROM " + table + " WHERE 1 = 0");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Hens reference eggs and eggs reference hens: no table can be created first. Nests reference hens. */
    private static final ModelInfo<Hen> HENS = model(Hen.class, "hens", new ForeignKeyInfo("fk_hens_egg_id", "egg_id",
            Egg.class, "eggs", "id", OnDelete.RESTRICT));
    private static final ModelInfo<Egg> EGGS = model(Egg.class, "eggs", new ForeignKeyInfo("fk_eggs_hen_id", "hen_id",
            Hen.class, "hens", "id", OnDelete.RESTRICT));
    private static final ModelInfo<Nest> NESTS = model(Nest.class, "nests", new ForeignKeyInfo("fk_nests_hen_id",
            "hen_id", Hen.class, "hens", "id", OnDelete.RESTRICT));

    @Test
    void tablesReferencingEachOtherInACycleAreNamedBeforeAnythingRuns() {
        try (Engine engine = Engine.builder().url("jdbc:h2:mem:cycle").registry(() -> List.of(NESTS, HENS, EGGS))
                .build()) {
            LimberException e = assertThrows(LimberException.class, engine::createAll);
            assertThat(e).hasMessageThat().startsWith("Tables hens, eggs reference each other in a cycle"
                    + " (hens.egg_id -> eggs, eggs.hen_id -> hens)");
            assertThat(e).hasMessageThat().contains("break the cycle");
            assertThrows(LimberException.class, engine::ddl);
            assertThrows(LimberException.class, engine::dropAll);
        }
    }

    /**
     * Migrations write around a cycle, so they take the order with the cycle's tables last, and
     * those referencing them; a key to a table outside the list constrains nothing, and table
     * names match ignoring case.
     */
    @Test
    void toolsThatWriteAroundACycleGetItsTablesLastInTheGivenOrder() {
        ModelInfo<Perch> perches = model(Perch.class, "perches", new ForeignKeyInfo("fk_perches_coop_id", "coop_id",
                Coop.class, "COOPS", "id", OnDelete.RESTRICT));
        ModelInfo<Coop> coops = model(Coop.class, "coops", new ForeignKeyInfo("fk_coops_farm_id", "farm_id",
                Object.class, "farms", "id", OnDelete.RESTRICT));
        List<ModelInfo<?>> models = List.of(perches, NESTS, HENS, EGGS, coops);

        assertThat(TableOrder.sortLeavingCycles(models).stream().map(ModelInfo::table).toList())
                .containsExactly("coops", "perches", "nests", "hens", "eggs").inOrder();
        LimberException e = assertThrows(LimberException.class, () -> TableOrder.sort(models));
        assertThat(e).hasMessageThat().startsWith("Tables hens, eggs reference each other in a cycle");
    }

    static final class Hen {
    }

    static final class Perch {
    }

    static final class Coop {
    }

    static final class Egg {
    }

    static final class Nest {
    }

    private static <T> ModelInfo<T> model(Class<T> type, String table, ForeignKeyInfo key) {
        return ModelInfo.builder(type, table, new Unmapped<T>())
                .column(ColumnInfo.builder("id", "id", Long.class).primaryKey().sqlType("h2", "BIGINT").build())
                .column(ColumnInfo.builder(key.column(), key.column(), Long.class).sqlType("h2", "BIGINT").build())
                .foreignKey(key)
                .createTable("h2", "CREATE TABLE \"" + table + "\" (\"id\" BIGINT PRIMARY KEY, \"" + key.column()
                        + "\" BIGINT REFERENCES \"" + key.referencedTable() + "\" (\"id\"))")
                .build();
    }

    /** A mapper for models that are never read or written. */
    private static final class Unmapped<T> implements ModelMapper<T> {
        @Override
        public T read(ResultSet resultSet, JdbcValues values) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int bind(PreparedStatement statement, int firstParameter, T model, int[] columns, JdbcValues values) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object get(T model, int column) {
            throw new UnsupportedOperationException();
        }

        @Override
        public T with(T model, int column, Object value) {
            throw new UnsupportedOperationException();
        }
    }
}
