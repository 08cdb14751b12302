package dev.limber.benchmarks;

import dev.limber.benchmarks.contenders.JdbcContender;
import dev.limber.benchmarks.contenders.JdbiContender;
import dev.limber.benchmarks.contenders.JooqContender;
import dev.limber.benchmarks.hibernate.HibernateContender;
import dev.limber.benchmarks.limber.LimberContender;
import dev.limber.benchmarks.limber.LimberQueryContender;
import dev.limber.benchmarks.limber.LimberReadContender;
import dev.limber.benchmarks.limber.LimberRepositoryContender;

/** Every contender, by the name the JMH {@code contender} parameter uses. */
public final class Contenders {
    public static final String JDBC = "jdbc";

    private Contenders() {
    }

    /**
     * Opens the named contender on {@code database}. Typed as Object so that one benchmark method
     * drives them all; in a fork only one contender runs, so the calls stay monomorphic.
     */
    @SuppressWarnings("unchecked")
    public static Contender<Object, Object> open(String name, Database database) {
        Contender<?, ?> contender;
        switch (name) {
            case JDBC: contender = new JdbcContender(database); break;
            case "jdbc-tx": contender = new JdbcContender(database, true); break;
            case "hibernate": contender = new HibernateContender(database); break;
            case "jooq": contender = new JooqContender(database); break;
            case "jdbi": contender = new JdbiContender(database, false); break;
            case "jdbi-bean": contender = new JdbiContender(database, true); break;
            case "limber": contender = new LimberContender(database); break;
            case "limber-repository": contender = new LimberRepositoryContender(database); break;
            case "limber-query": contender = new LimberQueryContender(database); break;
            case "limber-read": contender = new LimberReadContender(database); break;
            default:
                throw new IllegalArgumentException("Unknown contender " + name
                        + "; use jdbc, jdbc-tx, limber, limber-repository, limber-query, limber-read, hibernate, jooq, jdbi or jdbi-bean");
        }
        return (Contender<Object, Object>) contender;
    }
}
