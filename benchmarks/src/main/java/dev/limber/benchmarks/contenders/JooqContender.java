package dev.limber.benchmarks.contenders;

import com.zaxxer.hikari.HikariDataSource;
import dev.limber.benchmarks.BookBean;
import dev.limber.benchmarks.BookRow;
import dev.limber.benchmarks.Contender;
import dev.limber.benchmarks.Database;
import dev.limber.benchmarks.Pools;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record9;
import org.jooq.RecordMapper;
import org.jooq.SQLDialect;
import org.jooq.SelectSelectStep;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * jOOQ 3.19 without code generation: tables and fields declared by name and type, rows mapped by
 * a hand-written {@link RecordMapper} reading the typed {@code Record9} by position.
 */
public final class JooqContender implements Contender<BookBean, BookBean> {
    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private static final Table<Record> BOOK = DSL.table(DSL.name("book"));
    private static final Table<Record> SOFT_BOOK = DSL.table(DSL.name("soft_book"));
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
            LocalDateTime, LocalDateTime>, BookBean> MAPPER = r -> new BookBean(
                    r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                    r.value8(), r.value9());

    private final HikariDataSource dataSource;
    private final DSLContext ctx;

    public JooqContender(Database database) {
        this.dataSource = Pools.open(database, "jooq");
        // Execute logging off, as jOOQ's manual advises for production; everything else default.
        this.ctx = DSL.using(dataSource, dialect(database), new Settings().withExecuteLogging(false));
    }

    private static SQLDialect dialect(Database database) {
        switch (database) {
            case H2: return SQLDialect.H2;
            case POSTGRESQL: return SQLDialect.POSTGRES;
            case SQLITE: return SQLDialect.SQLITE;
            case MARIADB: return SQLDialect.MARIADB;
            default: throw new IllegalArgumentException(database.toString());
        }
    }

    private static SelectSelectStep<Record9<Long, String, String, BigDecimal, LocalDate, Integer, Boolean,
            LocalDateTime, LocalDateTime>> selectBook(DSLContext dsl) {
        return dsl.select(ID, TITLE, ISBN, PRICE, PUBLISHED, PAGES, IN_PRINT, CREATED_AT, DELETED_AT);
    }

    @Override
    public int selectOne() {
        return ctx.selectOne().fetchOne(0, int.class);
    }

    @Override
    public BookBean find(long id) {
        return selectBook(ctx).from(BOOK).where(ID.eq(id)).fetchOne(MAPPER);
    }

    @Override
    public List<BookBean> query(int minPages, int limit) {
        return selectBook(ctx).from(BOOK).where(PAGES.gt(minPages)).orderBy(ID).limit(limit).fetch(MAPPER);
    }

    @Override
    public List<BookBean> queryLive(int minPages, int limit) {
        return selectBook(ctx).from(SOFT_BOOK).where(PAGES.gt(minPages)).and(DELETED_AT.isNull())
                .orderBy(ID).limit(limit).fetch(MAPPER);
    }

    @Override
    public BookBean newBook(BookRow row) {
        return BookBean.of(row);
    }

    @Override
    public long insert(BookBean book) {
        long id = ctx.transactionResult(cfg -> cfg.dsl()
                .insertInto(BOOK, TITLE, ISBN, PRICE, PUBLISHED, PAGES, IN_PRINT, CREATED_AT, DELETED_AT)
                .values(book.getTitle(), book.getIsbn(), book.getPrice(), book.getPublished(), book.getPages(),
                        book.isInPrint(), book.getCreatedAt(), book.getDeletedAt())
                .returningResult(ID)
                .fetchOne()
                .value1());
        book.setId(id);
        return id;
    }

    /** jOOQ's JDBC batch API does not hand back generated keys, so ids stay unset here. */
    @Override
    public void insertAll(List<BookBean> books) {
        ctx.transaction(cfg -> {
            DSLContext dsl = cfg.dsl();
            BatchBindStep batch = dsl.batch(dsl
                    .insertInto(BOOK, TITLE, ISBN, PRICE, PUBLISHED, PAGES, IN_PRINT, CREATED_AT, DELETED_AT)
                    .values((String) null, null, null, null, null, null, null, null));
            for (BookBean book : books) {
                batch.bind(book.getTitle(), book.getIsbn(), book.getPrice(), book.getPublished(), book.getPages(),
                        book.isInPrint(), book.getCreatedAt(), book.getDeletedAt());
            }
            batch.execute();
        });
    }

    @Override
    public void update(BookBean book) {
        ctx.transaction(cfg -> cfg.dsl().update(BOOK)
                .set(TITLE, book.getTitle())
                .set(ISBN, book.getIsbn())
                .set(PRICE, book.getPrice())
                .set(PUBLISHED, book.getPublished())
                .set(PAGES, book.getPages())
                .set(IN_PRINT, book.isInPrint())
                .set(CREATED_AT, book.getCreatedAt())
                .set(DELETED_AT, book.getDeletedAt())
                .where(ID.eq(book.getId()))
                .execute());
    }

    @Override
    public BookBean newSoftBook(BookRow row) {
        return BookBean.of(row);
    }

    @Override
    public void softDelete(BookBean book) {
        ctx.transaction(cfg -> cfg.dsl().update(SOFT_BOOK)
                .set(DELETED_AT, LocalDateTime.now())
                .where(ID.eq(book.getId()))
                .and(DELETED_AT.isNull())
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
