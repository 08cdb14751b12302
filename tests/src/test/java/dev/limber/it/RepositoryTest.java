package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Databases.q;
import static dev.limber.it.Databases.rawCount;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.Engine;
import dev.limber.database.MappingException;
import dev.limber.database.NotFoundException;
import dev.limber.database.Page;
import dev.limber.database.Session;
import dev.limber.database.repository.PageRequest;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.repository.Title;
import dev.limber.it.repository.Title_;
import dev.limber.it.repository.Titles;
import dev.limber.it.repository.Titles.TitleLine;
import dev.limber.it.repository.Writer;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Derived repository methods, each keyword and return type, on every database. Every answer is
 * chosen so that a soft-deleted row of {@link Shelf} would change it.
 */
class RepositoryTest {
    private Writer ursula;
    private Writer stanislaw;

    /** The shelf of {@link Shelf#seed}, remembering two of its writers. */
    private Engine seeded(TestDatabase db) {
        Shelf shelf = Shelf.seed(db);
        ursula = shelf.ursula();
        stanislaw = shelf.stanislaw();
        return shelf.engine();
    }

    private static List<String> titles(List<Title> rows) {
        return rows.stream().map(t -> t.title).collect(Collectors.toList());
    }

    private static long rows(TestDatabase db) {
        return rawCount(db, "SELECT COUNT(*) FROM " + q(db, "repo_titles"));
    }

    @AllDatabases
    void eachReturnTypeReadsLiveRows(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            Titles repo = s.repository(Titles.class);
            assertThat(repo.findByTitle("Solaris").pages).isEqualTo(204);
            assertThrows(NotFoundException.class, () -> repo.findByTitle("Dune"));
            assertThat(repo.findByIsbn("111").map(t -> t.title)).hasValue("Earthsea");
            assertThat(repo.findByIsbn("555")).isEmpty();
            assertThat(titles(repo.findByTitleEquals("Valis"))).containsExactly("Valis");
            assertThat(titles(repo.findByTitleEquals("Dune"))).isEmpty();
            try (Stream<Title> all = repo.findAllByOrderByTitle()) {
                assertThat(all.map(t -> t.title).collect(Collectors.toList()))
                        .containsExactly("Dispossessed", "Earthsea", "Orphan", "Solaris", "Valis").inOrder();
            }
            assertThat(titles(repo.findAll())).containsExactly("Earthsea", "Dispossessed", "Solaris", "Valis", "Orphan");
        }
    }

    @AllDatabases
    void findByIdReadsTheLiveRowByItsKey(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            Titles repo = s.repository(Titles.class);
            Long solaris = s.query(Title.class).where(Title_.title.eq("Solaris")).one().id;
            Long dune = s.query(Title.class).onlyTrashed().where(Title_.title.eq("Dune")).one().id;
            assertThat(repo.findById(solaris).map(t -> t.title)).hasValue("Solaris");
            assertThat(repo.findById(dune)).isEmpty();           // soft-deleted
            assertThat(repo.findById(-1L)).isEmpty();            // no such row
            assertThat(repo.findById(null)).isEmpty();           // no key, no row
        }
    }

    @AllDatabases
    void pagesCountOnlyLiveRows(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            Titles repo = s.repository(Titles.class);
            // pages > 100: five live titles; deleted Dune (412) and Ubik (202) would make seven
            Page<Title> second = repo.findByPagesGreaterThan(100, PageRequest.of(1, 2));
            assertThat(titles(second.content())).containsExactly("Solaris", "Valis").inOrder();
            assertThat(second.total()).isEqualTo(5);
            assertThat(second.totalPages()).isEqualTo(3);
            assertThat(second.number()).isEqualTo(1);
            Page<Title> last = repo.findByPagesGreaterThan(100, PageRequest.of(2, 2));
            assertThat(titles(last.content())).containsExactly("Orphan");
            assertThat(last.hasNext()).isFalse();
            assertThat(repo.findByPagesGreaterThan(100, PageRequest.of(3, 2)).content()).isEmpty();
        }
    }

    @AllDatabases
    void eachConditionKeyword(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            Titles repo = s.repository(Titles.class);
            assertThat(titles(repo.findByTitleIsOrderByTitle("Ubik"))).isEmpty();
            assertThat(titles(repo.findByTitleNotOrderByTitle("Earthsea")))
                    .containsExactly("Dispossessed", "Orphan", "Solaris", "Valis").inOrder();
            assertThat(titles(repo.findByPagesLessThanOrderByTitle(204))).containsExactly("Earthsea", "Orphan").inOrder();
            assertThat(titles(repo.findByPagesLessThanEqualOrderByTitle(204)))
                    .containsExactly("Earthsea", "Orphan", "Solaris").inOrder();
            assertThat(titles(repo.findByPagesGreaterThanOrderByTitle(240))).containsExactly("Dispossessed");
            assertThat(titles(repo.findByPagesGreaterThanEqualOrderByTitle(240)))
                    .containsExactly("Dispossessed", "Valis").inOrder();
            assertThat(titles(repo.findByPagesBetweenOrderByTitle(201, 300))).containsExactly("Solaris", "Valis").inOrder();
            assertThat(titles(repo.findByTitleLikeOrderByTitleAsc("%i%")))
                    .containsExactly("Dispossessed", "Solaris", "Valis").inOrder();
            assertThat(titles(repo.findByTitleNotLikeOrderByTitle("%i%"))).containsExactly("Earthsea", "Orphan").inOrder();
            assertThat(titles(repo.findByTitleInOrderByTitle(Set.of("Dune", "Solaris", "Ubik")))).containsExactly("Solaris");
            assertThat(titles(repo.findByTitleNotInOrderByTitle(List.of("Earthsea", "Solaris"))))
                    .containsExactly("Dispossessed", "Orphan", "Valis").inOrder();
            assertThat(titles(repo.findByIsbnIsNullOrderByTitle())).containsExactly("Dispossessed");
            assertThat(titles(repo.findByIsbnIsNotNullOrderByTitle()))
                    .containsExactly("Earthsea", "Orphan", "Solaris", "Valis").inOrder();
            assertThat(titles(repo.findByInPrintTrueOrderByTitle()))
                    .containsExactly("Dispossessed", "Earthsea", "Valis").inOrder();
            assertThat(titles(repo.findByInPrintFalseOrderByTitle())).containsExactly("Orphan", "Solaris").inOrder();
        }
    }

    @AllDatabases
    void propertyNamesHoldingKeywordsAreReadWhole(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            Titles repo = s.repository(Titles.class);
            // invoiceNumber is not "invoice In Number", orderNumber not "Or derNumber"
            assertThat(titles(repo.findByInvoiceNumber("INV-1"))).containsExactly("Earthsea");
            assertThat(titles(repo.findByOrderNumberOrderByTitle("ORD-1"))).containsExactly("Earthsea", "Solaris").inOrder();
        }
    }

    @AllDatabases
    void andBindsTighterThanOr(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            Titles repo = s.repository(Titles.class);
            // (pages > 300 AND inPrint) OR title = 'Solaris'; deleted Dune (412, in print) would match too
            assertThat(titles(repo.findByPagesGreaterThanAndInPrintTrueOrTitleOrderByTitleDesc(300, "Solaris")))
                    .containsExactly("Solaris", "Dispossessed").inOrder();
        }
    }

    @AllDatabases
    void orderingAndLimits(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            Titles repo = s.repository(Titles.class);
            assertThat(titles(repo.findByInPrintTrueOrderByPagesDescTitleAsc()))
                    .containsExactly("Dispossessed", "Valis", "Earthsea").inOrder();
            assertThat(repo.findFirstByOrderByPagesDesc().map(t -> t.title)).hasValue("Dispossessed");
            assertThat(titles(repo.findTop2ByOrderByPagesDesc())).containsExactly("Dispossessed", "Valis").inOrder();
        }
    }

    @AllDatabases
    void toOnePathsAndRelationParameters(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            Titles repo = s.repository(Titles.class);
            assertThat(titles(repo.findByWriterNameOrderByTitle("Ursula"))).containsExactly("Dispossessed", "Earthsea")
                    .inOrder();
            assertThat(titles(repo.findByWriterNameOrderByTitle("Philip"))).isEmpty();
            assertThat(repo.countByWriter(ursula)).isEqualTo(2);
            assertThat(repo.countByWriterId(stanislaw.id)).isEqualTo(1);
            assertThat(titles(repo.findByWriterIsNullOrderByTitle())).containsExactly("Orphan");
        }
    }

    @AllDatabases
    void recordsAreProjections(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            Titles repo = s.repository(Titles.class);
            assertThat(repo.findByInPrintTrueOrderByTitleAsc()).containsExactly(
                    new TitleLine("Dispossessed", 387, "Ursula"),
                    new TitleLine("Earthsea", 200, "Ursula"),
                    new TitleLine("Valis", 240, null)).inOrder();
            // deleted Ubik (202 pages) would come first
            assertThat(repo.findFirstByPagesGreaterThanOrderByPagesAsc(201))
                    .hasValue(new TitleLine("Solaris", 204, "Stanislaw"));
        }
    }

    @AllDatabases
    void countsAndChecksSeeLiveRows(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            Titles repo = s.repository(Titles.class);
            assertThat(repo.count()).isEqualTo(5);
            assertThat(repo.countByPagesGreaterThan(203)).isEqualTo(3);
            assertThat(repo.existsByIsbn("333")).isTrue();
            assertThat(repo.existsByIsbn("555")).isFalse();
        }
    }

    @AllDatabases
    void deleteIsSoftRestoreBringsBackForceDeletePurges(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            Titles repo = s.repository(Titles.class);
            assertThat(repo.deleteByTitle("Solaris")).isEqualTo(1);
            assertThat(repo.deleteByTitle("Dune")).isEqualTo(0); // already deleted: keeps its first stamp
            repo.deleteByIsbn("111");
            s.commit();
            assertThat(titles(repo.findByTitleEquals("Solaris"))).isEmpty();
            assertThat(repo.findByIsbn("111")).isEmpty();
            assertThat(rows(db)).isEqualTo(8);

            assertThat(repo.restoreByTitle("Dune")).isEqualTo(1);
            assertThat(repo.restoreByTitle("Valis")).isEqualTo(0); // live already
            assertThat(repo.findByIsbn("555").map(t -> t.title)).hasValue("Dune");

            assertThat(repo.forceDeleteByTitle("Ubik")).isEqualTo(1); // a deleted row is purged too
            assertThat(repo.forceDeleteByTitle("Valis")).isEqualTo(1);
            s.commit();
            assertThat(rows(db)).isEqualTo(6);
        }
    }

    @AllDatabases
    void aRepositoryRunsInItsSessionsTransaction(TestDatabase db) {
        try (Engine engine = seeded(db)) {
            try (Session s = engine.openSession()) {
                s.repository(Titles.class).deleteByTitle("Valis");
                // closed without commit: rolled back
            }
            try (Session s = engine.openSession()) {
                assertThat(titles(s.repository(Titles.class).findByTitleEquals("Valis"))).containsExactly("Valis");
            }
        }
    }

    @Test
    void anInterfaceThatIsNoRepositoryIsAClearError() {
        try (Engine engine = Engine.create("jdbc:h2:mem:repository_error"); Session s = engine.openSession()) {
            MappingException e = assertThrows(MappingException.class, () -> s.repository(Runnable.class));
            assertThat(e).hasMessageThat().contains("java.lang.Runnable is not a generated repository");
            assertThat(e).hasMessageThat().contains("dev.limber.it.repository.Titles");
        }
    }
}
