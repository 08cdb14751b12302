package dev.limber.database;

import dev.limber.database.query.Aggregate;
import dev.limber.database.query.Aggregates;
import dev.limber.database.query.Assignment;
import dev.limber.database.query.Condition;
import dev.limber.database.query.Expression;
import dev.limber.database.query.Order;
import dev.limber.database.query.Property;
import dev.limber.database.query.Relation;
import dev.limber.database.query.ToOne;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A query over one model, built fluently and run by a terminal method. On a soft-delete model
 * it sees live rows only, unless {@link #withTrashed()} (all rows) or {@link #onlyTrashed()}
 * (deleted rows only) says otherwise; that applies to reads and to the bulk {@link #update},
 * {@link #delete()} and {@link #forceDelete()}. Columns are named only through the metamodel
 * ({@code Book_.title}); every value is bound as a parameter.
 *
 * <p>One statement binds at most {@link dev.limber.database.dialect.Dialect#maxParameters()}
 * values (65,535 on PostgreSQL and MariaDB, 100,000 on H2, 250,000 on SQLite); a query beyond
 * that, typically a long {@code in(...)} list, fails with a {@link LimberException} before
 * anything is sent.
 *
 * <pre>{@code
 * List<Book> books = session.query(Book.class)
 *         .where(Book_.year.ge(1960))
 *         .orderBy(Book_.title.asc())
 *         .limit(10)
 *         .list();
 * }</pre>
 *
 * <p>Relations: {@link #with} loads related rows into the rows read (one more statement per
 * relation, whatever the number of rows; limit and offset apply to this query's rows only),
 * {@link #whereHas}/{@link #whereDoesntHave} filter on related rows (EXISTS), {@link #withCount}
 * counts them, and a to-one path ({@code Book_.author.get(Author_.name)}) works in {@code where}
 * and {@code orderBy}. Related rows are seen in the relation's own trashed mode — live rows,
 * unless its constraint ({@code q -> q.withTrashed()}) or {@code @BelongsTo(withTrashed = true)}
 * says otherwise — never in this query's; a row whose to-one target is soft-deleted never
 * matches a condition on that path.
 *
 * <p>Values instead of models: {@link #min}, {@link #max}, {@link #sum}, {@link #avg} (and
 * {@code sumDecimal}, {@code sumDouble}) aggregate the matching rows, {@code select(...)} reads one
 * to six typed columns, paths or aggregates per row with {@code groupBy}, {@code having} and
 * {@code distinct} (see {@link Selection}), and {@link #page} reads a page with its total. All of
 * them see live rows only unless {@link #withTrashed()}/{@link #onlyTrashed()} says otherwise.
 *
 * <p>The SQL of each query shape is rendered once per engine and reused (see {@code QueryShape}):
 * running the same query again binds new values into the same text.
 */
public final class Query<T> {
    /** Which rows of a soft-delete model a query sees. */
    enum Scope { LIVE, ALL, TRASHED }

    /** Where a query is the constraint of a relation, which limits what it may hold. */
    private enum Use { QUERY, EAGER_LOAD, FILTER }

    final Session session;
    final ModelSql<T> m;
    /** ANDed together, in call order: {@link Condition}s, {@link Has} (whereHas) and {@link Keys} (related). */
    final List<Object> filters = new ArrayList<>();
    final List<Order> orders = new ArrayList<>();
    final List<Include<T, ?>> includes = new ArrayList<>(0);
    final List<Count<T, ?>> counts = new ArrayList<>(0);
    Integer limit;
    Integer offset;
    Scope scope = Scope.LIVE;
    private Use use = Use.QUERY;
    /** For a constraint: the call it constrains, e.g. {@code with(Author.books)}, for messages. */
    private String constraining;
    /** This query's statement time limit in whole seconds (0: none), or -1 for the engine's. */
    private int timeoutSeconds = -1;
    /** What a selection reads instead of rows ({@link #select}); null for a query of models. */
    Projection projection;
    /** {@link #forUpdate()}: the rows read stay locked until the transaction ends. */
    boolean forUpdate;

    Query(Session session, ModelSql<T> m) {
        this.session = session;
        this.m = m;
    }

    /** Adds a condition; conditions of several calls must all hold. */
    public Query<T> where(Condition condition) {
        checkCondition(Objects.requireNonNull(condition, "condition"), "where", false);
        filters.add(condition);
        if (forUpdate) {
            forUpdate(); // a to-one path joins another table
        }
        return this;
    }

    /**
     * Orders by columns of this model or of to-one paths ({@code Book_.author.get(Author_.name).asc()});
     * ordering by a path keeps every row, those without a (live) target included.
     */
    public Query<T> orderBy(Order... orders) {
        for (Order order : orders) {
            if (order.property() == null) {
                throw new LimberException("orderBy(" + order + ") orders by an aggregate, which a query of "
                        + m.info.type().getSimpleName() + " rows does not compute; select it first: query.select(..., "
                        + order.expression() + ").orderBy(" + order + ")");
            }
            check(order.property());
            this.orders.add(order);
        }
        if (forUpdate) {
            forUpdate(); // a to-one path joins another table
        }
        return this;
    }

    public Query<T> limit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit cannot be negative (was " + limit + ")");
        }
        refusePaging("limit");
        this.limit = limit;
        return this;
    }

    public Query<T> offset(int offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset cannot be negative (was " + offset + ")");
        }
        refusePaging("offset");
        this.offset = offset;
        return this;
    }

    /** Includes soft-deleted rows. In a relation's constraint, includes soft-deleted related rows. */
    public Query<T> withTrashed() {
        scope = Scope.ALL;
        return this;
    }

    /** Only soft-deleted rows. In a relation's constraint, only soft-deleted related rows. */
    public Query<T> onlyTrashed() {
        requireSoftDelete("onlyTrashed()");
        scope = Scope.TRASHED;
        return this;
    }

    /**
     * The longest this query's statement may run before the database cancels it with a
     * {@link StatementTimeoutException} (then roll the session back and carry on); replaces
     * {@code Engine.builder().statementTimeout(…)} for this query, and {@link Duration#ZERO} lifts
     * the limit. JDBC counts in whole seconds, so a part of a second is rounded up. For
     * {@link #stream()} it bounds the query until its first rows arrive, not the reading.
     */
    public Query<T> timeout(Duration timeout) {
        timeoutSeconds = Transaction.seconds(timeout, "timeout");
        return this;
    }

    /**
     * Locks the rows this query reads until the session's transaction ends, so that another
     * session's {@code forUpdate()} read (or write) of them waits for this one to commit or roll
     * back, then sees what it wrote: read, decide, write, with no other session deciding in
     * between. Begins the session's transaction at the read. PostgreSQL, MariaDB and H2 lock the
     * rows read ({@code SELECT ... FOR UPDATE}); SQLite, which has no row locks, takes the database's
     * write lock before the read, as {@code BEGIN IMMEDIATE} would (do it first in a transaction:
     * after other reads it fails with a {@link TransactionConflictException} if another session
     * wrote since).
     *
     * <p>Applies to {@link #list()}, {@link #first()}, {@link #one()}, {@link #exists()} and
     * {@link #stream()}, and locks the rows of this model only (not those of {@code with(...)}).
     * Counts, aggregates, selections, pages and bulk writes refuse it, as do to-one paths in
     * {@code where} or {@code orderBy} (they join other tables).
     */
    public Query<T> forUpdate() {
        if (use != Use.QUERY) {
            throw new LimberException("forUpdate() inside the constraint of " + constraining + " locks nothing:"
                    + " only the rows a query reads itself are locked; call forUpdate() on the outer query, or read"
                    + " the related rows with session.query(...).forUpdate()");
        }
        for (Object f : filters) {
            if (f instanceof Condition c && hasPath(c)) {
                throw new LimberException("forUpdate() locks the rows of one table, but where(...) follows a to-one"
                        + " path, which joins another; test the related rows with whereHas(...) instead");
            }
        }
        for (Order order : orders) {
            if (hasPath(order.expression())) {
                throw new LimberException("forUpdate() locks the rows of one table, but orderBy(" + order + ")"
                        + " follows a to-one path, which joins another; order by a column of "
                        + m.info.type().getSimpleName());
            }
        }
        forUpdate = true;
        return this;
    }

    /** Refuses {@link #forUpdate()} on {@code what}, which reads no rows to lock or locks its own. */
    private void refuseLock(String what) {
        if (forUpdate) {
            throw new LimberException("forUpdate() does not apply to " + what + ": it locks the rows a query reads"
                    + " with list(), first(), one(), exists() or stream(). Read and lock the rows with one of those,"
                    + " or remove forUpdate()");
        }
    }

    /** Before a forUpdate() read: begins the transaction and, where the database has no row locks, takes the write lock. */
    private void lock() {
        if (!forUpdate) {
            return;
        }
        session.begin();
        String writeLock = m.dialect.writeLock(m.table, m.quoted[m.pk]);
        if (writeLock != null) {
            session.update(writeLock, m.info, ps -> { });
        }
    }

    // --- relations ---

    /**
     * Loads {@code relation} into every row read by {@link #list()}, {@link #first()} or {@link #one()}:
     * one more statement per relation (and per nested relation), whatever the number of rows. Live
     * related rows only, unless the relation is {@code @BelongsTo(withTrashed = true)}.
     */
    public <R> Query<T> with(Relation<T, R> relation) {
        return with(relation, null);
    }

    /**
     * Loads {@code relation}'s rows that match {@code constraint}, e.g.
     * {@code q -> q.where(Tag_.name.ne("draft")).orderBy(Tag_.name.asc())}; the constraint may
     * filter, order, set {@code withTrashed()}/{@code onlyTrashed()} and nest {@code with},
     * {@code whereHas} and {@code withCount}, but not limit: a limit would apply to the children
     * of all rows together.
     */
    public <R> Query<T> with(Relation<T, R> relation, UnaryOperator<Query<R>> constraint) {
        if (use == Use.FILTER) {
            throw new LimberException("with(" + relation + ") inside the constraint of " + constraining + " loads"
                    + " nothing: that constraint only filters; call with(...) on the query that reads the rows");
        }
        includes.add(new Include<>(constraint(relation, constraint, Use.EAGER_LOAD, "with")));
        return this;
    }

    /** Rows with at least one (live) related row: a correlated EXISTS subquery. */
    public <R> Query<T> whereHas(Relation<T, R> relation) {
        return whereHas(relation, null);
    }

    /**
     * Rows with at least one related row matching {@code constraint}, e.g.
     * {@code whereHas(Book_.tags, q -> q.where(Tag_.name.eq("sf")))}; the constraint may nest
     * {@code whereHas} and set the related rows' trashed mode.
     */
    public <R> Query<T> whereHas(Relation<T, R> relation, UnaryOperator<Query<R>> constraint) {
        filters.add(new Has(constraint(relation, constraint, Use.FILTER, "whereHas"), false));
        return this;
    }

    /** Rows without any (live) related row: NOT EXISTS. */
    public <R> Query<T> whereDoesntHave(Relation<T, R> relation) {
        return whereDoesntHave(relation, null);
    }

    /** Rows without a related row matching {@code constraint}: NOT EXISTS. */
    public <R> Query<T> whereDoesntHave(Relation<T, R> relation, UnaryOperator<Query<R>> constraint) {
        filters.add(new Has(constraint(relation, constraint, Use.FILTER, "whereDoesntHave"), true));
        return this;
    }

    /**
     * Counts the (live) related rows of a to-many {@code relation} for every row read, in the same
     * statement; read it as {@code author.books.count()}.
     */
    public <R> Query<T> withCount(Relation<T, R> relation) {
        return withCount(relation, null);
    }

    /** Counts the related rows that match {@code constraint}. */
    public <R> Query<T> withCount(Relation<T, R> relation, UnaryOperator<Query<R>> constraint) {
        if (relation instanceof ToOne) {
            throw new LimberException("withCount(" + relation + "): " + relation + " is a to-one relation, which has"
                    + " no count; withCount takes a @HasMany or @BelongsToMany, and whereHas(" + relation
                    + ") tests whether a to-one target exists");
        }
        if (use == Use.FILTER) {
            throw new LimberException("withCount(" + relation + ") inside the constraint of " + constraining
                    + " counts nothing: that constraint only filters; call withCount(...) on the query that reads"
                    + " the rows");
        }
        counts.add(new Count<>(constraint(relation, constraint, Use.FILTER, "withCount")));
        return this;
    }

    /**
     * The query over {@code relation}'s target that a constraint starts from: live rows, or all
     * rows for a {@code @BelongsTo(withTrashed = true)}; never this query's trashed mode.
     */
    private <R> Constrained<T, R> constraint(Relation<T, R> relation, UnaryOperator<Query<R>> constraint, Use use,
            String call) {
        Objects.requireNonNull(relation, "relation");
        RelationSql<T, R> rel = session.engine().relation(relation);
        if (rel.owner != m) {
            throw new MappingException(relation + " is a relation of " + relation.model().getSimpleName()
                    + ", not of " + m.info.type().getSimpleName() + "; use a relation of "
                    + m.info.type().getSimpleName() + "_");
        }
        Query<R> start = related(session, rel);
        start.use = use;
        start.constraining = call + "(" + relation + ")";
        Query<R> q = start;
        if (constraint != null) {
            q = constraint.apply(start);
            if (q != start) {
                throw new LimberException("The constraint of " + start.constraining + " must return the query it"
                        + " was given (e.g. q -> q.where(...)), not " + (q == null ? "null" : "another query"));
            }
        }
        return new Constrained<>(rel, q);
    }

    /** A fresh query over {@code rel}'s target, in the relation's own trashed mode. */
    static <R> Query<R> related(Session session, RelationSql<?, R> rel) {
        Query<R> q = new Query<>(session, rel.target);
        if (rel.relation.withTrashed()) {
            q.scope = Scope.ALL;
        }
        return q;
    }

    /** Rejects limit/offset in a relation's constraint, where they would apply to all parents together. */
    private void refusePaging(String what) {
        if (use == Use.EAGER_LOAD) {
            throw new LimberException(what + "(...) inside the constraint of " + constraining + " would apply to the"
                    + " related rows of all parents together, not to each parent's; load them without " + what
                    + " and cut each list in Java, or query one parent's rows with session.related(parent, relation)."
                    + what + "(...)");
        }
        if (use == Use.FILTER) {
            throw new LimberException(what + "(...) has no meaning inside the constraint of " + constraining
                    + ", which tests or counts related rows; narrow it with where(...)");
        }
    }

    /** Checks that {@code expression} is, or aggregates, a column of this model or a to-one path from it. */
    void check(Expression<?, ?> expression) {
        if (expression instanceof Property<?, ?> p) {
            check(p);
        } else if (expression instanceof Aggregate<?, ?> a && a.argument() != null) {
            check(a.argument());
        }
    }

    /**
     * Checks the columns of {@code condition}; a condition on an aggregate ({@code count().gt(1L)})
     * belongs in a selection's {@code having}, not in {@code where}.
     */
    void checkCondition(Condition condition, String call, boolean aggregates) {
        if (condition instanceof Condition.Aggregated a) {
            if (!aggregates) {
                throw new LimberException(call + "(" + a.aggregate + " " + a.operator.sql() + " ?) tests an aggregate,"
                        + " which only groups have; use it in having(...) of a selection: query.select(...)"
                        + ".groupBy(...).having(...)");
            }
            check(a.aggregate);
        } else if (condition instanceof Condition.Junction j) {
            for (Condition c : j.conditions) {
                checkCondition(c, call, aggregates);
            }
        } else if (condition instanceof Condition.Not not) {
            checkCondition(not.condition, call, aggregates);
        }
    }

    /** The plain columns {@code condition} tests, added to {@code out}. */
    static void properties(Condition condition, List<Property<?, ?>> out) {
        if (condition instanceof Condition.Comparison c) {
            out.add(c.property);
        } else if (condition instanceof Condition.In in) {
            out.add(in.property);
        } else if (condition instanceof Condition.Between b) {
            out.add(b.property);
        } else if (condition instanceof Condition.NullCheck n) {
            out.add(n.property);
        } else if (condition instanceof Condition.Junction j) {
            for (Condition c : j.conditions) {
                properties(c, out);
            }
        } else if (condition instanceof Condition.Not not) {
            properties(not.condition, out);
        }
    }

    /** The column {@code property} names, in this model or at the end of its to-one path. */
    ColumnInfo columnOf(Property<?, ?> property) {
        ModelSql<?> owner = m;
        for (ToOne<?, ?> step : property.path()) {
            owner = session.engine().relation(step).target;
        }
        return owner.info.columns().get(owner.info.columnIndex(property.column()));
    }

    /** Checks that {@code property} is a column of this model or a to-one path from it. */
    private void check(Property<?, ?> property) {
        boolean ok = property.path().isEmpty() ? m.position(property) >= 0
                : property.path().get(0).model() == m.info.type();
        if (!ok) {
            throw QueryRenderer.notAColumn(m, property);
        }
    }

    /**
     * Whether rendering needs aliases: a to-one path, a whereHas, or ({@code rows}) a withCount.
     * Otherwise the statement is plain single-table SQL.
     */
    boolean relational(boolean rows) {
        if (rows && !counts.isEmpty()) {
            return true;
        }
        for (Object f : filters) {
            if (f instanceof Has || (f instanceof Condition c && hasPath(c))) {
                return true;
            }
        }
        for (Order order : orders) {
            if (hasPath(order.expression())) {
                return true;
            }
        }
        if (projection != null) {
            for (Expression<?, ?> e : projection.expressions) {
                if (hasPath(e)) {
                    return true;
                }
            }
            for (Property<?, ?> p : projection.groupBy) {
                if (!p.path().isEmpty()) {
                    return true;
                }
            }
            for (Condition c : projection.having) {
                if (hasPath(c)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasPath(Expression<?, ?> e) {
        Property<?, ?> p = e instanceof Aggregate<?, ?> a ? a.argument() : (Property<?, ?>) e;
        return p != null && !p.path().isEmpty();
    }

    private static boolean hasPath(Condition condition) {
        if (condition instanceof Condition.Comparison c) {
            return !c.property.path().isEmpty();
        } else if (condition instanceof Condition.In in) {
            return !in.property.path().isEmpty();
        } else if (condition instanceof Condition.Between b) {
            return !b.property.path().isEmpty();
        } else if (condition instanceof Condition.NullCheck n) {
            return !n.property.path().isEmpty();
        } else if (condition instanceof Condition.Junction j) {
            for (Condition c : j.conditions) {
                if (hasPath(c)) {
                    return true;
                }
            }
            return false;
        } else if (condition instanceof Condition.Not not) {
            return hasPath(not.condition);
        } else if (condition instanceof Condition.Aggregated a) {
            return hasPath(a.aggregate);
        }
        return false;
    }

    /** A relation with the query its rows must match (the constraint). */
    record Constrained<P, R>(RelationSql<P, R> relation, Query<R> query) {
    }

    /** An eager load: {@code with(relation, constraint)}. */
    static final class Include<P, R> {
        final RelationSql<P, R> relation;
        final Query<R> query;

        Include(Constrained<P, R> c) {
            this.relation = c.relation;
            this.query = c.query;
        }
    }

    /** {@code whereHas} ({@code negated}: {@code whereDoesntHave}). */
    static final class Has {
        final RelationSql<?, ?> relation;
        final Query<?> query;
        final boolean negated;

        Has(Constrained<?, ?> c, boolean negated) {
            this.relation = c.relation;
            this.query = c.query;
            this.negated = negated;
        }
    }

    /** {@code withCount}: read into the row's {@code Many} holder. */
    static final class Count<P, R> {
        final RelationSql<P, R> relation;
        final Query<R> query;

        Count(Constrained<P, R> c) {
            this.relation = c.relation;
            this.query = c.query;
        }
    }

    /** The rows related to owners with these keys ({@code session.related}). */
    static final class Keys {
        final RelationSql<?, ?> relation;
        final List<Object> keys;

        Keys(RelationSql<?, ?> relation, List<Object> keys) {
            this.relation = relation;
            this.keys = keys;
        }
    }

    // --- reads ---

    public List<T> list() {
        lock();
        Rendered r = checked(QueryRenderer.select(this, QueryRenderer.Select.ROWS, scope, limit, offset, true, null));
        // presized from the limit (capped: a generous limit need not mean that many rows)
        int capacity = limit != null ? Math.min(limit, 10_000) : 16;
        return loaded(session.list(r.sql, m.info, r, reader(), 0, capacity));
    }

    /** The first row in the query's order, if any. */
    public Optional<T> first() {
        lock();
        Rendered r = checked(QueryRenderer.select(this, QueryRenderer.Select.ROWS, scope,
                limit == null ? 1 : Math.min(limit, 1), offset, true, null));
        List<T> rows = loaded(session.list(r.sql, m.info, r, reader(), 1));
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** The only row; {@link NotFoundException} when none matches, {@link LimberException} when several do. */
    public T one() {
        lock();
        Rendered r = checked(QueryRenderer.select(this, QueryRenderer.Select.ROWS, scope,
                limit == null ? 2 : Math.min(limit, 2), offset, true, null));
        List<T> rows = session.list(r.sql, m.info, r, reader(), 2);
        if (rows.isEmpty()) {
            throw new NotFoundException("No " + m.info.type().getSimpleName() + " matches the query", r.sql, null);
        }
        if (rows.size() > 1) {
            throw new LimberException("More than one " + m.info.type().getSimpleName() + " matches a query expected"
                    + " to match exactly one; add conditions, or use first() or list()", r.sql, null);
        }
        return loaded(rows).get(0);
    }

    public long count() {
        refuseLock("count()");
        Rendered r = checked(QueryRenderer.count(this));
        return session.list(r.sql, m.info, r, rs -> rs.getLong(1), 1).get(0);
    }

    public boolean exists() {
        lock();
        Rendered r = checked(QueryRenderer.select(this, QueryRenderer.Select.ONE, scope,
                limit == null ? 1 : Math.min(limit, 1), offset, true, null));
        return !session.list(r.sql, m.info, r, rs -> Boolean.TRUE, 1).isEmpty();
    }

    /**
     * The rows, read lazily from an open cursor. Close the stream (try-with-resources): until
     * then it holds the session's connection. The session's commit, rollback or close ends it.
     * Eager loads ({@code with}) need every row at hand, so they are refused here; withCount works.
     */
    public Stream<T> stream() {
        if (!includes.isEmpty()) {
            throw new LimberException("with(...) does not apply to stream(), which reads rows one at a time; use"
                    + " list(), or load the relation into each batch of streamed rows with"
                    + " session.load(rows, relation)");
        }
        lock();
        Rendered r = checked(QueryRenderer.select(this, QueryRenderer.Select.ROWS, scope, limit, offset, true, null));
        return session.stream(r.sql, m.info, r, reader());
    }

    /** Reads a row and, after the model's columns, the counts of withCount into its holders. */
    Transaction.RowReader<T> reader() {
        if (counts.isEmpty()) {
            return m.reader;
        }
        int columns = m.info.columns().size();
        List<Count<T, ?>> counted = List.copyOf(counts);
        Transaction.RowReader<T> rows = m.reader;
        return rs -> {
            T row = rows.read(rs);
            for (int i = 0; i < counted.size(); i++) {
                RelationLoader.many(counted.get(i).relation, row).count(rs.getLong(columns + 1 + i));
            }
            return row;
        };
    }

    /** {@code rows}, with this query's eager loads done. */
    private List<T> loaded(List<T> rows) {
        for (Include<T, ?> include : includes) {
            RelationLoader.load(session, rows, include);
        }
        return rows;
    }

    // --- projections and aggregates ---

    /**
     * Reads one typed value per row instead of models: a column, a to-one path or an aggregate
     * ({@link Aggregates}). The selection keeps this query's conditions and trashed mode.
     */
    public <A> Select1<T, A> select(Expression<? super T, A> a) {
        return new Select1<>(selecting(), a);
    }

    /** Reads two typed values per row: {@code list()} gives {@code Tuple2}s, {@code list(Row::new)} anything. */
    public <A, B> Select2<T, A, B> select(Expression<? super T, A> a, Expression<? super T, B> b) {
        return new Select2<>(selecting(), a, b);
    }

    /** Reads three typed values per row, e.g. {@code select(Book_.author.id(), Aggregates.count(), Aggregates.max(Book_.pages))}. */
    public <A, B, C> Select3<T, A, B, C> select(Expression<? super T, A> a, Expression<? super T, B> b,
            Expression<? super T, C> c) {
        return new Select3<>(selecting(), a, b, c);
    }

    /** Reads four typed values per row. */
    public <A, B, C, D> Select4<T, A, B, C, D> select(Expression<? super T, A> a, Expression<? super T, B> b,
            Expression<? super T, C> c, Expression<? super T, D> d) {
        return new Select4<>(selecting(), a, b, c, d);
    }

    /** Reads five typed values per row. */
    public <A, B, C, D, E> Select5<T, A, B, C, D, E> select(Expression<? super T, A> a, Expression<? super T, B> b,
            Expression<? super T, C> c, Expression<? super T, D> d, Expression<? super T, E> e) {
        return new Select5<>(selecting(), a, b, c, d, e);
    }

    /** Reads six typed values per row. */
    public <A, B, C, D, E, F> Select6<T, A, B, C, D, E, F> select(Expression<? super T, A> a,
            Expression<? super T, B> b, Expression<? super T, C> c, Expression<? super T, D> d,
            Expression<? super T, E> e, Expression<? super T, F> f) {
        return new Select6<>(selecting(), a, b, c, d, e, f);
    }

    /** A copy of this query for a selection, which reads values: eager loads and counts have nowhere to go. */
    private Query<T> selecting() {
        refuseLock("select(...)");
        if (!includes.isEmpty() || !counts.isEmpty()) {
            throw new LimberException("select(...) reads values, not " + m.info.type().getSimpleName() + " rows, so"
                    + " with(...) and withCount(...) have nothing to load into; remove them, or select a to-one"
                    + " path's column (Book_.author.get(Author_.name))");
        }
        return copy();
    }

    /** The smallest value of {@code property} among the matching rows; empty when none (or all are null). */
    public <V> Optional<V> min(Property<T, V> property) {
        return aggregate(Aggregates.min(property));
    }

    /** The largest value of {@code property} among the matching rows; empty when none (or all are null). */
    public <V> Optional<V> max(Property<T, V> property) {
        return aggregate(Aggregates.max(property));
    }

    /** The sum of a whole-number column over the matching rows, as a Long; empty when no row matches. */
    public Optional<Long> sum(Property<T, ? extends Number> property) {
        return aggregate(Aggregates.sum(property));
    }

    /** The sum of a BigDecimal column over the matching rows, with at least the column's scale; empty when none. */
    public Optional<BigDecimal> sumDecimal(Property<T, BigDecimal> property) {
        return aggregate(Aggregates.sumDecimal(property));
    }

    /** The sum of a float or double column over the matching rows; empty when no row matches. */
    public Optional<Double> sumDouble(Property<T, ? extends Number> property) {
        return aggregate(Aggregates.sumDouble(property));
    }

    /** The mean of a numeric column over the matching rows, computed in double precision; empty when none. */
    public Optional<Double> avg(Property<T, ? extends Number> property) {
        return aggregate(Aggregates.avg(property));
    }

    /** One aggregate over every matching row (orderBy cannot change it; with(...) has nothing to load). */
    private <V> Optional<V> aggregate(Aggregate<T, V> aggregate) {
        refuseLock(aggregate.toString());
        if (limit != null || offset != null) {
            throw new LimberException(aggregate + " is computed over every matching row, so limit(...) and offset(...)"
                    + " do not apply; narrow the rows with where(...)");
        }
        Query<T> q = copy();
        q.orders.clear();
        q.includes.clear();
        q.counts.clear();
        return Optional.ofNullable(new Select1<>(q, aggregate).list().get(0));
    }

    /**
     * Page {@code number} (from 0) of {@code size} rows, in this query's order (order by a unique
     * column last, so that pages neither repeat nor skip a row), with the total the query matches,
     * counted by one {@code COUNT(*)} under the same conditions and trashed mode. A page past the
     * end is empty (and costs only the count). Eager loads ({@code with}) load into the page's rows.
     */
    public Page<T> page(int number, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("page size must be at least 1 (was " + size + ")");
        }
        if (number < 0) {
            throw new IllegalArgumentException("page number cannot be negative (was " + number
                    + "); pages count from 0");
        }
        refuseLock("page(...), which counts");
        if (limit != null || offset != null) {
            throw new LimberException("page(" + number + ", " + size + ") sets the limit and offset itself; remove"
                    + " limit(...) and offset(...) from the query");
        }
        long first = (long) number * size;
        if (first > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("page " + number + " of " + size + " rows starts past row "
                    + Integer.MAX_VALUE + ", the furthest offset a query can skip to");
        }
        long total = count();
        if (first >= total) {
            return new Page<>(List.of(), total, number, size);
        }
        Query<T> q = copy();
        q.limit = size;
        q.offset = (int) first;
        return new Page<>(q.list(), total, number, size);
    }

    /** A query with this one's description, to change without changing this one. */
    private Query<T> copy() {
        Query<T> q = new Query<>(session, m);
        q.filters.addAll(filters);
        q.orders.addAll(orders);
        q.includes.addAll(includes);
        q.counts.addAll(counts);
        q.limit = limit;
        q.offset = offset;
        q.scope = scope;
        q.use = use;
        q.constraining = constraining;
        q.timeoutSeconds = timeoutSeconds;
        return q;
    }

    // --- bulk writes ---

    /** Sets the assigned columns on every matching row (bumping a @Version column); returns the row count. */
    public int update(Assignment... assignments) {
        if (assignments.length == 0) {
            throw new IllegalArgumentException("update() needs at least one assignment, e.g. Book_.title.set(\"Dune\")");
        }
        noPaging("update");
        Rendered r = QueryRenderer.update(this, assignments);
        return session.update(r.sql, m.info, checked(r));
    }

    /**
     * Deletes the matching rows: on a soft-delete model stamps {@code deleted_at} of the live ones
     * (deleted rows keep their first stamp), otherwise DELETE. Returns the row count. Through
     * {@code cascade = Cascade.DELETE} relations the soft delete also stamps the live children of
     * the deleted rows with the same {@code deleted_at}, recursively, in the session's transaction.
     */
    public int delete() {
        noPaging("delete");
        if (m.live == null) {
            return forceDelete();
        }
        if (scope == Scope.TRASHED) {
            return 0; // every row in scope is deleted already, and keeps its first stamp
        }
        if (session.engine().cascade().cascades(m)) {
            session.begin(); // the rows selected are the rows stamped, and their children with them
            List<Object> ids = new ArrayList<>();
            for (Object[] row : matching(Scope.LIVE)) {
                ids.add(row[0]);
            }
            return session.engine().cascade().delete(session, m, ids, m.stamp(session.engine().clock()));
        }
        Rendered r = QueryRenderer.softDelete(this, m.stamp(session.engine().clock()));
        return session.update(r.sql, m.info, checked(r));
    }

    /** DELETEs the matching rows (in the query's scope: live ones unless withTrashed/onlyTrashed). */
    public int forceDelete() {
        noPaging("forceDelete");
        Rendered r = QueryRenderer.delete(this);
        return session.update(r.sql, m.info, checked(r));
    }

    /**
     * Brings back the matching soft-deleted rows; returns the row count. Through
     * {@code cascade = Cascade.DELETE} relations it also restores exactly the children each row's
     * delete stamped with its {@code deleted_at}, recursively.
     */
    public int restore() {
        requireSoftDelete("restore()");
        noPaging("restore");
        Rendered r = QueryRenderer.restore(this);
        try {
            if (session.engine().cascade().cascades(m)) {
                session.begin(); // the stamps read are the stamps the children are restored by
                return session.engine().cascade().restore(session, m, matching(Scope.TRASHED));
            }
            return session.update(r.sql, m.info, checked(r));
        } catch (ConstraintViolationException e) {
            throw new ConstraintViolationException("Cannot restore: a live row now holds the unique "
                    + (e.column() == null ? "value" : e.column() + " value") + " of a row being restored; change or"
                    + " delete that row first", e.table(), e.column(), e.constraint(), e.sql(), e.getCause());
        }
    }

    /**
     * The primary key and {@code deleted_at} of each row matching the conditions in trashed mode
     * {@code scope}: where a cascading delete or restore starts.
     */
    private List<Object[]> matching(Scope scope) {
        Rendered r = checked(QueryRenderer.select(this, QueryRenderer.Select.KEY_AND_STAMP, scope, null, null, false,
                null));
        var values = session.values();
        return session.list(r.sql, m.info, r,
                rs -> new Object[] {values.get(rs, 1, m.pkType), values.get(rs, 2, m.deletedAtType)}, 0);
    }

    /**
     * {@code r}, after checking that it binds no more values than the database takes in one
     * statement: past that the driver fails (or, on MariaDB, quietly changes protocol). The
     * exception carries no SQL: nothing was sent, and the text would hold every placeholder.
     */
    Rendered checked(Rendered r) {
        r.timeoutSeconds = timeoutSeconds;
        int max = m.dialect.maxParameters();
        if (r.values.size() <= max) {
            return r;
        }
        String culprit = r.longestIn == null ? ""
                : " (" + r.longestIn.property + ".in(...) holds " + r.longestIn.values.size() + " of them)";
        throw new LimberException("This query on " + m.info.type().getSimpleName() + " binds " + r.values.size()
                + " values, more than the " + max + " " + m.dialect.productName() + " accepts in one statement"
                + culprit + "; split the values into chunks and run one query per chunk, or load them into a"
                + " temporary table and select through a join or subquery on session.connection()");
    }

    private void noPaging(String operation) {
        refuseLock("the bulk " + operation + "(), which locks the rows it changes itself");
        if (limit != null || offset != null || !orders.isEmpty()) {
            throw new LimberException("limit, offset and orderBy do not apply to the bulk " + operation
                    + "(); it affects every matching row. Narrow it with where(...) instead");
        }
    }

    private void requireSoftDelete(String operation) {
        if (m.live == null) {
            throw new MappingException(m.info.type().getSimpleName() + " is not a soft-delete model; " + operation
                    + " needs @Model(softDelete = true)");
        }
    }

    @Override
    public String toString() {
        return "Query[" + QueryRenderer.select(this, QueryRenderer.Select.ROWS, scope, limit, offset, true, null).sql
                + "]";
    }
}
