package dev.limber.database.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.limber.database.Engine;
import dev.limber.database.ForeignKeyInfo;
import dev.limber.database.Many;
import dev.limber.database.ModelInfo;
import dev.limber.database.ModelRegistry;
import dev.limber.database.Ref;
import dev.limber.database.dialect.Dialect;
import dev.limber.database.mapping.ModelMapper;
import dev.limber.database.models.OnDelete;
import dev.limber.database.query.ForeignKey;
import dev.limber.database.query.Relation;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The generated DDL and mappers of relations, run for real on every database: foreign keys are
 * enforced (SQLite too, through the engine's connections), ON DELETE actions happen, and a
 * {@code @BelongsTo} survives bind and read as the key of its {@code Ref}.
 */
class RelationsRoundTripTest {
    private static final Compilation LIBRARY = compile(Shapes.relations());
    private static final Compilation ATLAS = compile(
            Sources.source("com.example.atlas.Country",
                    "package com.example.atlas;",
                    "import dev.limber.database.Many;",
                    "import dev.limber.database.models.*;",
                    "@Model(table = \"countries\")",
                    "public record Country(@Column(primaryKey = true, length = 2) String code,",
                    "        @HasMany(mappedBy = \"country\") Many<City> cities, @Column(nullable = false) String name) {",
                    "}"),
            Sources.source("com.example.atlas.City",
                    "package com.example.atlas;",
                    "import dev.limber.database.Ref;",
                    "import dev.limber.database.models.*;",
                    "@Model(table = \"cities\")",
                    "public record City(@Column(primaryKey = true) Long id, @BelongsTo(nullable = false) Ref<Country> country,",
                    "        String name) {",
                    "}"));

    private static Compilation compile(JavaFileObject... sources) {
        Compilation compilation = Sources.compile(GeneratedCodeTest.STRICT, sources);
        assertThat(compilation).succeededWithoutWarnings();
        return compilation;
    }

    /** The engine on the test database: its connections are configured as an application's (SQLite enforces foreign keys). */
    private static Engine engine(TestDatabase db, ModelRegistry registry) {
        return Engine.builder().url(db.url()).username(db.username()).password(db.password()).registry(registry)
                .build();
    }

    /** Runs the dialect's schema resource, statement by statement, in its order. */
    private static void createSchema(Connection connection, Compilation compilation, String dialect) throws SQLException {
        String schema = Sources.generatedResource(compilation, "META-INF/limber/schema/" + dialect + ".sql");
        try (Statement statement = connection.createStatement()) {
            for (String sql : schema.split(";\n")) {
                statement.execute(sql);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static ModelInfo<Object> info(GeneratedClasses classes, String mapper) {
        return (ModelInfo<Object>) classes.staticField(mapper, "INFO");
    }

    /** INSERTs {@code model}'s {@code columns} through the generated bind(). */
    private static void insert(Connection connection, Dialect dialect, ModelInfo<Object> info, Object model,
            int... columns) throws SQLException {
        List<String> names = new ArrayList<>();
        for (int column : columns) {
            names.add(dialect.quote(info.columns().get(column).name()));
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + dialect.quote(info.table()) + " ("
                + String.join(", ", names) + ") VALUES (" + "?, ".repeat(names.size() - 1) + "?)")) {
            info.mapper().bind(insert, 1, model, columns, dialect.values());
            insert.executeUpdate();
        }
    }

    /** Every row of {@code info}'s table, read through the generated read(), in key order. */
    private static List<Object> readAll(Connection connection, Dialect dialect, ModelInfo<Object> info)
            throws SQLException {
        List<String> all = new ArrayList<>();
        for (var column : info.columns()) {
            all.add(dialect.quote(column.name()));
        }
        List<Object> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT " + String.join(", ", all) + " FROM "
                        + dialect.quote(info.table()) + " ORDER BY " + dialect.quote(info.primaryKey().name()))) {
            while (result.next()) {
                rows.add(info.mapper().read(result, dialect.values()));
            }
        }
        return rows;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @AllDatabases
    void foreignKeysAreEnforcedAndHardDeletesCascadeOrSetNull(TestDatabase db) throws Exception {
        GeneratedClasses classes = new GeneratedClasses(LIBRARY);
        ModelRegistry registry = (ModelRegistry) classes.newInstance("com.example.library.LimberModelRegistry");
        ModelInfo<Object> authors = info(classes, "com.example.library.Author_Mapper");
        ModelInfo<Object> books = info(classes, "com.example.library.Book_Mapper");
        ModelInfo<Object> biographies = info(classes, "com.example.library.Biography_Mapper");
        Dialect dialect = db.dialect();
        String q = dialect.name().equals("mariadb") ? "`" : "\"";

        try (Engine engine = engine(db, registry); Connection connection = engine.connect()) {
            createSchema(connection, LIBRARY, dialect.name());
            Object author = authors.mapper().with(authors.mapper().with(classes.newInstance("com.example.library.Author"),
                    0, 1L), 1, "Ursula K. Le Guin");
            insert(connection, dialect, authors, author, 0, 1);

            // A Ref to the author model, an Integer id and a Long key all bind as the Long foreign key.
            Object dune = classes.newInstance("com.example.library.Book");
            books.mapper().with(books.mapper().with(dune, 0, 10L), 1, "The Dispossessed");
            books.relation("author").setHolder(dune, Ref.to(author));
            insert(connection, dialect, books, dune, 0, 1, 2);
            Object lathe = classes.newInstance("com.example.library.Book");
            books.mapper().with(books.mapper().with(lathe, 0, 11L), 1, "The Lathe of Heaven");
            books.relation("author").setHolder(lathe, Ref.ofId(1));
            insert(connection, dialect, books, lathe, 0, 1, 2);

            Object orphan = books.mapper().with(books.mapper().with(classes.newInstance("com.example.library.Book"),
                    0, 12L), 1, "Nobody's");
            books.mapper().with(orphan, 2, 999L);
            assertThrows(SQLException.class, () -> insert(connection, dialect, books, orphan, 0, 1, 2));

            Object biography = biographies.mapper().with(classes.newInstance("com.example.library.Biography"), 0, 5L);
            biographies.mapper().with(biography, 1, 1L);
            insert(connection, dialect, biographies, biography, 0, 1);

            List<Object> read = readAll(connection, dialect, books);
            assertThat(read).hasSize(2);
            Ref<?> ref = (Ref<?>) books.relation("author").holder(read.get(0));
            assertThat(ref.id()).isEqualTo(1L);
            assertThat(ref.isLoaded()).isFalse();
            assertThat(books.mapper().get(read.get(1), 2)).isEqualTo(1L);
            assertThat(((Many<?>) books.relation("tags").holder(read.get(0))).isLoaded()).isFalse();
            Object authorRead = readAll(connection, dialect, authors).get(0);
            assertThat(((Many<?>) authors.relation("books").holder(authorRead)).isLoaded()).isFalse();
            assertThat(((Ref<?>) authors.relation("biography").holder(authorRead)).isLoaded()).isFalse();

            execute(connection, "DELETE FROM " + q + "authors" + q);

            assertThat(readAll(connection, dialect, books)).isEmpty();
            Object orphaned = readAll(connection, dialect, biographies).get(0);
            Ref<?> none = (Ref<?>) biographies.relation("author").holder(orphaned);
            assertThat(none.id()).isNull();
            assertThat(none.isLoaded()).isTrue();
            assertThat(none.find()).isEmpty();
        }
    }

    @AllDatabases
    void foreignKeyColumnIsIndexedOnceUnderOurName(TestDatabase db) throws Exception {
        GeneratedClasses classes = new GeneratedClasses(LIBRARY);
        ModelRegistry registry = (ModelRegistry) classes.newInstance("com.example.library.LimberModelRegistry");

        try (Engine engine = engine(db, registry); Connection connection = engine.connect()) {
            createSchema(connection, LIBRARY, db.dialect().name());
            Set<String> indexes = new TreeSet<>();
            for (String table : List.of("books", "BOOKS")) {
                try (ResultSet result = connection.getMetaData().getIndexInfo(connection.getCatalog(),
                        connection.getSchema(), table, false, false)) {
                    while (result.next()) {
                        String column = result.getString("COLUMN_NAME");
                        if (column != null && column.equalsIgnoreCase("author_id")) {
                            indexes.add(result.getString("INDEX_NAME"));
                        }
                    }
                }
            }
            if (db.dialect().name().equals("h2")) {
                // H2 keeps the index it made for the constraint in CREATE TABLE beside ours.
                assertThat(indexes).contains("ix_books_author_id");
            } else {
                // MariaDB drops the index it made for the constraint once ours can serve it.
                assertThat(indexes).containsExactly("ix_books_author_id");
            }
        }
    }

    @AllDatabases
    void junctionRowsRestrictDeletingWhatTheyPointAt(TestDatabase db) throws Exception {
        GeneratedClasses classes = new GeneratedClasses(LIBRARY);
        ModelRegistry registry = (ModelRegistry) classes.newInstance("com.example.library.LimberModelRegistry");
        String q = db.dialect().name().equals("mariadb") ? "`" : "\"";

        try (Engine engine = engine(db, registry); Connection connection = engine.connect()) {
            createSchema(connection, LIBRARY, db.dialect().name());
            execute(connection, "INSERT INTO " + q + "authors" + q + " (" + q + "id" + q + ", " + q + "name" + q
                    + ") VALUES (1, 'Le Guin')");
            execute(connection, "INSERT INTO " + q + "books" + q + " (" + q + "id" + q + ", " + q + "title" + q + ", "
                    + q + "author_id" + q + ") VALUES (1, 'Earthsea', 1)");
            execute(connection, "INSERT INTO " + q + "tags" + q + " (" + q + "id" + q + ", " + q + "name" + q
                    + ") VALUES (7, 'fantasy')");
            execute(connection, "INSERT INTO " + q + "book_tags" + q + " (" + q + "book_id" + q + ", " + q + "tag_id"
                    + q + ") VALUES (1, 7)");

            assertThrows(SQLException.class, () -> execute(connection, "DELETE FROM " + q + "tags" + q));
            assertThrows(SQLException.class, () -> execute(connection, "INSERT INTO " + q + "book_tags" + q
                    + " (" + q + "book_id" + q + ", " + q + "tag_id" + q + ") VALUES (1, 8)"));
        }
    }

    @AllDatabases
    void recordModelsCarryRefAndManyComponents(TestDatabase db) throws Exception {
        GeneratedClasses classes = new GeneratedClasses(ATLAS);
        ModelRegistry registry = (ModelRegistry) classes.newInstance("com.example.atlas.LimberModelRegistry");
        ModelInfo<Object> countries = info(classes, "com.example.atlas.Country_Mapper");
        ModelInfo<Object> cities = info(classes, "com.example.atlas.City_Mapper");
        Dialect dialect = db.dialect();

        try (Engine engine = engine(db, registry); Connection connection = engine.connect()) {
            createSchema(connection, ATLAS, dialect.name());
            ModelMapper<Object> country = countries.mapper();
            Object nl = country.with(country.with(blank(classes, "com.example.atlas.Country", 3), 0, "NL"), 1,
                    "Netherlands");
            insert(connection, dialect, countries, nl, 0, 1);
            ModelMapper<Object> city = cities.mapper();
            Object blank = blank(classes, "com.example.atlas.City", 3);
            Object delft = city.with(city.with(city.with(blank, 0, 1L), 1, "NL"), 2, "Delft");
            assertThat(delft).isNotSameInstanceAs(blank);
            insert(connection, dialect, cities, delft, 0, 1, 2);

            Object read = readAll(connection, dialect, cities).get(0);
            Ref<?> ref = (Ref<?>) cities.relation("country").holder(read);
            assertThat(ref.id()).isEqualTo("NL");
            assertThat(ref.isLoaded()).isFalse();
            assertThat(city.get(read, 2)).isEqualTo("Delft");
            assertThat(cities.relation("country").canSetHolder()).isFalse();
            Object countryRead = readAll(connection, dialect, countries).get(0);
            assertThat(((Many<?>) countries.relation("cities").holder(countryRead)).isLoaded()).isFalse();
            assertThat(country.get(countryRead, 1)).isEqualTo("Netherlands");
            // with() on a record keeps the relation components it does not replace.
            Object renamed = country.with(countryRead, 1, "Nederland");
            assertThat(countries.relation("cities").holder(renamed))
                    .isSameInstanceAs(countries.relation("cities").holder(countryRead));
        }
    }

    /** A record with every component null. */
    private static Object blank(GeneratedClasses classes, String name, int components) throws Exception {
        Class<?> type = classes.loadClass(name);
        return type.getDeclaredConstructors()[0].newInstance(new Object[components]);
    }

    @Test
    void modelInfoListsForeignKeysIndexesAndRelationsInDeclarationOrder() {
        GeneratedClasses classes = new GeneratedClasses(LIBRARY);
        ModelInfo<Object> books = info(classes, "com.example.library.Book_Mapper");
        ModelInfo<Object> tags = info(classes, "com.example.library.BookTag_Mapper");

        ForeignKeyInfo foreignKey = books.foreignKeys().get(0);
        assertThat(foreignKey.name()).isEqualTo("fk_books_author_id");
        assertThat(foreignKey.column()).isEqualTo("author_id");
        assertThat(foreignKey.target().getName()).isEqualTo("com.example.library.Author");
        assertThat(foreignKey.referencedTable()).isEqualTo("authors");
        assertThat(foreignKey.onDelete()).isEqualTo(OnDelete.CASCADE);
        assertThat(books.columnForField("author").name()).isEqualTo("author_id");
        assertThat(books.indexes().get(0).unique()).isFalse();
        List<String> relations = new ArrayList<>();
        for (Relation<Object, ?> relation : books.relations()) {
            relations.add(relation.kind() + " " + relation);
        }
        assertThat(relations).containsExactly("BELONGS_TO Book.author", "BELONGS_TO_MANY Book.tags").inOrder();
        assertThat(((ForeignKey<?, ?, ?>) books.relation("author")).id().column()).isEqualTo("author_id");
        assertThat(tags.foreignKeys()).hasSize(2);
        assertThat(tags.foreignKeys().get(1).onDelete()).isEqualTo(OnDelete.RESTRICT);
    }
}
