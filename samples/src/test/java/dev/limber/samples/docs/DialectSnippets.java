package dev.limber.samples.docs;

import static com.google.common.truth.Truth.assertThat;

import dev.limber.database.Engine;
import dev.limber.database.ModelRegistry;
import dev.limber.database.Session;
import dev.limber.database.dialect.Dialect;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.samples.bookstore.Author;
import dev.limber.samples.bookstore.Book;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The code of docs/dialects.md: plain SQL with {@code Dialect.quote}, on all four databases. */
class DialectSnippets {

    private static Engine engine(TestDatabase db) {
        ModelRegistry all = ModelRegistry.discover();
        Engine engine = Engine.builder().url(db.url()).username(db.username()).password(db.password())
                .registry(ModelRegistry.of(List.of(all.info(Author.class), all.info(Book.class)))).build();
        engine.createAll();
        engine.transaction(session -> {
            Author herbert = session.insert(new Author("Frank Herbert"));
            session.insert(new Book("Dune", herbert, "978-0441172719"));
            session.delete(session.insert(new Book("Dune Messiah", herbert, "978-0593098233")));
            return herbert;
        });
        return engine;
    }

    @AllDatabases
    void plainSqlWithQuotedNamesReadsTheModelsTables(TestDatabase db) throws SQLException {
        try (Engine engine = engine(db)) {
            String prefix = "Dun%";
            List<String> titles = new ArrayList<>();
            // tag::quote[]
            Dialect dialect = engine.dialect();
            String sql = "SELECT " + dialect.quote("title") + " FROM " + dialect.quote("books")
                    + " WHERE " + dialect.quote("deleted_at") + " IS NULL AND " + dialect.quote("title") + " LIKE ?"
                    + " ORDER BY " + dialect.quote("title");
            try (Session session = engine.openSession();
                 PreparedStatement statement = session.connection().prepareStatement(sql)) {
                statement.setString(1, prefix);                 // values are parameters, never quoted into the SQL
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        titles.add(rows.getString(1));
                    }
                }
            }
            // end::quote[]

            // Plain SQL sees soft-deleted rows unless it says otherwise, as the WHERE above does.
            assertThat(titles).containsExactly("Dune");
        }
    }

    @AllDatabases
    void unquotedLowerCaseNamesFindTheTablesOnEveryDatabase(TestDatabase db) throws SQLException {
        // the Engine opens H2 with DATABASE_TO_LOWER=TRUE, so H2 reads "books", not "BOOKS", too
        try (Engine engine = engine(db); Session session = engine.openSession();
             Statement statement = session.connection().createStatement();
             ResultSet rows = statement.executeQuery("SELECT title FROM books WHERE deleted_at IS NULL")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("Dune");
        }
    }

    @Test
    void quoteDoublesTheQuoteCharacterInsideAName() {
        assertThat(Dialect.H2.quote("books")).isEqualTo("\"books\"");
        assertThat(Dialect.MARIADB.quote("books")).isEqualTo("`books`");
        assertThat(Dialect.POSTGRESQL.quote("odd\"name")).isEqualTo("\"odd\"\"name\"");
        assertThat(Dialect.MARIADB.quote("odd`name")).isEqualTo("`odd``name`");
        assertThat(Dialect.SQLITE.quote("Books")).isEqualTo("\"Books\"");
    }
}
