package dev.limber.database.processor.sql;

/**
 * One column of a statement's result, as the database describes it when the statement is prepared.
 *
 * @param label    the column label ({@code AS} name, else the column name), as the database reports it
 * @param jdbcType the {@link java.sql.Types} constant
 * @param typeName the database's type name, e.g. {@code CHARACTER VARYING}
 * @param javaType the Java type that reads it ({@code java.lang.String}), from the JDBC type
 * @param nullable whether it may be NULL (unknown counts as nullable)
 */
public record ResultColumn(String label, int jdbcType, String typeName, String javaType, boolean nullable) {
}
