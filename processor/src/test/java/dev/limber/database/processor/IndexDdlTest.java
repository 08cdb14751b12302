package dev.limber.database.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The exact DDL of {@code @Index} and {@code @Unique(columns, whereNull)} in every dialect. */
class IndexDdlTest {

    private static String schema(String dialect) {
        JavaFileObject loan = Sources.source("com.example.Loan",
                "package com.example;",
                "import dev.limber.database.models.*;",
                "import java.time.Instant;",
                "import java.time.LocalDate;",
                "@Model(table = \"loans\", softDelete = true)",
                "@Index(columns = {\"memberId\", \"dueOn\"})",
                "@Index(columns = \"dueOn\", name = \"loans_by_due\")",
                "@Unique(columns = \"bookId\", whereNull = \"returnedAt\")",
                "@Unique(columns = {\"memberId\", \"bookId\"})",
                "public class Loan {",
                "    @Column(primaryKey = true) Long id;",
                "    @Column(nullable = false) long bookId;",
                "    @Column(nullable = false) long memberId;",
                "    @Column LocalDate dueOn;",
                "    @Column Instant returnedAt;",
                "    @Column Instant deletedAt;",
                "}");
        Compilation compilation = Sources.compile(GeneratedCodeTest.STRICT, loan);
        assertThat(compilation).succeededWithoutWarnings();
        String all = Sources.generatedResource(compilation, "META-INF/limber/schema/" + dialect + ".sql");
        int tableEnd = all.indexOf("\n)");
        return all.substring(all.indexOf('\n', tableEnd + 2) + 1); // the indexes, after CREATE TABLE
    }

    @Test
    void postgresqlWritesPartialUniqueIndexes() {
        assertThat(schema("postgresql")).isEqualTo(""
                + "CREATE INDEX \"ix_loans_member_id_due_on\" ON \"loans\" (\"member_id\", \"due_on\");\n"
                + "CREATE INDEX \"loans_by_due\" ON \"loans\" (\"due_on\");\n"
                + "CREATE UNIQUE INDEX \"ux_loans_book_id_where_returned_at_null\" ON \"loans\" (\"book_id\")"
                + " WHERE \"returned_at\" IS NULL AND \"deleted_at\" IS NULL;\n"
                + "CREATE UNIQUE INDEX \"ux_loans_member_id_book_id\" ON \"loans\" (\"member_id\", \"book_id\")"
                + " WHERE \"deleted_at\" IS NULL;\n");
    }

    @Test
    void sqliteWritesTheSamePartialIndexes() {
        assertThat(schema("sqlite")).isEqualTo(schema("postgresql"));
    }

    @Test
    void h2IndexesGeneratedColumnsThatHoldAValueWhileTheRowCounts() {
        assertThat(schema("h2")).isEqualTo(""
                + "CREATE INDEX \"ix_loans_member_id_due_on\" ON \"loans\" (\"member_id\", \"due_on\");\n"
                + "CREATE INDEX \"loans_by_due\" ON \"loans\" (\"due_on\");\n"
                + "ALTER TABLE \"loans\" ADD COLUMN \"book_id_if_returned_at_null\" BIGINT GENERATED ALWAYS AS"
                + " (CASE WHEN \"returned_at\" IS NULL AND \"deleted_at\" IS NULL THEN \"book_id\" END);\n"
                + "CREATE UNIQUE INDEX \"ux_loans_book_id_where_returned_at_null\" ON \"loans\""
                + " (\"book_id_if_returned_at_null\");\n"
                + "ALTER TABLE \"loans\" ADD COLUMN \"member_id_live\" BIGINT GENERATED ALWAYS AS"
                + " (CASE WHEN \"deleted_at\" IS NULL THEN \"member_id\" END);\n"
                + "ALTER TABLE \"loans\" ADD COLUMN \"book_id_live\" BIGINT GENERATED ALWAYS AS"
                + " (CASE WHEN \"deleted_at\" IS NULL THEN \"book_id\" END);\n"
                + "CREATE UNIQUE INDEX \"ux_loans_member_id_book_id\" ON \"loans\" (\"member_id_live\", \"book_id_live\");\n");
    }

    @Test
    void mariadbStoresTheGeneratedColumns() {
        assertThat(schema("mariadb")).isEqualTo(""
                + "CREATE INDEX `ix_loans_member_id_due_on` ON `loans` (`member_id`, `due_on`);\n"
                + "CREATE INDEX `loans_by_due` ON `loans` (`due_on`);\n"
                + "ALTER TABLE `loans` ADD COLUMN `book_id_if_returned_at_null` BIGINT AS"
                + " (CASE WHEN `returned_at` IS NULL AND `deleted_at` IS NULL THEN `book_id` END) PERSISTENT;\n"
                + "CREATE UNIQUE INDEX `ux_loans_book_id_where_returned_at_null` ON `loans`"
                + " (`book_id_if_returned_at_null`);\n"
                + "ALTER TABLE `loans` ADD COLUMN `member_id_live` BIGINT AS"
                + " (CASE WHEN `deleted_at` IS NULL THEN `member_id` END) PERSISTENT;\n"
                + "ALTER TABLE `loans` ADD COLUMN `book_id_live` BIGINT AS"
                + " (CASE WHEN `deleted_at` IS NULL THEN `book_id` END) PERSISTENT;\n"
                + "CREATE UNIQUE INDEX `ux_loans_member_id_book_id` ON `loans` (`member_id_live`, `book_id_live`);\n");
    }
}
