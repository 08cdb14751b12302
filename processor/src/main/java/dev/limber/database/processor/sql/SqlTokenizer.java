package dev.limber.database.processor.sql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the {@code :name} parameters of {@code @Query} SQL and the words it names, skipping what is
 * no parameter: string literals ({@code 'it''s'}, PostgreSQL {@code E'\''}), quoted identifiers
 * ({@code "a:b"}, {@code `a:b`}), comments ({@code -- :x}, nested {@code /* :x *}{@code /}),
 * PostgreSQL dollar quoting ({@code $$:x$$}, {@code $tag$...$tag$}), {@code ::} casts and {@code :=}.
 */
public final class SqlTokenizer {

    /**
     * What the tokenizer saw.
     *
     * @param jdbcSql    the SQL with each {@code :name} replaced by {@code ?}, everything else as written
     * @param parameters the name of each {@code ?}, in order; a name may repeat
     * @param words      every unquoted word and quoted identifier outside literals and comments, lower case
     * @param statements how many statements the SQL holds: runs of tokens between top-level semicolons
     */
    public record Tokens(String jdbcSql, List<String> parameters, Set<String> words, int statements) {
    }

    private SqlTokenizer() {
    }

    public static Tokens tokenize(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        List<String> parameters = new ArrayList<>();
        Set<String> words = new LinkedHashSet<>();
        int n = sql.length();
        int i = 0;
        int statements = 0;
        boolean inStatement = false;
        while (i < n) {
            char c = sql.charAt(i);
            boolean comment = c == '-' && i + 1 < n && sql.charAt(i + 1) == '-'
                    || c == '/' && i + 1 < n && sql.charAt(i + 1) == '*';
            if (c == ';') {
                inStatement = false;
            } else if (!Character.isWhitespace(c) && !comment && !inStatement) {
                inStatement = true;
                statements++;
            }
            int end;
            if (c == '\'') {
                boolean backslashEscapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
                        && (i < 2 || !isWordPart(sql.charAt(i - 2)));
                end = quoted(sql, i, '\'', backslashEscapes);
            } else if (c == '"' || c == '`') {
                end = quoted(sql, i, c, false);
                words.add(unquote(sql.substring(i + 1, Math.max(i + 1, end - 1)), c).toLowerCase(Locale.ROOT));
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                end = blockComment(sql, i);
            } else if (c == '$' && (i == 0 || !isWordPart(sql.charAt(i - 1))) && dollarTagEnd(sql, i) > 0) {
                int tagEnd = dollarTagEnd(sql, i);
                String tag = sql.substring(i, tagEnd);
                int close = sql.indexOf(tag, tagEnd);
                end = close < 0 ? n : close + tag.length();
            } else if (c == ':' && i + 1 < n && (sql.charAt(i + 1) == ':' || sql.charAt(i + 1) == '=')) {
                end = i + 2;
            } else if (c == ':' && i + 1 < n && isWordStart(sql.charAt(i + 1))) {
                end = i + 1;
                while (end < n && isWordPart(sql.charAt(end))) {
                    end++;
                }
                parameters.add(sql.substring(i + 1, end));
                out.append('?');
                i = end;
                continue;
            } else if (isWordStart(c)) {
                end = i + 1;
                while (end < n && isWordPart(sql.charAt(end))) {
                    end++;
                }
                words.add(sql.substring(i, end).toLowerCase(Locale.ROOT));
            } else {
                end = i + 1;
            }
            out.append(sql, i, end);
            i = end;
        }
        return new Tokens(out.toString(), List.copyOf(parameters), Set.copyOf(words), statements);
    }

    /** The first word outside comments, lower case ({@code "with"}), or "" when there is none. */
    public static String firstWord(String sql) {
        String jdbc = tokenize(sql).jdbcSql();
        int i = 0;
        while (i < jdbc.length()) {
            char c = jdbc.charAt(i);
            if (c == '-' && i + 1 < jdbc.length() && jdbc.charAt(i + 1) == '-') {
                int end = jdbc.indexOf('\n', i);
                i = end < 0 ? jdbc.length() : end;
            } else if (c == '/' && i + 1 < jdbc.length() && jdbc.charAt(i + 1) == '*') {
                i = blockComment(jdbc, i);
            } else if (isWordStart(c)) {
                int end = i;
                while (end < jdbc.length() && isWordPart(jdbc.charAt(end))) {
                    end++;
                }
                return jdbc.substring(i, end).toLowerCase(Locale.ROOT);
            } else {
                i++;
            }
        }
        return "";
    }

    /** The index after the literal or identifier opened by {@code quote} at {@code start} (or the end). */
    private static int quoted(String sql, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static String unquote(String body, char quote) {
        String q = String.valueOf(quote);
        return body.replace(q + q, q);
    }

    /** The index after the block comment at {@code start}; PostgreSQL nests them, so this does too. */
    private static int blockComment(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i + 1 < sql.length()) {
            if (sql.charAt(i) == '/' && sql.charAt(i + 1) == '*') {
                depth++;
                i += 2;
            } else if (sql.charAt(i) == '*' && sql.charAt(i + 1) == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** For {@code $tag$} or {@code $$} at {@code start}, the index after its second {@code $}; else -1. */
    private static int dollarTagEnd(String sql, int start) {
        int i = start + 1;
        if (i < sql.length() && isWordStart(sql.charAt(i))) {
            while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                i++;
            }
        }
        return i < sql.length() && sql.charAt(i) == '$' ? i + 1 : -1;
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
