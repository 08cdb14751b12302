package dev.limber.benchmarks;

import dev.limber.benchmarks.contenders.JdbcRelations;
import dev.limber.benchmarks.contenders.JdbiRelations;
import dev.limber.benchmarks.contenders.JooqRelations;
import dev.limber.benchmarks.hibernate.HibernateRelations;
import dev.limber.benchmarks.limber.LimberRelations;

/** Every relation contender (W8, W9), by the name the JMH {@code loader} parameter uses. */
public final class RelationContenders {
    /** Hand-written JDBC with a JOIN: the reference every other answer is checked against. */
    public static final String JDBC_JOIN = "jdbc-join";
    /** Hand-written JDBC in two statements, the second fetching the related rows by key. */
    public static final String JDBC_IN = "jdbc-in";

    private RelationContenders() {
    }

    /** Opens the named contender on {@code database}; typed as Object so one benchmark method drives them all. */
    @SuppressWarnings("unchecked")
    public static RelationContender<Object, Object> open(String name, Database database) {
        RelationContender<?, ?> contender;
        switch (name) {
            case JDBC_JOIN: contender = new JdbcRelations(database, false); break;
            case JDBC_IN: contender = new JdbcRelations(database, true); break;
            case "hibernate-join": contender = new HibernateRelations(database, false); break;
            case "hibernate-batch": contender = new HibernateRelations(database, true); break;
            case "jooq-join": contender = new JooqRelations(database, false); break;
            case "jooq-multiset": contender = new JooqRelations(database, true); break;
            case "jdbi": contender = new JdbiRelations(database); break;
            case "limber": contender = new LimberRelations(database); break;
            default:
                throw new IllegalArgumentException("Unknown relation contender " + name
                        + "; use jdbc-join, jdbc-in, limber, hibernate-join, hibernate-batch, jooq-join,"
                        + " jooq-multiset or jdbi");
        }
        return (RelationContender<Object, Object>) contender;
    }
}
