package dev.limber.benchmarks.contenders;

import com.zaxxer.hikari.HikariDataSource;
import dev.limber.benchmarks.AuthorBean;
import dev.limber.benchmarks.AuthoredBookBean;
import dev.limber.benchmarks.AuthoredBookRow;
import dev.limber.benchmarks.Database;
import dev.limber.benchmarks.Pools;
import dev.limber.benchmarks.RelationContender;
import dev.limber.benchmarks.ShelfRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * JDBI 3 fluent API with the JOINs of {@code jdbc-join} and hand-written row mappers (the
 * baseline's column-index reads). W8 maps each joined row to a book and its author; W9 folds the
 * joined rows into authors with {@code reduceRows}, the way JDBI's guide reads a one-to-many join.
 */
public final class JdbiRelations implements RelationContender<AuthoredBookBean, AuthorBean> {
    private static final RowMapper<AuthoredBookBean> BOOK_WITH_AUTHOR = (rs, ctx) -> {
        AuthoredBookBean book = AuthoredBookBean.read(rs, 1);
        book.setAuthor(AuthorBean.read(rs, 11));
        return book;
    };

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    public JdbiRelations(Database database) {
        this.dataSource = Pools.open(database, "jdbi");
        this.jdbi = Jdbi.create(dataSource);
        // W9's rows: the author in columns 1-3, the book in 4-13.
        jdbi.registerRowMapper(AuthorBean.class, (rs, ctx) -> AuthorBean.read(rs, 1));
        jdbi.registerRowMapper(AuthoredBookBean.class, (rs, ctx) -> AuthoredBookBean.read(rs, 4));
    }

    @Override
    public List<AuthoredBookBean> booksWithAuthor(int minPages, int limit) {
        return jdbi.withHandle(h -> h.createQuery(JdbcRelations.BOOKS_WITH_AUTHOR)
                .bind(0, minPages)
                .bind(1, limit)
                .map(BOOK_WITH_AUTHOR)
                .list());
    }

    @Override
    public List<AuthorBean> authorsWithBooks(long afterId, int limit) {
        Map<Long, AuthorBean> authors = jdbi.withHandle(h -> h.createQuery(JdbcRelations.AUTHORS_WITH_BOOKS)
                .bind(0, afterId)
                .bind(1, limit)
                .reduceRows(new LinkedHashMap<Long, AuthorBean>(), (map, row) -> {
                    AuthorBean author = map.computeIfAbsent(row.getColumn(1, Long.class), id -> {
                        AuthorBean read = row.getRow(AuthorBean.class);
                        read.setBooks(new ArrayList<>());
                        return read;
                    });
                    if (row.getColumn(4, Long.class) != null) { // an author with no live book has one row of NULLs
                        author.addBook(row.getRow(AuthoredBookBean.class));
                    }
                    return map;
                }));
        return new ArrayList<>(authors.values());
    }

    @Override
    public AuthoredBookRow row(AuthoredBookBean book) {
        return book.toRow();
    }

    @Override
    public ShelfRow shelf(AuthorBean author) {
        return author.toShelf();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
