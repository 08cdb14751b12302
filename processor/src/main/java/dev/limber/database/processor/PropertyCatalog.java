package dev.limber.database.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names a derived method or a projection may use for one model: its columns ({@code title}),
 * its {@code @BelongsTo} relations ({@code author}, compared by key) and their keys
 * ({@code authorId}), and the columns of its to-one targets ({@code authorName}). Each knows the
 * metamodel expression that reaches it.
 */
final class PropertyCatalog {

    enum Kind {
        /** A column of the model, or a {@code @BelongsTo}'s key as {@code authorId}. */
        COLUMN,
        /** A {@code @BelongsTo} relation: compared with a target model, or with its key. */
        RELATION,
        /** A column of a to-one target: {@code authorName}. */
        PATH,
        /** A to-many relation, which a derived name cannot filter on. */
        TO_MANY
    }

    /**
     * One usable name.
     *
     * @param name       the property name as in a method name, decapitalized: {@code authorName}
     * @param kind       what it is
     * @param value      the boxed value type ({@code Long} for a relation: its key)
     * @param expression the {@code Property} in generated code, e.g. {@code Book_.author.get(Author_.name)}
     * @param target     for a relation, the target model; else null
     * @param primaryKey the model's own primary key
     */
    record Entry(String name, Kind kind, TypeName value, CodeBlock expression, ClassName target, boolean primaryKey) {
    }

    private final Map<String, Entry> byName;
    private final List<Entry> longestFirst;

    private PropertyCatalog(Map<String, Entry> byName) {
        this.byName = byName;
        List<Entry> sorted = new ArrayList<>(byName.values());
        sorted.sort(Comparator.comparingInt((Entry e) -> e.name().length()).reversed()
                .thenComparing(Entry::name));
        this.longestFirst = List.copyOf(sorted);
    }

    static PropertyCatalog of(ModelDescriptor model, Map<String, ModelDescriptor> targets) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        ClassName meta = model.metamodelName();
        for (ColumnDescriptor column : model.columns()) {
            if (!column.foreignKey()) {
                entries.putIfAbsent(column.field(), new Entry(column.field(), Kind.COLUMN, column.boxedType(),
                        CodeBlock.of("$T.$N", meta, column.field()), null, column.primaryKey()));
            }
        }
        for (RelationDescriptor relation : model.relations()) {
            if (relation.kind() == RelationDescriptor.Kind.BELONGS_TO) {
                ColumnDescriptor key = model.column(relation.field());
                entries.putIfAbsent(relation.field(), new Entry(relation.field(), Kind.RELATION, key.boxedType(),
                        CodeBlock.of("$T.$N.id()", meta, relation.field()), relation.targetType(), false));
                String keyName = relation.field() + "Id";
                entries.putIfAbsent(keyName, new Entry(keyName, Kind.COLUMN, key.boxedType(),
                        CodeBlock.of("$T.$N.id()", meta, relation.field()), null, false));
            } else if (relation.kind() == RelationDescriptor.Kind.HAS_MANY
                    || relation.kind() == RelationDescriptor.Kind.BELONGS_TO_MANY) {
                entries.putIfAbsent(relation.field(), new Entry(relation.field(), Kind.TO_MANY, null, null,
                        relation.targetType(), false));
            }
        }
        for (RelationDescriptor relation : model.relations()) {
            boolean toOne = relation.kind() == RelationDescriptor.Kind.BELONGS_TO
                    || relation.kind() == RelationDescriptor.Kind.HAS_ONE;
            ModelDescriptor target = relation.target() == null ? null : targets.get(relation.target().qualifiedName());
            if (!toOne || target == null) {
                continue;
            }
            for (ColumnDescriptor column : target.columns()) {
                if (column.foreignKey()) {
                    continue;
                }
                String name = relation.field() + Names.capitalize(column.field());
                entries.putIfAbsent(name, new Entry(name, Kind.PATH, column.boxedType(),
                        CodeBlock.of("$T.$N.get($T.$N)", meta, relation.field(), target.metamodelName(), column.field()),
                        null, false));
            }
        }
        return new PropertyCatalog(entries);
    }

    /** The entry named {@code name}, or null. */
    Entry get(String name) {
        return byName.get(name);
    }

    /** Every entry, longest name first: how a method name is matched, so {@code invoiceNumber} wins over {@code invoice}. */
    List<Entry> longestFirst() {
        return longestFirst;
    }

    /** The names a condition or projection can use (to-many relations left out), for did-you-mean. */
    List<String> usableNames() {
        List<String> names = new ArrayList<>();
        for (Entry entry : byName.values()) {
            if (entry.kind() != Kind.TO_MANY) {
                names.add(entry.name());
            }
        }
        return names;
    }

    /** The model's own column names, in declaration order, for listing in messages. */
    List<String> columnNames() {
        List<String> names = new ArrayList<>();
        for (Entry entry : byName.values()) {
            if (entry.kind() == Kind.COLUMN || entry.kind() == Kind.RELATION) {
                names.add(entry.name());
            }
        }
        return names;
    }
}
