package dev.limber.database.processor.sql;

import java.sql.Types;
import java.util.Locale;
import java.util.Set;

/** Which Java types read which JDBC types: the one table the result-shape check uses. */
final class JdbcTypes {
    private static final Set<Integer> NUMERIC = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT,
            Types.REAL, Types.FLOAT, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL);
    private static final Set<Integer> TEXT = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR,
            Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB);
    private static final Set<Integer> BINARY = Set.of(Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB);
    private static final Set<Integer> BOOLEAN = Set.of(Types.BOOLEAN, Types.BIT);

    private JdbcTypes() {
    }

    /** The Java type that reads a column of {@code jdbcType} ({@code typeName} tells UUIDs apart). */
    static String javaType(int jdbcType, String typeName) {
        if (typeName != null && typeName.equalsIgnoreCase("uuid")) {
            return "java.util.UUID";
        }
        return switch (jdbcType) {
            case Types.TINYINT -> "java.lang.Byte";
            case Types.SMALLINT -> "java.lang.Short";
            case Types.INTEGER -> "java.lang.Integer";
            case Types.BIGINT -> "java.lang.Long";
            case Types.REAL -> "java.lang.Float";
            case Types.FLOAT, Types.DOUBLE -> "java.lang.Double";
            case Types.NUMERIC, Types.DECIMAL -> "java.math.BigDecimal";
            case Types.BOOLEAN, Types.BIT -> "java.lang.Boolean";
            case Types.DATE -> "java.time.LocalDate";
            case Types.TIME -> "java.time.LocalTime";
            case Types.TIMESTAMP -> "java.time.LocalDateTime";
            case Types.TIMESTAMP_WITH_TIMEZONE -> "java.time.OffsetDateTime";
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "byte[]";
            default -> TEXT.contains(jdbcType) ? "java.lang.String" : "java.lang.Object";
        };
    }

    /**
     * Whether a value of {@code column} can be read into {@code javaType}; a Java type this table
     * does not know (an enum, a type of the user's) is not checked. Numbers read into any numeric
     * type (COUNT is BIGINT on one database and NUMERIC on another).
     */
    static boolean compatible(String javaType, ResultColumn column) {
        int type = column.jdbcType();
        if (type == Types.NULL || type == Types.OTHER && !"java.util.UUID".equals(column.javaType())) {
            return true;
        }
        return switch (javaType) {
            case "byte", "short", "int", "long", "float", "double", "java.lang.Byte", "java.lang.Short",
                    "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.math.BigDecimal",
                    "java.math.BigInteger", "java.lang.Number" -> NUMERIC.contains(type);
            case "boolean", "java.lang.Boolean" -> BOOLEAN.contains(type);
            case "java.lang.String" -> TEXT.contains(type);
            case "byte[]" -> BINARY.contains(type);
            case "java.util.UUID" -> "java.util.UUID".equals(column.javaType()) || TEXT.contains(type) || BINARY.contains(type);
            case "java.time.LocalDate" -> type == Types.DATE;
            case "java.time.LocalTime" -> type == Types.TIME;
            case "java.time.LocalDateTime" -> type == Types.TIMESTAMP;
            case "java.time.Instant", "java.time.OffsetDateTime" ->
                    type == Types.TIMESTAMP_WITH_TIMEZONE || type == Types.TIMESTAMP;
            case "java.lang.Object" -> true;
            default -> true;
        };
    }

    /** A Java type that reads {@code column}, for the fix of a mismatch: {@code long} for BIGINT. */
    static String suggestion(ResultColumn column) {
        String type = column.javaType();
        return type.startsWith("java.lang.") ? type.substring("java.lang.".length()).toLowerCase(Locale.ROOT)
                .replace("integer", "int").replace("string", "String") : type;
    }
}
