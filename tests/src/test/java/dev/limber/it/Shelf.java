package dev.limber.it;

import dev.limber.database.Engine;
import dev.limber.database.testing.TestDatabase;
import dev.limber.it.repository.Title;
import dev.limber.it.repository.Writer;

/**
 * The repository tests' data: five live titles, three deleted ones (Dune, Ubik, Lost), and the
 * deleted writer Philip, whose live title Valis no path through him reaches.
 *
 * <pre>
 * title         writer     pages  isbn  in print  invoice  order   deleted
 * Earthsea      Ursula     200    111   yes       INV-1    ORD-1
 * Dispossessed  Ursula     387    -     yes       INV-2    ORD-2
 * Solaris       Stanislaw  204    333   no        -        ORD-1
 * Valis         Philip     240    777   yes       -        -
 * Orphan        -          150    888   no        -        -
 * Dune          Ursula     412    555   yes       INV-1    ORD-1   yes
 * Ubik          Stanislaw  202    -     no        -        -       yes
 * Lost          -          100    999   no        -        -       yes
 * </pre>
 */
record Shelf(Engine engine, Writer ursula, Writer stanislaw) {

    static Shelf seed(TestDatabase db) {
        Engine engine = Databases.engine(db);
        return engine.transaction(s -> {
            Writer ursula = s.insert(new Writer("Ursula"));
            Writer stanislaw = s.insert(new Writer("Stanislaw"));
            Writer philip = s.insert(new Writer("Philip"));
            s.insert(new Title("Earthsea", ursula, 200, "111", true, "INV-1", "ORD-1"));
            s.insert(new Title("Dispossessed", ursula, 387, null, true, "INV-2", "ORD-2"));
            s.insert(new Title("Solaris", stanislaw, 204, "333", false, null, "ORD-1"));
            s.insert(new Title("Valis", philip, 240, "777", true, null, null));
            s.insert(new Title("Orphan", null, 150, "888", false, null, null));
            s.delete(s.insert(new Title("Dune", ursula, 412, "555", true, "INV-1", "ORD-1")));
            s.delete(s.insert(new Title("Ubik", stanislaw, 202, null, false, null, null)));
            s.delete(s.insert(new Title("Lost", null, 100, "999", false, null, null)));
            s.delete(philip);
            return new Shelf(engine, ursula, stanislaw);
        });
    }
}
