package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.ConstraintViolationException;
import dev.limber.database.Engine;
import dev.limber.database.ModelRegistry;
import dev.limber.database.Session;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Alias;
import dev.limber.it.models.Alias_;
import dev.limber.it.models.Alias_Mapper;
import dev.limber.it.models.ClubMember;
import dev.limber.it.models.ClubMember_;
import dev.limber.it.models.ClubMember_Mapper;
import java.util.List;

/**
 * {@code @Column(ignoreCase = true)}: eq, ne and in and unique indexes ignore ASCII case on every
 * database (H2 VARCHAR_IGNORECASE, SQLite COLLATE NOCASE, MariaDB utf8mb4_general_nopad_ci,
 * PostgreSQL lower(...) on both sides and a unique index on lower(column)), while a plain column
 * beside it still compares exactly.
 */
class IgnoreCaseTest {

    private static Engine engine(TestDatabase db) {
        Engine engine = Engine.builder().url(db.url()).username(db.username()).password(db.password())
                .maxPoolSize(2).registry(ModelRegistry.of(List.of(ClubMember_Mapper.INFO, Alias_Mapper.INFO)))
                .build();
        engine.createAll();
        return engine;
    }

    private static Engine seeded(TestDatabase db) {
        Engine engine = engine(db);
        engine.inTransaction(s -> {
            s.insert(new ClubMember("ann@example.org", "ann", "Oslo", "chess", "Queen"));
            s.insert(new ClubMember("Bob@Example.org", "bob", "oslo", "chess", "rook"));
            s.insert(new ClubMember("carl@example.org", "Carl", "Bergen", "go", "queen"));
        });
        return engine;
    }

    private static List<String> nicknames(Session s, dev.limber.database.query.Condition condition) {
        return s.query(ClubMember.class).where(condition).orderBy(ClubMember_.nickname.asc()).list().stream()
                .map(m -> m.nickname).toList();
    }

    @AllDatabases
    void eqNeAndInIgnoreAsciiCase(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            assertThat(nicknames(s, ClubMember_.email.eq("ANN@EXAMPLE.ORG"))).containsExactly("ann");
            assertThat(nicknames(s, ClubMember_.email.eq("bob@example.org"))).containsExactly("bob");
            assertThat(nicknames(s, ClubMember_.city.eq("OSLO"))).containsExactly("ann", "bob").inOrder();
            assertThat(nicknames(s, ClubMember_.city.ne("oslo"))).containsExactly("Carl");
            assertThat(nicknames(s, ClubMember_.email.in(List.of("BOB@example.ORG", "CARL@EXAMPLE.ORG", "nobody"))))
                    .containsExactly("Carl", "bob").inOrder();
            // the same query shape again, with other values: the rendered SQL is reused
            assertThat(nicknames(s, ClubMember_.email.eq("Carl@Example.Org"))).containsExactly("Carl");
            // case only: trailing spaces and other letters still count
            assertThat(nicknames(s, ClubMember_.email.eq("ann@example.org "))).isEmpty();
            assertThat(nicknames(s, ClubMember_.email.eq("ann@example.com"))).isEmpty();
        }
    }

    @AllDatabases
    void aPlainColumnBesideItStillComparesExactly(TestDatabase db) {
        try (Engine engine = seeded(db); Session s = engine.openSession()) {
            assertThat(nicknames(s, ClubMember_.nickname.eq("ANN"))).isEmpty();
            assertThat(nicknames(s, ClubMember_.nickname.in(List.of("ANN", "carl")))).isEmpty();
            assertThat(nicknames(s, ClubMember_.club.eq("CHESS"))).isEmpty();
            // a unique plain column takes another case of a value
            engine.inTransaction(x -> x.insert(new ClubMember("dora@example.org", "ANN", "Oslo", "go", "dora")));
            assertThat(nicknames(s, ClubMember_.nickname.eq("ANN"))).containsExactly("ANN");
        }
    }

    @AllDatabases
    void aUniqueIgnoreCaseColumnRefusesAnotherCaseOfAValue(TestDatabase db) {
        try (Engine engine = seeded(db)) {
            assertThrows(ConstraintViolationException.class, () -> engine.inTransaction(
                    s -> s.insert(new ClubMember("ANN@example.org", "ann2", "Oslo", "go", "ann2"))));
            // another value is fine, and the refused row left nothing behind
            engine.inTransaction(s -> s.insert(new ClubMember("ann@example.net", "ann3", "Oslo", "go", "ann3")));
            try (Session s = engine.openSession()) {
                assertThat(s.query(ClubMember.class).count()).isEqualTo(4);
            }
        }
    }

    @AllDatabases
    void aUniqueOverSeveralColumnsIgnoresTheCaseOfItsIgnoreCaseColumn(TestDatabase db) {
        try (Engine engine = seeded(db)) {
            // "queen" is taken in club chess as "Queen"; club go has its own "queen"
            assertThrows(ConstraintViolationException.class, () -> engine.inTransaction(
                    s -> s.insert(new ClubMember("eve@example.org", "eve", "Oslo", "chess", "QUEEN"))));
            engine.inTransaction(
                    s -> s.insert(new ClubMember("eve@example.org", "eve", "Oslo", "Chess", "QUEEN")));
        }
    }

    @AllDatabases
    void onASoftDeleteModelADeletedValueFreesEveryCaseOfIt(TestDatabase db) {
        try (Engine engine = engine(db)) {
            Alias first = engine.transaction(s -> s.insert(Alias.named("Nemo")));
            assertThrows(ConstraintViolationException.class,
                    () -> engine.inTransaction(s -> s.insert(Alias.named("NEMO"))));
            engine.inTransaction(s -> s.delete(first));
            engine.inTransaction(s -> s.insert(Alias.named("NEMO")));
            try (Session s = engine.openSession()) {
                assertThat(s.query(Alias.class).where(Alias_.name.eq("nemo")).list().stream().map(Alias::name)
                        .toList()).containsExactly("NEMO");
            }
        }
    }
}
