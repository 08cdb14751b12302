package dev.limber.it;

import static com.google.common.truth.Truth.assertThat;
import static dev.limber.it.Databases.engine;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.ConstraintViolationException;
import dev.limber.database.Engine;
import dev.limber.database.Session;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.models.Account;
import dev.limber.it.models.Account_;
import dev.limber.it.models.Purchase;
import dev.limber.it.models.Purchase_;
import java.util.List;

/**
 * Tables and columns named with SQL reserved words ({@code user}, {@code order}, {@code select},
 * {@code group}, {@code from}, {@code limit}, {@code desc}) are valid identifiers, which Limber
 * quotes in every statement it writes: DDL with foreign keys and live-row unique indexes, reads,
 * writes, soft delete, versions, relations.
 */
class ReservedNamesTest {

    @AllDatabases
    void reservedWordsWorkAsTableAndColumnNamesEverywhere(TestDatabase db) {
        try (Engine engine = engine(db)) {
            Purchase first = engine.transaction(s -> {
                Account account = s.insert(new Account("main"));
                s.insert(new Purchase("b", 2, account));
                return s.insert(new Purchase("a", 1, account));
            });
            try (Session s = engine.openSession()) {
                Account account = s.get(Account.class, first.account.id());
                assertThrows(ConstraintViolationException.class, () -> s.insert(new Purchase("a", 3, account)));
            }
            try (Session s = engine.openSession()) {
                assertThat(s.query(Purchase.class).where(Purchase_.select.eq("a")).one().group).isEqualTo(1);
                List<Purchase> ordered = s.query(Purchase.class).with(Purchase_.account)
                        .where(Purchase_.account.get(Account_.desc).eq("main"))
                        .orderBy(Purchase_.group.desc()).list();
                assertThat(ordered.stream().map(p -> p.select).toList()).containsExactly("b", "a").inOrder();
                assertThat(ordered.get(0).account.get().desc).isEqualTo("main");
                assertThat(s.query(Account.class).whereHas(Account_.purchases).count()).isEqualTo(1);

                long version = first.limit;
                first.group = 7;
                s.update(first);
                assertThat(s.get(Purchase.class, first.id).limit).isEqualTo(version + 1);
                assertThat(s.query(Purchase.class).where(Purchase_.group.gt(1)).update(Purchase_.group.set(9)))
                        .isEqualTo(2);
                s.delete(s.get(Purchase.class, first.id));
                assertThat(s.query(Purchase.class).count()).isEqualTo(1);
                // unique among live rows: the deleted row's value is free again
                s.insert(new Purchase("a", 4, s.get(Account.class, first.account.id())));
                assertThat(s.query(Purchase.class).withTrashed().count()).isEqualTo(3);
                s.commit();
            }
        }
    }
}
