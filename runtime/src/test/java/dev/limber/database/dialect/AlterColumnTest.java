package dev.limber.database.dialect;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The in-place ALTER statements the migrations' script writer takes from each dialect really run. */
class AlterColumnTest {
    // reserved words, so the statements must quote them
    private static final String TABLE = "order";
    private static final String COLUMN = "select";

    private static void create(TestDatabase db, Statement s, String type, boolean nullable) throws SQLException {
        Dialect d = db.dialect();
        s.execute("CREATE TABLE " + d.quote(TABLE) + " (" + d.quote("id") + " INTEGER PRIMARY KEY, " + d.quote(COLUMN)
                + " " + type + (nullable ? "" : " NOT NULL") + ")");
    }

    private static void insert(TestDatabase db, Statement s, int id, String value) throws SQLException {
        Dialect d = db.dialect();
        s.execute("INSERT INTO " + d.quote(TABLE) + " (" + d.quote("id") + ", " + d.quote(COLUMN) + ") VALUES (" + id
                + ", " + (value == null ? "NULL" : "'" + value + "'") + ")");
    }

    @AllDatabases
    void alterNullabilityLoosensAndTightensAColumnWhereTheDatabaseCanInPlace(TestDatabase db) throws Exception {
        Dialect d = db.dialect();
        List<String> loosen = d.alterNullability(TABLE, COLUMN, "VARCHAR(40)", true);
        List<String> tighten = d.alterNullability(TABLE, COLUMN, "VARCHAR(40)", false);
        if (d == Dialect.SQLITE) {
            // SQLite's ALTER TABLE cannot change a column: no statement, the caller rebuilds the table
            assertThat(loosen).isEmpty();
            assertThat(tighten).isEmpty();
            return;
        }
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            create(db, s, "VARCHAR(40)", false);
            assertThrows(SQLException.class, () -> insert(db, s, 1, null));

            for (String sql : loosen) {
                s.execute(sql);
            }
            insert(db, s, 2, null);

            s.execute("DELETE FROM " + d.quote(TABLE));
            for (String sql : tighten) {
                s.execute(sql);
            }
            assertThrows(SQLException.class, () -> insert(db, s, 3, null));
            insert(db, s, 4, "kept");
        }
    }

    @AllDatabases
    void alterTypeWidensAColumnKeepingItsValuesWhereTheDatabaseCanInPlace(TestDatabase db) throws Exception {
        Dialect d = db.dialect();
        List<String> widen = d.alterType(TABLE, COLUMN, "VARCHAR(200)", false);
        if (d == Dialect.SQLITE) {
            assertThat(widen).isEmpty();
            return;
        }
        String longValue = "x".repeat(150);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            create(db, s, "VARCHAR(10)", false);
            insert(db, s, 1, "short");
            assertThrows(SQLException.class, () -> insert(db, s, 2, longValue));

            for (String sql : widen) {
                s.execute(sql);
            }
            insert(db, s, 3, longValue);
            // still NOT NULL: MariaDB's MODIFY COLUMN would otherwise make it nullable
            assertThrows(SQLException.class, () -> insert(db, s, 4, null));
            try (var rs = s.executeQuery("SELECT " + d.quote(COLUMN) + " FROM " + d.quote(TABLE) + " ORDER BY "
                    + d.quote("id"))) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("short");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(longValue);
            }
        }
    }
}
