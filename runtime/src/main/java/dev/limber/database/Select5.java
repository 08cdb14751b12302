package dev.limber.database;

import dev.limber.database.query.Expression;
import dev.limber.database.query.Function5;
import dev.limber.database.query.Tuple5;
import java.util.List;

/**
 * A selection of 5 typed expressions, from {@code Query.select(...)}: see {@link Selection}.
 */
public final class Select5<T, A, B, C, D, E> extends Selection<T, Select5<T, A, B, C, D, E>> {

    Select5(Query<T> query, Expression<? super T, A> a, Expression<? super T, B> b, Expression<? super T, C> c, Expression<? super T, D> d, Expression<? super T, E> e) {
        super(query, List.of(a, b, c, d, e));
    }

    /** The rows as typed tuples. */
    @SuppressWarnings("unchecked")
    public List<Tuple5<A, B, C, D, E>> list() {
        return read(rs -> new Tuple5<>((A) get(rs, 0), (B) get(rs, 1), (C) get(rs, 2), (D) get(rs, 3), (E) get(rs, 4)));
    }

    /** Each row built by {@code row}, typically a constructor reference ({@code AuthorShelf::new}). */
    @SuppressWarnings("unchecked")
    public <R> List<R> list(Function5<? super A, ? super B, ? super C, ? super D, ? super E, ? extends R> row) {
        return read(rs -> row.apply((A) get(rs, 0), (B) get(rs, 1), (C) get(rs, 2), (D) get(rs, 3), (E) get(rs, 4)));
    }
}
