package dev.limber.database.processor.sql;

import java.util.List;

/**
 * One {@code @Query} after analysis.
 *
 * @param jdbcSql    the SQL to send for the method's trashed mode, {@code ?} for each parameter: a
 *                   constant for the generated code
 * @param parameters the method parameter bound to each {@code ?}, in order; a name may repeat
 * @param kind       what the statement does
 * @param columns    the result columns (empty for a statement without rows, or when no verifier ran)
 * @param verifiedOn the databases the statement was prepared on
 * @param problems   errors and warnings, in the order found; generate nothing for the method if any is an error
 */
public record AnalyzedQuery(String jdbcSql, List<String> parameters, StatementKind kind, List<ResultColumn> columns,
        List<Database> verifiedOn, List<Problem> problems) {

    public AnalyzedQuery {
        parameters = List.copyOf(parameters);
        columns = List.copyOf(columns);
        verifiedOn = List.copyOf(verifiedOn);
        problems = List.copyOf(problems);
    }

    /** No errors (warnings allowed). */
    public boolean isClean() {
        return problems.stream().noneMatch(Problem::isError);
    }
}
