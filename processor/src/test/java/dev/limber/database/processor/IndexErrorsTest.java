package dev.limber.database.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Bad {@code @Index} and {@code @Unique}: each a compile error on the annotation, saying how to fix it. */
class IndexErrorsTest {

    /** A soft-delete Loan model in com.example, carrying {@code annotations} above its class. */
    private static JavaFileObject loan(String... annotations) {
        String[] head = {
            "package com.example;",
            "import dev.limber.database.Many;",
            "import dev.limber.database.models.*;",
            "import java.time.Instant;",
            "import java.time.LocalDate;",
            "@Model(table = \"loans\", softDelete = true)"};
        String[] body = {
            "public class Loan {",
            "    @Column(primaryKey = true) Long id;",
            "    @Column(nullable = false) long bookId;",
            "    @Column(nullable = false) long memberId;",
            "    @Column(unique = true, length = 20) String code;",
            "    @Column LocalDate dueOn;",
            "    @Column Instant returnedAt;",
            "    @Column Instant deletedAt;",
            "    @Column String bookIdIfReturnedAtNull;",
            "}"};
        String[] all = new String[head.length + annotations.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(annotations, 0, all, head.length, annotations.length);
        System.arraycopy(body, 0, all, head.length + annotations.length, body.length);
        return Sources.source("com.example.Loan", all);
    }

    @Test
    void anUnknownFieldIsNamedWithTheNearestField() {
        JavaFileObject source = loan("@Unique(columns = \"bokId\", whereNull = \"returnedAt\")");
        assertThat(Sources.compile(source)).hadErrorContaining(Message.INDEX_UNKNOWN_FIELD.format("@Unique", "Loan",
                "field", "bokId", "Loan", "; did you mean \"bookId\"?"))
                .inFile(source).onLineContaining("@Unique(columns = \"bokId\"");
    }

    @Test
    void aColumnNameWhereAFieldBelongsPointsToTheField() {
        JavaFileObject source = loan("@Index(columns = {\"memberId\", \"due_on\"})");
        Compilation compilation = Sources.compile(source);
        assertThat(compilation).hadErrorContaining(Message.INDEX_UNKNOWN_FIELD.format("@Index", "Loan", "field",
                "due_on", "Loan", "; did you mean \"dueOn\"? Name fields, not columns"))
                .inFile(source).onLineContaining("\"due_on\"");
        assertThat(compilation.errors()).hasSize(1);
    }

    @Test
    void anUnknownWhereNullFieldIsNamedAsSuch() {
        JavaFileObject source = loan("@Unique(columns = \"bookId\", whereNull = \"returned\")");
        assertThat(Sources.compile(source)).hadErrorContaining(Message.INDEX_UNKNOWN_FIELD.format("@Unique", "Loan",
                "whereNull field", "returned", "Loan", "; did you mean \"returnedAt\"?"))
                .inFile(source).onLineContaining("whereNull = \"returned\"");
    }

    @Test
    void noColumnsIsAnError() {
        JavaFileObject source = loan("@Index(columns = {})");
        assertThat(Sources.compile(source)).hadErrorContaining(Message.INDEX_NO_COLUMNS.format("@Index", "Loan",
                "@Index", "bookId")).inFile(source).onLineContaining("@Index(columns = {})");
    }

    @Test
    void aFieldNamedTwiceIsAnError() {
        JavaFileObject source = loan("@Index(columns = {\"dueOn\", \"dueOn\"})");
        assertThat(Sources.compile(source)).hadErrorContaining(Message.INDEX_REPEATED_FIELD.format("@Index", "Loan",
                "dueOn")).inFile(source).onLineContaining("@Index(columns = {\"dueOn\", \"dueOn\"})");
    }

    @Test
    void aWhereNullFieldThatIsNeverNullIsAnError() {
        JavaFileObject source = loan("@Unique(columns = \"bookId\", whereNull = \"memberId\")");
        assertThat(Sources.compile(source)).hadErrorContaining(Message.WHERE_NULL_NEVER_NULL.format("Loan",
                "memberId", "Loan", "memberId")).inFile(source).onLineContaining("whereNull = \"memberId\"");
    }

    @Test
    void aFieldInBothColumnsAndWhereNullIsAnError() {
        JavaFileObject source = loan("@Unique(columns = {\"bookId\", \"returnedAt\"}, whereNull = \"returnedAt\")");
        assertThat(Sources.compile(source)).hadErrorContaining(Message.WHERE_NULL_IN_COLUMNS.format("Loan",
                "returnedAt")).inFile(source).onLineContaining("@Unique(columns = {\"bookId\", \"returnedAt\"}");
    }

    @Test
    void theSoftDeleteColumnInWhereNullIsAnError() {
        JavaFileObject source = loan("@Unique(columns = \"bookId\", whereNull = \"deletedAt\")");
        assertThat(Sources.compile(source)).hadErrorContaining(Message.WHERE_NULL_DELETED_AT.format("Loan",
                "deletedAt")).inFile(source).onLineContaining("whereNull = \"deletedAt\"");
    }

    @Test
    void aUniqueThatRepeatsAUniqueColumnIsAnError() {
        JavaFileObject source = loan("@Unique(columns = \"code\")");
        assertThat(Sources.compile(source)).hadErrorContaining(Message.INDEX_DUPLICATE.format("@Unique", "Loan", "",
                "@Column(unique = true) on code")).inFile(source).onLineContaining("@Unique(columns = \"code\")");
    }

    @Test
    void twoIndexesOfOneNameAreAnErrorOnTheSecond() {
        JavaFileObject source = loan(
                "@Index(columns = \"dueOn\", name = \"by_due\")",
                "@Index(columns = {\"memberId\", \"dueOn\"}, name = \"by_due\")");
        Compilation compilation = Sources.compile(source);
        assertThat(compilation).hadErrorContaining(Message.INDEX_NAME_CLASH.format("@Index", "Loan", "by_due",
                "@Index(columns = [dueOn])", "Loan")).inFile(source).onLineContaining("{\"memberId\", \"dueOn\"}");
        assertThat(compilation.errors()).hasSize(1);
    }

    @Test
    void anUnportableNameIsAnError() {
        JavaFileObject source = loan("@Index(columns = \"dueOn\", name = \"by due\")");
        assertThat(Sources.compile(source)).hadErrorContaining(Message.INDEX_INVALID_NAME.format("@Index", "Loan",
                "by due")).inFile(source).onLineContaining("name = \"by due\"");
    }

    @Test
    void aGeneratedColumnTakingAColumnsNameIsAnError() {
        JavaFileObject source = loan("@Unique(columns = \"bookId\", whereNull = \"returnedAt\")");
        assertThat(Sources.compile(source)).hadErrorContaining(Message.INDEX_GENERATED_COLUMN_CLASH.format("Loan",
                "book_id_if_returned_at_null", "Loan.bookIdIfReturnedAtNull"))
                .inFile(source).onLineContaining("@Unique(columns = \"bookId\"");
    }

    @Test
    void everyBadIndexIsReportedInOnePassAndNothingIsGenerated() {
        JavaFileObject source = loan(
                "@Index(columns = \"dueOnn\")",
                "@Unique(columns = \"bookId\", whereNull = \"memberId\")",
                "@Unique(columns = {})");
        Compilation compilation = Sources.compile(source);
        assertThat(compilation).hadErrorContaining(Message.INDEX_UNKNOWN_FIELD.code())
                .inFile(source).onLineContaining("@Index(columns = \"dueOnn\")");
        assertThat(compilation).hadErrorContaining(Message.WHERE_NULL_NEVER_NULL.code())
                .inFile(source).onLineContaining("whereNull = \"memberId\"");
        assertThat(compilation).hadErrorContaining(Message.INDEX_NO_COLUMNS.code())
                .inFile(source).onLineContaining("@Unique(columns = {})");
        assertThat(compilation.errors()).hasSize(3);
        assertThat(Sources.generatedPathsEvenOnFailure(compilation)).doesNotContain(
                "/SOURCE_OUTPUT/com/example/Loan_Mapper.java");
    }

    @Test
    void aToManyRelationIsNotAColumn() {
        JavaFileObject member = Sources.source("com.example.Member",
                "package com.example;",
                "import dev.limber.database.Many;",
                "import dev.limber.database.Ref;",
                "import dev.limber.database.models.*;",
                "@Model(table = \"members\")",
                "@Index(columns = \"loans\")",
                "public class Member {",
                "    @Column(primaryKey = true) Long id;",
                "    @HasMany(mappedBy = \"member\") Many<Visit> loans;",
                "}");
        JavaFileObject visit = Sources.source("com.example.Visit",
                "package com.example;",
                "import dev.limber.database.Ref;",
                "import dev.limber.database.models.*;",
                "@Model(table = \"visits\")",
                "public class Visit {",
                "    @Column(primaryKey = true) Long id;",
                "    @BelongsTo Ref<Member> member;",
                "}");
        assertThat(Sources.compile(member, visit)).hadErrorContaining(Message.INDEX_UNKNOWN_FIELD.format("@Index",
                "Member", "field", "loans", "Member", " (loans is a @HasMany relation, whose key is held by another"
                        + " table: index it on that model)"))
                .inFile(member).onLineContaining("@Index(columns = \"loans\")");
    }
}
