package dev.limber.samples.docs;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.CommitToken;
import dev.limber.database.Engine;
import dev.limber.database.EngineStats;
import dev.limber.database.LimberException;
import dev.limber.database.ModelRegistry;
import dev.limber.database.RetryPolicy;
import dev.limber.database.testing.Cluster;
import dev.limber.samples.bookstore.Author;
import dev.limber.samples.bookstore.Author_;
import dev.limber.samples.bookstore.Book;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The code of docs/scaling.md. The replica and Galera parts run on the servers of .ci/cluster
 * (skipped, with the reason printed, when its URLs are unset outside CI); the rest on H2.
 */
class ScalingSnippets {
    private static ModelRegistry models() {
        ModelRegistry all = ModelRegistry.discover();
        return ModelRegistry.of(List.of(all.info(Author.class), all.info(Book.class), all.info(Invoice.class)));
    }

    @Test
    void readsGoToAReplicaThatHasTheCommitElseToThePrimary() throws Exception {
        try (Cluster.PgSchema schema = Cluster.pgSchema()) {
            String primaryUrl = schema.primaryUrl();
            String replicaUrl = schema.replicaUrl();
            // tag::replicas-builder[]
            Engine engine = Engine.builder()
                    .url(primaryUrl)                         // jdbc:postgresql://primary:5432/shop
                    .replica(replicaUrl)                     // repeatable: one pool per replica
                    .maxReplicaLag(Duration.ofSeconds(5))    // a replica further behind is not read
                    .retry(RetryPolicy.attempts(5))          // serialization failures, deadlocks: run the work again
                    .registry(models())
                    .build();
            // end::replicas-builder[]
            try (engine) {
                engine.createAll();
                schema.awaitReplay();
                // tag::replicas-read[]
                List<Author> authors = engine.read(s -> s.query(Author.class).orderBy(Author_.name.asc()).list());
                // end::replicas-read[]
                assertThat(authors).isEmpty();
                assertThat(engine.stats().replicaReads()).isEqualTo(1L);

                // tag::replicas-read-your-writes[]
                engine.inTransaction(s -> s.insert(new Author("Ursula K. Le Guin")));
                long count = engine.read(s -> s.query(Author.class).count());   // 1: this engine's commit is seen
                // end::replicas-read-your-writes[]
                assertThat(count).isEqualTo(1L);

                try (Engine otherProcess = Engine.builder().url(primaryUrl).replica(replicaUrl).registry(models())
                        .build()) {
                    // tag::replicas-token[]
                    String token = engine.lastCommit().toString();   // "postgresql:0/3000148": keep it in the user's session
                    // the next request, perhaps served by another process:
                    long seen = otherProcess.read(CommitToken.parse(token), s -> s.query(Author.class).count());
                    // end::replicas-token[]
                    assertThat(token).startsWith("postgresql:");
                    assertThat(seen).isEqualTo(1L);
                }

                // tag::replicas-stats[]
                EngineStats stats = engine.stats();
                long onReplicas = stats.replicaReads();   // reads served by replicas
                long onPrimary = stats.primaryReads();    // reads served by the primary
                long fallbacks = stats.fallbacks();       // of those, reads no replica was fresh enough for
                long retries = stats.retries();           // transactions (and reads) run again under the RetryPolicy
                // end::replicas-stats[]
                assertThat(onReplicas + onPrimary).isEqualTo(2L);
                assertThat(fallbacks).isEqualTo(onPrimary);
                assertThat(retries).isEqualTo(0L);
            }
        }
    }

    @Test
    void aTransactionRunsAgainWhenItLosesARace() {
        String url = "jdbc:h2:mem:retry;DB_CLOSE_DELAY=-1";
        // tag::retry-transaction[]
        Engine engine = Engine.builder()
                .url(url)
                .retry(RetryPolicy.attempts(5))          // at most 5 runs, 10 ms, 20 ms, 40 ms ... apart (jittered)
                .build();
        // end::retry-transaction[]
        try (engine) {
            engine.createAll();
            long id = engine.transaction(s -> s.insert(newInvoice())).id;
            AtomicInteger runs = new AtomicInteger();
            // tag::retry-work[]
            engine.inTransaction(s -> {
                Invoice invoice = s.get(Invoice.class, id);  // read afresh on every run
                invoice.status = Invoice.Status.PAID;
                s.update(invoice);                            // a stale @Version, a deadlock, a serialization failure
            });                                               // or a certification failure: the lambda runs again
            // end::retry-work[]
            Invoice.Status status = engine.transaction(s -> s.get(Invoice.class, id).status);
            assertThat(status).isEqualTo(Invoice.Status.PAID);

            // what it claims: a unit of work whose row changes between its read and its write runs again
            engine.inTransaction(s -> {
                Invoice invoice = s.get(Invoice.class, id);
                if (runs.incrementAndGet() == 1) {
                    engine.inTransaction(other -> {
                        Invoice same = other.get(Invoice.class, id);
                        same.total = new BigDecimal("12.50");
                        other.update(same);
                    });
                }
                invoice.status = Invoice.Status.VOID;
                s.update(invoice);
            });
            assertThat(runs.get()).isEqualTo(2);
            assertThat(engine.stats().retries()).isEqualTo(1L);
        }
    }

    @Test
    void aReadSessionRefusesWrites() {
        try (Engine engine = Engine.builder().url("jdbc:h2:mem:read-only;DB_CLOSE_DELAY=-1").registry(models())
                .build()) {
            engine.createAll();
            // tag::read-only[]
            LimberException refused = assertThrows(LimberException.class,
                    () -> engine.read(s -> s.insert(new Author("Nobody"))));   // thrown before any SQL is sent
            // end::read-only[]
            assertThat(refused).hasMessageThat().contains("This session only reads");
            long authors = engine.transaction(s -> s.query(Author.class).count());
            assertThat(authors).isEqualTo(0L);
        }
    }

    @Test
    void aGaleraClusterThroughOneUrl() throws Exception {
        try (Cluster.GaleraDatabase galera = Cluster.galeraDatabase()) {
            String nodes = String.join(",", galera.nodeUrls().stream()
                    .map(url -> url.replaceFirst("^jdbc:mariadb://([^/]+)/.*$", "$1")).toList());
            String database = galera.name();
            String user = "root";
            // tag::galera-url[]
            Engine engine = Engine.builder()
                    .url("jdbc:mariadb:sequential://" + nodes + "/" + database   // node1:3306,node2:3306,node3:3306
                            + "?sessionVariables=wsrep_sync_wait=1")             // causal reads on every node
                    .username(user)
                    .retry(RetryPolicy.attempts(5))        // a certification failure (1213) runs the work again
                    .registry(models())
                    .build();
            // end::galera-url[]
            try (engine) {
                engine.createAll();
                engine.inTransaction(s -> s.insert(new Author("Octavia E. Butler")));
                long authors = engine.read(s -> s.query(Author.class).count());
                assertThat(authors).isEqualTo(1L);
                try (Connection c = engine.connect(); Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT @@wsrep_sync_wait, @@wsrep_on")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(1);
                    assertThat(rs.getBoolean(2)).isTrue();
                }
            }
        }
    }

    private static Invoice newInvoice() {
        Invoice invoice = new Invoice();
        invoice.reference = UUID.randomUUID();
        invoice.customerName = "Ada";
        invoice.total = new BigDecimal("10.00");
        return invoice;
    }
}
