package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Databases.engine;

import dev.limber.database.Engine;
import dev.limber.database.Session;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.EveryType;
import dev.limber.it.models.EveryType_;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every supported type round-trips through every database. Where a database keeps less, the
 * test states it: PostgreSQL and MariaDB keep times to the microsecond (Limber truncates the
 * nanoseconds); only H2 keeps an OffsetDateTime's offset (the others return the same instant at
 * UTC); SQLite keeps a BigDecimal as written (no padding to the column's scale); MariaDB refuses
 * NaN and infinities, SQLite NaN.
 */
class TypesTest {
    private static final Set<String> MICROSECONDS = Set.of("postgresql", "mariadb");

    private static EveryType roundTrip(Engine engine, EveryType row) {
        Long id = engine.transaction(s -> s.insert(row).id);
        return engine.transaction(s -> s.get(EveryType.class, id));
    }

    @AllDatabases
    void nullsComeBackAsNullsAndPrimitivesAsZero(TestDatabase db) {
        try (Engine engine = engine(db)) {
            EveryType back = roundTrip(engine, new EveryType());
            assertThat(back.flag).isFalse();
            assertThat(back.boxedFlag).isNull();
            assertThat(back.tiny).isEqualTo((byte) 0);
            assertThat(back.boxedTiny).isNull();
            assertThat(back.boxedSmall).isNull();
            assertThat(back.boxedCount).isNull();
            assertThat(back.boxedBig).isNull();
            assertThat(back.boxedRatio).isNull();
            assertThat(back.boxedAmount).isNull();
            assertThat(back.text).isNull();
            assertThat(back.price).isNull();
            assertThat(back.payload).isNull();
            assertThat(back.uuid).isNull();
            assertThat(back.status).isNull();
            assertThat(back.day).isNull();
            assertThat(back.time).isNull();
            assertThat(back.localDateTime).isNull();
            assertThat(back.instant).isNull();
            assertThat(back.offsetDateTime).isNull();
        }
    }

    @AllDatabases
    void integralExtremesRoundTrip(TestDatabase db) {
        try (Engine engine = engine(db)) {
            EveryType max = new EveryType();
            max.flag = true;
            max.boxedFlag = false;
            max.tiny = Byte.MAX_VALUE;
            max.boxedTiny = Byte.MIN_VALUE;
            max.small = Short.MAX_VALUE;
            max.boxedSmall = Short.MIN_VALUE;
            max.count = Integer.MAX_VALUE;
            max.boxedCount = Integer.MIN_VALUE;
            max.big = Long.MAX_VALUE;
            max.boxedBig = Long.MIN_VALUE;
            EveryType back = roundTrip(engine, max);
            assertThat(back.flag).isTrue();
            assertThat(back.boxedFlag).isFalse();
            assertThat(back.tiny).isEqualTo(Byte.MAX_VALUE);
            assertThat(back.boxedTiny).isEqualTo(Byte.MIN_VALUE);
            assertThat(back.small).isEqualTo(Short.MAX_VALUE);
            assertThat(back.boxedSmall).isEqualTo(Short.MIN_VALUE);
            assertThat(back.count).isEqualTo(Integer.MAX_VALUE);
            assertThat(back.boxedCount).isEqualTo(Integer.MIN_VALUE);
            assertThat(back.big).isEqualTo(Long.MAX_VALUE);
            assertThat(back.boxedBig).isEqualTo(Long.MIN_VALUE);
        }
    }

    @AllDatabases
    void floatingPointValuesRoundTripExactly(TestDatabase db) {
        try (Engine engine = engine(db)) {
            for (float f : new float[] {3.1415927f, Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, Float.MIN_NORMAL}) {
                for (double d : new double[] {Math.PI, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE}) {
                    EveryType row = new EveryType();
                    row.ratio = f;
                    row.boxedRatio = -f;
                    row.amount = d;
                    row.boxedAmount = -d;
                    EveryType back = roundTrip(engine, row);
                    assertThat(back.ratio).isEqualTo(f);
                    assertThat(back.boxedRatio).isEqualTo(-f);
                    assertThat(back.amount).isEqualTo(d);
                    assertThat(back.boxedAmount).isEqualTo(-d);
                }
            }
        }
    }

    @AllDatabases
    void nanAndInfinitiesAreKeptWhereTheDatabaseCanAndRefusedClearlyWhereNot(TestDatabase db) {
        String dialect = db.dialect().name();
        try (Engine engine = engine(db)) {
            for (double special : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                EveryType row = new EveryType();
                row.amount = special;
                row.ratio = (float) special;
                boolean refused = dialect.equals("mariadb") || (dialect.equals("sqlite") && Double.isNaN(special));
                if (refused) {
                    dev.limber.database.MappingException e = org.junit.jupiter.api.Assertions.assertThrows(
                            dev.limber.database.MappingException.class, () -> roundTrip(engine, row));
                    assertThat(e).hasMessageThat().contains("cannot store");
                } else {
                    EveryType back = roundTrip(engine, row);
                    assertThat(back.amount).isEqualTo(special);
                    assertThat(back.ratio).isEqualTo((float) special);
                }
            }
        }
    }

    @AllDatabases
    void stringsKeepUnicodeAndTellEmptyFromNull(TestDatabase db) {
        try (Engine engine = engine(db)) {
            EveryType unicode = new EveryType();
            unicode.text = "Grüße, İstanbul, 世界, 🚀 \u0000x".replace("\u0000", ""); // no NUL: PostgreSQL refuses it
            assertThat(roundTrip(engine, unicode).text).isEqualTo(unicode.text);
            EveryType empty = new EveryType();
            empty.text = "";
            assertThat(roundTrip(engine, empty).text).isEqualTo("");
            try (Session s = engine.openSession()) {
                assertThat(s.query(EveryType.class).where(EveryType_.text.eq("")).count()).isEqualTo(1);
                assertThat(s.query(EveryType.class).where(EveryType_.text.isNull()).count()).isEqualTo(0);
            }
        }
    }

    @AllDatabases
    void bigDecimalsKeepTheirDigitsAndScale(TestDatabase db) {
        try (Engine engine = engine(db)) {
            for (String value : List.of("12.3456", "99999999.9999", "-0.0001", "0.0000", "-12345678.0000")) {
                EveryType row = new EveryType();
                row.price = new BigDecimal(value);
                BigDecimal back = roundTrip(engine, row).price;
                assertThat(back).isEqualTo(new BigDecimal(value)); // equals: same digits and same scale
            }
            EveryType shortScale = new EveryType();
            shortScale.price = new BigDecimal("1.5");
            BigDecimal back = roundTrip(engine, shortScale).price;
            assertThat(back).isEquivalentAccordingToCompareTo(new BigDecimal("1.5"));
            // NUMERIC(12,4) pads to its scale; SQLite keeps the text as written
            assertThat(back.scale()).isEqualTo(db.dialect().name().equals("sqlite") ? 1 : 4);
        }
    }

    @AllDatabases
    void bytesUuidsAndEnumsRoundTrip(TestDatabase db) {
        try (Engine engine = engine(db)) {
            byte[] all = new byte[256];
            for (int i = 0; i < all.length; i++) {
                all[i] = (byte) i;
            }
            EveryType row = new EveryType();
            row.payload = all;
            row.uuid = UUID.fromString("123e4567-e89b-42d3-a456-556642440000");
            row.status = EveryType.Status.PUBLISHED;
            EveryType back = roundTrip(engine, row);
            assertThat(back.payload).isEqualTo(all);
            assertThat(back.uuid).isEqualTo(row.uuid);
            assertThat(back.status).isEqualTo(EveryType.Status.PUBLISHED);
            EveryType empty = new EveryType();
            empty.payload = new byte[0];
            empty.uuid = new UUID(0, 0);
            EveryType emptyBack = roundTrip(engine, empty);
            assertThat(emptyBack.payload).isEqualTo(new byte[0]);
            assertThat(emptyBack.uuid).isEqualTo(new UUID(0, 0));
            try (Session s = engine.openSession()) {
                assertThat(s.query(EveryType.class).where(EveryType_.uuid.eq(row.uuid)).one().id).isEqualTo(back.id);
                assertThat(s.query(EveryType.class).where(EveryType_.status.eq(EveryType.Status.PUBLISHED)).count())
                        .isEqualTo(1);
            }
        }
    }

    @AllDatabases
    void datesAtTheEdgesOfTheCommonRangeRoundTrip(TestDatabase db) {
        try (Engine engine = engine(db)) {
            for (LocalDate day : List.of(LocalDate.of(1000, 1, 1), LocalDate.of(1970, 1, 1), LocalDate.of(9999, 12, 31))) {
                EveryType row = new EveryType();
                row.day = day;
                row.localDateTime = day.atTime(23, 59, 59);
                row.instant = day.atStartOfDay().toInstant(ZoneOffset.UTC);
                EveryType back = roundTrip(engine, row);
                assertThat(back.day).isEqualTo(day);
                assertThat(back.localDateTime).isEqualTo(row.localDateTime);
                assertThat(back.instant).isEqualTo(row.instant);
            }
        }
    }

    @AllDatabases
    void timesKeepNanosecondsOrTheDocumentedMicroseconds(TestDatabase db) {
        try (Engine engine = engine(db)) {
            EveryType row = new EveryType();
            row.time = LocalTime.of(23, 59, 59, 999_999_999);
            row.localDateTime = LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_456_789);
            row.instant = Instant.parse("2024-12-31T23:59:59.987654321Z");
            row.offsetDateTime = OffsetDateTime.parse("2024-06-01T12:30:45.123456789Z");
            EveryType back = roundTrip(engine, row);
            boolean micros = MICROSECONDS.contains(db.dialect().name());
            ChronoUnit unit = micros ? ChronoUnit.MICROS : ChronoUnit.NANOS;
            assertThat(back.time).isEqualTo(row.time.truncatedTo(unit)); // truncated, never rounded into the next day
            assertThat(back.localDateTime).isEqualTo(row.localDateTime.truncatedTo(unit));
            assertThat(back.instant).isEqualTo(row.instant.truncatedTo(unit));
            assertThat(back.offsetDateTime).isEqualTo(row.offsetDateTime.truncatedTo(unit));
        }
    }

    @AllDatabases
    void offsetDateTimesKeepTheirInstantAndOnH2TheirOffset(TestDatabase db) {
        try (Engine engine = engine(db)) {
            EveryType row = new EveryType();
            row.offsetDateTime = OffsetDateTime.parse("2024-06-01T12:30:45+05:30");
            OffsetDateTime back = roundTrip(engine, row).offsetDateTime;
            assertThat(back.toInstant()).isEqualTo(row.offsetDateTime.toInstant());
            assertThat(back.getOffset()).isEqualTo(db.dialect().name().equals("h2") ? ZoneOffset.ofHoursMinutes(5, 30)
                    : ZoneOffset.UTC);
        }
    }

    /** How each database keeps an instant, read back as UTC text without Limber (or the JVM's zone). */
    private static final java.util.Map<String, String> UTC_TEXT = java.util.Map.of(
            "h2", "FORMATDATETIME(\"instant\", 'yyyy-MM-dd HH:mm:ss', 'en', 'UTC')",
            "sqlite", "\"instant\"",
            "postgresql", "to_char(\"instant\" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')",
            "mariadb", "DATE_FORMAT(`instant`, '%Y-%m-%d %H:%i:%s')");

    /**
     * Run under a JVM zone far from UTC (St. John's: -02:30 in June, a half-hour offset), set before
     * the engine's connections are opened since drivers read it then: a driver or dialect that
     * lets the JVM zone into the stored value would shift both instants by 2.5 hours.
     */
    @AllDatabases
    void instantsAreStoredAsUtcWhateverTheJvmZone(TestDatabase db) throws Exception {
        java.util.TimeZone original = java.util.TimeZone.getDefault();
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("America/St_Johns"));
        try (Engine engine = engine(db)) {
            assertThat(java.time.ZoneId.systemDefault().getRules().getOffset(Instant.parse("2024-06-01T12:30:45Z")))
                    .isEqualTo(ZoneOffset.ofHoursMinutes(-2, -30));
            EveryType row = new EveryType();
            row.instant = Instant.parse("2024-06-01T12:30:45Z");
            row.offsetDateTime = OffsetDateTime.parse("2024-06-01T18:00:45+05:30");
            EveryType back = roundTrip(engine, row);
            assertThat(back.instant).isEqualTo(row.instant);
            assertThat(back.offsetDateTime.toInstant()).isEqualTo(row.offsetDateTime.toInstant());
            try (java.sql.Connection c = db.connect(); java.sql.Statement st = c.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT " + UTC_TEXT.get(db.dialect().name()) + ", "
                         + UTC_TEXT.get(db.dialect().name()).replace("instant", "offset_date_time") + " FROM "
                         + db.dialect().quote("every_type"))) {
                rs.next();
                // SQLite keeps fixed-width ISO-8601 text with nine fraction digits, so text order is time order
                String expected = db.dialect().name().equals("sqlite") ? "2024-06-01T12:30:45.000000000Z"
                        : "2024-06-01 12:30:45";
                assertThat(rs.getString(1)).isEqualTo(expected);
                assertThat(rs.getString(2)).isEqualTo(expected);
            }
        } finally {
            java.util.TimeZone.setDefault(original);
        }
    }

    @AllDatabases
    void temporalComparisonsAndOrderingFollowTime(TestDatabase db) {
        try (Engine engine = engine(db)) {
            // +05:00 at 10:00 is 05:00 UTC, earlier than 06:00 UTC: order must follow the instant, not the text
            List<String> offsets = List.of("2024-01-01T10:00:00+05:00", "2024-01-01T06:00:00Z", "2023-12-31T23:30:00-08:00");
            engine.inTransaction(s -> {
                for (int i = 0; i < offsets.size(); i++) {
                    EveryType row = new EveryType();
                    row.count = i;
                    row.offsetDateTime = OffsetDateTime.parse(offsets.get(i));
                    row.instant = row.offsetDateTime.toInstant();
                    row.localDateTime = LocalDateTime.of(2024, 1, 1, 0, 0).plusNanos(i * 1_000L);
                    s.insert(row);
                }
            });
            try (Session s = engine.openSession()) {
                assertThat(s.query(EveryType.class).orderBy(EveryType_.offsetDateTime.asc()).list().stream()
                        .map(r -> r.count).collect(Collectors.toList())).containsExactly(0, 1, 2).inOrder();
                assertThat(s.query(EveryType.class).orderBy(EveryType_.instant.desc()).list().stream()
                        .map(r -> r.count).collect(Collectors.toList())).containsExactly(2, 1, 0).inOrder();
                assertThat(s.query(EveryType.class).where(EveryType_.instant.gt(Instant.parse("2024-01-01T05:30:00Z")))
                        .count()).isEqualTo(2);
                assertThat(s.query(EveryType.class)
                        .where(EveryType_.localDateTime.between(LocalDateTime.of(2024, 1, 1, 0, 0).plusNanos(1_000),
                                LocalDateTime.of(2024, 1, 2, 0, 0))).count()).isEqualTo(2);
            }
        }
    }
}
