package dev.limber.benchmarks.contenders;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;

import com.zaxxer.hikari.HikariDataSource;
import dev.limber.benchmarks.AuthorBean;
import dev.limber.benchmarks.AuthoredBookBean;
import dev.limber.benchmarks.AuthoredBookRow;
import dev.limber.benchmarks.Database;
import dev.limber.benchmarks.Pools;
import dev.limber.benchmarks.RelationContender;
import dev.limber.benchmarks.ShelfRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record10;
import org.jooq.RecordMapper;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * jOOQ 3.19 without code generation, in two shapes:
 * <ul>
 * <li>{@code jooq-join}: the JOINs of {@code jdbc-join} in the DSL, flat records mapped by hand (W9
 * groups the rows as they come).
 * <li>{@code jooq-multiset}: jOOQ's nested collections. W9 selects each author's books as a
 * correlated {@code MULTISET} (sent as a JSON aggregate on H2 and PostgreSQL and mapped back by
 * jOOQ); W8, a to-one, reads the author as a nested {@code ROW} of the LEFT JOIN, the manual's
 * counterpart for a single record.
 * </ul>
 */
public final class JooqRelations implements RelationContender<AuthoredBookBean, AuthorBean> {
    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private static final Table<Record> AUTHOR = table(name("author"));
    private static final Table<Record> A = AUTHOR.as("a");
    private static final Table<Record> B = table(name("authored_book")).as("b");

    private static final Field<Long> ID = field(name("id"), SQLDataType.BIGINT);
    private static final Field<String> NAME = field(name("name"), SQLDataType.VARCHAR(200));
    private static final Field<LocalDateTime> DELETED_AT = field(name("deleted_at"), SQLDataType.LOCALDATETIME);

    private static final Field<Long> A_ID = field(name("a", "id"), SQLDataType.BIGINT);
    private static final Field<String> A_NAME = field(name("a", "name"), SQLDataType.VARCHAR(200));
    private static final Field<LocalDateTime> A_DELETED_AT = field(name("a", "deleted_at"), SQLDataType.LOCALDATETIME);

    private static final Field<Long> B_ID = field(name("b", "id"), SQLDataType.BIGINT);
    private static final Field<String> B_TITLE = field(name("b", "title"), SQLDataType.VARCHAR(200));
    private static final Field<String> B_ISBN = field(name("b", "isbn"), SQLDataType.VARCHAR(40));
    private static final Field<BigDecimal> B_PRICE = field(name("b", "price"), SQLDataType.NUMERIC(10, 2));
    private static final Field<LocalDate> B_PUBLISHED = field(name("b", "published"), SQLDataType.LOCALDATE);
    private static final Field<Integer> B_PAGES = field(name("b", "pages"), SQLDataType.INTEGER);
    private static final Field<Boolean> B_IN_PRINT = field(name("b", "in_print"), SQLDataType.BOOLEAN);
    private static final Field<LocalDateTime> B_CREATED_AT = field(name("b", "created_at"), SQLDataType.LOCALDATETIME);
    private static final Field<LocalDateTime> B_DELETED_AT = field(name("b", "deleted_at"), SQLDataType.LOCALDATETIME);
    private static final Field<Long> B_AUTHOR_ID = field(name("b", "author_id"), SQLDataType.BIGINT);

    private static final RecordMapper<Record10<Long, String, String, BigDecimal, LocalDate, Integer, Boolean,
            LocalDateTime, LocalDateTime, Long>, AuthoredBookBean> BOOK = r -> new AuthoredBookBean(
                    r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8(),
                    r.value9(), r.value10());

    private final HikariDataSource dataSource;
    private final DSLContext ctx;
    private final boolean nested;

    public JooqRelations(Database database, boolean nested) {
        this.nested = nested;
        this.dataSource = Pools.open(database, nested ? "jooq-multiset" : "jooq-join");
        this.ctx = DSL.using(dataSource, dialect(database), new Settings().withExecuteLogging(false));
    }

    private static SQLDialect dialect(Database database) {
        switch (database) {
            case H2: return SQLDialect.H2;
            case POSTGRESQL: return SQLDialect.POSTGRES;
            case MARIADB: return SQLDialect.MARIADB;
            default: throw new IllegalArgumentException("The relation workloads do not run on " + database);
        }
    }

    @Override
    public List<AuthoredBookBean> booksWithAuthor(int minPages, int limit) {
        if (nested) {
            return ctx.select(B_ID, B_TITLE, B_ISBN, B_PRICE, B_PUBLISHED, B_PAGES, B_IN_PRINT, B_CREATED_AT,
                            B_DELETED_AT, B_AUTHOR_ID, DSL.row(A_ID, A_NAME, A_DELETED_AT).mapping(JooqRelations::author))
                    .from(B)
                    .leftJoin(A).on(A_ID.eq(B_AUTHOR_ID)).and(A_DELETED_AT.isNull())
                    .where(B_PAGES.gt(minPages)).and(B_DELETED_AT.isNull())
                    .orderBy(B_ID)
                    .limit(limit)
                    .fetch(r -> {
                        AuthoredBookBean book = new AuthoredBookBean(r.value1(), r.value2(), r.value3(), r.value4(),
                                r.value5(), r.value6(), r.value7(), r.value8(), r.value9(), r.value10());
                        book.setAuthor(r.value11());
                        return book;
                    });
        }
        return ctx.select(B_ID, B_TITLE, B_ISBN, B_PRICE, B_PUBLISHED, B_PAGES, B_IN_PRINT, B_CREATED_AT,
                        B_DELETED_AT, B_AUTHOR_ID, A_ID, A_NAME, A_DELETED_AT)
                .from(B)
                .leftJoin(A).on(A_ID.eq(B_AUTHOR_ID)).and(A_DELETED_AT.isNull())
                .where(B_PAGES.gt(minPages)).and(B_DELETED_AT.isNull())
                .orderBy(B_ID)
                .limit(limit)
                .fetch(r -> {
                    AuthoredBookBean book = new AuthoredBookBean(r.value1(), r.value2(), r.value3(), r.value4(),
                            r.value5(), r.value6(), r.value7(), r.value8(), r.value9(), r.value10());
                    book.setAuthor(author(r.value11(), r.value12(), r.value13()));
                    return book;
                });
    }

    /** The author of a LEFT JOIN's row: none when the join found none (all three NULL). */
    private static AuthorBean author(Long id, String name, LocalDateTime deletedAt) {
        return id == null ? null : new AuthorBean(id, name, deletedAt);
    }

    @Override
    public List<AuthorBean> authorsWithBooks(long afterId, int limit) {
        if (nested) {
            return ctx.select(A_ID, A_NAME, A_DELETED_AT,
                            multiset(select(B_ID, B_TITLE, B_ISBN, B_PRICE, B_PUBLISHED, B_PAGES, B_IN_PRINT,
                                    B_CREATED_AT, B_DELETED_AT, B_AUTHOR_ID)
                                    .from(B)
                                    .where(B_AUTHOR_ID.eq(A_ID)).and(B_DELETED_AT.isNull())
                                    .orderBy(B_ID))
                                    .convertFrom(books -> books.map(BOOK)))
                    .from(A)
                    .where(A_ID.gt(afterId)).and(A_DELETED_AT.isNull())
                    .orderBy(A_ID)
                    .limit(limit)
                    .fetch(r -> {
                        AuthorBean author = new AuthorBean(r.value1(), r.value2(), r.value3());
                        author.setBooks(r.value4());
                        return author;
                    });
        }
        Table<?> page = ctx.select(ID, NAME, DELETED_AT)
                .from(AUTHOR)
                .where(ID.gt(afterId)).and(DELETED_AT.isNull())
                .orderBy(ID)
                .limit(limit)
                .asTable("a");
        List<AuthorBean> authors = new ArrayList<>(limit);
        AuthorBean current = null;
        for (var r : ctx.select(A_ID, A_NAME, A_DELETED_AT, B_ID, B_TITLE, B_ISBN, B_PRICE, B_PUBLISHED, B_PAGES,
                        B_IN_PRINT, B_CREATED_AT, B_DELETED_AT, B_AUTHOR_ID)
                .from(page)
                .leftJoin(B).on(B_AUTHOR_ID.eq(A_ID)).and(B_DELETED_AT.isNull())
                .orderBy(A_ID, B_ID)
                .fetch()) {
            if (current == null || current.getId() != r.value1()) {
                current = new AuthorBean(r.value1(), r.value2(), r.value3());
                current.setBooks(new ArrayList<>());
                authors.add(current);
            }
            if (r.value4() != null) { // an author with no live book has one row of NULLs
                current.addBook(new AuthoredBookBean(r.value4(), r.value5(), r.value6(), r.value7(), r.value8(),
                        r.value9(), r.value10(), r.value11(), r.value12(), r.value13()));
            }
        }
        return authors;
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
