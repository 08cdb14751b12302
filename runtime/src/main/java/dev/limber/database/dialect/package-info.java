/**
 * One class per database; everything that differs between them lives here and nowhere else.
 *
 * <p>How values are kept (the SQL types come from the processor's type table):
 * <table>
 * <caption>Storage per database</caption>
 * <tr><th></th><th>H2</th><th>SQLite</th><th>PostgreSQL</th><th>MariaDB</th></tr>
 * <tr><td>time precision</td><td>ns</td><td>ns (text)</td><td>µs, truncated</td><td>µs, truncated</td></tr>
 * <tr><td>Instant</td><td>TIMESTAMP(9) WITH TIME ZONE</td><td>UTC ISO-8601 text, 9 digits, {@code Z}</td>
 *     <td>TIMESTAMPTZ</td><td>UTC DATETIME(6)</td></tr>
 * <tr><td>OffsetDateTime offset</td><td>kept</td><td>lost (UTC)</td><td>lost (UTC)</td><td>lost (UTC)</td></tr>
 * <tr><td>BigDecimal</td><td>NUMERIC(p,s)</td><td>TEXT as written (compares as text)</td><td>NUMERIC(p,s)</td>
 *     <td>DECIMAL(p,s)</td></tr>
 * <tr><td>UUID</td><td>UUID</td><td>TEXT</td><td>UUID</td><td>CHAR(36)</td></tr>
 * <tr><td>NaN / infinity</td><td>kept</td><td>NaN refused, infinity kept</td><td>kept</td><td>refused</td></tr>
 * </table>
 *
 * <p>Queries (pinned by the integration tests {@code LikeTest} and {@code ParameterLimitTest}):
 * <table>
 * <caption>Query behaviour per database</caption>
 * <tr><th></th><th>H2</th><th>SQLite</th><th>PostgreSQL</th><th>MariaDB</th></tr>
 * <tr><td>=, LIKE, unique and case</td><td>exact</td><td>exact ({@code case_sensitive_like} set)</td>
 *     <td>exact</td><td>exact: tables are utf8mb4_nopad_bin, whatever the server's default</td></tr>
 * <tr><td>{@code @Column(ignoreCase = true)}: =, &lt;&gt;, IN, unique</td><td>{@code VARCHAR_IGNORECASE}</td>
 *     <td>{@code COLLATE NOCASE}</td><td>{@code lower(column) = lower(?)}, unique index on
 *     {@code lower(column)}</td><td>{@code COLLATE utf8mb4_general_nopad_ci} (also folds accents)</td></tr>
 * <tr><td>ORDER BY a string</td><td>UTF-16 units</td><td>code points</td><td>the database's collation
 *     (code points under C / C.UTF-8)</td><td>code points</td></tr>
 * <tr><td>{@code like} escape</td><td>backslash</td><td>none (backslash is literal)</td><td>backslash</td>
 *     <td>backslash</td></tr>
 * <tr><td>{@code contains/startsWith/endsWith}</td><td colspan="4">{@code LIKE ? ESCAPE '!'}, the text
 *     escaped: literal everywhere</td></tr>
 * <tr><td>String length</td><td>VARCHAR(2n): counts UTF-16 units</td><td>TEXT</td><td>VARCHAR(n)</td>
 *     <td>VARCHAR(n) up to 768, then TEXT types; Limber checks n characters before writing</td></tr>
 * <tr><td>values per statement</td><td>100,000</td><td>250,000</td><td>65,535</td><td>65,535</td></tr>
 * <tr><td>in-place ALTER COLUMN</td><td>yes</td><td>no (rebuild the table)</td><td>yes</td>
 *     <td>yes (MODIFY COLUMN restates the column)</td></tr>
 * </table>
 *
 * <p>Connections: SQLite runs in WAL mode with synchronous=NORMAL, a 30 s busy timeout and
 * DEFERRED transactions (a write from a stale read snapshot is a TransactionConflictException);
 * MariaDB reports found rows ({@code useAffectedRows=false}) and uses the
 * binary protocol. On PostgreSQL, a commit after statements run directly on
 * {@code Session.connection()} first checks that the transaction has not been aborted, since
 * the driver reports a COMMIT that the server turned into a ROLLBACK as a success.
 */
package dev.limber.database.dialect;
