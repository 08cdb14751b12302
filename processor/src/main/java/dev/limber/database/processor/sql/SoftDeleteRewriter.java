package dev.limber.database.processor.sql;

import dev.limber.database.processor.Message;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.conditional.XorExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Rewrites {@code @Query} SQL so that it sees soft-deleted rows as its {@link TrashedMode} says.
 * The only class that knows the parser (JSqlParser, shaded): replacing the parser means replacing
 * this class.
 *
 * <p>Under {@code EXCLUDE}, every soft-delete table the statement reads gets {@code <alias>.deleted_at
 * IS NULL}, bound to that reference's own alias (or its table name): a table in FROM, or joined
 * without ON (comma, CROSS, NATURAL/USING inner joins), in the WHERE of its SELECT; a table joined
 * with ON in that ON, so the outer row of a LEFT JOIN stays. That holds in every SELECT of the
 * statement: subqueries in WHERE, SELECT, HAVING, ORDER BY, GROUP BY and FROM, EXISTS and IN, CTE
 * bodies and every UNION/INTERSECT/EXCEPT branch. An UPDATE of a soft-delete table gets the
 * predicate in its WHERE. {@code ONLY} negates it ({@code IS NOT NULL}) for the main tables.
 *
 * <p>Refused (an error, so that no statement silently returns deleted rows): SQL that reads a
 * soft-delete table and does not parse; a raw DELETE of a soft-delete table; a soft-delete table
 * in a SELECT with a RIGHT or FULL JOIN (the other side's predicate would drop the preserved rows),
 * as the right side of an outer join with USING or NATURAL (no ON to hold the predicate), as the
 * name of a WITH query (which reference is the table would be a scoping question), or
 * anywhere else the rewriter does not place predicates (a parenthesised join, a DELETE's USING
 * list, statements other than SELECT, INSERT, UPDATE and DELETE).
 */
final class SoftDeleteRewriter {

    /**
     * The outcome: {@code sql} (with the {@code :name} parameters as written) is null when
     * {@code problems} hold an error.
     */
    record Rewrite(String sql, StatementKind kind, List<Problem> problems) {
    }

    private final SqlSchema schema;

    SoftDeleteRewriter(SqlSchema schema) {
        this.schema = schema;
    }

    Rewrite rewrite(String method, String sql, TrashedMode mode) {
        if (mode == TrashedMode.AS_WRITTEN) {
            return new Rewrite(sql, kindOf(sql), List.of());
        }
        List<String> touched = schema.softDeleteTablesAmong(SqlTokenizer.tokenize(sql).words());
        if (touched.isEmpty()) {
            if (mode == TrashedMode.ONLY) {
                return failed(sql, Message.SQL_ONLY_WITHOUT_MAIN_TABLE, method);
            }
            return new Rewrite(sql, kindOf(sql), List.of());
        }
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(sql);
        } catch (JSQLParserException | RuntimeException e) {
            return failed(sql, Message.SQL_UNPARSEABLE, method, String.join(", ", touched), parserMessage(e));
        }
        Walk walk = new Walk(method, mode);
        try {
            walk.run(statement);
        } catch (RuntimeException e) {
            // TablesNamesFinder refuses statements it cannot list tables of (and trips over some it
            // half knows, such as data-modifying WITH queries): nothing could be checked, so refuse.
            return failed(sql, Message.SQL_UNPARSEABLE, method, String.join(", ", touched),
                    "it has a form Limber does not analyze, such as a WITH query that changes rows");
        }
        if (!walk.problems.isEmpty()) {
            return new Rewrite(null, kindOf(statement), walk.problems);
        }
        // A statement that needs no predicate (INCLUDE, parsed only to refuse a raw DELETE; an INSERT
        // of values) goes as written, in the author's formatting; otherwise the parser prints it.
        String rewritten = walk.changed ? statement.toString() : sql;
        return new Rewrite(rewritten, kindOf(statement), List.of());
    }

    private static Rewrite failed(String sql, Message message, Object... args) {
        return new Rewrite(null, kindOf(sql), List.of(Problem.error(Problem.Place.ANNOTATION, message, args)));
    }

    /** The parser's message, first line only. */
    private static String parserMessage(Exception e) {
        Throwable cause = e.getCause() != null && e.getMessage() == null ? e.getCause() : e;
        String message = String.valueOf(cause.getMessage()).strip();
        int newline = message.indexOf('\n');
        message = newline < 0 ? message : message.substring(0, newline).strip();
        // "net.sf.jsqlparser.parser.ParseException: Encountered ..." (relocated in the jar): keep what it says.
        int exception = message.indexOf("Exception: ");
        if (exception > 0 && !message.substring(0, exception).contains(" ")) {
            message = message.substring(exception + "Exception: ".length());
        }
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }

    /** The statement's kind from a parse, else from its first word. */
    static StatementKind kindOf(String sql) {
        try {
            return kindOf(CCJSqlParserUtil.parse(sql));
        } catch (JSQLParserException | RuntimeException e) {
            String word = SqlTokenizer.firstWord(sql);
            return switch (word) {
                case "select", "with", "values", "table" -> StatementKind.SELECT;
                case "insert", "replace" -> StatementKind.INSERT;
                case "update" -> StatementKind.UPDATE;
                case "delete" -> StatementKind.DELETE;
                default -> StatementKind.OTHER;
            };
        }
    }

    private static StatementKind kindOf(Statement statement) {
        if (statement instanceof Select) {
            return StatementKind.SELECT;
        } else if (statement instanceof Insert) {
            return StatementKind.INSERT;
        } else if (statement instanceof Update) {
            return StatementKind.UPDATE;
        } else if (statement instanceof Delete) {
            return StatementKind.DELETE;
        }
        return StatementKind.OTHER;
    }

    /** One statement's rewriting. */
    private final class Walk {
        private final String method;
        private final TrashedMode mode;
        private final List<Problem> problems = new ArrayList<>();
        /** Every table reference of a soft-delete table, and whether a predicate (or a reason for none) placed it. */
        private final Set<Table> handled = Collections.newSetFromMap(new IdentityHashMap<>());
        /** In the order the parser found them, so that problems come out in a stable order (no JSqlParser node overrides equals). */
        private final Set<Table> softReferences = Collections.newSetFromMap(new LinkedHashMap<>());
        private final Set<String> refusedTables = new TreeSet<>();
        private boolean mainTableFound;
        /** A predicate was added, so the parser's printing of the statement is what to send. */
        private boolean changed;

        Walk(String method, TrashedMode mode) {
            this.method = method;
            this.mode = mode;
        }

        void run(Statement statement) {
            Finder finder = new Finder();
            finder.getTables(statement);
            for (String cte : finder.cteNames) {
                if (schema.isSoftDelete(cte)) {
                    // Which references mean the CTE and which the table is a scoping question: refuse it.
                    refusedTables.add(cte);
                    problems.add(Problem.error(Problem.Place.ANNOTATION, Message.SQL_UNSUPPORTED_POSITION, method, cte,
                            "as the name of a WITH query, which hides the table", "give the WITH query another name"));
                    return;
                }
            }
            for (Table table : finder.tables) {
                if (schema.isSoftDelete(name(table))) {
                    softReferences.add(table);
                }
            }
            Set<PlainSelect> main = Collections.newSetFromMap(new IdentityHashMap<>());
            if (statement instanceof Select select) {
                collectMain(select, main);
            }
            if (statement instanceof Update update) {
                rewrite(update);
            } else if (statement instanceof Delete delete) {
                check(delete);
            } else if (statement instanceof Insert insert) {
                handled.add(insert.getTable());
            }
            for (PlainSelect select : finder.selects) {
                rewrite(select, main.contains(select));
            }
            if (mode == TrashedMode.ONLY && !mainTableFound && problems.isEmpty()) {
                problems.add(Problem.error(Problem.Place.ANNOTATION, Message.SQL_ONLY_WITHOUT_MAIN_TABLE, method));
            }
            for (Table table : softReferences) {
                if (!handled.contains(table) && refusedTables.add(name(table))) {
                    refuse(table, "in a position Limber does not rewrite (" + where(statement) + ")",
                            "move it into a FROM or JOIN of a SELECT");
                }
            }
        }

        /** The outermost SELECTs: the statement, or each branch of its outermost set operation. */
        private void collectMain(Select select, Set<PlainSelect> main) {
            if (select instanceof PlainSelect plain) {
                main.add(plain);
            } else if (select instanceof ParenthesedSelect parenthesed) {
                collectMain(parenthesed.getSelect(), main);
            } else if (select instanceof SetOperationList list) {
                for (Select branch : list.getSelects()) {
                    collectMain(branch, main);
                }
            }
        }

        private void rewrite(PlainSelect select, boolean main) {
            List<Join> joins = select.getJoins() == null ? List.of() : select.getJoins();
            boolean rightOrFull = joins.stream().anyMatch(join -> join.isRight() || join.isFull());
            FromItem from = select.getFromItem();
            if (from instanceof Table table && isSoft(table)) {
                if (rightOrFull) {
                    refuse(table, "in a SELECT with a RIGHT or FULL JOIN", "write the join as a LEFT JOIN");
                } else {
                    select.setWhere(and(select.getWhere(), predicate(table, main)));
                }
            }
            for (Join join : joins) {
                if (!(join.getRightItem() instanceof Table table) || !isSoft(table)) {
                    continue;
                }
                boolean outer = join.isLeft() || join.isRight() || join.isFull() || join.isOuter();
                boolean hasOn = !join.getOnExpressions().isEmpty();
                if (rightOrFull) {
                    refuse(table, "in a SELECT with a RIGHT or FULL JOIN", "write the join as a LEFT JOIN");
                } else if (hasOn) {
                    addToOn(join, table);
                } else if (outer) {
                    refuse(table, "as the right side of an outer join with USING or NATURAL",
                            "write the join condition with ON");
                } else {
                    select.setWhere(and(select.getWhere(), predicate(table, false)));
                }
            }
        }

        private void rewrite(Update update) {
            Table table = update.getTable();
            if (isSoft(table)) {
                update.setWhere(and(update.getWhere(), predicate(table, true)));
            }
            List<Join> joins = new ArrayList<>();
            if (update.getStartJoins() != null) {
                joins.addAll(update.getStartJoins());
            }
            if (update.getFromItem() instanceof Table from && isSoft(from)) {
                update.setWhere(and(update.getWhere(), predicate(from, false)));
            }
            if (update.getJoins() != null) {
                joins.addAll(update.getJoins());
            }
            for (Join join : joins) {
                if (join.getRightItem() instanceof Table joined && isSoft(joined)) {
                    if (join.isRight() || join.isFull() || join.isLeft() || join.isOuter()) {
                        refuse(joined, "in an outer join of an UPDATE", "join it with an inner JOIN or a subquery");
                    } else if (!join.getOnExpressions().isEmpty()) {
                        addToOn(join, joined);
                    } else {
                        update.setWhere(and(update.getWhere(), predicate(joined, false)));
                    }
                }
            }
        }

        /** The joined table's live-row predicate, ANDed to its join's ON condition. */
        private void addToOn(Join join, Table table) {
            List<Expression> on = new ArrayList<>(join.getOnExpressions());
            on.set(on.size() - 1, and(on.get(on.size() - 1), predicate(table, false)));
            join.setOnExpressions(on);
        }

        private void check(Delete delete) {
            Table table = delete.getTable();
            if (table != null && isSoft(table)) {
                refusedTables.add(name(table));
                handled.add(table);
                problems.add(Problem.error(Problem.Place.ANNOTATION, Message.SQL_RAW_DELETE, method, name(table)));
            } else if (table != null) {
                handled.add(table);
            }
        }

        private boolean isSoft(Table table) {
            return softReferences.contains(table);
        }

        /** {@code alias.deleted_at IS NULL}, or IS NOT NULL for a main table under ONLY; marks the reference handled. */
        private Expression predicate(Table table, boolean main) {
            handled.add(table);
            changed |= mode != TrashedMode.INCLUDE;
            boolean onlyTrashed = main && mode == TrashedMode.ONLY;
            if (onlyTrashed) {
                mainTableFound = true;
            }
            Table qualifier = table.getAlias() != null ? new Table(table.getAlias().getName()) : new Table(table.getName());
            IsNullExpression predicate = new IsNullExpression(new Column(qualifier, SqlSchema.DELETED_AT));
            predicate.setNot(onlyTrashed);
            return predicate;
        }

        private Expression and(Expression existing, Expression predicate) {
            if (mode == TrashedMode.INCLUDE) {
                return existing;
            }
            if (existing == null) {
                return predicate;
            }
            boolean loose = existing instanceof OrExpression || existing instanceof XorExpression;
            return new AndExpression(loose ? new ParenthesedExpressionList<>(existing) : existing, predicate);
        }

        private void refuse(Table table, String position, String fix) {
            handled.add(table);
            refusedTables.add(name(table));
            problems.add(Problem.error(Problem.Place.ANNOTATION, Message.SQL_UNSUPPORTED_POSITION, method, name(table),
                    position, fix));
        }

        private String where(Statement statement) {
            return statement instanceof Select || statement instanceof Update || statement instanceof Insert
                    || statement instanceof Delete ? "a parenthesised join, a USING list or a table function"
                    : "a " + statement.getClass().getSimpleName().toUpperCase(Locale.ROOT) + " statement";
        }
    }

    private static String name(Table table) {
        return unquote(table.getName());
    }

    /** {@code "Books"} or {@code `Books`} → {@code books}. */
    private static String unquote(String name) {
        if (name.length() > 1 && (name.startsWith("\"") || name.startsWith("`"))) {
            name = name.substring(1, name.length() - 1);
        }
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * Lists every table reference and every SELECT of a statement: TablesNamesFinder walks all of
     * them (subqueries anywhere, CTEs, set operations); this one also walks ORDER BY and GROUP BY.
     */
    private static final class Finder extends TablesNamesFinder<Void> {
        final List<Table> tables = new ArrayList<>();
        /** Each SELECT once: TablesNamesFinder reaches a statement's CTEs twice. */
        final Set<PlainSelect> selects = Collections.newSetFromMap(new LinkedHashMap<>());
        final Set<String> cteNames = new TreeSet<>();

        @Override
        public <S> Void visit(Table table, S context) {
            tables.add(table);
            return super.visit(table, context);
        }

        @Override
        public <S> Void visit(WithItem<?> withItem, S context) {
            cteNames.add(unquote(withItem.getAlias().getName()));
            return super.visit(withItem, context);
        }

        @Override
        public <S> Void visit(PlainSelect select, S context) {
            selects.add(select);
            super.visit(select, context);
            if (select.getGroupBy() != null) {
                GroupByElement groupBy = select.getGroupBy();
                groupBy.getGroupByExpressionList().accept(this, context);
            }
            if (select.getOrderByElements() != null) {
                for (OrderByElement element : select.getOrderByElements()) {
                    element.getExpression().accept(this, context);
                }
            }
            return null;
        }
    }
}
