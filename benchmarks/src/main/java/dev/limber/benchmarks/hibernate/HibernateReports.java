package dev.limber.benchmarks.hibernate;

import com.zaxxer.hikari.HikariDataSource;
import dev.limber.benchmarks.AuthorStats;
import dev.limber.benchmarks.BookPage;
import dev.limber.benchmarks.BookRow;
import dev.limber.benchmarks.Database;
import dev.limber.benchmarks.PageRows;
import dev.limber.benchmarks.Pools;
import dev.limber.benchmarks.ReportContender;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

/**
 * Hibernate ORM 7 as its guide teaches reports, a {@link Session} per unit of work, its own
 * {@code @SoftDelete} on the entities: W10 as HQL {@code select new AuthorStats(...) ... group by},
 * W11 as a count query and the page query with {@code setFirstResult}/{@code setMaxResults}.
 */
public final class HibernateReports implements ReportContender<HibernateSoftBook, BookPage<HibernateSoftBook>> {
    static {
        System.setProperty("org.jboss.logging.provider", "slf4j");
    }

    private static final String BOOKS_PER_AUTHOR = "select new dev.limber.benchmarks.AuthorStats(b.authorId,"
            + " count(*), max(b.pages)) from HibernateAuthoredBook b where b.pages > :pages"
            + " group by b.authorId order by b.authorId";
    private static final String COUNT_LIVE = "select count(*) from HibernateSoftBook where pages > :pages";
    private static final String PAGE_LIVE = "from HibernateSoftBook where pages > :pages order by id";

    private final HikariDataSource dataSource;
    private final SessionFactory sessionFactory;

    public HibernateReports(Database database) {
        this.dataSource = Pools.open(database, "hibernate");
        Configuration configuration = new Configuration()
                .addAnnotatedClass(HibernateSoftBook.class)
                .addAnnotatedClass(HibernateAuthor.class)
                .addAnnotatedClass(HibernateAuthoredBook.class);
        configuration.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
        configuration.setProperty(AvailableSettings.SHOW_SQL, Boolean.getBoolean("limber.bench.showSql") ? "true" : "false");
        this.sessionFactory = configuration.buildSessionFactory();
    }

    @Override
    public List<AuthorStats> booksPerAuthor(int minPages) {
        try (Session session = sessionFactory.openSession()) {
            return session.createSelectionQuery(BOOKS_PER_AUTHOR, AuthorStats.class)
                    .setParameter("pages", minPages)
                    .getResultList();
        }
    }

    @Override
    public BookPage<HibernateSoftBook> page(int minPages, int number, int size) {
        try (Session session = sessionFactory.openSession()) {
            long total = session.createSelectionQuery(COUNT_LIVE, Long.class)
                    .setParameter("pages", minPages)
                    .getSingleResult();
            List<HibernateSoftBook> books = session.createSelectionQuery(PAGE_LIVE, HibernateSoftBook.class)
                    .setParameter("pages", minPages)
                    .setFirstResult(number * size)
                    .setMaxResults(size)
                    .getResultList();
            return new BookPage<>(books, total);
        }
    }

    @Override
    public PageRows rows(BookPage<HibernateSoftBook> page) {
        List<BookRow> books = new ArrayList<>(page.rows().size());
        for (HibernateSoftBook book : page.rows()) {
            books.add(book.toRow());
        }
        return new PageRows(books, page.total());
    }

    @Override
    public void close() {
        sessionFactory.close();
        dataSource.close();
    }
}
