package dev.limber.database;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.limber.database.fixtures.relations.Author;
import dev.limber.database.fixtures.relations.Author_;
import dev.limber.database.fixtures.relations.Book;
import dev.limber.database.fixtures.relations.Book_;
import dev.limber.database.fixtures.relations.RelationsRegistry;
import dev.limber.database.fixtures.relations.Tag_;
import dev.limber.database.query.Aggregates;
import dev.limber.database.query.Condition;
import dev.limber.database.query.Order;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The render-once cache: hundreds of similar query shapes, each rendered once into the cache and
 * then, built again with other values, read from it; every cached statement must equal a fresh
 * render of the same query, values included, so that no two shapes ever share SQL.
 */
class QueryShapeTest {

    /** How a terminal asks the renderer, as Query does. */
    private enum Terminal { LIST, FIRST, EXISTS, COUNT }

    /** A query built from a value seed: the same shape, other values, for each seed. */
    private record Shape(String name, Function<Session, Query<?>> build, Terminal terminal) {
    }

    private static List<IntFunction<Condition>> conditions() {
        List<IntFunction<Condition>> c = new ArrayList<>();
        c.add(v -> Book_.title.eq("a" + v));
        c.add(v -> Book_.title.ne("a" + v));
        c.add(v -> Book_.title.lt("a" + v));
        c.add(v -> Book_.title.le("a" + v));
        c.add(v -> Book_.title.gt("a" + v));
        c.add(v -> Book_.title.ge("a" + v));
        c.add(v -> Book_.title.like("a" + v + "%"));
        c.add(v -> Book_.id.eq((long) v));
        c.add(v -> Book_.id.gt((long) v));
        c.add(v -> Book_.title.in(List.of()));
        c.add(v -> Book_.title.in("a" + v));
        c.add(v -> Book_.title.in("a" + v, "b"));
        c.add(v -> Book_.title.in("a" + v, "b", "c"));
        c.add(v -> Book_.id.in((long) v, 7L));
        c.add(v -> Book_.id.between((long) v, 9L));
        c.add(v -> Book_.title.isNull());
        c.add(v -> Book_.title.isNotNull());
        c.add(v -> Book_.id.isNull());
        c.add(v -> Condition.and(Book_.title.eq("a" + v), Book_.id.eq(1L)));
        c.add(v -> Condition.or(Book_.title.eq("a" + v), Book_.id.eq(1L)));
        c.add(v -> Condition.and(Book_.id.eq(1L), Book_.title.eq("a" + v)));
        c.add(v -> Condition.and(Condition.or(Book_.title.eq("a" + v), Book_.id.eq(1L)), Book_.id.eq(2L)));
        c.add(v -> Condition.or(Condition.and(Book_.title.eq("a" + v), Book_.id.eq(1L)), Book_.id.eq(2L)));
        c.add(v -> Condition.or(Book_.title.eq("a" + v), Condition.and(Book_.id.eq(1L), Book_.id.eq(2L))));
        c.add(v -> Condition.and(Book_.title.eq("a" + v), Book_.id.eq(1L), Book_.id.eq(2L)));
        c.add(v -> Condition.not(Book_.title.eq("a" + v)));
        c.add(v -> Condition.not(Condition.not(Book_.title.eq("a" + v))));
        c.add(v -> Condition.not(Condition.or(Book_.title.eq("a" + v), Book_.id.eq(1L))));
        c.add(v -> Book_.author.id().eq((long) v));
        c.add(v -> Book_.author.get(Author_.name).eq("n" + v));
        c.add(v -> Book_.author.get(Author_.name).isNull());
        c.add(v -> Book_.author.get(Author_.name).in("n" + v, "m"));
        c.add(v -> Condition.or(Book_.author.get(Author_.name).eq("n" + v), Book_.title.eq("t")));
        return c;
    }

    private static List<Shape> shapes() {
        List<Shape> shapes = new ArrayList<>();
        List<IntFunction<Condition>> conditions = conditions();
        List<Function<Query<Book>, Query<Book>>> scopes = List.of(q -> q, Query::withTrashed, Query::onlyTrashed);
        for (int i = 0; i < conditions.size(); i++) {
            IntFunction<Condition> condition = conditions.get(i);
            for (int s = 0; s < scopes.size(); s++) {
                Function<Query<Book>, Query<Book>> scope = scopes.get(s);
                // every terminal in one scope, and the scopes in one (the cache keeps 512 shapes per model)
                for (Terminal t : s == 0 ? Terminal.values() : new Terminal[] {Terminal.LIST}) {
                    shapes.add(new Shape("condition " + i + " scope " + s + " " + t,
                            session -> scope.apply(session.query(Book.class)).where(condition.apply(seed)), t));
                }
            }
        }
        // two where calls against one where of their AND
        shapes.add(new Shape("two wheres", s -> s.query(Book.class).where(Book_.title.eq("a" + seed))
                .where(Book_.id.eq(1L)), Terminal.LIST));
        List<Order[]> orders = List.of(new Order[0], new Order[] {Book_.title.asc()}, new Order[] {Book_.title.desc()},
                new Order[] {Book_.title.asc(), Book_.id.desc()}, new Order[] {Book_.id.desc(), Book_.title.asc()},
                new Order[] {Book_.author.get(Author_.name).asc()});
        List<BiFunction<Query<Book>, Integer, Query<Book>>> pages = List.of((q, v) -> q, (q, v) -> q.limit(v),
                (q, v) -> q.offset(v), (q, v) -> q.limit(v).offset(v + 1));
        for (int o = 0; o < orders.size(); o++) {
            Order[] order = orders.get(o);
            for (int p = 0; p < pages.size(); p++) {
                BiFunction<Query<Book>, Integer, Query<Book>> page = pages.get(p);
                for (Terminal t : Terminal.values()) {
                    shapes.add(new Shape("order " + o + " page " + p + " " + t,
                            s -> page.apply(s.query(Book.class).where(Book_.title.ne("x" + seed)).orderBy(order), seed),
                            t));
                }
                if (o == orders.size() - 1) {
                    continue; // forUpdate() refuses a to-one path, which joins another table
                }
                for (Terminal t : new Terminal[] {Terminal.LIST, Terminal.FIRST, Terminal.EXISTS}) {
                    shapes.add(new Shape("order " + o + " page " + p + " " + t + " for update",
                            s -> page.apply(s.query(Book.class).where(Book_.title.ne("x" + seed)).orderBy(order), seed)
                                    .forUpdate(), t));
                }
            }
        }
        List<Function<Session, Query<?>>> relational = List.of(
                s -> s.query(Book.class).whereHas(Book_.tags),
                s -> s.query(Book.class).whereDoesntHave(Book_.tags),
                s -> s.query(Book.class).whereHas(Book_.tags, q -> q.where(Tag_.name.eq("t" + seed))),
                s -> s.query(Book.class).whereHas(Book_.tags, q -> q.where(Tag_.name.ne("t" + seed))),
                s -> s.query(Book.class).whereHas(Book_.tags, q -> q.withTrashed().where(Tag_.name.eq("t" + seed))),
                s -> s.query(Book.class).whereHas(Book_.author, q -> q.where(Author_.name.eq("n" + seed))),
                s -> s.query(Book.class).whereHas(Book_.author, q -> q.whereHas(Author_.books)),
                s -> s.query(Book.class).where(Book_.title.eq("a" + seed)).whereHas(Book_.tags),
                s -> s.query(Book.class).whereHas(Book_.tags).where(Book_.title.eq("a" + seed)),
                s -> s.query(Author.class).withCount(Author_.books),
                s -> s.query(Author.class).withCount(Author_.books, q -> q.where(Book_.title.eq("a" + seed))),
                s -> s.query(Author.class).withCount(Author_.books, q -> q.onlyTrashed()),
                s -> s.query(Author.class).withCount(Author_.books).where(Author_.name.eq("n" + seed)),
                s -> s.query(Author.class).where(Author_.name.eq("n" + seed)));
        for (int i = 0; i < relational.size(); i++) {
            for (Terminal t : Terminal.values()) {
                shapes.add(new Shape("relational " + i + " " + t, relational.get(i), t));
            }
        }
        List<Function<Session, Selection<?, ?>>> selections = List.of(
                s -> s.query(Book.class).select(Book_.title),
                s -> s.query(Book.class).select(Book_.id),
                s -> s.query(Book.class).select(Book_.title, Book_.id),
                s -> s.query(Book.class).select(Book_.id, Book_.title),
                s -> s.query(Book.class).select(Book_.title).distinct(),
                s -> s.query(Book.class).select(Book_.title).orderBy(Book_.title.asc()),
                s -> s.query(Book.class).select(Book_.title).limit(seed),
                s -> s.query(Book.class).select(Aggregates.count()),
                s -> s.query(Book.class).select(Aggregates.count(Book_.title)),
                s -> s.query(Book.class).select(Aggregates.min(Book_.title)),
                s -> s.query(Book.class).select(Aggregates.max(Book_.title)),
                s -> s.query(Book.class).select(Aggregates.sum(Book_.id)),
                s -> s.query(Book.class).select(Aggregates.avg(Book_.id)),
                s -> s.query(Book.class).select(Book_.author.id(), Aggregates.count()).groupBy(Book_.author.id()),
                s -> s.query(Book.class).select(Book_.author.id(), Aggregates.count()).groupBy(Book_.author.id())
                        .having(Aggregates.count().gt((long) seed)),
                s -> s.query(Book.class).select(Book_.author.id(), Aggregates.count()).groupBy(Book_.author.id())
                        .having(Aggregates.count().ge((long) seed)),
                s -> s.query(Book.class).select(Book_.author.id(), Aggregates.count()).groupBy(Book_.author.id())
                        .having(Aggregates.max(Book_.id).gt((long) seed)),
                s -> s.query(Book.class).select(Book_.author.id(), Aggregates.count()).groupBy(Book_.author.id())
                        .having(Aggregates.count().gt((long) seed)).having(Book_.author.id().ne(3L)),
                s -> s.query(Book.class).select(Book_.author.id(), Aggregates.count()).groupBy(Book_.author.id())
                        .orderBy(Aggregates.count().desc()),
                s -> s.query(Book.class).select(Book_.author.id(), Aggregates.count()).groupBy(Book_.author.id())
                        .orderBy(Aggregates.count().asc()),
                s -> s.query(Book.class).select(Book_.author.id(), Aggregates.count()).groupBy(Book_.author.id())
                        .distinct(),
                s -> s.query(Book.class).where(Book_.title.eq("a" + seed)).select(Book_.author.id(), Aggregates.count())
                        .groupBy(Book_.author.id()),
                s -> s.query(Book.class).select(Book_.author.get(Author_.name), Aggregates.count())
                        .groupBy(Book_.author.get(Author_.name)),
                s -> s.query(Book.class).withTrashed().select(Book_.author.id(), Aggregates.count())
                        .groupBy(Book_.author.id()),
                s -> s.query(Book.class).onlyTrashed().select(Book_.author.id(), Aggregates.count())
                        .groupBy(Book_.author.id()));
        for (int i = 0; i < selections.size(); i++) {
            Function<Session, Selection<?, ?>> selection = selections.get(i);
            shapes.add(new Shape("selection " + i, s -> selection.apply(s).query, null));
        }
        return shapes;
    }

    /** The value seed of the round being built: the shapes read it when they build their query. */
    private static int seed;

    @AllDatabases
    void everyCachedStatementIsTheFreshRenderOfItsOwnQuery(TestDatabase db) {
        try (Engine engine = Engine.builder().url(db.url()).username(db.username()).password(db.password())
                .maxPoolSize(1).registry(new RelationsRegistry()).build(); Session session = engine.openSession()) {
            List<Shape> shapes = shapes();
            assertThat(shapes.size()).isGreaterThan(350);
            Set<String> statements = new HashSet<>();
            for (int round = 1; round <= 2; round++) {
                seed = round;
                for (Shape shape : shapes) {
                    Query<?> q = shape.build.apply(session);
                    Rendered cached = render(q, shape.terminal, true);
                    Rendered fresh = render(q, shape.terminal, false);
                    assertWithMessage(shape.name).that(cached.sql).isEqualTo(fresh.sql);
                    assertWithMessage(shape.name + " values").that(cached.values).isEqualTo(fresh.values);
                    assertWithMessage(shape.name + " types").that(cached.types).isEqualTo(fresh.types);
                    statements.add(fresh.sql);
                }
            }
            // the shapes are really different statements, and the second round read them from the cache
            assertThat(statements.size()).isGreaterThan(250);
            seed = 3;
            for (Shape shape : shapes) {
                Query<?> q = shape.build.apply(session);
                Rendered values = new Rendered(session.values());
                QueryShape key = shape.terminal == Terminal.COUNT ? QueryShape.count(q, values)
                        : QueryShape.select(q, what(q, shape.terminal), q.scope, limit(q, shape.terminal), q.offset,
                                shape.terminal != Terminal.COUNT, values);
                assertWithMessage(shape.name + " cached").that(q.m.statement(key)).isNotNull();
            }
        }
    }

    @AllDatabases
    void aQueryAndItsForUpdateFormNeverShareSql(TestDatabase db) {
        try (Engine engine = Engine.builder().url(db.url()).username(db.username()).password(db.password())
                .maxPoolSize(1).registry(new RelationsRegistry()).build(); Session session = engine.openSession()) {
            for (int round = 0; round < 2; round++) { // the second round reads both from the cache
                Query<Book> plain = session.query(Book.class).where(Book_.title.eq("a")).limit(3);
                Query<Book> locking = session.query(Book.class).where(Book_.title.eq("a")).limit(3).forUpdate();
                Rendered plainSql = render(plain, Terminal.LIST, true);
                Rendered lockingSql = render(locking, Terminal.LIST, true);
                assertThat(plainSql.sql).isEqualTo(render(plain, Terminal.LIST, false).sql);
                assertThat(lockingSql.sql).isEqualTo(render(locking, Terminal.LIST, false).sql);
                assertThat(plainSql.sql).doesNotContain("FOR UPDATE");
                // SQLite has no FOR UPDATE: it takes its write lock with a statement before the read
                assertThat(lockingSql.sql).isEqualTo(plainSql.sql + engine.dialect().forUpdate());
                Rendered values = new Rendered(session.values());
                assertThat(QueryShape.select(plain, QueryRenderer.Select.ROWS, plain.scope, 3, null, true, values))
                        .isNotEqualTo(QueryShape.select(locking, QueryRenderer.Select.ROWS, locking.scope, 3, null,
                                true, values));
            }
            if (!engine.dialect().forUpdate().isEmpty()) {
                assertThat(render(session.query(Book.class).forUpdate(), Terminal.LIST, true).sql)
                        .endsWith(" FOR UPDATE");
            }
        }
    }

    @AllDatabases
    void longInListsAreRenderedEachTimeAndNeverCrowdTheCache(TestDatabase db) {
        try (Engine engine = Engine.builder().url(db.url()).username(db.username()).password(db.password())
                .maxPoolSize(1).registry(new RelationsRegistry()).build(); Session session = engine.openSession()) {
            for (int n = QueryShape.MAX_CACHED_LIST; n <= QueryShape.MAX_CACHED_LIST + 1; n++) {
                List<Long> ids = new ArrayList<>();
                for (long i = 0; i < n; i++) {
                    ids.add(i);
                }
                for (int round = 0; round < 2; round++) {
                    Query<Book> q = session.query(Book.class).where(Book_.id.in(ids));
                    Rendered cached = QueryRenderer.select(q, QueryRenderer.Select.ROWS, q.scope, null, null, true, null);
                    Rendered fresh = QueryRenderer.freshSelect(q, QueryRenderer.Select.ROWS, q.scope, null, null, true,
                            null);
                    assertThat(cached.sql).isEqualTo(fresh.sql);
                    assertThat(cached.values).isEqualTo(fresh.values);
                }
                Query<Book> q = session.query(Book.class).where(Book_.id.in(ids));
                QueryShape key = QueryShape.select(q, QueryRenderer.Select.ROWS, q.scope, null, null, true,
                        new Rendered(session.values()));
                assertWithMessage("in(...) of " + n + " values cached").that(q.m.statement(key) != null)
                        .isEqualTo(n <= QueryShape.MAX_CACHED_LIST);
            }
        }
    }

    private static QueryRenderer.Select what(Query<?> q, Terminal terminal) {
        if (q.projection != null) {
            return QueryRenderer.Select.PROJECTION;
        }
        return terminal == Terminal.EXISTS ? QueryRenderer.Select.ONE : QueryRenderer.Select.ROWS;
    }

    private static Integer limit(Query<?> q, Terminal terminal) {
        if (terminal == Terminal.FIRST || terminal == Terminal.EXISTS) {
            return q.limit == null ? 1 : Math.min(q.limit, 1);
        }
        return q.limit;
    }

    /** {@code q} as its terminal renders it: through the cache, or afresh. */
    private static Rendered render(Query<?> q, Terminal terminal, boolean cached) {
        if (terminal == Terminal.COUNT) {
            return cached ? QueryRenderer.count(q) : QueryRenderer.freshCount(q);
        }
        QueryRenderer.Select what = what(q, terminal);
        Integer limit = limit(q, terminal);
        return cached ? QueryRenderer.select(q, what, q.scope, limit, q.offset, true, null)
                : QueryRenderer.freshSelect(q, what, q.scope, limit, q.offset, true, null);
    }
}
