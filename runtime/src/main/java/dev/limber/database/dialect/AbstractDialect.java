package dev.limber.database.dialect;

import com.zaxxer.hikari.HikariConfig;
import dev.limber.database.ConstraintViolationException;
import dev.limber.database.IndexInfo;
import dev.limber.database.LimberException;
import dev.limber.database.ModelInfo;
import dev.limber.database.TransactionConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What most databases share: quoting with one character, LIMIT/OFFSET, JDBC generated keys, SQLState 23. */
abstract class AbstractDialect implements Dialect {

    /** What kind of constraint a statement broke. */
    enum Kind { UNIQUE, NOT_NULL, FOREIGN_KEY, CHECK, OTHER }

    /** A constraint violation as far as the driver describes it; any part may be null. */
    record Violation(Kind kind, String constraint, String table, String column) {
    }

    private final String name;
    private final String productName;
    private final char quote;

    AbstractDialect(String name, String productName, char quote) {
        this.name = name;
        this.productName = productName;
        this.quote = quote;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String productName() {
        return productName;
    }

    @Override
    public final String quote(String identifier) {
        String q = String.valueOf(quote);
        return q + identifier.replace(q, q + q) + q;
    }

    @Override
    public String limitOffset(boolean limit, boolean offset) {
        if (limit && offset) {
            return " LIMIT ? OFFSET ?";
        }
        if (limit) {
            return " LIMIT ?";
        }
        return offset ? " OFFSET ?" : "";
    }

    @Override
    public void configure(HikariConfig config) {
    }

    @Override
    public PreparedStatement prepareInsert(Connection connection, String sql, String keyColumn) throws SQLException {
        return connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
    }

    @Override
    public void checkCommittable(Connection connection) throws SQLException {
        // elsewhere a failed statement leaves the transaction usable, and COMMIT commits
    }

    @Override
    public List<Object> batchKeys(PreparedStatement statement, int rows, Class<?> keyType) throws SQLException {
        List<Object> keys = new ArrayList<>(rows);
        try (ResultSet rs = statement.getGeneratedKeys()) {
            while (rs.next()) {
                keys.add(values().get(rs, 1, keyType));
            }
        }
        return keys;
    }

    @Override
    public final LimberException translate(SQLException exception, String sql, ModelInfo<?> model) {
        return translate(exception, sql, model, false);
    }

    @Override
    public final LimberException translate(SQLException exception, String sql, ModelInfo<?> model,
            boolean midTransaction) {
        if (conflict(exception, midTransaction)) {
            return new TransactionConflictException(describeConflict(exception), sql, exception);
        }
        Violation violation = violation(exception);
        if (violation == null) {
            return new LimberException(describe(exception), sql, exception);
        }
        String table = violation.table() != null ? violation.table() : model == null ? null : model.table();
        String column = violation.column();
        if (model != null && violation.constraint() != null) {
            for (IndexInfo index : model.indexes()) {
                if (index.name().equalsIgnoreCase(violation.constraint())) {
                    column = String.join(", ", index.columns());
                }
            }
        }
        if (model != null && column != null && model.columnIndex(column) < 0) {
            // a helper column (e.g. the live-rows-only unique column on H2/MariaDB): name the model column
            for (IndexInfo index : model.indexes()) {
                if (index.columns().size() == 1 && column.startsWith(index.columns().get(0))) {
                    column = index.columns().get(0);
                }
            }
        }
        String where = table == null ? (column == null ? "" : column) : column == null ? table : table + "." + column;
        String message = switch (violation.kind()) {
            case UNIQUE -> "Unique constraint violated" + on(where) + ": another row already holds this value"
                    + " (on a soft-delete model, another live row); use a different value or update that row";
            case NOT_NULL -> "Not-null constraint violated" + on(where) + ": set a value before saving";
            case FOREIGN_KEY -> "Foreign key constraint violated" + on(where)
                    + ": the referenced row does not exist, or other rows still refer to this one";
            case CHECK -> "Check constraint violated" + on(where);
            case OTHER -> "Constraint violated" + on(where);
        };
        // the driver's own text stays in the cause: it may quote the offending values
        return new ConstraintViolationException(message, table, column, sql, exception);
    }

    /**
     * Connection-class SQLSTATEs (08xxx), PostgreSQL's "terminating connection" family (57P01 admin
     * shutdown, 57P02 crash shutdown, 57P03 cannot connect now), the JDBC connection exception types,
     * and an I/O failure anywhere in the cause chain (a socket reset reaches some drivers' callers
     * wrapped with no SQLSTATE).
     */
    @Override
    public boolean isConnectionLost(SQLException exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.io.IOException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String on(String where) {
        return where.isEmpty() ? "" : " on " + where;
    }

    /** A constraint violation described by {@code e}, or null when it is something else. */
    Violation violation(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith("23") ? new Violation(Kind.OTHER, null, null, null) : null;
    }

    /**
     * Whether {@code e} says the transaction lost a race with another one and only a retry of the
     * whole unit of work can succeed: serialization failures (40001, which MariaDB also uses for
     * deadlocks) and PostgreSQL's deadlocks (40P01).
     */
    boolean conflict(SQLException e, boolean midTransaction) {
        String state = e.getSQLState();
        return "40001".equals(state) || "40P01".equals(state);
    }

    /** The message of a {@link #conflict}. */
    String describeConflict(SQLException e) {
        return "The transaction conflicted with another one (deadlock or serialization failure) and cannot go on:"
                + " roll back the session and retry the unit of work, reading afresh (" + firstLine(e.getMessage())
                + ")";
    }

    /** The message of a failure that is not a constraint violation. */
    String describe(SQLException e) {
        String state = e.getSQLState();
        if (state != null && state.startsWith("40")) {
            return "The database rolled the transaction back (deadlock or serialization failure): roll back the"
                    + " session and retry the work (" + firstLine(e.getMessage()) + ")";
        }
        if (state != null && state.startsWith("08")) {
            return "The database connection failed: " + firstLine(e.getMessage());
        }
        return "Statement failed: " + firstLine(e.getMessage());
    }

    static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Group 1 of {@code pattern} in {@code text}, or null. */
    static String find(Pattern pattern, String text) {
        return find(pattern, text, 1);
    }

    static String find(Pattern pattern, String text, int group) {
        if (text == null) {
            return null;
        }
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(group) : null;
    }

    /** The last dot-separated part of a qualified name. */
    static String unqualified(String name) {
        if (name == null) {
            return null;
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    @Override
    public String toString() {
        return name;
    }
}
