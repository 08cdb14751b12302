package dev.limber.benchmarks.hibernate;

import com.zaxxer.hikari.HikariDataSource;
import dev.limber.benchmarks.AuthoredBookRow;
import dev.limber.benchmarks.Database;
import dev.limber.benchmarks.Pools;
import dev.limber.benchmarks.RelationContender;
import dev.limber.benchmarks.ShelfRow;
import java.util.List;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

/**
 * Hibernate ORM 7 loading associations the two ways its guide teaches, a {@link Session} per unit
 * of work, Hibernate's {@code @SoftDelete} on both entities:
 * <ul>
 * <li>{@code hibernate-join}: {@code join fetch} in HQL. W9 pages the authors in a subquery, since
 * a limit on a query that join-fetches a collection would be applied in memory, after reading every
 * row.
 * <li>{@code hibernate-batch}: the plain query; Hibernate then loads the associations by key,
 * {@code @BatchSize} making that one statement per batch. W8's author is an eager to-one (see
 * {@link HibernateAuthoredBook}), so Hibernate loads it right after the query; W9's books are
 * initialized inside the session.
 * </ul>
 */
public final class HibernateRelations implements RelationContender<HibernateAuthoredBook, HibernateAuthor> {
    static {
        System.setProperty("org.jboss.logging.provider", "slf4j");
    }

    private static final String BOOKS_WITH_AUTHOR = "from HibernateAuthoredBook b left join fetch b.author"
            + " where b.pages > :pages order by b.id";
    private static final String AUTHORS_WITH_BOOKS = "from HibernateAuthor a left join fetch a.books"
            + " where a.id in (select x.id from HibernateAuthor x where x.id > :after order by x.id limit :limit)"
            + " order by a.id";
    private static final String BOOKS = "from HibernateAuthoredBook where pages > :pages order by id";
    private static final String AUTHORS = "from HibernateAuthor where id > :after order by id";

    private final HikariDataSource dataSource;
    private final SessionFactory sessionFactory;
    private final boolean batch;

    public HibernateRelations(Database database, boolean batch) {
        this.batch = batch;
        this.dataSource = Pools.open(database, batch ? "hibernate-batch" : "hibernate-join");
        Configuration configuration = new Configuration()
                .addAnnotatedClass(HibernateAuthor.class)
                .addAnnotatedClass(HibernateAuthoredBook.class);
        configuration.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
        configuration.setProperty(AvailableSettings.SHOW_SQL, Boolean.getBoolean("limber.bench.showSql") ? "true" : "false");
        this.sessionFactory = configuration.buildSessionFactory();
    }

    @Override
    public List<HibernateAuthoredBook> booksWithAuthor(int minPages, int limit) {
        try (Session session = sessionFactory.openSession()) {
            return session.createSelectionQuery(batch ? BOOKS : BOOKS_WITH_AUTHOR, HibernateAuthoredBook.class)
                    .setParameter("pages", minPages)
                    .setMaxResults(limit)
                    .getResultList();
        }
    }

    @Override
    public List<HibernateAuthor> authorsWithBooks(long afterId, int limit) {
        try (Session session = sessionFactory.openSession()) {
            if (!batch) {
                return session.createSelectionQuery(AUTHORS_WITH_BOOKS, HibernateAuthor.class)
                        .setParameter("after", afterId)
                        .setParameter("limit", limit)
                        .getResultList();
            }
            List<HibernateAuthor> authors = session.createSelectionQuery(AUTHORS, HibernateAuthor.class)
                    .setParameter("after", afterId)
                    .setMaxResults(limit)
                    .getResultList();
            for (HibernateAuthor author : authors) {
                Hibernate.initialize(author.getBooks());
            }
            return authors;
        }
    }

    @Override
    public AuthoredBookRow row(HibernateAuthoredBook book) {
        return book.toRow();
    }

    @Override
    public ShelfRow shelf(HibernateAuthor author) {
        return author.toShelf();
    }

    @Override
    public void close() {
        sessionFactory.close();
        dataSource.close();
    }
}
