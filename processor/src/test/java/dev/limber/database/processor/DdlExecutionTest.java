package dev.limber.database.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs the generated schema on the real databases: H2 and SQLite always, PostgreSQL and MariaDB
 * when LIMBER_TEST_POSTGRES_URL / LIMBER_TEST_MARIADB_URL are set (required under CI=true).
 */
class DdlExecutionTest {
    private static final Compilation COMPILATION = compile();

    private static Compilation compile() {
        Compilation compilation = Sources.compile(GeneratedCodeTest.STRICT, Shapes.note(), Shapes.inventoryItem(),
                GeneratedCodeTest.everyType(), Shapes.author(), Shapes.customer(), Shapes.invoice());
        assertThat(compilation).succeededWithoutWarnings();
        return compilation;
    }

    @AllDatabases
    void generatedSchemaRunsAndUniqueHoldsAmongLiveRowsOnly(TestDatabase db) throws SQLException {
        String dialect = db.dialect().name();
        try (Connection connection = db.connect()) {
            String schema = Sources.generatedResource(COMPILATION, "META-INF/limber/schema/" + dialect + ".sql");
            try (Statement statement = connection.createStatement()) {
                for (String sql : schema.split(";\n")) {
                    statement.execute(sql);
                }
                String q = dialect.equals("mariadb") ? "`" : "\"";
                String notes = q + "notes" + q + " (" + q + "slug" + q;
                // Two deleted rows and one live row may share a slug...
                statement.execute("INSERT INTO " + notes + ", " + q + "deleted_at" + q + ") VALUES ('dune', CURRENT_TIMESTAMP)");
                statement.execute("INSERT INTO " + notes + ", " + q + "deleted_at" + q + ") VALUES ('dune', CURRENT_TIMESTAMP)");
                statement.execute("INSERT INTO " + notes + ") VALUES ('dune')");
                // ...but not two live rows.
                assertThrows(SQLException.class,
                        () -> statement.execute("INSERT INTO " + notes + ") VALUES ('dune')"));
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + q + "notes" + q)) {
                    rows.next();
                    assertThat(rows.getInt(1)).isEqualTo(3);
                }
                String items = q + "inventory_item" + q + " (" + q + "title" + q + ", " + q + "pages" + q + ", "
                        + q + "isbn" + q + ")";
                statement.execute("INSERT INTO " + items + " VALUES ('a', 1, 'x')");
                assertThrows(SQLException.class,
                        () -> statement.execute("INSERT INTO " + items + " VALUES ('b', 2, 'x')"));
            }
        }
    }
}
