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

    /**
     * MariaDB counts each VARCHAR(n) at 4n + 2 bytes against one 65,535-byte row limit: thirty
     * columns of 2,000 characters would be refused as VARCHARs. As TEXT (above 768 characters) they
     * run, and a unique TEXT column, live-rows-only on a soft-delete model, still refuses a duplicate.
     */
    @AllDatabases
    void wideTablesOfLongStringsRunAndStayUnique(TestDatabase db) throws SQLException {
        StringBuilder columns = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            columns.append("    @Column(length = 2000) String text").append(i).append(";\n");
        }
        Compilation compilation = Sources.compile(Sources.source("com.example.Article",
                "package com.example;",
                "import dev.limber.database.models.*;",
                "import java.time.Instant;",
                "@Model(table = \"articles\", softDelete = true) public class Article {",
                "    @Column(primaryKey = true) Long id;",
                "    @Column(unique = true, length = 5000) String slug;",
                "    @Column(unique = true, length = 768) String code;",
                columns.toString(),
                "    @Column Instant deletedAt;",
                "}"));
        assertThat(compilation).succeeded();
        String dialect = db.dialect().name();
        String q = dialect.equals("mariadb") ? "`" : "\"";
        String insert = "INSERT INTO " + q + "articles" + q + " (" + q + "slug" + q + ", " + q + "code" + q + ", "
                + q + "text30" + q + ", " + q + "deleted_at" + q + ") VALUES (?, ?, ?, ?)";
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            for (String sql : Sources.generatedResource(compilation, "META-INF/limber/schema/" + dialect + ".sql")
                    .split(";\n")) {
                statement.execute(sql);
            }
            String slug = "s".repeat(4000) + "\uD83D\uDE00".repeat(1000);
            try (java.sql.PreparedStatement ps = connection.prepareStatement(insert)) {
                ps.setString(1, slug);
                ps.setString(2, "a");
                ps.setString(3, "\uD83D\uDE00".repeat(2000));
                ps.setTimestamp(4, java.sql.Timestamp.valueOf("2024-01-01 00:00:00"));
                ps.executeUpdate(); // a deleted row does not hold its slug...
                ps.setString(2, "b");
                ps.setNull(4, java.sql.Types.TIMESTAMP);
                ps.executeUpdate();
                ps.setString(2, "c");
                assertThrows(SQLException.class, ps::executeUpdate); // ...a live one does
            }
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + q + "articles" + q)) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(2);
            }
        }
    }
}
