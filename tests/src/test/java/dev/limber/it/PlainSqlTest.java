package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Databases.engine;

import dev.limber.database.Engine;
import dev.limber.database.Session;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.repository.Title;
import dev.limber.it.repository.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain SQL with unquoted lower-case names, as a user writes it, runs as written through
 * {@code session.connection()} on every database. On H2 that needs the engine's
 * {@code DATABASE_TO_LOWER=TRUE}: H2 otherwise folds {@code repo_titles} to {@code REPO_TITLES},
 * which the generated schema (quoted, lower case) does not have.
 */
class PlainSqlTest {

    @AllDatabases
    void lowerCaseSqlFindsTheGeneratedTables(TestDatabase db) throws SQLException {
        try (Engine engine = engine(db); Session s = engine.openSession()) {
            Writer ursula = s.insert(new Writer("Ursula"));
            s.insert(new Title("Earthsea", ursula, 200, "111", true, null, null));
            s.insert(new Title("Dispossessed", ursula, 387, null, true, null, null));
            Connection c = s.connection();
            try (PreparedStatement update = c.prepareStatement(
                    "update repo_titles set pages = pages + 1 where title = ?")) {
                update.setString(1, "Earthsea");
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            List<String> rows = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "select t.title, t.pages, w.name as writer from repo_titles t"
                            + " join repo_writers w on w.id = t.writer_id where t.pages > ? order by t.title")) {
                select.setInt(1, 100);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getString("title") + " " + rs.getInt("pages") + " " + rs.getString("writer"));
                    }
                }
            }
            assertThat(rows).containsExactly("Dispossessed 387 Ursula", "Earthsea 201 Ursula").inOrder();
        }
    }
}
