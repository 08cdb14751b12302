package dev.limber.database;

import dev.limber.database.query.Condition;
import dev.limber.database.query.Expression;
import dev.limber.database.query.Property;
import java.util.ArrayList;
import java.util.List;

/**
 * What a selection reads instead of the model's rows: the selected expressions, GROUP BY,
 * HAVING and DISTINCT. Part of a {@link Query}'s description: the renderer writes it, the
 * render-once cache keys on it.
 */
final class Projection {
    final List<Expression<?, ?>> expressions;
    final List<Property<?, ?>> groupBy = new ArrayList<>(2);
    final List<Condition> having = new ArrayList<>(1);
    boolean distinct;

    Projection(List<Expression<?, ?>> expressions) {
        this.expressions = expressions;
    }
}
