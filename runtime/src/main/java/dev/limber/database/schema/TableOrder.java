package dev.limber.database.schema;

import dev.limber.database.ForeignKeyInfo;
import dev.limber.database.LimberException;
import dev.limber.database.ModelInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The order in which tables can be created: every table after the tables its foreign keys
 * reference (a table referencing itself is fine), otherwise in the given order: the next table
 * is always the earliest one whose references are all placed, as the processor orders its schema
 * files. Dropping goes the other way. Foreign keys to tables outside the list do not constrain
 * the order; table names match ignoring case, as databases report them either way.
 *
 * <p>Tables whose foreign keys form a cycle have no such order. {@link #sort} refuses them,
 * naming the cycle ({@code Engine.createAll} cannot create them); {@link #sortLeavingCycles}
 * puts them last, in the given order, for a tool that writes around the cycle (a migration
 * script can add one of the keys once both tables exist).
 */
public final class TableOrder {
    private final Map<String, ModelInfo<?>> byTable = new HashMap<>();
    private final Set<ModelInfo<?>> placed = new HashSet<>();
    private final List<ModelInfo<?>> sorted = new ArrayList<>();
    private final List<ModelInfo<?>> stuck;

    private TableOrder(List<ModelInfo<?>> models) {
        for (ModelInfo<?> model : models) {
            byTable.putIfAbsent(key(model.table()), model);
        }
        stuck = new ArrayList<>(models);
        for (ModelInfo<?> next = firstReady(); next != null; next = firstReady()) {
            sorted.add(next);
            placed.add(next);
            stuck.remove(next);
        }
    }

    /**
     * {@code models} with each after the models it references, otherwise in the given order.
     *
     * @throws LimberException naming the tables and keys of a cycle, when there is one
     */
    public static List<ModelInfo<?>> sort(List<ModelInfo<?>> models) {
        TableOrder order = new TableOrder(models);
        if (!order.stuck.isEmpty()) {
            throw order.cycle();
        }
        return order.sorted;
    }

    /**
     * {@code models} in the order of {@link #sort}, except that the models on a cycle, and those
     * referencing them, come last in the given order instead of failing.
     */
    public static List<ModelInfo<?>> sortLeavingCycles(List<ModelInfo<?>> models) {
        TableOrder order = new TableOrder(models);
        List<ModelInfo<?>> all = new ArrayList<>(order.sorted);
        all.addAll(order.stuck);
        return all;
    }

    /** The earliest waiting model whose references are all placed, or null when none is. */
    private ModelInfo<?> firstReady() {
        for (ModelInfo<?> model : stuck) {
            if (blocking(model) == null) {
                return model;
            }
        }
        return null;
    }

    /** The first foreign key of {@code model} to a listed table not placed yet (itself aside), or null. */
    private ForeignKeyInfo blocking(ModelInfo<?> model) {
        for (ForeignKeyInfo key : model.foreignKeys()) {
            ModelInfo<?> target = byTable.get(key(key.referencedTable()));
            if (target != null && target != model && !placed.contains(target)) {
                return key;
            }
        }
        return null;
    }

    private static String key(String table) {
        return table.toLowerCase(Locale.ROOT);
    }

    /** The failure for tables none of which can come first: names one cycle among them, key by key. */
    private LimberException cycle() {
        // walk from the first stuck table along unplaced references until a table repeats
        List<ModelInfo<?>> path = new ArrayList<>();
        List<ForeignKeyInfo> keys = new ArrayList<>();
        ModelInfo<?> at = stuck.get(0);
        while (!path.contains(at)) {
            path.add(at);
            ForeignKeyInfo blocking = blocking(at);
            keys.add(blocking);
            at = byTable.get(key(blocking.referencedTable()));
        }
        int start = path.indexOf(at);
        List<String> tables = new ArrayList<>();
        StringBuilder references = new StringBuilder();
        for (int i = start; i < path.size(); i++) {
            tables.add(path.get(i).table());
            ForeignKeyInfo key = keys.get(i);
            references.append(i == start ? "" : ", ").append(path.get(i).table()).append('.').append(key.column())
                    .append(" -> ").append(key.referencedTable());
        }
        return new LimberException("Tables " + String.join(", ", tables) + " reference each other in a cycle ("
                + references + "), so no table can be created before the others; break the cycle by removing one"
                + " of these @BelongsTo relations, or create these tables with a migration that adds one of the"
                + " foreign keys after both tables exist");
    }
}
