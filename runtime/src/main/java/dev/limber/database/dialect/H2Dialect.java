package dev.limber.database.dialect;

import dev.limber.database.mapping.JdbcValues;
import com.zaxxer.hikari.HikariConfig;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** H2: standard SQL and JDBC 4.2 values; TIMESTAMP(9) WITH TIME ZONE keeps an OffsetDateTime's offset. */
final class H2Dialect extends AbstractDialect {
    private static final JdbcValues VALUES = new StandardJdbcValues();
    private static final int CONCURRENT_UPDATE = 90131;
    // message text with quotes removed: "... violation: PUBLIC.ux_books_isbn ON PUBLIC.books(isbn_live NULLS FIRST) ..."
    private static final Pattern UNIQUE = Pattern.compile("violation: ([\\w.$]+) ON ([\\w.$]+)\\(([\\w$]+)");
    private static final Pattern NULL_COLUMN = Pattern.compile("for column ([\\w$]+)");
    // "... violation: fk_books_author_id: PUBLIC.books FOREIGN KEY(author_id) REFERENCES PUBLIC.authors(id) ..."
    private static final Pattern FOREIGN_KEY =
            Pattern.compile("violation: ([\\w$]+): ([\\w.$]+) FOREIGN KEY\\(([\\w$]+)\\)");

    H2Dialect() {
        super("h2", "H2", '"');
    }

    /** No partial indexes: a conditional unique index indexes generated columns instead. */
    @Override
    public boolean partialIndexes() {
        return false;
    }

    @Override
    public int timeFractionDigits() {
        return 9; // TIMESTAMP(9), TIME(9)
    }

    @Override
    public String driverArtifact() {
        return "com.h2database:h2";
    }

    @Override
    public JdbcValues values() {
        return VALUES;
    }

    /**
     * Besides deadlocks (40001): at REPEATABLE READ or SERIALIZABLE, H2 refuses to write a row
     * that another transaction changed after this one's snapshot (90131, CONCURRENT_UPDATE_1).
     */
    @Override
    boolean conflict(SQLException e, boolean midTransaction) {
        return e.getErrorCode() == CONCURRENT_UPDATE || super.conflict(e, midTransaction);
    }

    /** H2 numbers parameters up to 100,000 (its MAX_PARAMETER_INDEX). */
    /** H2 binds ARRAY parameters; they are joined, see {@link #joinsKeyArray}. */
    @Override
    public String keyArrayType(Class<?> keyType) {
        if (keyType == Long.class) {
            return "BIGINT";
        }
        if (keyType == Integer.class) {
            return "INTEGER";
        }
        if (keyType == Short.class) {
            return "SMALLINT";
        }
        if (keyType == String.class) {
            return "VARCHAR";
        }
        if (keyType == java.util.UUID.class) {
            return "UUID";
        }
        return null;
    }

    @Override
    public String inKeyArray(String column) {
        return column + " = ANY(?)";
    }

    /**
     * H2 compares {@code = ANY(?)} (and {@code IN (?, ...)}) with every element for every row it
     * reads, even after an index lookup, so k keys cost k comparisons a row; a join to the unnested
     * array looks each key up in the index instead, several times faster at a few hundred keys.
     */
    @Override
    public boolean joinsKeyArray() {
        return true;
    }

    @Override
    public String joinKeyArray(String column, String alias) {
        String key = quote("key");
        return " JOIN UNNEST(?) " + alias + "(" + key + ") ON " + column + " = " + alias + "." + key;
    }

    @Override
    public int maxParameters() {
        return 100_000;
    }

    @Override
    public List<String> alterNullability(String table, String column, String sqlType, boolean nullable) {
        return List.of("ALTER TABLE " + quote(table) + " ALTER COLUMN " + quote(column)
                + (nullable ? " SET NULL" : " SET NOT NULL"));
    }

    @Override
    public List<String> alterType(String table, String column, String sqlType, boolean nullable) {
        return List.of("ALTER TABLE " + quote(table) + " ALTER COLUMN " + quote(column) + " SET DATA TYPE " + sqlType);
    }

    /**
     * H2 folds unquoted names to upper case, while the generated schema's names are lower case, so
     * {@code select title from books} would miss table {@code "books"}. {@code DATABASE_TO_LOWER=TRUE}
     * folds them to lower case instead, as PostgreSQL does; a URL that sets it either way is kept.
     */
    @Override
    public String connectionUrl(String url) {
        if (url.toUpperCase(Locale.ROOT).contains(";DATABASE_TO_LOWER=")) {
            return url;
        }
        return url + ";DATABASE_TO_LOWER=TRUE";
    }

    /** An in-memory database lives while a connection is open: never retire the last one. */
    @Override
    public void configure(HikariConfig config) {
        config.setJdbcUrl(connectionUrl(config.getJdbcUrl()));
        String url = config.getJdbcUrl().toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:mem:") && !url.contains("db_close_delay=-1")) {
            config.setMaxLifetime(0);
            config.setIdleTimeout(0);
            config.setMinimumIdle(Math.max(1, config.getMinimumIdle()));
        }
    }

    @Override
    Violation violation(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().replace("\"", "");
        switch (e.getErrorCode()) {
            case 23505:
                return new Violation(Kind.UNIQUE, unqualified(find(UNIQUE, message, 1)),
                        unqualified(find(UNIQUE, message, 2)), find(UNIQUE, message, 3));
            case 23502:
                return new Violation(Kind.NOT_NULL, null, null, find(NULL_COLUMN, message));
            case 23503: // REFERENTIAL_INTEGRITY_VIOLATED_CHILD_EXISTS: a row being deleted is still referred to
                return new Violation(Kind.STILL_REFERENCED, find(FOREIGN_KEY, message, 1),
                        unqualified(find(FOREIGN_KEY, message, 2)), find(FOREIGN_KEY, message, 3));
            case 23506: // REFERENTIAL_INTEGRITY_VIOLATED_PARENT_MISSING: a key points at no row
                return new Violation(Kind.FOREIGN_KEY, find(FOREIGN_KEY, message, 1),
                        unqualified(find(FOREIGN_KEY, message, 2)), find(FOREIGN_KEY, message, 3));
            case 23513:
            case 23514:
                return new Violation(Kind.CHECK, null, null, null);
            default:
                return super.violation(e);
        }
    }
}
