package dev.limber.database;

import dev.limber.database.query.Expression;
import dev.limber.database.query.Function6;
import dev.limber.database.query.Tuple6;
import java.util.List;

/**
 * A selection of 6 typed expressions, from {@code Query.select(...)}: see {@link Selection}.
 */
public final class Select6<T, A, B, C, D, E, F> extends Selection<T, Select6<T, A, B, C, D, E, F>> {

    Select6(Query<T> query, Expression<? super T, A> a, Expression<? super T, B> b, Expression<? super T, C> c, Expression<? super T, D> d, Expression<? super T, E> e, Expression<? super T, F> f) {
        super(query, List.of(a, b, c, d, e, f));
    }

    /** The rows as typed tuples. */
    @SuppressWarnings("unchecked")
    public List<Tuple6<A, B, C, D, E, F>> list() {
        return read(rs -> new Tuple6<>((A) get(rs, 0), (B) get(rs, 1), (C) get(rs, 2), (D) get(rs, 3), (E) get(rs, 4), (F) get(rs, 5)));
    }

    /** Each row built by {@code row}, typically a constructor reference ({@code AuthorShelf::new}). */
    @SuppressWarnings("unchecked")
    public <R> List<R> list(Function6<? super A, ? super B, ? super C, ? super D, ? super E, ? super F, ? extends R> row) {
        return read(rs -> row.apply((A) get(rs, 0), (B) get(rs, 1), (C) get(rs, 2), (D) get(rs, 3), (E) get(rs, 4), (F) get(rs, 5)));
    }
}
