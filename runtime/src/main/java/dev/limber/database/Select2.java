package dev.limber.database;

import dev.limber.database.query.Expression;
import dev.limber.database.query.Tuple2;
import java.util.List;

/**
 * A selection of 2 typed expressions, from {@code Query.select(...)}: see {@link Selection}.
 */
public final class Select2<T, A, B> extends Selection<T, Select2<T, A, B>> {

    Select2(Query<T> query, Expression<? super T, A> a, Expression<? super T, B> b) {
        super(query, List.of(a, b));
    }

    /** The rows as typed tuples. */
    @SuppressWarnings("unchecked")
    public List<Tuple2<A, B>> list() {
        return read(rs -> new Tuple2<>((A) get(rs, 0), (B) get(rs, 1)));
    }

    /** Each row built by {@code row}, typically a constructor reference ({@code AuthorShelf::new}). */
    @SuppressWarnings("unchecked")
    public <R> List<R> list(java.util.function.BiFunction<? super A, ? super B, ? extends R> row) {
        return read(rs -> row.apply((A) get(rs, 0), (B) get(rs, 1)));
    }
}
