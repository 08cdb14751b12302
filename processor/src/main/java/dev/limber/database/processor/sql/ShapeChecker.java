package dev.limber.database.processor.sql;

import dev.limber.database.processor.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Checks the result columns of a prepared {@code @Query} against what its method reads them into. */
final class ShapeChecker {
    private static final Set<String> ROW_COUNTS = Set.of("int", "long", "java.lang.Integer", "java.lang.Long");

    private final SqlSchema schema;

    ShapeChecker(SqlSchema schema) {
        this.schema = schema;
    }

    /** The problems of reading {@code columns} (of a statement of {@code kind}) into {@code target}. */
    List<Problem> check(String method, StatementKind kind, List<ResultColumn> columns, ReturnTarget target) {
        List<Problem> problems = new ArrayList<>();
        if (!kind.returnsRows() && columns.isEmpty()) {
            boolean rowCount = target instanceof ReturnTarget.None
                    || target instanceof ReturnTarget.Scalar scalar && ROW_COUNTS.contains(scalar.javaType());
            if (!rowCount) {
                problems.add(Problem.error(Problem.Place.METHOD, Message.SQL_NO_RESULT_ROWS, method,
                        article(kind), display(target)));
            }
            return problems;
        }
        if (target instanceof ReturnTarget.Model model) {
            SqlSchema.Table table = schema.table(model.table());
            if (table == null) {
                return problems;
            }
            Set<String> labels = labels(columns);
            List<String> missing = new ArrayList<>();
            for (SqlSchema.Column column : table.columns()) {
                if (!labels.contains(column.name().toLowerCase(Locale.ROOT))) {
                    missing.add(column.name());
                }
            }
            if (!missing.isEmpty()) {
                problems.add(Problem.error(Problem.Place.METHOD, Message.SQL_MODEL_COLUMNS_MISSING, method,
                        model.display(), String.join(", ", missing), table.name(), table.name()));
            }
        } else if (target instanceof ReturnTarget.Record record) {
            for (ReturnTarget.Component component : record.components()) {
                ResultColumn column = column(columns, component.name());
                if (column == null) {
                    problems.add(Problem.error(Problem.Place.METHOD, Message.SQL_COMPONENT_MISSING, method,
                            record.display(), component.name(), labelList(columns), component.name()));
                } else if (!JdbcTypes.compatible(component.javaType(), column)) {
                    problems.add(incompatible(method, column, "component " + component.name(), component.javaType()));
                }
            }
        } else if (target instanceof ReturnTarget.Scalar scalar) {
            if (columns.size() != 1) {
                problems.add(Problem.error(Problem.Place.METHOD, Message.SQL_NOT_ONE_COLUMN, method,
                        scalar.javaType(), columns.size(), labelList(columns)));
            } else if (!JdbcTypes.compatible(scalar.javaType(), columns.get(0))) {
                problems.add(incompatible(method, columns.get(0), "the return value", scalar.javaType()));
            }
        }
        return problems;
    }

    private static String article(StatementKind kind) {
        return switch (kind) {
            case INSERT -> "an INSERT";
            case UPDATE -> "an UPDATE";
            case DELETE -> "a DELETE";
            default -> "a statement";
        };
    }

    private static Problem incompatible(String method, ResultColumn column, String what, String javaType) {
        return Problem.error(Problem.Place.METHOD, Message.SQL_INCOMPATIBLE_TYPE, method, column.label(),
                Verifier.typeDisplay(column), what, javaType, JdbcTypes.suggestion(column));
    }

    private static ResultColumn column(List<ResultColumn> columns, String name) {
        for (ResultColumn column : columns) {
            if (column.label().equalsIgnoreCase(name)) {
                return column;
            }
        }
        return null;
    }

    private static Set<String> labels(List<ResultColumn> columns) {
        Set<String> labels = new TreeSet<>();
        for (ResultColumn column : columns) {
            labels.add(column.label().toLowerCase(Locale.ROOT));
        }
        return labels;
    }

    private static String labelList(List<ResultColumn> columns) {
        List<String> labels = new ArrayList<>();
        for (ResultColumn column : columns) {
            labels.add(column.label());
        }
        return labels.isEmpty() ? "none" : String.join(", ", labels);
    }

    private static String display(ReturnTarget target) {
        if (target instanceof ReturnTarget.Model model) {
            return model.display();
        } else if (target instanceof ReturnTarget.Record record) {
            return record.display();
        } else if (target instanceof ReturnTarget.Scalar scalar) {
            return scalar.javaType();
        }
        return "void";
    }
}
