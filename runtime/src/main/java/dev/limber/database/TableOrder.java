package dev.limber.database;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order in which tables can be created: every table after the tables its foreign keys
 * reference (a table referencing itself is fine), otherwise in the registry's order. Dropping
 * goes the other way. Foreign keys to tables outside the registry do not constrain the order.
 */
final class TableOrder {
    private TableOrder() {
    }

    /**
     * {@code models} sorted so that each comes after the models it references; a
     * {@link LimberException} naming the tables when their foreign keys form a cycle.
     */
    static List<ModelInfo<?>> sort(List<ModelInfo<?>> models) {
        Map<String, ModelInfo<?>> byTable = new HashMap<>();
        for (ModelInfo<?> model : models) {
            byTable.put(model.table(), model);
        }
        List<ModelInfo<?>> sorted = new ArrayList<>(models.size());
        Set<String> placed = new LinkedHashSet<>();
        List<ModelInfo<?>> waiting = new ArrayList<>(models);
        // each pass places, in registry order, every table whose references are all placed
        while (!waiting.isEmpty()) {
            List<ModelInfo<?>> next = new ArrayList<>();
            for (ModelInfo<?> model : waiting) {
                if (ready(model, byTable, placed)) {
                    sorted.add(model);
                    placed.add(model.table());
                } else {
                    next.add(model);
                }
            }
            if (next.size() == waiting.size()) {
                throw cycle(next, byTable, placed);
            }
            waiting = next;
        }
        return sorted;
    }

    private static boolean ready(ModelInfo<?> model, Map<String, ModelInfo<?>> byTable, Set<String> placed) {
        for (ForeignKeyInfo key : model.foreignKeys()) {
            String target = key.referencedTable();
            if (!target.equals(model.table()) && byTable.containsKey(target) && !placed.contains(target)) {
                return false;
            }
        }
        return true;
    }

    /** The failure for tables none of which can come first: names one cycle among them, key by key. */
    private static LimberException cycle(List<ModelInfo<?>> stuck, Map<String, ModelInfo<?>> byTable,
            Set<String> placed) {
        // walk from the first stuck table along unplaced references until a table repeats
        List<String> path = new ArrayList<>();
        List<ForeignKeyInfo> keys = new ArrayList<>();
        ModelInfo<?> at = stuck.get(0);
        while (!path.contains(at.table())) {
            path.add(at.table());
            ForeignKeyInfo blocking = null;
            for (ForeignKeyInfo key : at.foreignKeys()) {
                String target = key.referencedTable();
                if (!target.equals(at.table()) && byTable.containsKey(target) && !placed.contains(target)) {
                    blocking = key;
                    break;
                }
            }
            keys.add(blocking);
            at = byTable.get(blocking.referencedTable());
        }
        int start = path.indexOf(at.table());
        List<String> tables = path.subList(start, path.size());
        StringBuilder references = new StringBuilder();
        for (int i = start; i < path.size(); i++) {
            ForeignKeyInfo key = keys.get(i);
            references.append(i == start ? "" : ", ").append(path.get(i)).append('.').append(key.column())
                    .append(" -> ").append(key.referencedTable());
        }
        return new LimberException("Tables " + String.join(", ", tables) + " reference each other in a cycle ("
                + references + "), so no table can be created before the others; break the cycle by removing one"
                + " of these @BelongsTo relations, or create these tables with a migration that adds one of the"
                + " foreign keys after both tables exist");
    }
}
