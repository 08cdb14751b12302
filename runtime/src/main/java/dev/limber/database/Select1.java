package dev.limber.database;

import dev.limber.database.query.Expression;
import java.util.List;

/**
 * A selection of 1 typed expression, from {@code Query.select(...)}: see {@link Selection}.
 */
public final class Select1<T, A> extends Selection<T, Select1<T, A>> {

    Select1(Query<T> query, Expression<? super T, A> a) {
        super(query, List.of(a));
    }

    /** The selected values, one per row (null where the database returns NULL). */
    @SuppressWarnings("unchecked")
    public List<A> list() {
        return read(rs -> (A) get(rs, 0));
    }

    /** Each row built by {@code row}, typically a constructor reference ({@code AuthorShelf::new}). */
    @SuppressWarnings("unchecked")
    public <R> List<R> list(java.util.function.Function<? super A, ? extends R> row) {
        return read(rs -> row.apply((A) get(rs, 0)));
    }
}
