package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Databases.engine;

import dev.limber.database.Engine;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.EveryType;
import dev.limber.it.models.Meeting;
import dev.limber.it.models.Meeting_;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The model a write returns holds what the row holds: where a database keeps microseconds
 * (PostgreSQL, MariaDB), the nanoseconds Limber cut before binding are cut in the model too, so it
 * equals the model a fresh read returns. H2 and SQLite keep all nine digits.
 */
class StoredTimesTest {
    private static final LocalDateTime AT = LocalDateTime.of(2026, 3, 4, 5, 6, 7, 123_456_789);
    private static final Instant BOOKED = Instant.parse("2026-03-04T05:06:07.987654321Z");
    private static final LocalTime TIME = LocalTime.of(5, 6, 7, 999_999_999);
    private static final OffsetDateTime OFFSET = OffsetDateTime.of(AT, ZoneOffset.UTC);

    private static EveryType times() {
        EveryType row = new EveryType();
        row.time = TIME;
        row.localDateTime = AT;
        row.instant = BOOKED;
        row.offsetDateTime = OFFSET;
        return row;
    }

    private static void assertSameTimes(EveryType written, EveryType read) {
        assertThat(written.time).isEqualTo(read.time);
        assertThat(written.localDateTime).isEqualTo(read.localDateTime);
        assertThat(written.instant).isEqualTo(read.instant);
        assertThat(written.offsetDateTime.toInstant()).isEqualTo(read.offsetDateTime.toInstant());
    }

    @AllDatabases
    void insertedModelHoldsTheStoredTimes(TestDatabase db) {
        try (Engine engine = engine(db)) {
            EveryType written = engine.transaction(s -> s.insert(times()));
            EveryType read = engine.transaction(s -> s.get(EveryType.class, written.id));
            assertSameTimes(written, read);
        }
    }

    @AllDatabases
    void insertedRecordHoldsTheStoredTimes(TestDatabase db) {
        try (Engine engine = engine(db)) {
            Meeting written = engine.transaction(s -> s.insert(new Meeting(null, "kick-off", AT, BOOKED)));
            Meeting read = engine.transaction(s -> s.get(Meeting.class, written.id()));
            assertThat(written).isEqualTo(read);
        }
    }

    @AllDatabases
    void modelsOfInsertAllHoldTheStoredTimes(TestDatabase db) {
        try (Engine engine = engine(db)) {
            List<Meeting> written = engine.transaction(s -> s.insertAll(List.of(
                    new Meeting(1L, "one", AT, BOOKED), new Meeting(2L, "two", AT.plusNanos(1), BOOKED))));
            List<Meeting> read = engine.transaction(s -> s.query(Meeting.class).orderBy(Meeting_.id.asc()).list());
            assertThat(written).containsExactlyElementsIn(read).inOrder();
            List<EveryType> classes = engine.transaction(s -> s.insertAll(List.of(times(), times())));
            for (EveryType row : classes) {
                assertSameTimes(row, engine.transaction(s -> s.get(EveryType.class, row.id)));
            }
        }
    }

    @AllDatabases
    void updatedModelHoldsTheStoredTimes(TestDatabase db) {
        try (Engine engine = engine(db)) {
            EveryType row = engine.transaction(s -> s.insert(new EveryType()));
            row.time = TIME;
            row.localDateTime = AT;
            row.instant = BOOKED;
            row.offsetDateTime = OFFSET;
            EveryType written = engine.transaction(s -> s.update(row));
            assertSameTimes(written, engine.transaction(s -> s.get(EveryType.class, row.id)));
        }
    }

    @AllDatabases
    void partiallyUpdatedRecordHoldsTheStoredTimes(TestDatabase db) {
        try (Engine engine = engine(db)) {
            Meeting inserted = engine.transaction(s -> s.insert(new Meeting(null, "kick-off", null, null)));
            Meeting changed = new Meeting(inserted.id(), "kick-off", AT, BOOKED);
            Meeting written = engine.transaction(s -> s.update(changed, Meeting_.startsAt));
            Meeting read = engine.transaction(s -> s.get(Meeting.class, inserted.id()));
            assertThat(written.startsAt()).isEqualTo(read.startsAt());
            // a column the update did not write is left as the caller gave it
            assertThat(written.bookedAt()).isEqualTo(BOOKED);
            assertThat(read.bookedAt()).isNull();
        }
    }
}
