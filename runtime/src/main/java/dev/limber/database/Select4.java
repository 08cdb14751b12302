package dev.limber.database;

import dev.limber.database.query.Expression;
import dev.limber.database.query.Function4;
import dev.limber.database.query.Tuple4;
import java.util.List;

/**
 * A selection of 4 typed expressions, from {@code Query.select(...)}: see {@link Selection}.
 */
public final class Select4<T, A, B, C, D> extends Selection<T, Select4<T, A, B, C, D>> {

    Select4(Query<T> query, Expression<? super T, A> a, Expression<? super T, B> b, Expression<? super T, C> c, Expression<? super T, D> d) {
        super(query, List.of(a, b, c, d));
    }

    /** The rows as typed tuples. */
    @SuppressWarnings("unchecked")
    public List<Tuple4<A, B, C, D>> list() {
        return read(rs -> new Tuple4<>((A) get(rs, 0), (B) get(rs, 1), (C) get(rs, 2), (D) get(rs, 3)));
    }

    /** Each row built by {@code row}, typically a constructor reference ({@code AuthorShelf::new}). */
    @SuppressWarnings("unchecked")
    public <R> List<R> list(Function4<? super A, ? super B, ? super C, ? super D, ? extends R> row) {
        return read(rs -> row.apply((A) get(rs, 0), (B) get(rs, 1), (C) get(rs, 2), (D) get(rs, 3)));
    }
}
