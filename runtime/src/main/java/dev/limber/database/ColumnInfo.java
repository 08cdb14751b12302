package dev.limber.database;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One column of a model, as the annotation processor read it. Immutable; built by generated code.
 */
public final class ColumnInfo {
    private final String name;
    private final String field;
    private final Class<?> javaType;
    private final boolean nullable;
    private final boolean primaryKey;
    private final boolean generated;
    private final boolean unique;
    private final boolean ignoreCase;
    private final boolean version;
    private final int length;
    private final int precision;
    private final int scale;
    private final Map<String, String> sqlTypes;

    private ColumnInfo(Builder b) {
        this.name = b.name;
        this.field = b.field;
        this.javaType = b.javaType;
        this.nullable = b.nullable;
        this.primaryKey = b.primaryKey;
        this.generated = b.generated;
        this.unique = b.unique;
        this.ignoreCase = b.ignoreCase;
        this.version = b.version;
        this.length = b.length;
        this.precision = b.precision;
        this.scale = b.scale;
        this.sqlTypes = Map.copyOf(b.sqlTypes);
    }

    /** Starts a column named {@code name} (SQL) for the Java member {@code field} of type {@code javaType}. */
    public static Builder builder(String name, String field, Class<?> javaType) {
        return new Builder(name, field, javaType);
    }

    /** The SQL column name, unquoted. */
    public String name() { return name; }

    /** The Java field or record component it maps. */
    public String field() { return field; }

    /** The Java type of the field; primitives are reported as primitives ({@code long.class}). */
    public Class<?> javaType() { return javaType; }

    public boolean nullable() { return nullable; }

    public boolean primaryKey() { return primaryKey; }

    /** True for a primary key the database generates (identity / auto-increment). */
    public boolean generated() { return generated; }

    public boolean unique() { return unique; }

    /**
     * True for {@code @Column(ignoreCase = true)}: a String column whose {@code eq}, {@code ne} and
     * {@code in} conditions and unique indexes ignore ASCII case on every database.
     */
    public boolean ignoreCase() { return ignoreCase; }

    /** True for the {@code @Version} column. */
    public boolean version() { return version; }

    /**
     * The longest String (or enum name) the column takes, in characters (Unicode code points, so
     * an emoji counts one); 0 when the column has no length ({@code @Column(type = ...)} or a
     * non-text type). Limber refuses a longer value before sending any SQL, on every database.
     */
    public int length() { return length; }

    public int precision() { return precision; }

    public int scale() { return scale; }

    /**
     * The SQL type in the named dialect ({@code h2}, {@code sqlite}, {@code postgresql}, {@code mariadb});
     * for an {@link #ignoreCase()} column with its collation ({@code TEXT COLLATE NOCASE}), so a
     * statement restating the column keeps it.
     */
    public String sqlType(String dialect) {
        String type = sqlTypes.get(dialect);
        if (type == null) {
            throw new IllegalArgumentException("No SQL type for column " + name + " in dialect " + dialect
                    + "; known dialects: " + new TreeMap<>(sqlTypes).keySet());
        }
        return type;
    }

    @Override
    public String toString() {
        return name + " " + javaType.getSimpleName();
    }

    /** Builds a {@link ColumnInfo}; used by generated code. */
    public static final class Builder {
        private final String name;
        private final String field;
        private final Class<?> javaType;
        private boolean nullable = true;
        private boolean primaryKey;
        private boolean generated;
        private boolean unique;
        private boolean ignoreCase;
        private boolean version;
        private int length;
        private int precision;
        private int scale;
        private final Map<String, String> sqlTypes = new TreeMap<>();

        private Builder(String name, String field, Class<?> javaType) {
            this.name = Objects.requireNonNull(name, "name");
            this.field = Objects.requireNonNull(field, "field");
            this.javaType = Objects.requireNonNull(javaType, "javaType");
        }

        public Builder notNull() { this.nullable = false; return this; }

        public Builder primaryKey() { this.primaryKey = true; this.nullable = false; return this; }

        public Builder generated() { this.generated = true; return this; }

        public Builder unique() { this.unique = true; return this; }

        public Builder ignoreCase() { this.ignoreCase = true; return this; }

        public Builder version() { this.version = true; return this; }

        public Builder length(int length) { this.length = length; return this; }

        public Builder precision(int precision, int scale) { this.precision = precision; this.scale = scale; return this; }

        public Builder sqlType(String dialect, String sqlType) { sqlTypes.put(dialect, sqlType); return this; }

        public ColumnInfo build() { return new ColumnInfo(this); }
    }
}
