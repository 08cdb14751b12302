package dev.limber.benchmarks.hibernate;

import com.zaxxer.hikari.HikariDataSource;
import dev.limber.benchmarks.BookRow;
import dev.limber.benchmarks.Contender;
import dev.limber.benchmarks.Database;
import dev.limber.benchmarks.Pools;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

/**
 * Hibernate ORM 7 as its guide teaches it: a {@link Session} per unit of work for reads (entities
 * land in the persistence context), a {@link StatelessSession} for inserts, updates and deletes,
 * JDBC batching on, ids from pooled sequences.
 */
public final class HibernateContender implements Contender<HibernateBook, HibernateSoftBook> {
    static {
        // Route Hibernate's logging through SLF4J (configured to warn) instead of java.util.logging.
        System.setProperty("org.jboss.logging.provider", "slf4j");
    }

    /** Batch size for ordinary units of work; the 1,000-row insert raises it for its session. */
    static final int BATCH_SIZE = 50;

    private static final String QUERY = "from HibernateBook where pages > :pages order by id";
    private static final String QUERY_LIVE = "from HibernateSoftBook where pages > :pages order by id";

    private final HikariDataSource dataSource;
    private final SessionFactory sessionFactory;

    public HibernateContender(Database database) {
        this.dataSource = Pools.open(database, "hibernate");
        Configuration configuration = new Configuration()
                .addAnnotatedClass(HibernateBook.class)
                .addAnnotatedClass(HibernateSoftBook.class);
        configuration.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        configuration.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, Integer.toString(BATCH_SIZE));
        configuration.setProperty(AvailableSettings.ORDER_INSERTS, "true");
        configuration.setProperty(AvailableSettings.ORDER_UPDATES, "true");
        configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
        configuration.setProperty(AvailableSettings.SHOW_SQL, "false");
        this.sessionFactory = configuration.buildSessionFactory();
    }

    @Override
    public int selectOne() {
        try (Session session = sessionFactory.openSession()) {
            return session.createNativeQuery("SELECT 1", Integer.class).getSingleResult();
        }
    }

    @Override
    public HibernateBook find(long id) {
        try (Session session = sessionFactory.openSession()) {
            return session.find(HibernateBook.class, id);
        }
    }

    @Override
    public List<HibernateBook> query(int minPages, int limit) {
        try (Session session = sessionFactory.openSession()) {
            return session.createSelectionQuery(QUERY, HibernateBook.class)
                    .setParameter("pages", minPages)
                    .setMaxResults(limit)
                    .getResultList();
        }
    }

    @Override
    public List<HibernateSoftBook> queryLive(int minPages, int limit) {
        try (Session session = sessionFactory.openSession()) {
            return session.createSelectionQuery(QUERY_LIVE, HibernateSoftBook.class)
                    .setParameter("pages", minPages)
                    .setMaxResults(limit)
                    .getResultList();
        }
    }

    @Override
    public HibernateBook newBook(BookRow row) {
        return HibernateBook.of(row);
    }

    @Override
    public long insert(HibernateBook book) {
        try (StatelessSession session = sessionFactory.openStatelessSession()) {
            Transaction tx = session.beginTransaction();
            session.insert(book);
            tx.commit();
            return book.getId();
        }
    }

    @Override
    public void insertAll(List<HibernateBook> books) {
        try (StatelessSession session = sessionFactory.openStatelessSession()) {
            // One batch for the whole list, as the other contenders send it.
            session.setJdbcBatchSize(books.size());
            Transaction tx = session.beginTransaction();
            session.insertMultiple(books);
            tx.commit();
        }
    }

    @Override
    public void update(HibernateBook book) {
        try (StatelessSession session = sessionFactory.openStatelessSession()) {
            Transaction tx = session.beginTransaction();
            session.update(book);
            tx.commit();
        }
    }

    @Override
    public HibernateSoftBook newSoftBook(BookRow row) {
        return HibernateSoftBook.of(row);
    }

    @Override
    public void softDelete(HibernateSoftBook book) {
        try (StatelessSession session = sessionFactory.openStatelessSession()) {
            Transaction tx = session.beginTransaction();
            session.delete(book);
            tx.commit();
        }
    }

    @Override
    public BookRow row(HibernateBook book) {
        return book.toRow();
    }

    @Override
    public BookRow softRow(HibernateSoftBook book) {
        return book.toRow();
    }

    @Override
    public void close() {
        sessionFactory.close();
        dataSource.close();
    }
}
