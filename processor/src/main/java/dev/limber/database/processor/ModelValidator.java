package dev.limber.database.processor;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Checks a {@link ModelDescriptor}; every problem lands in the report, on the element it is about. */
final class ModelValidator {
    private static final int MAX_PRECISION = 65;
    private static final int MAX_SCALE = 38;

    /** Near misses: unsupported types people reach for, and the supported type that does the job. */
    private static final Map<String, String> REPLACEMENTS = Map.of(
            "java.util.Date", "Instant",
            "java.sql.Timestamp", "Instant or LocalDateTime",
            "java.sql.Date", "LocalDate",
            "java.sql.Time", "LocalTime",
            "java.time.ZonedDateTime", "OffsetDateTime",
            "java.math.BigInteger", "BigDecimal with scale = 0",
            "char", "String with length = 1",
            "java.lang.Character", "String with length = 1",
            "java.lang.Byte[]", "byte[]");

    ValidationReport validate(ModelDescriptor model) {
        ValidationReport report = new ValidationReport();
        String name = model.type().canonicalName();
        switch (model.shape()) {
            case INTERFACE:
                report.error(model.element(), model.annotation(), Message.NOT_A_CLASS, name, "an interface");
                return report;
            case ENUM:
                report.error(model.element(), model.annotation(), Message.NOT_A_CLASS, name, "an enum");
                return report;
            case ANNOTATION:
                report.error(model.element(), model.annotation(), Message.NOT_A_CLASS, name, "an annotation type");
                return report;
            default:
                break;
        }
        if (model.isAbstract()) {
            report.error(model.element(), model.annotation(), Message.ABSTRACT_CLASS, name);
        }
        if (model.isInnerNonStatic()) {
            report.error(model.element(), model.annotation(), Message.INNER_CLASS, name);
        }
        if (model.isPrivate()) {
            report.error(model.element(), model.annotation(), Message.PRIVATE_CLASS, name);
        }
        if (model.isGeneric()) {
            List<String> parameters = new ArrayList<>();
            model.element().getTypeParameters().forEach(parameter -> parameters.add(parameter.getSimpleName().toString()));
            report.error(model.element(), model.annotation(), Message.GENERIC_CLASS, name,
                    "<" + String.join(", ", parameters) + ">");
        }
        if (!model.hasUsableConstructor() && !model.isAbstract() && !model.isInnerNonStatic()) {
            report.error(model.element(), model.annotation(), Message.NO_CONSTRUCTOR, name,
                    model.type().simpleName());
        }
        if (!Names.isValidIdentifier(model.table())) {
            report.error(model.element(), model.annotation(), Message.INVALID_TABLE_NAME, name, model.table(),
                    suggestIdentifier(model.table()));
        }
        if (!model.inheritedColumns().isEmpty()) {
            report.error(model.element(), model.annotation(), Message.INHERITED_COLUMN, name,
                    String.join(", ", model.inheritedColumns()), model.type().simpleName());
        }
        validatePrimaryKey(model, report);
        Map<String, ColumnDescriptor> byName = new HashMap<>();
        List<ColumnDescriptor> versions = new ArrayList<>();
        for (ColumnDescriptor column : model.columns()) {
            if (column.foreignKey()) {
                // The relation's own checks cover the field; only the column name is the column's.
                if (!Names.isValidIdentifier(column.column())) {
                    report.error(column.element(), column.annotation(), Message.INVALID_COLUMN_NAME,
                            describe(model, column), column.column(), suggestIdentifier(column.column()));
                }
            } else {
                validateColumn(model, column, report);
            }
            String key = column.column().toLowerCase(Locale.ROOT);
            ColumnDescriptor earlier = byName.putIfAbsent(key, column);
            if (earlier != null && (column.foreignKey() || earlier.foreignKey())) {
                ColumnDescriptor foreignKey = column.foreignKey() ? column : earlier;
                ColumnDescriptor other = foreignKey == column ? earlier : column;
                report.error(foreignKey.element(), foreignKey.annotation(), Message.FOREIGN_KEY_COLUMN_CLASH,
                        describe(model, foreignKey), foreignKey.column(), describe(model, other));
            } else if (earlier != null) {
                report.error(column.element(), column.annotation(), Message.DUPLICATE_COLUMN,
                        describe(model, column), column.column(), describe(model, earlier));
            }
            if (column.version()) {
                versions.add(column);
            }
        }
        if (versions.size() > 1) {
            List<String> fields = new ArrayList<>();
            for (ColumnDescriptor version : versions) {
                fields.add(version.field());
            }
            report.error(versions.get(1).element(), versions.get(1).versionAnnotation(), Message.TWO_VERSIONS, name,
                    String.join(", ", fields));
        }
        if (model.softDelete()) {
            validateSoftDelete(model, report);
        }
        for (RelationDescriptor relation : model.relations()) {
            validateRelation(model, relation, report);
        }
        validateIndexes(model, report);
        return report;
    }

    /**
     * {@code @Index} and {@code @Unique}: each names existing column fields, once; a whereNull field
     * can be NULL; then, once every field is known, no two indexes of the model share a name or
     * cover the same columns under the same condition, and no generated column takes a column's name.
     */
    private static void validateIndexes(ModelDescriptor model, ValidationReport report) {
        String modelName = model.type().simpleName();
        boolean fieldsKnown = true;
        for (IndexDescriptor index : model.indexes()) {
            String display = index.display();
            if (index.fields().isEmpty()) {
                ColumnDescriptor example = null;
                for (ColumnDescriptor column : model.columns()) {
                    if (!column.primaryKey()) {
                        example = column;
                        break;
                    }
                }
                report.error(model.element(), index.annotation(), index.repeated(), Message.INDEX_NO_COLUMNS, display, modelName, display,
                        example == null ? "name" : example.field());
            }
            List<String> seen = new ArrayList<>();
            for (String field : index.fields()) {
                if (!knownField(model, index, field, "field", report)) {
                    fieldsKnown = false;
                } else if (seen.contains(field)) {
                    report.error(model.element(), index.annotation(), index.repeated(), Message.INDEX_REPEATED_FIELD, display, modelName,
                            field);
                }
                seen.add(field);
            }
            for (String field : index.whereNull()) {
                if (!knownField(model, index, field, "whereNull field", report)) {
                    fieldsKnown = false;
                    continue;
                }
                ColumnDescriptor column = model.column(field);
                if (index.fields().contains(field)) {
                    report.error(model.element(), index.annotation(), index.repeated(), Message.WHERE_NULL_IN_COLUMNS, modelName, field);
                } else if (model.softDelete() && column.column().equals(ModelDescriptor.DELETED_AT)) {
                    report.error(model.element(), index.annotation(), index.repeated(), Message.WHERE_NULL_DELETED_AT, modelName, field);
                } else if (!column.nullable()) {
                    report.error(model.element(), index.annotation(), index.repeated(), Message.WHERE_NULL_NEVER_NULL, modelName, field,
                            modelName, field);
                }
            }
            if (!index.name().isEmpty() && !Names.isValidIdentifier(index.name())) {
                report.error(model.element(), index.annotation(), index.repeated(), Message.INDEX_INVALID_NAME, display, modelName,
                        index.name());
            }
        }
        if (!fieldsKnown) {
            return;
        }
        List<DdlWriter.IndexPlan> plans = DdlWriter.indexPlans(model);
        Map<String, ColumnDescriptor> columnsByName = new HashMap<>();
        for (ColumnDescriptor column : model.columns()) {
            columnsByName.put(column.column().toLowerCase(Locale.ROOT), column);
        }
        for (int i = 0; i < plans.size(); i++) {
            DdlWriter.IndexPlan plan = plans.get(i);
            IndexDescriptor source = plan.source();
            if (source == null) {
                continue; // derived from a column: checked with the columns
            }
            for (int j = 0; j < i; j++) {
                DdlWriter.IndexPlan earlier = plans.get(j);
                if (earlier.unique() == plan.unique() && earlier.columns().equals(plan.columns())
                        && new java.util.HashSet<>(earlier.whereNull()).equals(new java.util.HashSet<>(plan.whereNull()))) {
                    report.error(model.element(), source.annotation(), source.repeated(), Message.INDEX_DUPLICATE, source.display(),
                            modelName, plan.whereNull().isEmpty() ? "" : " under the same whereNull", earlier.origin());
                    break;
                }
                if (earlier.name().equalsIgnoreCase(plan.name())) {
                    report.error(model.element(), source.annotation(), source.repeated(), Message.INDEX_NAME_CLASH, source.display(),
                            modelName, plan.name(), earlier.origin(), modelName);
                    break;
                }
            }
            if (plan.conditional()) {
                for (ColumnDescriptor column : plan.columns()) {
                    ColumnDescriptor clash = columnsByName.get(plan.generatedColumn(column).toLowerCase(Locale.ROOT));
                    if (clash != null) {
                        report.error(model.element(), source.annotation(), source.repeated(), Message.INDEX_GENERATED_COLUMN_CLASH,
                                modelName, plan.generatedColumn(column), describe(model, clash));
                    }
                }
            }
        }
    }

    /**
     * True when {@code field} is a column field of {@code model}; else reports it, suggesting the
     * field a column name belongs to, or a near miss.
     */
    private static boolean knownField(ModelDescriptor model, IndexDescriptor index, String field, String what,
            ValidationReport report) {
        if (model.column(field) != null) {
            return true;
        }
        String hint = "";
        RelationDescriptor relation = model.relation(field);
        List<String> columnFields = new ArrayList<>();
        String byColumn = null;
        for (ColumnDescriptor column : model.columns()) {
            columnFields.add(column.field());
            if (column.column().equalsIgnoreCase(field)) {
                byColumn = column.field();
            }
        }
        if (relation != null && relation.kind() != null) {
            hint = " (" + field + " is a " + relation.kind().display() + " relation, whose key is held by another"
                    + " table: index it on that model)";
        } else if (byColumn != null) {
            hint = "; did you mean \"" + byColumn + "\"? Name fields, not columns";
        } else {
            String suggestion = Names.closest(field, columnFields);
            if (suggestion != null) {
                hint = "; did you mean \"" + suggestion + "\"?";
            } else if (model.fieldNames().contains(field)) {
                hint = " (" + field + " has no @Column)";
            } else {
                hint = " (its column fields: " + String.join(", ", columnFields) + ")";
            }
        }
        report.error(model.element(), index.annotation(), index.repeated(), Message.INDEX_UNKNOWN_FIELD, index.display(),
                model.type().simpleName(), what, field, model.type().simpleName(), hint);
        return false;
    }

    private static void validateRelation(ModelDescriptor model, RelationDescriptor relation, ValidationReport report) {
        String where = model.type().simpleName() + "." + relation.field();
        RelationDescriptor.Kind kind = relation.kind();
        if (kind == null) {
            String fix = "Ref".equals(relation.holder())
                    ? "@BelongsTo when this model holds the foreign key, or @HasOne(mappedBy = \"<the target's @BelongsTo field>\") when the target holds it"
                    : "@HasMany(mappedBy = \"<the target's @BelongsTo field>\"), or @BelongsToMany(through = <junction model>.class)";
            report.error(relation.element(), null, Message.RELATION_WITHOUT_ANNOTATION, where, simpleHolder(relation),
                    fix);
            return;
        }
        if (relation.isStatic()) {
            report.error(relation.element(), relation.annotation(), Message.STATIC_RELATION, where);
            return;
        }
        if (relation.hasColumn()) {
            report.error(relation.element(), relation.annotation(), Message.COLUMN_ON_RELATION, where, kind.display());
        }
        if (relation.isFinal()) {
            report.error(relation.element(), relation.annotation(), Message.FINAL_RELATION, where,
                    model.type().simpleName());
        }
        if (relation.unresolved()) {
            report.error(relation.element(), relation.annotation(), Message.UNRESOLVED_TYPE, where,
                    relation.typeDisplay());
            return;
        }
        if (!kind.holder().equals(relation.holder()) || relation.target() == null) {
            String target = relation.target() != null ? relation.target().type().simpleName()
                    : relation.holder() == null && !relation.typeDisplay().contains("<")
                            && !relation.type().isPrimitive()
                    ? relation.typeDisplay().substring(relation.typeDisplay().lastIndexOf('.') + 1) : "Target";
            report.error(relation.element(), relation.annotation(), Message.RELATION_WRONG_HOLDER, kind.display(),
                    where, relation.typeDisplay(), kind.display(), kind.holder(), kind.holder() + "<" + target + ">",
                    relation.field());
            return;
        }
        RelationDescriptor.Accessors access = relation.access();
        if (access.access() == ColumnDescriptor.Access.NONE) {
            if (access.getter() == null) {
                report.error(relation.element(), relation.annotation(), Message.NO_GETTER, where, simpleHolder(relation),
                        access.expectedGetter(), didYouMean(access.getterSuggestion()));
            }
            if (access.setter() == null) {
                report.error(relation.element(), relation.annotation(), Message.NO_SETTER, where,
                        access.expectedSetter(), simpleHolder(relation), didYouMean(access.setterSuggestion()));
            }
        }
        RelationDescriptor.TargetDescriptor target = relation.target();
        String targetName = target.type().simpleName();
        String modelName = model.type().simpleName();
        if (!target.isModel()) {
            report.error(relation.element(), relation.annotation(), Message.TARGET_NOT_A_MODEL, kind.display(), where,
                    targetName, targetName);
            return;
        }
        switch (kind) {
            case BELONGS_TO:
                if (target.key() == null || target.key().kind() == null || target.key().unresolved()) {
                    report.error(relation.element(), relation.annotation(), Message.TARGET_WITHOUT_KEY, where,
                            targetName, targetName);
                }
                if (relation.onDelete().equals("SET_NULL") && !relation.nullable()) {
                    report.error(relation.element(), relation.annotation(), Message.SET_NULL_NOT_NULLABLE, where);
                }
                RelationDescriptor.Link cascade = relation.inverseCascade(model.type());
                if (cascade != null && relation.onDeleteExplicit() && !relation.onDelete().equals("CASCADE")) {
                    report.error(relation.element(), relation.annotation(), Message.ON_DELETE_CONFLICT, where,
                            relation.onDelete(), targetName + "." + cascade.field());
                }
                break;
            case HAS_ONE:
            case HAS_MANY:
                validateMappedBy(model, relation, report, where);
                if (relation.cascadeDelete() && model.softDelete() && !target.softDelete()) {
                    report.error(relation.element(), relation.annotation(), Message.CASCADE_TO_HARD_DELETE_CHILD,
                            kind.display(), where, modelName, targetName, modelName, targetName);
                }
                break;
            case BELONGS_TO_MANY:
                validateJunction(model, relation, report, where);
                break;
            default:
                break;
        }
    }

    private static void validateMappedBy(ModelDescriptor model, RelationDescriptor relation, ValidationReport report,
            String where) {
        RelationDescriptor.TargetDescriptor target = relation.target();
        String self = model.type().canonicalName();
        List<String> back = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (RelationDescriptor.Link link : target.belongsTo()) {
            if (link.field().equals(relation.mappedBy()) && link.target().equals(self)) {
                return;
            }
            all.add(link.field());
            if (link.target().equals(self)) {
                back.add(link.field());
            }
        }
        String suggestion = Names.closest(relation.mappedBy(), back.isEmpty() ? all : back);
        if (suggestion == null && back.size() == 1) {
            suggestion = back.get(0);
        }
        String targetName = target.type().simpleName();
        String modelName = model.type().simpleName();
        String hint;
        if (suggestion != null) {
            hint = "; did you mean \"" + suggestion + "\"?";
        } else if (back.isEmpty()) {
            hint = " (it has none: add one to " + targetName + ", e.g. '@BelongsTo Ref<" + modelName + "> "
                    + Names.decapitalize(modelName) + ";')";
        } else {
            hint = " (one of: " + String.join(", ", back) + ")";
        }
        report.error(relation.element(), relation.annotation(), Message.MAPPED_BY_NOT_FOUND,
                relation.kind().display(), where, relation.mappedBy(), targetName, modelName, targetName, hint);
    }

    private static void validateJunction(ModelDescriptor model, RelationDescriptor relation, ValidationReport report,
            String where) {
        RelationDescriptor.TargetDescriptor through = relation.through();
        String modelName = model.type().simpleName();
        String targetName = relation.target().type().simpleName();
        if (through == null) {
            return; // an unresolvable class literal: javac reports it
        }
        String junction = through.type().simpleName();
        if (!through.isModel()) {
            report.error(relation.element(), relation.annotation(), Message.JUNCTION_NOT_A_MODEL, where, junction,
                    modelName, targetName);
            return;
        }
        int toModel = 0;
        int toTarget = 0;
        for (RelationDescriptor.Link link : through.belongsTo()) {
            if (link.target().equals(model.type().canonicalName())) {
                toModel++;
            }
            if (link.target().equals(relation.target().qualifiedName())) {
                toTarget++;
            }
        }
        if (toModel != 1 || toTarget != 1) {
            String has = count(toModel) + " to " + modelName;
            if (!relation.target().type().equals(model.type())) {
                has += " and " + count(toTarget) + " to " + targetName;
            }
            report.error(relation.element(), relation.annotation(), Message.JUNCTION_SIDES, where, junction, modelName,
                    targetName, has, junction);
        }
    }

    private static String count(int n) {
        return n == 0 ? "none" : String.valueOf(n);
    }

    /** {@code Ref<Author>}, {@code Many<Book>}: the holder type as a user writes it. */
    private static String simpleHolder(RelationDescriptor relation) {
        String holder = relation.holder() == null ? relation.typeDisplay() : relation.holder();
        return relation.target() == null ? holder : holder + "<" + relation.target().type().simpleName() + ">";
    }

    private static void validatePrimaryKey(ModelDescriptor model, ValidationReport report) {
        List<ColumnDescriptor> keys = new ArrayList<>();
        for (ColumnDescriptor column : model.columns()) {
            if (column.primaryKey()) {
                keys.add(column);
            }
        }
        if (keys.isEmpty()) {
            report.error(model.element(), model.annotation(), Message.NO_PRIMARY_KEY, model.type().canonicalName());
        } else if (keys.size() > 1) {
            List<String> fields = new ArrayList<>();
            for (ColumnDescriptor key : keys) {
                fields.add(key.field());
            }
            report.error(keys.get(1).element(), keys.get(1).annotation(), Message.TWO_PRIMARY_KEYS,
                    model.type().canonicalName(), String.join(" and ", fields));
        }
    }

    private static void validateColumn(ModelDescriptor model, ColumnDescriptor column, ValidationReport report) {
        String where = describe(model, column);
        if (column.isStatic()) {
            report.error(column.element(), column.annotation(), Message.STATIC_FIELD, where);
            return;
        }
        if (column.version() && column.annotation() == null && !model.isRecord()) {
            report.error(column.element(), column.versionAnnotation(), Message.VERSION_WITHOUT_COLUMN, where);
        }
        if (column.unresolved()) {
            report.error(column.element(), column.annotation(), Message.UNRESOLVED_TYPE, where, column.typeDisplay());
        } else if (column.kind() == null) {
            String replacement = REPLACEMENTS.get(column.typeDisplay());
            report.error(column.element(), column.annotation(), Message.UNSUPPORTED_TYPE, where, column.typeDisplay(),
                    ColumnKind.SUPPORTED, replacement == null ? "" : "; did you mean " + replacement + "?");
        }
        if (column.isFinal()) {
            report.error(column.element(), column.annotation(), Message.FINAL_FIELD, where, model.type().simpleName());
        }
        if (column.access() == ColumnDescriptor.Access.NONE) {
            if (column.getter() == null) {
                report.error(column.element(), column.annotation(), Message.NO_GETTER, where, simpleType(column),
                        column.expectedGetter(), didYouMean(column.getterSuggestion()));
            }
            if (column.setter() == null) {
                report.error(column.element(), column.annotation(), Message.NO_SETTER, where, column.expectedSetter(),
                        simpleType(column), didYouMean(column.setterSuggestion()));
            }
        }
        if (!Names.isValidIdentifier(column.column())) {
            report.error(column.element(), column.annotation(), Message.INVALID_COLUMN_NAME, where, column.column(),
                    suggestIdentifier(column.column()));
        }
        if (column.nullableExplicitlyTrue()) {
            if (column.primaryKey()) {
                report.error(column.element(), column.annotation(), Message.NULLABLE_PRIMARY_KEY, where);
            } else if (column.isPrimitive()) {
                report.error(column.element(), column.annotation(), Message.NULLABLE_PRIMITIVE, where, column.type(),
                        column.type().box());
            }
        }
        if (column.kind() != null && column.kind().hasLength() && column.length() < 1) {
            report.error(column.element(), column.annotation(), Message.INVALID_LENGTH, where, column.length());
        }
        if (column.primaryKey() && column.kind() == ColumnKind.STRING && column.sqlTypeOverride().isEmpty()
                && column.length() > ColumnKind.MARIADB_MAX_VARCHAR) {
            report.error(column.element(), column.annotation(), Message.PRIMARY_KEY_TOO_LONG, where, column.length(),
                    ColumnKind.MARIADB_MAX_VARCHAR);
        }
        if (column.ignoreCase()) {
            if (column.kind() != null && column.kind() != ColumnKind.STRING) {
                report.error(column.element(), column.annotation(), Message.IGNORE_CASE_NOT_STRING, where,
                        column.typeDisplay());
            } else if (column.primaryKey()) {
                report.error(column.element(), column.annotation(), Message.IGNORE_CASE_PRIMARY_KEY, where);
            } else if (!column.sqlTypeOverride().isEmpty()) {
                report.error(column.element(), column.annotation(), Message.IGNORE_CASE_WITH_TYPE, where,
                        column.sqlTypeOverride());
            }
        }
        if (column.kind() == ColumnKind.BIG_DECIMAL) {
            if (column.precision() < 1 || column.precision() > MAX_PRECISION) {
                report.error(column.element(), column.annotation(), Message.INVALID_PRECISION, where, column.precision());
            } else if (column.scale() < 0 || column.scale() > column.precision() || column.scale() > MAX_SCALE) {
                report.error(column.element(), column.annotation(), Message.INVALID_SCALE, where, column.scale(),
                        column.precision());
            }
        }
        if (column.version()) {
            ColumnKind kind = column.kind();
            if (kind != null && kind != ColumnKind.INT && kind != ColumnKind.LONG) {
                report.error(column.element(), column.versionAnnotation(), Message.VERSION_NOT_INTEGRAL, where,
                        column.typeDisplay());
            }
            if (column.primaryKey()) {
                report.error(column.element(), column.versionAnnotation(), Message.VERSION_ON_PRIMARY_KEY, where);
            }
        }
    }

    private static void validateSoftDelete(ModelDescriptor model, ValidationReport report) {
        Map<String, ColumnDescriptor> byName = new HashMap<>();
        for (ColumnDescriptor column : model.columns()) {
            byName.put(column.column().toLowerCase(Locale.ROOT), column);
        }
        for (ColumnDescriptor column : model.columns()) {
            String live = DdlWriter.liveColumn(column);
            ColumnDescriptor clash = byName.get(live.toLowerCase(Locale.ROOT));
            if (column.unique() && !column.primaryKey() && clash != null) {
                report.error(column.element(), column.annotation(), Message.LIVE_COLUMN_CLASH, describe(model, column),
                        live, describe(model, clash));
            }
        }
        for (ColumnDescriptor column : model.columns()) {
            if (column.column().equals(ModelDescriptor.DELETED_AT)) {
                if (column.kind() != null && !column.kind().isTimestamp()) {
                    report.error(column.element(), column.annotation(), Message.SOFT_DELETE_NOT_TIMESTAMP,
                            describe(model, column), column.typeDisplay());
                } else if (column.kind() != null && !column.nullable()) {
                    report.error(column.element(), column.annotation(), Message.SOFT_DELETE_NOT_NULLABLE,
                            describe(model, column));
                }
                return;
            }
        }
        List<String> candidates = new ArrayList<>(model.fieldNames());
        String suggestion = Names.closest("deletedAt", candidates);
        report.error(model.element(), model.annotation(), Message.SOFT_DELETE_NO_COLUMN, model.type().canonicalName(),
                suggestion == null ? "" : "; did you mean field " + suggestion
                        + "? Rename it to deletedAt or give it @Column(name = \"deleted_at\")");
    }

    /** {@code Book.title}, or {@code Book.title (record component)}. */
    private static String describe(ModelDescriptor model, ColumnDescriptor column) {
        return model.type().simpleName() + "." + column.field();
    }

    /** {@code String}, {@code Book.Status}, {@code byte[]}: the type as a user would write it in a signature. */
    private static String simpleType(ColumnDescriptor column) {
        if (column.type() instanceof ClassName) {
            return String.join(".", ((ClassName) column.type()).simpleNames());
        }
        return column.type().toString();
    }

    private static String didYouMean(String suggestion) {
        return suggestion == null ? "" : "; did you mean " + suggestion + "()?";
    }

    private static String suggestIdentifier(String name) {
        String fixed = name.replaceAll("[^A-Za-z0-9_]+", "_");
        if (!fixed.isEmpty() && Character.isDigit(fixed.charAt(0))) {
            fixed = "_" + fixed;
        }
        if (fixed.length() > Names.MAX_IDENTIFIER) {
            fixed = fixed.substring(0, Names.MAX_IDENTIFIER);
        }
        return fixed.isEmpty() || fixed.equals(name) ? "" : "; did you mean \"" + fixed + "\"?";
    }
}
