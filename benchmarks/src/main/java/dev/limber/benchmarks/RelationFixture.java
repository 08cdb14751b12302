package dev.limber.benchmarks;

import java.sql.SQLException;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One relation contender on one database, per fork: the relation tables are rebuilt and seeded,
 * the contender opened and its answers checked against hand-written JDBC before the first timed
 * call. Its own parameter, {@code loader}, names the contenders (the JDBC and Hibernate baselines
 * come in two shapes each), so that {@code -p contender=...} meant for W0-W7 leaves it alone.
 */
@State(Scope.Benchmark)
public class RelationFixture {
    @Param({"h2", "postgresql"})
    public String database;

    @Param({"jdbc-join", "jdbc-in", "limber", "hibernate-join", "hibernate-batch", "jooq-join", "jooq-multiset",
            "jdbi"})
    public String loader;

    public RelationContender<Object, Object> subject;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        Database db = Database.fromParameter(database);
        Schema.resetRelations(db);
        subject = RelationContenders.open(loader, db);
        RelationVerifier.verify(loader, subject, db);
    }

    @TearDown(Level.Trial)
    public void close() {
        if (subject != null) {
            subject.close();
        }
    }
}
