package dev.limber.database;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariConfig;
import dev.limber.database.dialect.Dialect;
import dev.limber.database.dialect.ReplayPositions;
import org.junit.jupiter.api.Test;

/** The parts of replica routing that need no server: positions, tokens, the lag estimate, the breaker. */
class ReplicaRoutingUnitTest {
    private static final long MS = 1_000_000L;

    @Test
    void walPositionsCompareAsSixtyFourBitNumbers() {
        ReplayPositions wal = ReplayPositions.WAL;
        assertThat(wal.reached("0/3000060", "0/3000060")).isTrue();
        assertThat(wal.reached("0/3000060", "0/3000061")).isFalse();
        assertThat(wal.reached("1/0", "0/FFFFFFFF")).isTrue(); // the high half counts first
        assertThat(wal.reached("F/A", "10/0")).isFalse();
        assertThat(wal.reached(null, "0/1")).isFalse(); // a standby that has replayed nothing yet
        assertThat(wal.merge("0/FFFFFFFF", "1/0")).isEqualTo("1/0");
        assertThat(assertThrows(IllegalArgumentException.class, () -> wal.parse("16-B3"))).hasMessageThat()
                .contains("not a PostgreSQL WAL position");
    }

    @Test
    void gtidPositionsCompareDomainByDomain() {
        ReplayPositions gtid = ReplayPositions.GTID;
        assertThat(gtid.reached("0-1-100", "0-1-100")).isTrue();
        assertThat(gtid.reached("0-1-100", "0-2-101")).isFalse(); // the server id changes, the sequence counts
        assertThat(gtid.reached("0-1-100,1-2-5", "1-2-5")).isTrue();
        assertThat(gtid.reached("0-1-100", "1-2-5")).isFalse(); // a domain the replica has not seen
        assertThat(gtid.reached("0-1-100,1-2-5", "0-1-99,1-2-6")).isFalse();
        assertThat(gtid.merge("0-1-100,1-2-5", "1-2-9,0-1-7")).isEqualTo("0-1-100,1-2-9");
        assertThat(assertThrows(IllegalArgumentException.class, () -> gtid.parse("0-1"))).hasMessageThat()
                .contains("not a MariaDB GTID");
    }

    @Test
    void aTokenTravelsAsTextAndCoversTheLaterOfTwoCommits() {
        CommitToken token = CommitToken.of(Dialect.POSTGRESQL, "0/3000060");
        assertThat(token.toString()).isEqualTo("postgresql:0/3000060");
        assertThat(CommitToken.parse(token.toString())).isEqualTo(token);
        assertThat(token.and(CommitToken.of(Dialect.POSTGRESQL, "0/2000000"))).isEqualTo(token);
        assertThat(CommitToken.NONE.and(token)).isEqualTo(token);
        assertThat(CommitToken.parse("")).isSameInstanceAs(CommitToken.NONE);
        assertThat(CommitToken.NONE.toString()).isEmpty();
        assertThat(CommitToken.parse("mariadb:0-1-5,1-1-2").toString()).isEqualTo("mariadb:0-1-5,1-1-2");
        assertThat(assertThrows(LimberException.class, () -> CommitToken.parse("h2:1"))).hasMessageThat()
                .contains("Not a commit token: \"h2:1\" (H2 has no replicas)");
        assertThat(assertThrows(LimberException.class, () -> CommitToken.parse("postgresql:zz"))).hasMessageThat()
                .contains("not a PostgreSQL WAL position");
    }

    @Test
    void anIdlePrimaryIsNotLag() {
        PrimaryTimeline timeline = new PrimaryTimeline(ReplayPositions.WAL, 10_000 * MS);
        timeline.add("0/100", 0);
        timeline.add("0/100", 60_000 * MS); // a minute later the primary has written nothing
        // a replica that replayed 0/100 long ago is as fresh as the last look at the primary
        assertThat(timeline.lag("0/100", 60_010 * MS)).isEqualTo(10 * MS);
    }

    @Test
    void aReplicaLagsByTheTimeSinceThePrimaryLastStoodWhereItHasReplayed() {
        PrimaryTimeline timeline = new PrimaryTimeline(ReplayPositions.WAL, 10_000 * MS);
        timeline.add("0/100", 1_000 * MS);
        timeline.add("0/100", 1_500 * MS);
        timeline.add("0/200", 1_600 * MS);
        timeline.add("0/300", 2_000 * MS);
        assertThat(timeline.lag("0/300", 2_100 * MS)).isEqualTo(100 * MS);
        assertThat(timeline.lag("0/250", 2_100 * MS)).isEqualTo(500 * MS); // it has the commits up to 0/200
        assertThat(timeline.lag("0/100", 2_100 * MS)).isEqualTo(600 * MS); // the primary was last seen at 0/100 at 1.5 s
        assertThat(timeline.lag("0/50", 2_100 * MS)).isEqualTo(Long.MAX_VALUE); // behind everything known
        assertThat(timeline.lag(null, 2_100 * MS)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void oldSamplesAreForgottenSoTheirReplicaCountsAsTooFarBehind() {
        PrimaryTimeline timeline = new PrimaryTimeline(ReplayPositions.WAL, 1_000 * MS);
        timeline.add("0/100", 0);
        timeline.add("0/200", 500 * MS);
        timeline.add("0/300", 2_000 * MS);
        assertThat(timeline.lag("0/100", 2_000 * MS)).isEqualTo(Long.MAX_VALUE);
        assertThat(timeline.newest()).isEqualTo(2_000 * MS);
        timeline.add("0/250", 1_900 * MS); // a late answer older than the newest sample adds nothing
        assertThat(timeline.lag("0/250", 2_000 * MS)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aFailedReplicaIsSkippedForAPauseThatDoublesThenProbedByOneCaller() {
        ReplicaEndpoint replica = new ReplicaEndpoint("replica", new HikariConfig(), new Transaction.ConnectionSource() {
            @Override
            public java.sql.Connection acquire() {
                throw new UnsupportedOperationException();
            }
        });
        long start = System.nanoTime();
        assertThat(replica.available(start)).isTrue();
        replica.failed(new RuntimeException("down"));
        long first = System.nanoTime();
        assertThat(replica.available(first)).isFalse();
        long reopened = first + ReplicaEndpoint.FIRST_PAUSE_NANOS + 10 * MS;
        assertThat(replica.available(reopened)).isTrue(); // one caller probes it
        assertThat(replica.available(reopened)).isFalse(); // the others keep away meanwhile
        replica.failed(new RuntimeException("still down"));
        long second = System.nanoTime();
        assertThat(replica.available(second + ReplicaEndpoint.FIRST_PAUSE_NANOS + 10 * MS)).isFalse(); // twice as long now
        assertThat(replica.available(second + 2 * ReplicaEndpoint.FIRST_PAUSE_NANOS + 10 * MS)).isTrue();
        replica.succeeded();
        assertThat(replica.available(System.nanoTime())).isTrue();
        assertThat(replica.available(System.nanoTime())).isTrue();
    }
}
