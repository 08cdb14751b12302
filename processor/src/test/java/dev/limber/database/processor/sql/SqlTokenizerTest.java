package dev.limber.database.processor.sql;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** What is a {@code :name} parameter and what is not. */
class SqlTokenizerTest {

    @Test
    void parametersBecomeQuestionMarksInOrderAndMayRepeat() {
        SqlTokenizer.Tokens tokens = SqlTokenizer.tokenize("SELECT * FROM books WHERE title = :title OR :title = '' AND id > :min_id");
        assertThat(tokens.jdbcSql()).isEqualTo("SELECT * FROM books WHERE title = ? OR ? = '' AND id > ?");
        assertThat(tokens.parameters()).containsExactly("title", "title", "min_id").inOrder();
    }

    @Test
    void stringLiteralsAreNoParameters() {
        SqlTokenizer.Tokens tokens = SqlTokenizer.tokenize("SELECT ':a', 'it''s :b', E'\\' :c' FROM t WHERE x = :d");
        assertThat(tokens.jdbcSql()).isEqualTo("SELECT ':a', 'it''s :b', E'\\' :c' FROM t WHERE x = ?");
        assertThat(tokens.parameters()).containsExactly("d");
    }

    @Test
    void commentsAreNoParameters() {
        SqlTokenizer.Tokens tokens = SqlTokenizer.tokenize("SELECT 1 -- :a\n/* :b /* nested :c */ :d */ + :e");
        assertThat(tokens.jdbcSql()).isEqualTo("SELECT 1 -- :a\n/* :b /* nested :c */ :d */ + ?");
        assertThat(tokens.parameters()).containsExactly("e");
    }

    @Test
    void castsAndAssignmentsAreNoParameters() {
        SqlTokenizer.Tokens tokens = SqlTokenizer.tokenize("SELECT id::text, :v::int, @x := 1");
        assertThat(tokens.jdbcSql()).isEqualTo("SELECT id::text, ?::int, @x := 1");
        assertThat(tokens.parameters()).containsExactly("v");
    }

    @Test
    void quotedIdentifiersAreNoParametersButAreWords() {
        SqlTokenizer.Tokens tokens = SqlTokenizer.tokenize("SELECT \"a:b\", `c:d` FROM \"Books\" WHERE x = :e");
        assertThat(tokens.jdbcSql()).isEqualTo("SELECT \"a:b\", `c:d` FROM \"Books\" WHERE x = ?");
        assertThat(tokens.parameters()).containsExactly("e");
        assertThat(tokens.words()).containsAtLeast("a:b", "c:d", "books", "select");
    }

    @Test
    void dollarQuotingIsNoParameter() {
        SqlTokenizer.Tokens tokens = SqlTokenizer.tokenize("SELECT $$ :a $$, $tag$ :b $tag$, $1 FROM t WHERE x = :c");
        assertThat(tokens.jdbcSql()).isEqualTo("SELECT $$ :a $$, $tag$ :b $tag$, $1 FROM t WHERE x = ?");
        assertThat(tokens.parameters()).containsExactly("c");
    }

    @Test
    void wordsInLiteralsAndCommentsAreNotWords() {
        SqlTokenizer.Tokens tokens = SqlTokenizer.tokenize("SELECT 'books' -- authors\n FROM tags");
        assertThat(tokens.words()).containsExactly("select", "from", "tags");
    }

    @Test
    void firstWordSkipsComments() {
        assertThat(SqlTokenizer.firstWord("/* x */ -- y\n  With a AS (SELECT 1) SELECT * FROM a")).isEqualTo("with");
        assertThat(SqlTokenizer.firstWord("  ")).isEmpty();
    }

    @Test
    void statementsAreCountedBetweenTopLevelSemicolons() {
        assertThat(SqlTokenizer.tokenize("SELECT 1;").statements()).isEqualTo(1);
        assertThat(SqlTokenizer.tokenize("SELECT ';' -- ;\n ; ").statements()).isEqualTo(1);
        assertThat(SqlTokenizer.tokenize("SELECT 1; DELETE FROM books").statements()).isEqualTo(2);
        assertThat(SqlTokenizer.tokenize("SELECT 1; -- done\n").statements()).isEqualTo(1);
    }
}
