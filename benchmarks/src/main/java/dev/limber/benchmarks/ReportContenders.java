package dev.limber.benchmarks;

import dev.limber.benchmarks.contenders.JdbcReports;
import dev.limber.benchmarks.contenders.JdbiReports;
import dev.limber.benchmarks.contenders.JooqReports;
import dev.limber.benchmarks.hibernate.HibernateReports;
import dev.limber.benchmarks.limber.LimberReports;
import dev.limber.benchmarks.limber.LimberRepositoryReports;

/** Every report contender (W10, W11), by the name the JMH {@code reporter} parameter uses. */
public final class ReportContenders {
    /** Hand-written JDBC: the reference every other answer is checked against. */
    public static final String JDBC = "jdbc";

    private ReportContenders() {
    }

    /** Opens the named contender on {@code database}; typed as Object so one benchmark method drives them all. */
    @SuppressWarnings("unchecked")
    public static ReportContender<Object, Object> open(String name, Database database) {
        ReportContender<?, ?> contender;
        switch (name) {
            case JDBC: contender = new JdbcReports(database); break;
            case "limber": contender = new LimberReports(database); break;
            case "limber-repository": contender = new LimberRepositoryReports(database); break;
            case "hibernate": contender = new HibernateReports(database); break;
            case "jooq": contender = new JooqReports(database); break;
            case "jdbi": contender = new JdbiReports(database); break;
            default:
                throw new IllegalArgumentException("Unknown report contender " + name
                        + "; use jdbc, limber, limber-repository, hibernate, jooq or jdbi");
        }
        return (ReportContender<Object, Object>) contender;
    }
}
