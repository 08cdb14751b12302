package dev.limber.database.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.Locale;

/**
 * The one table of type decisions: Java type, the JdbcValues methods that read and bind it, and
 * its SQL type per dialect (h2, sqlite, postgresql, mariadb). {@code %1$d} is the length,
 * {@code %2$d} the precision and {@code %3$d} the scale. The runtime's JdbcValues implementations
 * store values to match: SQLite temporals as fixed-width ISO text, MariaDB Instant and
 * OffsetDateTime as UTC DATETIME(6), BigDecimal as TEXT on SQLite so its scale stays exact.
 */
enum ColumnKind {
    BOOLEAN(TypeName.BOOLEAN, ClassName.get("java.lang", "Boolean"), "Boolean",
            "BOOLEAN", "INTEGER", "BOOLEAN", "BOOLEAN"),
    BYTE(TypeName.BYTE, ClassName.get("java.lang", "Byte"), "Byte",
            "TINYINT", "INTEGER", "SMALLINT", "TINYINT"),
    SHORT(TypeName.SHORT, ClassName.get("java.lang", "Short"), "Short",
            "SMALLINT", "INTEGER", "SMALLINT", "SMALLINT"),
    INT(TypeName.INT, ClassName.get("java.lang", "Integer"), "Int",
            "INTEGER", "INTEGER", "INTEGER", "INT"),
    LONG(TypeName.LONG, ClassName.get("java.lang", "Long"), "Long",
            "BIGINT", "INTEGER", "BIGINT", "BIGINT"),
    FLOAT(TypeName.FLOAT, ClassName.get("java.lang", "Float"), "Float",
            "REAL", "REAL", "REAL", "FLOAT"),
    DOUBLE(TypeName.DOUBLE, ClassName.get("java.lang", "Double"), "Double",
            "DOUBLE PRECISION", "REAL", "DOUBLE PRECISION", "DOUBLE"),
    STRING(null, ClassName.get("java.lang", "String"), "String",
            "VARCHAR(%1$d)", "TEXT", "VARCHAR(%1$d)", "VARCHAR(%1$d)"),
    BIG_DECIMAL(null, ClassName.get("java.math", "BigDecimal"), "BigDecimal",
            "NUMERIC(%2$d,%3$d)", "TEXT", "NUMERIC(%2$d,%3$d)", "DECIMAL(%2$d,%3$d)"),
    BYTES(null, null, "Bytes",
            "VARBINARY", "BLOB", "BYTEA", "LONGBLOB"),
    UUID(null, ClassName.get("java.util", "UUID"), "Uuid",
            "UUID", "TEXT", "UUID", "CHAR(36)"),
    /** Stored by {@code name()}; the getter takes the enum class. */
    ENUM(null, null, "Enum",
            "VARCHAR(%1$d)", "TEXT", "VARCHAR(%1$d)", "VARCHAR(%1$d)"),
    LOCAL_DATE(null, ClassName.get("java.time", "LocalDate"), "LocalDate",
            "DATE", "TEXT", "DATE", "DATE"),
    LOCAL_TIME(null, ClassName.get("java.time", "LocalTime"), "LocalTime",
            "TIME(9)", "TEXT", "TIME(6)", "TIME(6)"),
    LOCAL_DATE_TIME(null, ClassName.get("java.time", "LocalDateTime"), "LocalDateTime",
            "TIMESTAMP(9)", "TEXT", "TIMESTAMP(6)", "DATETIME(6)"),
    INSTANT(null, ClassName.get("java.time", "Instant"), "Instant",
            "TIMESTAMP(9) WITH TIME ZONE", "TEXT", "TIMESTAMP(6) WITH TIME ZONE", "DATETIME(6)"),
    OFFSET_DATE_TIME(null, ClassName.get("java.time", "OffsetDateTime"), "OffsetDateTime",
            "TIMESTAMP(9) WITH TIME ZONE", "TEXT", "TIMESTAMP(6) WITH TIME ZONE", "DATETIME(6)");

    /**
     * Longest VARCHAR per dialect, in characters; longer strings take the dialect's large text type.
     * H2 counts a VARCHAR's length in UTF-16 units, so a character outside the Basic Multilingual
     * Plane (an emoji) takes two: its String columns are declared twice as long, and the runtime
     * checks the length in characters before any write (see the runtime's ColumnInfo.length()).
     */
    private static final int H2_MAX_VARCHAR = 1_000_000_000;
    private static final int POSTGRESQL_MAX_VARCHAR = 10_485_760;
    /**
     * MariaDB counts every VARCHAR(n) at 4n + 2 bytes of utf8mb4 against the 65,535-byte row limit
     * that all the columns of a table share, and an index key at most 3,072 bytes. Up to 768
     * characters a String column is a VARCHAR (a plain B-tree unique index fits, and 20 such
     * columns fit in one row); longer, a TEXT type, stored off the row (a unique index on it is a
     * hash index, MariaDB 10.4+).
     */
    static final int MARIADB_MAX_VARCHAR = 768;
    /** 65,535 bytes of TEXT over 4-byte characters; 16 MiB of MEDIUMTEXT likewise. */
    private static final int MARIADB_MAX_TEXT = 16_383;
    private static final int MARIADB_MAX_MEDIUMTEXT = 4_194_303;

    /** What the "unsupported type" message lists. */
    static final String SUPPORTED = "boolean, byte, short, int, long, float, double and their boxes, String, BigDecimal,"
            + " byte[], UUID, enums, LocalDate, LocalTime, LocalDateTime, Instant, OffsetDateTime";

    private final TypeName primitive;
    private final ClassName boxed;
    private final String accessorSuffix;
    private final String[] sql;

    ColumnKind(TypeName primitive, ClassName boxed, String accessorSuffix, String... sql) {
        this.primitive = primitive;
        this.boxed = boxed;
        this.accessorSuffix = accessorSuffix;
        this.sql = sql;
    }

    /** The primitive type, or null when the kind has none. */
    TypeName primitive() {
        return primitive;
    }

    boolean isIntegral() {
        return this == BYTE || this == SHORT || this == INT || this == LONG;
    }

    boolean isTimestamp() {
        return this == INSTANT || this == LOCAL_DATE_TIME || this == OFFSET_DATE_TIME;
    }

    boolean hasLength() {
        return this == STRING || this == ENUM;
    }

    /** The JdbcValues getter: {@code getLong} for a primitive, {@code getLongOrNull} for its box, {@code getString}. */
    String getter(boolean primitiveField) {
        return "get" + accessorSuffix + (primitive != null && !primitiveField ? "OrNull" : "");
    }

    /** The JdbcValues setter, named like {@link #getter}. */
    String setter(boolean primitiveField) {
        return "set" + accessorSuffix + (primitive != null && !primitiveField ? "OrNull" : "");
    }

    /** The box of a primitive kind, or the class of a reference kind (null for byte[] and enums, which depend on the field). */
    ClassName boxed() {
        return boxed;
    }

    /** The SQL type in {@code dialect} for a column of this kind. */
    String sqlType(SqlDialect dialect, int length, int precision, int scale) {
        if (this == STRING) {
            if (dialect == SqlDialect.H2) {
                return length > H2_MAX_VARCHAR / 2 ? "CHARACTER LARGE OBJECT"
                        : String.format(Locale.ROOT, "VARCHAR(%d)", 2 * length);
            }
            if (dialect == SqlDialect.POSTGRESQL && length > POSTGRESQL_MAX_VARCHAR) {
                return "TEXT";
            }
            if (dialect == SqlDialect.MARIADB && length > MARIADB_MAX_VARCHAR) {
                return length > MARIADB_MAX_MEDIUMTEXT ? "LONGTEXT" : length > MARIADB_MAX_TEXT ? "MEDIUMTEXT" : "TEXT";
            }
        }
        return String.format(Locale.ROOT, sql[dialect.ordinal()], length, precision, scale);
    }
}
