package dev.limber.database.dialect;

import static com.google.common.truth.Truth.assertThat;

import dev.limber.database.mapping.JdbcValues;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** SQLite keeps temporals as text; comparing the text must compare the times. */
class SqliteValuesTest {
    private static final JdbcValues VALUES = Dialect.SQLITE.values();

    private static List<String> storedInOrder(List<?> values, Class<?> type) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (v TEXT)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (v) VALUES (?)")) {
                for (Object value : values) {
                    VALUES.set(ps, 1, value, type);
                    ps.executeUpdate();
                }
            }
            List<String> texts = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT v FROM t ORDER BY v")) {
                while (rs.next()) {
                    texts.add(rs.getString(1));
                }
            }
            return texts;
        }
    }

    @Test
    void instantsSortAsTextInTimeOrderAcrossFourDigitYears() throws Exception {
        Random random = new Random(42);
        List<Instant> instants = new ArrayList<>();
        long min = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 500; i++) {
            instants.add(Instant.ofEpochSecond(min + (long) (random.nextDouble() * (max - min)), random.nextInt(1_000_000_000)));
        }
        instants.add(Instant.parse("2024-01-01T00:00:00Z"));
        instants.add(Instant.parse("2024-01-01T00:00:00.000000001Z"));
        List<String> texts = storedInOrder(instants, Instant.class);
        Collections.sort(instants);
        for (int i = 0; i < instants.size(); i++) {
            assertThat(texts.get(i)).hasLength(30); // uuuu-MM-ddTHH:mm:ss.nnnnnnnnnZ
            assertThat(Instant.parse(texts.get(i))).isEqualTo(instants.get(i));
        }
    }

    @Test
    void offsetDateTimesAreNormalisedToUtcSoTheyOrderByInstant() throws Exception {
        List<OffsetDateTime> values = List.of(OffsetDateTime.parse("2024-01-01T10:00:00+05:00"),
                OffsetDateTime.parse("2024-01-01T06:00:00Z"), OffsetDateTime.parse("2023-12-31T23:30:00-08:00"));
        assertThat(storedInOrder(values, OffsetDateTime.class)).containsExactly("2024-01-01T05:00:00.000000000Z",
                "2024-01-01T06:00:00.000000000Z", "2024-01-01T07:30:00.000000000Z").inOrder();
    }

    @Test
    void localDateTimesAndTimesAreFixedWidth() throws Exception {
        assertThat(storedInOrder(List.of(LocalDateTime.of(2024, 1, 1, 10, 0, 0, 5), LocalDateTime.of(2024, 1, 1, 9, 59)),
                LocalDateTime.class)).containsExactly("2024-01-01T09:59:00.000000000", "2024-01-01T10:00:00.000000005")
                .inOrder();
        assertThat(storedInOrder(List.of(LocalTime.of(10, 0), LocalTime.of(9, 0, 0, 1)), LocalTime.class))
                .containsExactly("09:00:00.000000001", "10:00:00.000000000").inOrder();
    }

    @Test
    void textWrittenBySqliteItselfIsReadToo() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT '2024-01-31 10:00:00', '2024-01-31 10:00:00', '2024-01-31'")) {
            rs.next();
            assertThat(VALUES.getInstant(rs, 1)).isEqualTo(Instant.parse("2024-01-31T10:00:00Z"));
            assertThat(VALUES.getLocalDateTime(rs, 2)).isEqualTo(LocalDateTime.of(2024, 1, 31, 10, 0));
            assertThat(VALUES.getOffsetDateTime(rs, 1).getOffset()).isEqualTo(ZoneOffset.UTC);
            assertThat(VALUES.getLocalDate(rs, 3)).isEqualTo(java.time.LocalDate.of(2024, 1, 31));
        }
    }
}
