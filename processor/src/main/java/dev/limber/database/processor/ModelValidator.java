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
            validateColumn(model, column, report);
            String key = column.column().toLowerCase(Locale.ROOT);
            ColumnDescriptor earlier = byName.putIfAbsent(key, column);
            if (earlier != null) {
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
        return report;
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
