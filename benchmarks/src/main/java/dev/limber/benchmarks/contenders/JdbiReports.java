package dev.limber.benchmarks.contenders;

import com.zaxxer.hikari.HikariDataSource;
import dev.limber.benchmarks.AuthorStats;
import dev.limber.benchmarks.BookBean;
import dev.limber.benchmarks.BookPage;
import dev.limber.benchmarks.BookRow;
import dev.limber.benchmarks.Database;
import dev.limber.benchmarks.JdbcRows;
import dev.limber.benchmarks.PageRows;
import dev.limber.benchmarks.Pools;
import dev.limber.benchmarks.ReportContender;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * JDBI 3 fluent API with the baseline's SQL, positional binds and hand-written row mappers (the
 * baseline's column-index reads); W11's count and page on one handle.
 */
public final class JdbiReports implements ReportContender<BookBean, BookPage<BookBean>> {
    private static final RowMapper<AuthorStats> STATS = (rs, ctx) -> {
        long author = rs.getLong(1);
        Long authorId = rs.wasNull() ? null : author;
        return new AuthorStats(authorId, rs.getLong(2), rs.getInt(3));
    };

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final RowMapper<BookBean> book;

    public JdbiReports(Database database) {
        JdbcRows rows = JdbcRows.of(database);
        this.book = (rs, ctx) -> rows.read(rs);
        this.dataSource = Pools.open(database, "jdbi");
        this.jdbi = Jdbi.create(dataSource);
    }

    @Override
    public List<AuthorStats> booksPerAuthor(int minPages) {
        return jdbi.withHandle(h -> h.createQuery(JdbcReports.BOOKS_PER_AUTHOR)
                .bind(0, minPages)
                .map(STATS)
                .list());
    }

    @Override
    public BookPage<BookBean> page(int minPages, int number, int size) {
        return jdbi.withHandle(h -> {
            long total = h.createQuery(JdbcReports.COUNT_LIVE).bind(0, minPages).mapTo(Long.class).one();
            List<BookBean> books = h.createQuery(JdbcReports.PAGE_LIVE)
                    .bind(0, minPages)
                    .bind(1, size)
                    .bind(2, (long) number * size)
                    .map(book)
                    .list();
            return new BookPage<>(books, total);
        });
    }

    @Override
    public PageRows rows(BookPage<BookBean> page) {
        List<BookRow> books = new ArrayList<>(page.rows().size());
        for (BookBean b : page.rows()) {
            books.add(b.toRow());
        }
        return new PageRows(books, page.total());
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
