package dev.limber.database;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.dialect.Dialect;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Which failures a RetryPolicy runs the work again for, and how long it pauses: no database needed. */
class RetryPolicyTest {

    private static LimberException failedWith(SQLException cause) {
        return new LimberException("Statement failed", "UPDATE x", cause);
    }

    @Test
    void conflictsAndStaleVersionsAreRetried() {
        RetryPolicy policy = RetryPolicy.attempts(3);
        for (Dialect dialect : Dialect.all()) {
            assertThat(policy.retries(new TransactionConflictException("lost", null, null), 1, dialect)).isTrue();
            assertThat(policy.retries(new StaleObjectException("changed"), 2, dialect)).isTrue();
            // the third run was the last
            assertThat(policy.retries(new TransactionConflictException("lost", null, null), 3, dialect)).isFalse();
        }
    }

    @Test
    void anUnknownCommitOutcomeIsNeverRetriedWhateverItsCause() {
        CommitOutcomeUnknownException unknown = new CommitOutcomeUnknownException("lost during COMMIT", "COMMIT",
                new SQLException("could not serialize access", "40001"));
        for (Dialect dialect : Dialect.all()) {
            assertThat(RetryPolicy.attempts(10).retries(unknown, 1, dialect)).isFalse();
        }
    }

    @Test
    void galeraCertificationFailuresAndNodesNotReadyAreRetriedOnMariaDb() {
        RetryPolicy policy = RetryPolicy.attempts(5);
        SQLException certification = new SQLException("Deadlock found when trying to get lock; try restarting"
                + " transaction", "40001", 1213);
        SQLException notReady = new SQLNonTransientConnectionException("WSREP has not yet prepared node for"
                + " application use", "08S01", 1047);
        assertThat(policy.retries(failedWith(certification), 1, Dialect.MARIADB)).isTrue();
        assertThat(policy.retries(failedWith(notReady), 1, Dialect.MARIADB)).isTrue();
        // 1047 comes with a connection-class SQLSTATE, yet the server answered: not a lost connection
        assertThat(Dialect.MARIADB.isConnectionLost(notReady)).isFalse();
        // error codes are MariaDB's own
        assertThat(policy.retries(failedWith(new SQLException("x", "HY000", 1047)), 1, Dialect.POSTGRESQL)).isFalse();
    }

    @Test
    void postgresSerializationFailuresDeadlocksAndReadOnlyServersAreRetried() {
        RetryPolicy policy = RetryPolicy.attempts(2);
        assertThat(policy.retries(failedWith(new SQLException("could not serialize", "40001")), 1,
                Dialect.POSTGRESQL)).isTrue();
        assertThat(policy.retries(failedWith(new SQLException("deadlock detected", "40P01")), 1,
                Dialect.POSTGRESQL)).isTrue();
        assertThat(policy.retries(failedWith(new SQLException("cannot execute INSERT in a read-only transaction",
                "25006")), 1, Dialect.POSTGRESQL)).isTrue();
    }

    @Test
    void otherFailuresAreNotRetried() {
        RetryPolicy policy = RetryPolicy.attempts(5);
        assertThat(policy.retries(failedWith(new SQLException("duplicate key", "23505")), 1, Dialect.POSTGRESQL))
                .isFalse();
        assertThat(policy.retries(new NotFoundException("none"), 1, Dialect.H2)).isFalse();
        assertThat(policy.retries(new IllegalStateException("a bug"), 1, Dialect.H2)).isFalse();
        assertThat(RetryPolicy.none().retries(new TransactionConflictException("lost", null, null), 1, Dialect.H2))
                .isFalse();
    }

    @Test
    void theBackoffIsJitteredUnderACeilingThatDoublesUpToTheMaximum() {
        RetryPolicy policy = RetryPolicy.attempts(10).backoff(Duration.ofMillis(8), Duration.ofMillis(50));
        long[] ceilings = {8, 16, 32, 50, 50};
        for (int attempt = 1; attempt <= ceilings.length; attempt++) {
            long most = 0;
            java.util.Set<Long> seen = new java.util.HashSet<>();
            for (int draw = 0; draw < 2000; draw++) {
                long pause = policy.backoffMillis(attempt);
                assertThat(pause).isAtLeast(0L);
                assertThat(pause).isAtMost(ceilings[attempt - 1]);
                most = Math.max(most, pause);
                seen.add(pause);
            }
            assertThat(most).isEqualTo(ceilings[attempt - 1]); // the ceiling is reached: full jitter, not a fixed pause
            assertThat(seen.size()).isGreaterThan(5);
        }
        assertThat(RetryPolicy.attempts(2).backoff(Duration.ZERO, Duration.ZERO).backoffMillis(3)).isEqualTo(0L);
    }

    @Test
    void settingsAreChecked() {
        assertThat(assertThrows(LimberException.class, () -> RetryPolicy.attempts(0))).hasMessageThat()
                .contains("RetryPolicy.attempts cannot be less than 1 (was 0)");
        assertThat(assertThrows(LimberException.class,
                () -> RetryPolicy.attempts(2).backoff(Duration.ofSeconds(2), Duration.ofSeconds(1))))
                .hasMessageThat().contains("0 <= initial <= max");
        assertThat(RetryPolicy.attempts(4).attempts()).isEqualTo(4);
        assertThat(RetryPolicy.none().attempts()).isEqualTo(1);
    }
}
