package dev.limber.database.migrations;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decides whether a declared SQL type (from the model) and a type the driver reports (from the
 * live schema) mean the same thing. Drivers report canonical names ({@code int8} for
 * {@code BIGINT} on PostgreSQL, {@code CHARACTER VARYING} for {@code VARCHAR} on H2), so both
 * sides are reduced to a family first; then the length of character types and the precision and
 * scale of decimals are compared, which every driver reports. Timestamp precision is not.
 */
final class SqlTypes {
    private static final Map<String, String> FAMILIES = new HashMap<>();

    static {
        family("BOOLEAN", "BOOL", "BOOLEAN", "BIT");
        family("TINYINT", "TINYINT");
        family("SMALLINT", "SMALLINT", "INT2", "SMALLSERIAL", "SERIAL2");
        family("INTEGER", "INT", "INTEGER", "INT4", "MEDIUMINT", "SERIAL", "SERIAL4");
        family("BIGINT", "BIGINT", "INT8", "BIGSERIAL", "SERIAL8");
        // FLOAT is 4 bytes on MariaDB and 8 on PostgreSQL and H2: one family for every binary float.
        family("FLOAT", "REAL", "FLOAT", "FLOAT4", "FLOAT8", "DOUBLE", "DOUBLE PRECISION", "DECFLOAT");
        family("DECIMAL", "DECIMAL", "NUMERIC", "NUMBER", "DEC");
        family("CHAR", "CHAR", "CHARACTER", "BPCHAR", "NCHAR");
        family("VARCHAR", "VARCHAR", "CHARACTER VARYING", "NVARCHAR", "VARCHAR2");
        // H2's @Column(ignoreCase = true) type: another family, so turning the flag on or off is a TYPE change
        family("VARCHAR_IGNORECASE", "VARCHAR_IGNORECASE");
        family("TEXT", "TEXT", "CLOB", "CHARACTER LARGE OBJECT", "TINYTEXT", "MEDIUMTEXT", "LONGTEXT", "LONGVARCHAR",
                "JSON", "ENUM");
        family("DATE", "DATE");
        family("TIME", "TIME", "TIME WITHOUT TIME ZONE");
        family("TIMETZ", "TIMETZ", "TIME WITH TIME ZONE");
        family("TIMESTAMP", "TIMESTAMP", "DATETIME", "TIMESTAMP WITHOUT TIME ZONE");
        family("TIMESTAMPTZ", "TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE");
        family("BINARY", "BLOB", "BYTEA", "BINARY", "VARBINARY", "BINARY VARYING", "BINARY LARGE OBJECT", "TINYBLOB",
                "MEDIUMBLOB", "LONGBLOB", "LONGVARBINARY");
        family("UUID", "UUID");
    }

    private SqlTypes() {
    }

    private static void family(String name, String... members) {
        for (String member : members) {
            FAMILIES.put(member, name);
        }
    }

    /** The family of a declared or reported type ({@code VARCHAR(200) NOT NULL} gives {@code VARCHAR}). */
    static String family(String type) {
        String base = baseName(type);
        String family = FAMILIES.get(base);
        if (family != null) {
            return family;
        }
        // Declared with trailing words the metadata drops: "BIGINT AUTO_INCREMENT", "INTEGER PRIMARY KEY".
        int space = base.indexOf(' ');
        if (space > 0) {
            String first = FAMILIES.get(base.substring(0, space));
            if (first != null) {
                return first;
            }
        }
        return base;
    }

    /**
     * The first parameter of a type: the length of {@code VARCHAR(200)}, the precision of
     * {@code NUMERIC(10,2)}; 0 when none is given.
     */
    static int length(String type) {
        int open = type.indexOf('(');
        int close = type.indexOf(')', open + 1);
        if (open < 0 || close < 0) {
            return 0;
        }
        String inside = type.substring(open + 1, close).trim();
        int comma = inside.indexOf(',');
        if (comma >= 0) {
            inside = inside.substring(0, comma).trim();
        }
        try {
            return Integer.parseInt(inside);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * True when the live column's type is the model's: same family and, for VARCHAR/CHAR, the same
     * length where both sides state one. On SQLite, the same affinity.
     */
    static boolean sameType(String declared, DatabaseSchema.Column live, boolean sqlite) {
        if (sqlite) {
            // SQLite keeps only a type affinity per column; two declarations of one affinity store alike.
            return affinity(declared).equals(affinity(live.type()));
        }
        String want = family(declared);
        if (!want.equals(family(live.type()))) {
            return false;
        }
        if (want.equals("VARCHAR") || want.equals("VARCHAR_IGNORECASE") || want.equals("CHAR")) {
            int wantLength = length(declared);
            return wantLength == 0 || live.size() == 0 || wantLength == live.size();
        }
        if (want.equals("DECIMAL")) {
            int precision = length(declared);
            return precision == 0 || live.size() == 0
                    || (precision == live.size() && scale(declared) == live.scale());
        }
        return true;
    }

    /** The scale of {@code NUMERIC(p, s)}: s, or 0 when not given (SQL's default). */
    static int scale(String type) {
        int open = type.indexOf('(');
        int comma = type.indexOf(',', open + 1);
        int close = type.indexOf(')', open + 1);
        if (open < 0 || comma < 0 || close < comma) {
            return 0;
        }
        try {
            return Integer.parseInt(type.substring(comma + 1, close).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** SQLite's rules for the affinity of a declared type (section 3.1 of its datatype page). */
    static String affinity(String declared) {
        String t = declared == null ? "" : declared.toUpperCase(Locale.ROOT);
        if (t.contains("INT")) {
            return "INTEGER";
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return "TEXT";
        }
        if (t.isBlank() || t.contains("BLOB")) {
            return "BLOB";
        }
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
            return "REAL";
        }
        return "NUMERIC";
    }

    private static String baseName(String type) {
        String t = type.trim().toUpperCase(Locale.ROOT);
        // Drop the parameters wherever they are: "TIMESTAMP(6) WITH TIME ZONE", "VARCHAR(200)".
        t = t.replaceAll("\\([^)]*\\)", " ");
        t = t.replaceAll("\\s+", " ").trim();
        // Column constraints that a declared type may carry.
        for (String tail : new String[] {" NOT NULL", " NULL", " UNSIGNED", " PRIMARY KEY", " AUTO_INCREMENT",
                " AUTOINCREMENT", " GENERATED"}) {
            int at = t.indexOf(tail);
            if (at > 0) {
                t = t.substring(0, at).trim();
            }
        }
        return t;
    }
}
