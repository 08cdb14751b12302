package dev.limber.benchmarks;

import java.sql.SQLException;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One report contender on one database, per fork: the book tables (W11 pages {@code soft_book})
 * and the relation tables (W10 groups {@code authored_book}) are rebuilt and seeded, the contender
 * opened and its answers checked against hand-written JDBC before the first timed call. Its own
 * parameter, {@code reporter}, names the contenders, so that {@code -p contender=...} meant for
 * W0-W7 (which may name the {@code jdbc-tx} control or {@code jdbi-bean}) leaves it alone.
 */
@State(Scope.Benchmark)
public class ReportFixture {
    @Param({"h2", "postgresql"})
    public String database;

    /** {@code limber-repository} (W10 as a {@code @Query}, W11 as a derived method) runs when named. */
    @Param({"jdbc", "limber", "hibernate", "jooq", "jdbi"})
    public String reporter;

    public ReportContender<Object, Object> subject;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        Database db = Database.fromParameter(database);
        Schema.reset(db);
        Schema.resetRelations(db);
        subject = ReportContenders.open(reporter, db);
        ReportVerifier.verify(reporter, subject, db);
    }

    @TearDown(Level.Trial)
    public void close() {
        if (subject != null) {
            subject.close();
        }
    }
}
