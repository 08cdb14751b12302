package dev.limber.database.processor.sql;

import java.util.List;
import java.util.Set;

/**
 * One {@code @Query} method to analyze.
 *
 * @param method         the method as messages name it, e.g. {@code BookRepository.byAuthorName}
 * @param sql            {@code @Query(value)} as written
 * @param parameterNames the method's parameter names, in order
 * @param mode           {@code @Query(trashed)}
 * @param databases      {@code @Query(databases)}; empty means all four
 * @param target         what each row is read into
 */
public record QueryRequest(String method, String sql, List<String> parameterNames, TrashedMode mode,
        Set<Database> databases, ReturnTarget target) {

    public QueryRequest {
        parameterNames = List.copyOf(parameterNames);
        databases = Set.copyOf(databases);
    }
}
