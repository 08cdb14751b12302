package dev.limber.samples.docs;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.ConstraintViolationException;
import dev.limber.database.Engine;
import dev.limber.database.ModelRegistry;
import dev.limber.database.Session;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import java.util.List;
import java.util.Optional;

/** The code of docs/models-and-types.md on {@code @Column(ignoreCase = true)}, on all four databases. */
class IgnoreCaseSnippets {

    @AllDatabases
    void anIgnoreCaseColumnFindsAndRefusesEveryCaseOfAValue(TestDatabase db) {
        try (Engine engine = Engine.builder().url(db.url()).username(db.username()).password(db.password())
                .registry(ModelRegistry.of(List.of(ModelRegistry.discover().info(Subscriber.class)))).build()) {
            engine.createAll();
            engine.inTransaction(s -> s.insert(new Subscriber("Ann@Example.org", "Ann")));
            try (Session session = engine.openSession()) {
                // tag::ignore-case-query[]
                Optional<Subscriber> ann = session.query(Subscriber.class)
                        .where(Subscriber_.email.eq("ann@example.ORG"))    // finds "Ann@Example.org"
                        .first();
                long none = session.query(Subscriber.class)
                        .where(Subscriber_.name.eq("ANN"))                  // a plain column: exact, finds nothing
                        .count();
                // end::ignore-case-query[]
                assertThat(ann.map(s -> s.name)).hasValue("Ann");
                assertThat(none).isEqualTo(0);
            }
            assertThrows(ConstraintViolationException.class,
                    () -> engine.inTransaction(s -> s.insert(new Subscriber("ANN@EXAMPLE.ORG", "Ann again"))));
        }
    }
}
