package dev.limber.database.dialect;

import com.zaxxer.hikari.HikariConfig;
import dev.limber.database.ConstraintViolationException;
import dev.limber.database.ForeignKeyInfo;
import dev.limber.database.IndexInfo;
import dev.limber.database.LimberException;
import dev.limber.database.ModelInfo;
import dev.limber.database.TransactionConflictException;
import dev.limber.database.ModelRegistry;
import dev.limber.database.StatementTimeoutException;
import dev.limber.database.models.OnDelete;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What most databases share: quoting with one character, LIMIT/OFFSET, JDBC generated keys, SQLState 23. */
abstract class AbstractDialect implements Dialect {

    /**
     * What kind of constraint a statement broke. A foreign key is broken from either end:
     * {@code FOREIGN_KEY} when a row's key points at no row, {@code STILL_REFERENCED} when a row
     * being deleted (or its key changed) is still pointed at.
     */
    enum Kind { UNIQUE, NOT_NULL, FOREIGN_KEY, STILL_REFERENCED, CHECK, OTHER }

    /**
     * A constraint violation as far as the driver describes it; any part may be null. For a foreign
     * key, {@code table} and {@code column} are the referencing side, where the key is held.
     */
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
    public String references(ForeignKeyInfo foreignKey) {
        return "REFERENCES " + quote(foreignKey.referencedTable()) + " (" + quote(foreignKey.referencedColumn())
                + ") ON DELETE " + onDelete(foreignKey.onDelete());
    }

    /** Standard SQL, which H2 and PostgreSQL take as written; MariaDB too. */
    @Override
    public List<String> addForeignKey(String table, ForeignKeyInfo foreignKey) {
        return List.of("ALTER TABLE " + quote(table) + " ADD CONSTRAINT " + quote(foreignKey.name()) + " FOREIGN KEY ("
                + quote(foreignKey.column()) + ") " + references(foreignKey));
    }

    @Override
    public List<String> dropForeignKey(String table, String constraint) {
        return List.of("ALTER TABLE " + quote(table) + " DROP CONSTRAINT " + quote(constraint));
    }

    /** The SQL words of an ON DELETE action. */
    static String onDelete(OnDelete action) {
        return switch (action) {
            case RESTRICT -> "RESTRICT";
            case CASCADE -> "CASCADE";
            case SET_NULL -> "SET NULL";
        };
    }

    @Override
    public String castToDouble(String expression) {
        return "CAST(" + expression + " AS DOUBLE PRECISION)";
    }

    @Override
    public String decimalArgument(String column) {
        return column;
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
        return translate(exception, sql, model, null, false);
    }

    @Override
    public final LimberException translate(SQLException exception, String sql, ModelInfo<?> model,
            ModelRegistry models) {
        return translate(exception, sql, model, models, false);
    }

    @Override
    public final LimberException translate(SQLException exception, String sql, ModelInfo<?> model,
            ModelRegistry models, boolean midTransaction) {
        if (isTimeout(exception)) {
            return new StatementTimeoutException("The statement was cancelled: it ran longer than its time limit"
                    + " (Engine.builder().statementTimeout or Query.timeout). Roll back the session, then make the"
                    + " statement faster or give it more time (" + firstLine(exception.getMessage()) + ")", sql,
                    exception);
        }
        if (conflict(exception, midTransaction)) {
            return new TransactionConflictException(describeConflict(exception) + RETRYABLE, sql, exception);
        }
        if (isConnectionLost(exception)) {
            return new LimberException("The connection to " + productName() + " was lost ("
                    + firstLine(exception.getMessage()) + "): the server went away or ended the session, and the"
                    + " transaction's uncommitted work went with it. Roll back the session and redo the work once the"
                    + " database answers", sql, exception);
        }
        Violation violation = violation(exception, sql);
        if (violation == null) {
            return new LimberException(describe(exception), sql, exception);
        }
        if (violation.kind() == Kind.FOREIGN_KEY || violation.kind() == Kind.STILL_REFERENCED) {
            return foreignKey(violation, exception, sql, model, models);
        }
        String table = violation.table() != null ? violation.table() : model == null ? null : model.table();
        String column = violation.column();
        String constraint = violation.constraint();
        IndexInfo index = violation.kind() == Kind.UNIQUE && model != null
                ? uniqueIndex(model, constraint, column) : null;
        if (index != null) {
            // the model's columns, never a generated helper column that H2 and MariaDB index instead
            column = String.join(", ", index.columns());
            constraint = index.name();
        }
        String where = table == null ? (column == null ? "" : column)
                : column == null ? table
                : index != null && index.columns().size() > 1 ? table + " (" + column + ")" : table + "." + column;
        String message = switch (violation.kind()) {
            case UNIQUE -> "Unique constraint " + (constraint == null ? "" : constraint + " ") + "violated"
                    + on(where) + ": the value is taken" + (index == null ? " by another row" : among(index))
                    + "; use a different value, or change the row that holds it";
            case NOT_NULL -> "Not-null constraint violated" + on(where) + ": set a value before saving";
            case CHECK -> "Check constraint violated" + on(where);
            case OTHER, FOREIGN_KEY, STILL_REFERENCED -> "Constraint violated" + on(where); // keys: foreignKey()
        };
        // the driver's own text stays in the cause: it may quote the offending values
        return new ConstraintViolationException(message, table, column, constraint, sql, exception);
    }

    /**
     * The unique index of {@code model} a violation names: by its name (H2, PostgreSQL, MariaDB),
     * else by the columns the driver lists (SQLite names only those), which may be the generated
     * helper columns of a conditional index.
     */
    private static IndexInfo uniqueIndex(ModelInfo<?> model, String constraint, String columns) {
        for (IndexInfo index : model.indexes()) {
            if (index.unique() && constraint != null && index.name().equalsIgnoreCase(constraint)) {
                return index;
            }
        }
        if (columns == null) {
            return null;
        }
        for (IndexInfo index : model.indexes()) {
            if (index.unique() && (String.join(", ", index.columns()).equalsIgnoreCase(columns)
                    || String.join(", ", index.generatedColumns()).equalsIgnoreCase(columns))) {
                return index;
            }
        }
        return null;
    }

    /**
     * Which rows a conditional unique index counts, for its violation message: {@code " among live
     * rows"} only when soft delete is why a row would not count.
     */
    private static String among(IndexInfo index) {
        String whereNull = index.whereNull().isEmpty() ? ""
                : " whose " + String.join(" and ", index.whereNull()) + (index.whereNull().size() == 1 ? " is" : " are")
                        + " NULL";
        if (index.liveOnly()) {
            return " among live rows" + whereNull + " (soft-deleted rows do not count)";
        }
        return whereNull.isEmpty() ? " by another row" : " among the rows" + whereNull;
    }

    /**
     * A foreign-key violation, named: the constraint, the table and column holding the key, and the
     * table it references. What the driver leaves out is looked up in the models' foreign keys: by
     * the constraint's name, else (SQLite names none) among the keys the statement could have broken,
     * those of the model written or, for a delete, those referring to the model deleted.
     */
    private ConstraintViolationException foreignKey(Violation violation, SQLException exception, String sql,
            ModelInfo<?> model, ModelRegistry models) {
        boolean referenced = violation.kind() == Kind.STILL_REFERENCED;
        List<ModelInfo<?>> all = models != null ? models.models() : model != null ? List.of(model) : List.of();
        // a delete removes the rows ON DELETE CASCADE takes with it too: a RESTRICT key to any of them blocks it
        Set<String> deleted = new HashSet<>();
        if (referenced && model != null && violation.constraint() == null) {
            deleted.add(model.table());
            for (boolean grew = true; grew; ) {
                grew = false;
                for (ModelInfo<?> owner : all) {
                    for (ForeignKeyInfo key : owner.foreignKeys()) {
                        if (key.onDelete() == OnDelete.CASCADE && deleted.contains(key.referencedTable())) {
                            grew |= deleted.add(owner.table());
                        }
                    }
                }
            }
        }
        List<Map.Entry<ModelInfo<?>, ForeignKeyInfo>> candidates = new ArrayList<>();
        for (ModelInfo<?> owner : all) {
            for (ForeignKeyInfo key : owner.foreignKeys()) {
                boolean named = violation.constraint() != null && key.name().equalsIgnoreCase(violation.constraint());
                boolean possible = violation.constraint() == null && model != null && (referenced
                        ? key.onDelete() == OnDelete.RESTRICT && deleted.contains(key.referencedTable())
                        : owner == model);
                if (named || possible) {
                    candidates.add(Map.entry(owner, key));
                }
            }
        }
        String constraint = violation.constraint();
        String table = violation.table();
        String column = violation.column();
        String target = referenced && model != null ? model.table() : null;
        if (candidates.size() == 1) {
            ForeignKeyInfo key = candidates.get(0).getValue();
            constraint = key.name();
            table = candidates.get(0).getKey().table();
            column = key.column();
            target = key.referencedTable();
        } else if (table == null && !referenced && model != null) {
            table = model.table();
        }
        String name;
        if (constraint != null) {
            name = "Foreign key " + constraint + (table == null ? "" : " (" + table
                    + (column == null ? "" : "." + column) + (target == null ? "" : " -> " + target) + ")");
        } else if (!candidates.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (Map.Entry<ModelInfo<?>, ForeignKeyInfo> candidate : candidates) {
                names.add(candidate.getValue().name() + " (" + candidate.getKey().table() + "."
                        + candidate.getValue().column() + " -> " + candidate.getValue().referencedTable() + ")");
            }
            name = "A foreign key, one of " + String.join(", ", names) + ",";
        } else {
            name = "A foreign key" + on(table == null ? "" : table);
        }
        String message = referenced
                ? name + " blocks the delete: rows of " + (table != null ? table
                        : candidates.isEmpty() ? "another table" : "its table")
                        + " (trashed ones included) still refer to the " + (target == null ? "" : target + " ")
                        + "row; delete or re-point them first, or declare cascade = Cascade.DELETE on the relation"
                        + " so that they go with it (ON DELETE CASCADE)"
                : name + " is violated: the row refers to " + (target == null ? "a row" : "a " + target + " row")
                        + " that does not exist; insert that row first, or point the key at an existing one";
        // the driver's own text stays in the cause: it may quote the offending values
        return new ConstraintViolationException(message, table, column, constraint, sql, exception);
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

    /** SQLSTATE 57014 (query_canceled: PostgreSQL, H2) or the JDBC timeout type. */
    @Override
    public boolean isTimeout(SQLException exception) {
        return exception instanceof java.sql.SQLTimeoutException || "57014".equals(exception.getSQLState());
    }

    private static String on(String where) {
        return where.isEmpty() ? "" : " on " + where;
    }

    /**
     * A constraint violation described by {@code e}, which {@code sql} (possibly null) caused, or
     * null when it is something else.
     */
    Violation violation(SQLException e, String sql) {
        return violation(e);
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

    /** Serialization failures (40001) and PostgreSQL's deadlocks (40P01): see {@link #conflict}. */
    @Override
    public boolean isRetryable(SQLException exception) {
        return conflict(exception, false);
    }

    /** What every conflict's message ends with. */
    private static final String RETRYABLE = ". It is retryable: engine.transaction(...) runs its work again on it when"
            + " the engine has Engine.builder().retry(RetryPolicy.attempts(n)); a session from openSession() is never"
            + " replayed";

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
