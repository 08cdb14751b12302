package dev.limber.benchmarks.contenders;

import com.zaxxer.hikari.HikariDataSource;
import dev.limber.benchmarks.BookBean;
import dev.limber.benchmarks.BookRow;
import dev.limber.benchmarks.Contender;
import dev.limber.benchmarks.Database;
import dev.limber.benchmarks.JdbcRows;
import dev.limber.benchmarks.Pools;
import java.time.LocalDateTime;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/**
 * JDBI 3 fluent API, in two flavours: {@code jdbi} maps with a hand-written {@link RowMapper}
 * (the baseline's column-index reads, {@link JdbcRows}) and binds by position; {@code jdbi-bean} maps
 * with the reflective {@code BeanMapper} and binds with {@code bindBean}.
 */
public final class JdbiContender implements Contender<BookBean, BookBean> {
    private static final String INSERT_NAMED = "INSERT INTO book"
            + " (title, isbn, price, published, pages, in_print, created_at, deleted_at)"
            + " VALUES (:title, :isbn, :price, :published, :pages, :inPrint, :createdAt, :deletedAt)";
    private static final String UPDATE_NAMED = "UPDATE book SET title = :title, isbn = :isbn, price = :price,"
            + " published = :published, pages = :pages, in_print = :inPrint, created_at = :createdAt,"
            + " deleted_at = :deletedAt WHERE id = :id";

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean beans;
    private final RowMapper<BookBean> rowMapper;

    public JdbiContender(Database database, boolean beans) {
        this.beans = beans;
        JdbcRows rows = JdbcRows.of(database);
        this.rowMapper = (rs, ctx) -> rows.read(rs);
        this.dataSource = Pools.open(database, beans ? "jdbi-bean" : "jdbi");
        this.jdbi = Jdbi.create(dataSource);
    }

    private List<BookBean> list(Query query) {
        return beans ? query.mapToBean(BookBean.class).list() : query.map(rowMapper).list();
    }

    @Override
    public int selectOne() {
        return jdbi.withHandle(h -> h.createQuery(JdbcContender.SELECT_ONE).mapTo(int.class).one());
    }

    @Override
    public BookBean find(long id) {
        return jdbi.withHandle(h -> {
            Query query = h.createQuery(JdbcContender.FIND).bind(0, id);
            return (beans ? query.mapToBean(BookBean.class) : query.map(rowMapper)).findOne().orElse(null);
        });
    }

    @Override
    public List<BookBean> query(int minPages, int limit) {
        return jdbi.withHandle(h -> list(h.createQuery(JdbcContender.QUERY).bind(0, minPages).bind(1, limit)));
    }

    @Override
    public List<BookBean> queryLive(int minPages, int limit) {
        return jdbi.withHandle(h -> list(h.createQuery(JdbcContender.QUERY_LIVE).bind(0, minPages).bind(1, limit)));
    }

    @Override
    public BookBean newBook(BookRow row) {
        return BookBean.of(row);
    }

    private static Update bindPositional(Update update, BookBean book) {
        return update.bind(0, book.getTitle())
                .bind(1, book.getIsbn())
                .bind(2, book.getPrice())
                .bind(3, book.getPublished())
                .bind(4, book.getPages())
                .bind(5, book.isInPrint())
                .bind(6, book.getCreatedAt())
                .bindByType(7, book.getDeletedAt(), LocalDateTime.class);
    }

    @Override
    public long insert(BookBean book) {
        long id = jdbi.inTransaction(h -> {
            Update update = beans
                    ? h.createUpdate(INSERT_NAMED).bindBean(book)
                    : bindPositional(h.createUpdate(JdbcContender.INSERT), book);
            return update.executeAndReturnGeneratedKeys("id").mapTo(long.class).one();
        });
        book.setId(id);
        return id;
    }

    @Override
    public void insertAll(List<BookBean> books) {
        List<Long> ids = jdbi.inTransaction(h -> {
            PreparedBatch batch = h.prepareBatch(beans ? INSERT_NAMED : JdbcContender.INSERT);
            for (BookBean book : books) {
                if (beans) {
                    batch.bindBean(book);
                } else {
                    batch.bind(0, book.getTitle())
                            .bind(1, book.getIsbn())
                            .bind(2, book.getPrice())
                            .bind(3, book.getPublished())
                            .bind(4, book.getPages())
                            .bind(5, book.isInPrint())
                            .bind(6, book.getCreatedAt())
                            .bindByType(7, book.getDeletedAt(), LocalDateTime.class);
                }
                batch.add();
            }
            return batch.executePreparedBatch("id").mapTo(long.class).list();
        });
        for (int i = 0; i < books.size(); i++) {
            books.get(i).setId(ids.get(i));
        }
    }

    @Override
    public void update(BookBean book) {
        jdbi.useTransaction(h -> {
            Update update = beans
                    ? h.createUpdate(UPDATE_NAMED).bindBean(book)
                    : bindPositional(h.createUpdate(JdbcContender.UPDATE), book).bind(8, book.getId());
            update.execute();
        });
    }

    @Override
    public BookBean newSoftBook(BookRow row) {
        return BookBean.of(row);
    }

    @Override
    public void softDelete(BookBean book) {
        jdbi.useTransaction(h -> h.createUpdate(JdbcContender.SOFT_DELETE)
                .bind(0, LocalDateTime.now())
                .bind(1, book.getId())
                .execute());
    }

    @Override
    public BookRow row(BookBean book) {
        return book.toRow();
    }

    @Override
    public BookRow softRow(BookBean book) {
        return book.toRow();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
