package dev.limber.database.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A typed column of model {@code M} holding values of {@code V}; the generated metamodel
 * ({@code Book_}) has one per column. Builds conditions, orderings and assignments, so that
 * queries name columns only through the metamodel, never through free strings. Two properties
 * are equal when they name the same column of the same model through the same path, so a path
 * made twice ({@code Book_.author.get(Author_.name)}) is one query shape.
 */
public final class Property<M, V> implements Expression<M, V> {
    private final Class<M> model;
    private final String field;
    private final String column;
    private final Class<V> type;
    /** The to-one relations from {@link #model} to the model holding the column; empty for a column of M itself. */
    private final List<ToOne<?, ?>> path;
    /** The model whose table holds the column: {@link #model} itself unless the property is a path. */
    private final Class<?> owner;
    /** Computed once: queries hash their properties on every run (the render-once cache's key). */
    private final int hash;

    private Property(Class<M> model, String field, String column, Class<V> type, List<ToOne<?, ?>> path,
            Class<?> owner) {
        this.model = Objects.requireNonNull(model, "model");
        this.field = Objects.requireNonNull(field, "field");
        this.column = Objects.requireNonNull(column, "column");
        this.type = Objects.requireNonNull(type, "type");
        this.path = path;
        this.owner = owner;
        this.hash = ((model.hashCode() * 31 + column.hashCode()) * 31 + field.hashCode()) * 31 + path.hashCode();
    }

    /**
     * The property of {@code model}'s member {@code field}, stored in {@code column}, with values
     * of {@code type} (boxed for primitives). Called by generated metamodels.
     */
    public static <M, V> Property<M, V> of(Class<M> model, String field, String column, Class<V> type) {
        return new Property<>(model, field, column, type, List.of(), model);
    }

    /** {@code property} of {@code relation}'s target, reached from {@code relation}'s model: see {@link ToOne#get}. */
    static <M, T, V> Property<M, V> through(ToOne<M, T> relation, Property<T, V> property) {
        List<ToOne<?, ?>> path = new ArrayList<>(property.path.size() + 1);
        path.add(relation);
        path.addAll(property.path);
        return new Property<>(relation.model(), property.field, property.column, property.type,
                Collections.unmodifiableList(path), property.owner);
    }

    public Class<M> model() { return model; }

    /**
     * The to-one relations leading from {@link #model()} to the column, outermost first
     * ({@code Book_.author.get(Author_.name)}: {@code [Book.author]}); empty for a column of the model itself.
     */
    public List<ToOne<?, ?>> path() { return path; }

    /** The model whose table holds the column: {@link #model()} unless {@link #path()} is not empty. */
    public Class<?> owner() { return owner; }

    /** The Java field or record component. */
    public String field() { return field; }

    /** The SQL column name, unquoted. */
    public String column() { return column; }

    /** The value type, boxed for primitives. */
    @Override
    public Class<V> type() { return type; }

    public Condition eq(V value) { return Condition.compare(this, Condition.Operator.EQ, value); }

    public Condition ne(V value) { return Condition.compare(this, Condition.Operator.NE, value); }

    public Condition lt(V value) { return Condition.compare(this, Condition.Operator.LT, value); }

    public Condition le(V value) { return Condition.compare(this, Condition.Operator.LE, value); }

    public Condition gt(V value) { return Condition.compare(this, Condition.Operator.GT, value); }

    public Condition ge(V value) { return Condition.compare(this, Condition.Operator.GE, value); }

    /** {@code column IN (...)}; an empty collection matches no row. */
    public Condition in(Collection<? extends V> values) {
        List<V> copy = new ArrayList<>(values.size());
        for (V value : values) {
            if (value == null) {
                throw new IllegalArgumentException(this + ".in(...) holds a null, which never matches in SQL;"
                        + " use " + field + ".isNull()");
            }
            copy.add(value);
        }
        return Condition.in(this, Collections.unmodifiableList(copy));
    }

    @SafeVarargs
    public final Condition in(V... values) {
        List<V> list = new ArrayList<>(values.length); // copied by hand: handing the array on warns under -Xlint
        for (V value : values) {
            list.add(value);
        }
        return in(list);
    }

    /**
     * SQL LIKE with {@code %} and {@code _} wildcards; the pattern is bound as a parameter and
     * passed as written, so its escaping is the database's (a backslash escapes on H2, PostgreSQL
     * and MariaDB, nothing does on SQLite). To match user input literally, use {@link #contains},
     * {@link #startsWith} or {@link #endsWith}.
     */
    public Condition like(String pattern) { return Condition.compare(this, Condition.Operator.LIKE, pattern); }

    /**
     * Values that contain {@code text}: every character of it, {@code %}, {@code _} and the
     * backslash included, matches only itself, on every database ({@code LIKE ? ESCAPE '!'}).
     */
    public Condition contains(String text) { return Condition.likeLiteral(this, "%", text, "%"); }

    /** Values that start with {@code text}, matched literally as in {@link #contains}. */
    public Condition startsWith(String text) { return Condition.likeLiteral(this, "", text, "%"); }

    /** Values that end with {@code text}, matched literally as in {@link #contains}. */
    public Condition endsWith(String text) { return Condition.likeLiteral(this, "%", text, ""); }

    /** {@code low <= column <= high}. */
    public Condition between(V low, V high) { return Condition.between(this, low, high); }

    public Condition isNull() { return Condition.nullCheck(this, true); }

    public Condition isNotNull() { return Condition.nullCheck(this, false); }

    @Override
    public Order asc() { return new Order(this, true); }

    @Override
    public Order desc() { return new Order(this, false); }

    /** {@code column = value}, for {@code Query.update}. */
    public Assignment set(V value) { return new Assignment(this, value); }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof Property<?, ?> p && hash == p.hash && model == p.model && owner == p.owner && type == p.type
                && column.equals(p.column) && field.equals(p.field) && path.equals(p.path);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        if (!path.isEmpty()) {
            StringBuilder name = new StringBuilder(model.getSimpleName());
            for (ToOne<?, ?> step : path) {
                name.append('.').append(step.name());
            }
            return name.append('.').append(field).toString();
        }
        return model.getSimpleName() + "." + field;
    }
}
