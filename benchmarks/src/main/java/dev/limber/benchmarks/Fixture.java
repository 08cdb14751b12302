package dev.limber.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One contender on one database, per fork: the schema is rebuilt and seeded, the contender opened
 * and its answers checked against hand-written JDBC before the first timed call.
 */
@State(Scope.Benchmark)
public class Fixture {
    @Param({"h2", "postgresql", "sqlite", "mariadb"})
    public String database;

    /**
     * {@code jdbc-tx} is a control, not a contender: hand-written JDBC reading inside a transaction.
     * {@code limber-repository} and {@code limber-query} (Limber's W1, W2 and W7 through generated
     * derived and {@code @Query} repository methods) and {@code limber-read} (the same through
     * {@code engine.read}) run when named:
     * {@code -p contender=jdbc,limber,limber-repository,limber-query,limber-read}.
     */
    @Param({"jdbc", "limber", "hibernate", "jooq", "jdbi", "jdbi-bean", "jdbc-tx"})
    public String contender;

    public Database db;
    public Contender<Object, Object> subject;
    /** A plain connection outside the contender's pool, for untimed clean-up. */
    public Connection maintenance;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        db = Database.fromParameter(database);
        Schema.reset(db);
        subject = Contenders.open(contender, db);
        Verifier.verify(contender, subject, db);
        maintenance = Schema.connect(db);
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        if (maintenance != null) {
            maintenance.close();
        }
        if (subject != null) {
            subject.close();
        }
    }
}
