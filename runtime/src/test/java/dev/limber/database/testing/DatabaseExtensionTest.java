package dev.limber.database.testing;

import static com.google.common.truth.Truth.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class DatabaseExtensionTest {
    private static final Set<String> URLS = ConcurrentHashMap.newKeySet();

    /** Runs on every database; a leftover table from another invocation would make CREATE TABLE fail. */
    @AllDatabases
    void everyInvocationStartsWithAnEmptyDatabase(TestDatabase db) throws Exception {
        assertThat(URLS.add(db.url())).isTrue();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + db.dialect().quote("probe") + " (" + db.dialect().quote("id") + " INT)");
            statement.execute("INSERT INTO " + db.dialect().quote("probe") + " VALUES (1)");
            try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + db.dialect().quote("probe"))) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @AllDatabases
    void aSecondTestGetsItsOwnDatabaseToo(TestDatabase db) throws Exception {
        everyInvocationStartsWithAnEmptyDatabase(db);
    }

    @Test
    void mariaDbUrlsArePointedAtTheTestDatabase() {
        assertThat(DatabaseExtension.withDatabase("jdbc:mariadb://127.0.0.1:3306/limber_test?user=root", "t1"))
                .isEqualTo("jdbc:mariadb://127.0.0.1:3306/t1?user=root");
        assertThat(DatabaseExtension.withDatabase("jdbc:mariadb://localhost/", "t1"))
                .isEqualTo("jdbc:mariadb://localhost/t1");
        assertThat(DatabaseExtension.withDatabase("jdbc:mysql://h:1", "t1")).isEqualTo("jdbc:mysql://h:1/t1");
    }

    @Test
    void postgresUrlsGetTheTestSchema() {
        assertThat(DatabaseExtension.withParameter("jdbc:postgresql://h/db?user=postgres", "currentSchema", "s"))
                .isEqualTo("jdbc:postgresql://h/db?user=postgres&currentSchema=s");
        assertThat(DatabaseExtension.withParameter("jdbc:postgresql://h/db", "currentSchema", "s"))
                .isEqualTo("jdbc:postgresql://h/db?currentSchema=s");
    }
}
