package dev.limber.benchmarks.contenders;

import com.zaxxer.hikari.HikariDataSource;
import dev.limber.benchmarks.AuthorStats;
import dev.limber.benchmarks.BookBean;
import dev.limber.benchmarks.BookPage;
import dev.limber.benchmarks.BookRow;
import dev.limber.benchmarks.Database;
import dev.limber.benchmarks.PageRows;
import dev.limber.benchmarks.Pools;
import dev.limber.benchmarks.ReportContender;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record9;
import org.jooq.RecordMapper;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * jOOQ 3.19 without code generation: W10 in the DSL ({@code groupBy}, {@code count()},
 * {@code max(...)}) fetched into records by a lambda; W11 as {@code fetchCount} and a
 * {@code limit(...).offset(...)} query, on one connection ({@code connectionResult}).
 */
public final class JooqReports implements ReportContender<BookBean, BookPage<BookBean>> {
    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private static final Table<Record> AUTHORED_BOOK = DSL.table(DSL.name("authored_book"));
    private static final Table<Record> SOFT_BOOK = DSL.table(DSL.name("soft_book"));
    private static final Field<Long> AUTHOR_ID = DSL.field(DSL.name("author_id"), SQLDataType.BIGINT);
    private static final Field<Long> ID = DSL.field(DSL.name("id"), SQLDataType.BIGINT);
    private static final Field<String> TITLE = DSL.field(DSL.name("title"), SQLDataType.VARCHAR(200));
    private static final Field<String> ISBN = DSL.field(DSL.name("isbn"), SQLDataType.VARCHAR(40));
    private static final Field<BigDecimal> PRICE = DSL.field(DSL.name("price"), SQLDataType.NUMERIC(10, 2));
    private static final Field<LocalDate> PUBLISHED = DSL.field(DSL.name("published"), SQLDataType.LOCALDATE);
    private static final Field<Integer> PAGES = DSL.field(DSL.name("pages"), SQLDataType.INTEGER);
    private static final Field<Boolean> IN_PRINT = DSL.field(DSL.name("in_print"), SQLDataType.BOOLEAN);
    private static final Field<LocalDateTime> CREATED_AT = DSL.field(DSL.name("created_at"), SQLDataType.LOCALDATETIME);
    private static final Field<LocalDateTime> DELETED_AT = DSL.field(DSL.name("deleted_at"), SQLDataType.LOCALDATETIME);

    private static final RecordMapper<Record9<Long, String, String, BigDecimal, LocalDate, Integer, Boolean,
            LocalDateTime, LocalDateTime>, BookBean> BOOK = r -> new BookBean(
                    r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                    r.value8(), r.value9());

    private final HikariDataSource dataSource;
    private final DSLContext ctx;

    public JooqReports(Database database) {
        this.dataSource = Pools.open(database, "jooq");
        SQLDialect dialect = database == Database.H2 ? SQLDialect.H2 : SQLDialect.POSTGRES;
        if (database != Database.H2 && database != Database.POSTGRESQL) {
            throw new IllegalArgumentException("W10/W11 run on H2 and PostgreSQL, not " + database);
        }
        this.ctx = DSL.using(dataSource, dialect, new Settings().withExecuteLogging(false));
    }

    @Override
    public List<AuthorStats> booksPerAuthor(int minPages) {
        return ctx.select(AUTHOR_ID, DSL.count(), DSL.max(PAGES))
                .from(AUTHORED_BOOK)
                .where(PAGES.gt(minPages)).and(DELETED_AT.isNull())
                .groupBy(AUTHOR_ID)
                .orderBy(AUTHOR_ID)
                .fetch(r -> new AuthorStats(r.value1(), r.value2(), r.value3()));
    }

    @Override
    public BookPage<BookBean> page(int minPages, int number, int size) {
        Condition live = PAGES.gt(minPages).and(DELETED_AT.isNull());
        return ctx.connectionResult(c -> {
            DSLContext dsl = DSL.using(c, ctx.dialect(), ctx.settings());
            long total = dsl.fetchCount(SOFT_BOOK, live);
            List<BookBean> books = dsl.select(ID, TITLE, ISBN, PRICE, PUBLISHED, PAGES, IN_PRINT, CREATED_AT, DELETED_AT)
                    .from(SOFT_BOOK)
                    .where(live)
                    .orderBy(ID)
                    .limit(size).offset((long) number * size)
                    .fetch(BOOK);
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
