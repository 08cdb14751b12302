package dev.limber.database;

import dev.limber.database.query.Expression;
import dev.limber.database.query.Function3;
import dev.limber.database.query.Tuple3;
import java.util.List;

/**
 * A selection of 3 typed expressions, from {@code Query.select(...)}: see {@link Selection}.
 */
public final class Select3<T, A, B, C> extends Selection<T, Select3<T, A, B, C>> {

    Select3(Query<T> query, Expression<? super T, A> a, Expression<? super T, B> b, Expression<? super T, C> c) {
        super(query, List.of(a, b, c));
    }

    /** The rows as typed tuples. */
    @SuppressWarnings("unchecked")
    public List<Tuple3<A, B, C>> list() {
        return read(rs -> new Tuple3<>((A) get(rs, 0), (B) get(rs, 1), (C) get(rs, 2)));
    }

    /** Each row built by {@code row}, typically a constructor reference ({@code AuthorShelf::new}). */
    @SuppressWarnings("unchecked")
    public <R> List<R> list(Function3<? super A, ? super B, ? super C, ? extends R> row) {
        return read(rs -> row.apply((A) get(rs, 0), (B) get(rs, 1), (C) get(rs, 2)));
    }
}
