package dev.limber.database.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The literal text of every message, pinned once. The other tests build their expectations from
 * the catalog ({@code Message.X.format(...)}), so they cannot notice a message that changes, or one
 * whose template lost an argument; this one can. Arguments are placeholders ({@code <1>}, {@code 2})
 * so that each one's position shows. Change a message here on purpose, together with the catalog.
 */
class MessageTextTest {
    private final Set<Message> pinned = EnumSet.noneOf(Message.class);

    private void pin(Message message, String text, Object... args) {
        assertWithMessage("%s", message.name()).that(message.format(args)).isEqualTo(text);
        pinned.add(message);
    }

    @Test
    void everyMessageReadsAsPinned() {
        pin(Message.NOT_A_CLASS,
                "[LIMBER-001] @Model <1> is <2>; put @Model on a class or a record", "<1>", "<2>");
        pin(Message.ABSTRACT_CLASS,
                "[LIMBER-002] @Model class <1> is abstract; Limber must instantiate it, so remove 'abstract' or "
                + "move @Model to a concrete subclass", "<1>");
        pin(Message.INNER_CLASS,
                "[LIMBER-003] @Model class <1> is an inner class; make it 'static' so it can be created without "
                + "an enclosing instance", "<1>");
        pin(Message.PRIVATE_CLASS,
                "[LIMBER-004] @Model class <1> is private (or nested in a private class); make it at least "
                + "package-private so generated code in its package can reach it", "<1>");
        pin(Message.GENERIC_CLASS,
                "[LIMBER-005] @Model class <1> declares type parameters <2>; models map to one table, so remove "
                + "the type parameters", "<1>", "<2>");
        pin(Message.NO_CONSTRUCTOR,
                "[LIMBER-006] @Model class <1> has no non-private no-argument constructor; add one, e.g. '<2>() "
                + "{}' (it may be protected or package-private)", "<1>", "<2>");
        pin(Message.DUPLICATE_TABLE,
                "[LIMBER-007] @Model class <1> uses table \"<2>\", which <3> already uses; give one of them "
                + "another @Model(table = ...)", "<1>", "<2>", "<3>");
        pin(Message.INVALID_TABLE_NAME,
                "[LIMBER-008] @Model class <1> has table name \"<2>\", which is not a portable SQL identifier; "
                + "use letters, digits and underscores, not starting with a digit, at most 63 characters<3>",
                "<1>", "<2>",
                "<3>");
        pin(Message.INHERITED_COLUMN,
                "[LIMBER-009] @Model class <1> inherits @Column fields <2>, which Limber does not map "
                + "(superclass columns are not supported); declare them in <3>", "<1>", "<2>", "<3>");
        pin(Message.UNSUPPORTED_TYPE,
                "[LIMBER-010] <1> has type <2>, which Limber cannot map; use one of: <3><4>", "<1>", "<2>", "<3>",
                "<4>");
        pin(Message.TWO_PRIMARY_KEYS,
                "[LIMBER-011] @Model class <1> marks <2> as primary keys; composite keys are not supported, so "
                + "keep @Column(primaryKey = true) on exactly one field", "<1>", "<2>");
        pin(Message.NO_PRIMARY_KEY,
                "[LIMBER-012] @Model class <1> has no @Column(primaryKey = true) field; mark the id field, e.g. "
                + "@Column(primaryKey = true) Long id", "<1>");
        pin(Message.NO_GETTER,
                "[LIMBER-013] Private field <1> has no getter; add a non-private '<2> <3>()' or make the field "
                + "non-private<4>", "<1>", "<2>", "<3>", "<4>");
        pin(Message.NO_SETTER,
                "[LIMBER-014] Private field <1> has no setter; add a non-private 'void <2>(<3>)' or make the "
                + "field non-private<4>", "<1>", "<2>", "<3>", "<4>");
        pin(Message.FINAL_FIELD,
                "[LIMBER-015] Field <1> is final, so a row cannot be read into it; remove 'final' (or make <2> a "
                + "record)", "<1>", "<2>");
        pin(Message.STATIC_FIELD,
                "[LIMBER-016] Field <1> is static, so it cannot hold a column of each row; remove 'static' or "
                + "remove @Column", "<1>");
        pin(Message.DUPLICATE_COLUMN,
                "[LIMBER-017] <1> maps to column \"<2>\", which <3> already uses (column names are compared "
                + "ignoring case); give one of them another @Column(name = ...)", "<1>", "<2>", "<3>");
        pin(Message.INVALID_COLUMN_NAME,
                "[LIMBER-018] <1> has column name \"<2>\", which is not a portable SQL identifier; use letters, "
                + "digits and underscores, not starting with a digit, at most 63 characters<3>", "<1>", "<2>", "<3>");
        pin(Message.NULLABLE_PRIMITIVE,
                "[LIMBER-019] <1> is a primitive <2> and can never be NULL; remove 'nullable = true' or use <3>",
                "<1>", "<2>",
                "<3>");
        pin(Message.NULLABLE_PRIMARY_KEY,
                "[LIMBER-020] <1> is the primary key and can never be NULL; remove 'nullable = true'", "<1>");
        pin(Message.UNRESOLVED_TYPE,
                "[LIMBER-021] <1> has type <2>, which the compiler could not resolve; fix the type (or the "
                + "processor that should generate it)", "<1>", "<2>");
        pin(Message.UNRESOLVED_ANNOTATION_VALUE,
                "[LIMBER-022] A Limber annotation in <1> has a value the compiler could not resolve, so nothing "
                + "is generated for it; fix the value the compiler reports", "<1>");
        pin(Message.SOFT_DELETE_NO_COLUMN,
                "[LIMBER-030] @Model(softDelete = true) class <1> has no deleted_at column; add '@Column Instant "
                + "deletedAt;' (or LocalDateTime/OffsetDateTime), or remove softDelete = true<2>", "<1>", "<2>");
        pin(Message.SOFT_DELETE_NOT_TIMESTAMP,
                "[LIMBER-031] <1> is the soft-delete column but has type <2>; use Instant, LocalDateTime or "
                + "OffsetDateTime", "<1>", "<2>");
        pin(Message.SOFT_DELETE_NOT_NULLABLE,
                "[LIMBER-032] <1> is the soft-delete column but is not nullable (NULL marks a live row); remove "
                + "'nullable = false'", "<1>");
        pin(Message.VERSION_NOT_INTEGRAL,
                "[LIMBER-033] @Version <1> has type <2>; a version counts updates, so use int, long, Integer or "
                + "Long", "<1>", "<2>");
        pin(Message.TWO_VERSIONS,
                "[LIMBER-034] @Model class <1> has more than one @Version field (<2>); keep exactly one", "<1>", "<2>");
        pin(Message.VERSION_ON_PRIMARY_KEY,
                "[LIMBER-035] @Version <1> is also the primary key; use a separate version field", "<1>");
        pin(Message.VERSION_WITHOUT_COLUMN,
                "[LIMBER-036] @Version <1> has no @Column; add @Column so it is stored", "<1>");
        pin(Message.LIVE_COLUMN_CLASH,
                "[LIMBER-037] <1> is unique on a soft-delete model, so H2 and MariaDB get a generated column "
                + "\"<2>\" for live-row uniqueness, but <3> already uses that name; rename that column", "<1>", "<2>",
                "<3>");
        pin(Message.INVALID_LENGTH,
                "[LIMBER-040] <1> has length 2; the length must be at least 1 (the default is 255)", "<1>", 2);
        pin(Message.INVALID_PRECISION,
                "[LIMBER-041] <1> has precision 2; use a precision from 1 to 65 (65 is MariaDB's limit)", "<1>", 2);
        pin(Message.INVALID_SCALE,
                "[LIMBER-042] <1> has scale 2 with precision 3; use a scale from 0 to the precision, at most 38 "
                + "(MariaDB's limit)", "<1>", 2, 3);
        pin(Message.PRIMARY_KEY_TOO_LONG,
                "[LIMBER-160] <1> is a String primary key of length 2; above 3 characters MariaDB stores a String "
                + "as TEXT, which cannot be a primary key, so use @Column(length = ...) of at most 3 (or a "
                + "generated Long id and @Column(unique = true) on this field)", "<1>", 2, 3);
        pin(Message.IGNORE_CASE_NOT_STRING,
                "[LIMBER-161] <1> has type <2> and @Column(ignoreCase = true), but only a String column can ignore "
                + "case; remove ignoreCase, or make the field a String", "<1>", "<2>");
        pin(Message.IGNORE_CASE_PRIMARY_KEY,
                "[LIMBER-162] <1> is the primary key and has @Column(ignoreCase = true), but a key ignoring case "
                + "would make finds and relations differ per database; remove ignoreCase, or use a generated Long "
                + "id and @Column(unique = true, ignoreCase = true) on this field", "<1>");
        pin(Message.IGNORE_CASE_WITH_TYPE,
                "[LIMBER-163] <1> has @Column(ignoreCase = true) and an explicit type = \"<2>\", whose comparison "
                + "Limber cannot control; remove type, or remove ignoreCase", "<1>", "<2>");
        pin(Message.INVALID_REGISTRY_NAME,
                "[LIMBER-050] -Alimber.registry=<1> is not a fully qualified class name; use e.g. "
                + "-Alimber.registry=com.example.db.AppModels", "<1>");
        pin(Message.MODEL_AFTER_REGISTRY,
                "[LIMBER-051] @Model class <1> appeared after Limber wrote the registry <2> (another annotation "
                + "processor generated it late); declare the model in source instead", "<1>", "<2>");
        pin(Message.INDEX_NO_COLUMNS,
                "[LIMBER-080] <1> on <2> names no columns; list the fields to index, e.g. <3>(columns = \"<4>\")", "<1>", "<2>", "<3>", "<4>");
        pin(Message.INDEX_UNKNOWN_FIELD,
                "[LIMBER-081] <1> on <2> names <3> \"<4>\", which is not a column field of <5>; name a field "
                + "that @Column or @BelongsTo maps<6>", "<1>", "<2>", "<3>", "<4>", "<5>", "<6>");
        pin(Message.INDEX_REPEATED_FIELD,
                "[LIMBER-082] <1> on <2> names field \"<3>\" more than once; name each field once", "<1>", "<2>", "<3>");
        pin(Message.INDEX_INVALID_NAME,
                "[LIMBER-083] <1> on <2> has name \"<3>\", which is not a portable SQL identifier; use letters, "
                + "digits and underscores, not starting with a digit, at most 63 characters", "<1>", "<2>", "<3>");
        pin(Message.INDEX_NAME_CLASH,
                "[LIMBER-084] <1> on <2> is named \"<3>\", which <4> of <5> already uses; give one of them "
                + "another name = ...", "<1>", "<2>", "<3>", "<4>", "<5>");
        pin(Message.INDEX_DUPLICATE,
                "[LIMBER-085] <1> on <2> covers the same columns<3> as <4>; remove one of them", "<1>", "<2>", "<3>", "<4>");
        pin(Message.WHERE_NULL_NEVER_NULL,
                "[LIMBER-086] @Unique on <1> has whereNull = \"<2>\", but <3>.<4> can never be NULL, so no "
                + "row would count; make it nullable (a reference type without nullable = false) or remove "
                + "it from whereNull", "<1>", "<2>", "<3>", "<4>");
        pin(Message.WHERE_NULL_IN_COLUMNS,
                "[LIMBER-087] @Unique on <1> names field \"<2>\" in both columns and whereNull, so its value "
                + "is always NULL where it counts; remove it from one of them", "<1>", "<2>");
        pin(Message.WHERE_NULL_DELETED_AT,
                "[LIMBER-088] @Unique on <1> has whereNull = \"<2>\", the soft-delete column: on a soft-delete "
                + "model uniqueness already holds among live rows only; remove it from whereNull", "<1>", "<2>");
        pin(Message.INDEX_GENERATED_COLUMN_CLASH,
                "[LIMBER-089] @Unique on <1> counts some rows only, so H2 and MariaDB get a generated column "
                + "\"<2>\" for it, but <3> already uses that name; rename that column or the unique's field", "<1>", "<2>", "<3>");
        pin(Message.INTERNAL_ERROR,
                "[LIMBER-090] Limber internal error while processing <1>; please report it at the Limber issue "
                + "tracker, with this trace:"
                + System.lineSeparator()
                + "<2>", "<1>", "<2>");
        pin(Message.RELATION_WRONG_HOLDER,
                "[LIMBER-060] <1> field <2> has type <3>, but <4> needs a <5><Target>; declare it as '<6> <7>'",
                "<1>", "<2>", "<3>", "<4>", "<5>", "<6>", "<7>");
        pin(Message.RELATION_WITHOUT_ANNOTATION,
                "[LIMBER-061] Field <1> has type <2> but no relation annotation; mark it <3>", "<1>", "<2>", "<3>");
        pin(Message.COLUMN_ON_RELATION,
                "[LIMBER-062] <1> has both @Column and <2>; a relation is not a plain column, so remove @Column "
                + "(a @BelongsTo names its foreign-key column with @BelongsTo(column = ...))", "<1>", "<2>");
        pin(Message.TARGET_NOT_A_MODEL,
                "[LIMBER-063] <1> <2> refers to <3>, which is not a @Model; annotate <4> with @Model, or store a "
                + "plain key column instead of a relation", "<1>", "<2>", "<3>", "<4>");
        pin(Message.JUNCTION_NOT_A_MODEL,
                "[LIMBER-064] @BelongsToMany <1> has through = <2>.class, which is not a @Model; the junction "
                + "must be a @Model with one @BelongsTo to <3> and one to <4>", "<1>", "<2>", "<3>", "<4>");
        pin(Message.MAPPED_BY_NOT_FOUND,
                "[LIMBER-065] <1> <2> has mappedBy = \"<3>\", but <4> has no @BelongsTo field of that name "
                + "referring to <5>; name the @BelongsTo field of <6> that points back<7>",
                "<1>", "<2>", "<3>", "<4>", "<5>", "<6>", "<7>");
        pin(Message.JUNCTION_SIDES,
                "[LIMBER-066] @BelongsToMany <1> goes through <2>, which needs exactly one @BelongsTo to <3> and "
                + "exactly one to <4>, but has <5>; give <6> exactly one @BelongsTo field to each side",
                "<1>", "<2>", "<3>", "<4>", "<5>", "<6>");
        pin(Message.SET_NULL_NOT_NULLABLE,
                "[LIMBER-067] @BelongsTo <1> has onDelete = OnDelete.SET_NULL but nullable = false, so the "
                + "database could not clear the key; remove nullable = false, or choose OnDelete.RESTRICT or "
                + "OnDelete.CASCADE", "<1>");
        pin(Message.CASCADE_TO_HARD_DELETE_CHILD,
                "[LIMBER-068] <1> <2> has cascade = Cascade.DELETE, but <3> soft-deletes and <4> does not, so "
                + "soft-deleting a <5> could not stamp its children with its deleted_at; make <6> a "
                + "@Model(softDelete = true) or remove the cascade", "<1>", "<2>", "<3>", "<4>", "<5>", "<6>");
        pin(Message.FOREIGN_KEY_COLUMN_CLASH,
                "[LIMBER-069] @BelongsTo <1> has foreign-key column \"<2>\", which <3> also uses (column names "
                + "are compared ignoring case); name another column with @BelongsTo(column = ...) or rename the "
                + "other one", "<1>", "<2>", "<3>");
        pin(Message.STATIC_RELATION,
                "[LIMBER-070] Relation field <1> is static, so it cannot hold the related models of each row; "
                + "remove 'static'", "<1>");
        pin(Message.FINAL_RELATION,
                "[LIMBER-071] Relation field <1> is final, so a query cannot load into it; remove 'final' (or "
                + "make <2> a record)", "<1>", "<2>");
        pin(Message.ON_DELETE_CONFLICT,
                "[LIMBER-072] @BelongsTo <1> has onDelete = OnDelete.<2>, but <3> has cascade = Cascade.DELETE, "
                + "which hard-deletes with ON DELETE CASCADE; remove onDelete (or set OnDelete.CASCADE), or remove "
                + "the cascade", "<1>", "<2>", "<3>");
        pin(Message.FOREIGN_KEY_CYCLE,
                "[LIMBER-073] @BelongsTo <1> is part of a foreign-key cycle between tables <2>; cycles between "
                + "different tables are not supported yet, so make one side a plain key column (e.g. '@Column Long "
                + "<3>Id;') instead of a @BelongsTo", "<1>", "<2>", "<3>");
        pin(Message.TARGET_WITHOUT_KEY,
                "[LIMBER-074] @BelongsTo <1> refers to <2>, which has no usable primary key for the foreign key "
                + "to reference; give <3> a @Column(primaryKey = true) field of a supported type", "<1>", "<2>", "<3>");
        pinRepositoryMessages();

        pin(Message.SQL_UNKNOWN_PARAMETER,
                "[LIMBER-130] @Query SQL of <1> uses :<2>, which is not a parameter of the method; add a "
                + "parameter named <3> or fix the name<4>", "<1>", "<2>", "<3>", "<4>");
        pin(Message.SQL_UNUSED_PARAMETER,
                "[LIMBER-131] Parameter <1> of <2> is not used by its @Query SQL; use it as :<3> in the SQL, or "
                + "remove the parameter", "<1>", "<2>", "<3>");
        pin(Message.SQL_UNPARSEABLE,
                "[LIMBER-132] @Query SQL of <1> reads soft-delete table <2>, but Limber cannot parse it (<3>), "
                + "so it cannot hide deleted rows; fix the SQL, or set trashed = Trashed.AS_WRITTEN to send it "
                + "exactly as written", "<1>", "<2>", "<3>");
        pin(Message.SQL_RAW_DELETE,
                "[LIMBER-133] @Query SQL of <1> is a DELETE from soft-delete table <2>, which would erase rows "
                + "instead of soft-deleting them; use a derived deleteBy method (it soft-deletes), an UPDATE that "
                + "sets deleted_at, or trashed = Trashed.AS_WRITTEN to hard-delete on purpose", "<1>", "<2>");
        pin(Message.SQL_UNSUPPORTED_POSITION,
                "[LIMBER-134] @Query SQL of <1> reads soft-delete table <2> <3>, where Limber cannot add its "
                + "live-row predicate; <4>, or set trashed = Trashed.INCLUDE or Trashed.AS_WRITTEN and filter "
                + "deleted_at yourself", "<1>", "<2>", "<3>", "<4>");
        pin(Message.SQL_ONLY_WITHOUT_MAIN_TABLE,
                "[LIMBER-135] @Query SQL of <1> has trashed = Trashed.ONLY, but its outermost FROM (or UPDATE) "
                + "names no soft-delete table; ONLY keeps the trashed rows of that main table, so name one there, "
                + "or use Trashed.INCLUDE", "<1>");
        pin(Message.SQL_INVALID,
                "[LIMBER-136] @Query SQL of <1> does not prepare on <2>: <3>; fix the SQL (it is checked "
                + "against the schema Limber generates from the models)", "<1>", "<2>", "<3>");
        pin(Message.SQL_VERIFIER_UNAVAILABLE,
                "[LIMBER-137] Limber could not check @Query SQL on <1> (<2>): <3>; no statement was verified "
                + "there. Put the JDBC driver on the processor path and make the database reachable, or remove "
                + "-Alimber.verify.<4>", "<1>", "<2>", "<3>", "<4>");
        pin(Message.SQL_MODEL_COLUMNS_MISSING,
                "[LIMBER-138] @Query SQL of <1> returns <2>, but its result has no column <3>, which the model "
                + "needs; select every column of <4> (e.g. SELECT <5>.*), or return a record with the columns you "
                + "select", "<1>", "<2>", "<3>", "<4>", "<5>");
        pin(Message.SQL_COMPONENT_MISSING,
                "[LIMBER-139] @Query SQL of <1> returns record <2>, but its result has no column named <3> (it "
                + "has <4>); name a select item 'AS <5>' (names are compared ignoring case)", "<1>", "<2>", "<3>", "<4>", "<5>");
        pin(Message.SQL_INCOMPATIBLE_TYPE,
                "[LIMBER-140] @Query SQL of <1> gives column <2> as <3>, which cannot be read into <4> of type "
                + "<5>; cast it in the SQL or change the type to <6>", "<1>", "<2>", "<3>", "<4>", "<5>", "<6>");
        pin(Message.SQL_NOT_ONE_COLUMN,
                "[LIMBER-141] @Query SQL of <1> returns a single <2>, but its result has 3 columns (<4>); "
                + "select exactly one column, or return a record", "<1>", "<2>", 3, "<4>");
        pin(Message.SQL_NO_RESULT_ROWS,
                "[LIMBER-142] @Query SQL of <1> is <2>, which returns no rows, but the method returns <3>; "
                + "return int or long (rows changed) or void", "<1>", "<2>", "<3>");
        pin(Message.SQL_NOT_VERIFIED,
                "[LIMBER-143] @Query SQL of <1> is limited to <2>, and Limber verifies none of them at compile "
                + "time, so its SQL and result columns are unchecked; add -Alimber.verify.<database>=<url> for "
                + "one of them, or include H2 in databases", "<1>", "<2>");
        pin(Message.SQL_NO_STATEMENT,
                "[LIMBER-144] @Query SQL of <1> is empty; write the statement, e.g. @Query(\"SELECT * FROM <2> "
                + "WHERE ...\")", "<1>", "<2>");

        pin(Message.SQL_MULTIPLE_STATEMENTS,
                "[LIMBER-145] @Query SQL of <1> holds 2 statements; a @Query method runs exactly one, so give each "
                + "statement a method of its own", "<1>", 2);
        assertWithMessage("messages without pinned text").that(EnumSet.complementOf(EnumSet.copyOf(pinned))).isEmpty();
        assertThat(pinned).hasSize(Message.values().length);
    }

    /** The repository messages, 100 to 129. */
    private void pinRepositoryMessages() {
        pin(Message.REPOSITORY_NOT_INTERFACE,
                "[LIMBER-100] @Repository <1> is <2>; put @Repository on an interface, whose methods Limber "
                + "implements", "<1>", "<2>");
        pin(Message.REPOSITORY_NOT_A_MODEL,
                "[LIMBER-101] @Repository on <1> names <2>, which is not a @Model; name the model the methods "
                + "are about, e.g. @Repository(Book.class)", "<1>", "<2>");
        pin(Message.REPOSITORY_GENERIC,
                "[LIMBER-102] @Repository interface <1> declares type parameters; a repository is about one "
                + "model, so remove them", "<1>");
        pin(Message.REPOSITORY_PRIVATE,
                "[LIMBER-103] @Repository interface <1> is private (or nested in a private type); make it at "
                + "least package-private so its generated implementation can implement it", "<1>");
        pin(Message.REPOSITORY_METHOD_NOT_DERIVED,
                "[LIMBER-104] Method <1> is neither a derived query nor a @Query<2>; start its name with find, "
                + "count, exists, delete, forceDelete or restore, then By and conditions on properties (e.g. "
                + "findByTitle), or annotate it with @Query(\"SELECT ...\")", "<1>", "<2>");
        pin(Message.REPOSITORY_METHOD_SUBJECT,
                "[LIMBER-105] Method <1> has '<2>' between its verb and By, which Limber cannot read; write "
                + "nothing there, or All, First, First<N> or Top<N> (e.g. findTop3ByOrderByPagesDesc)", "<1>", "<2>");
        pin(Message.REPOSITORY_LIMIT_NOT_FIND,
                "[LIMBER-106] Method <1> has '<2>', but a <3> method works on every matching row, in no order; "
                + "remove '<4>', or make it a find method", "<1>", "<2>", "<3>", "<4>");
        pin(Message.REPOSITORY_METHOD_EMPTY_BY,
                "[LIMBER-107] Method <1> ends in By with nothing after it; name a condition after By (e.g. "
                + "<2>ByTitle), or remove By to match every row (e.g. <3>())", "<1>", "<2>", "<3>");
        pin(Message.REPOSITORY_UNKNOWN_PROPERTY,
                "[LIMBER-108] Method <1> names '<2>', which is no property of <3><4>; use one of its properties "
                + "(<5>) or a to-one path such as authorName", "<1>", "<2>", "<3>", "<4>", "<5>");
        pin(Message.REPOSITORY_METHOD_UNREADABLE,
                "[LIMBER-109] Method <1>: cannot read '<2>' after '<3>'; write each condition as a property and "
                + "a keyword (Is, Not, LessThan, LessThanEqual, GreaterThan, GreaterThanEqual, Between, Like, "
                + "NotLike, In, NotIn, IsNull, IsNotNull, True, False), join conditions with And or Or, and end "
                + "with OrderBy<Property>Asc or Desc", "<1>", "<2>", "<3>");
        pin(Message.REPOSITORY_TO_MANY_PATH,
                "[LIMBER-110] Method <1> filters on '<2>', a to-many relation of <3>, which a method name "
                + "cannot express; write the method with @Query, or use session.query(...).whereHas(...)", "<1>", "<2>", "<3>");
        pin(Message.REPOSITORY_PARAMETER_COUNT,
                "[LIMBER-111] Method <1> has 2 parameter(s), but its name needs 3: <4>; declare exactly those, "
                + "in that order", "<1>", 2, 3, "<4>");
        pin(Message.REPOSITORY_PARAMETER_TYPE,
                "[LIMBER-112] Method <1> has parameter '<2>' of type <3>, but it is compared with <4>, of type "
                + "<5>; declare it as '<6> <7>'", "<1>", "<2>", "<3>", "<4>", "<5>", "<6>", "<7>");
        pin(Message.REPOSITORY_IN_NOT_COLLECTION,
                "[LIMBER-113] Method <1> has parameter '<2>' of type <3>, but <4> takes a collection of <5> "
                + "values; declare it as 'Collection<<6>> <7>'", "<1>", "<2>", "<3>", "<4>", "<5>", "<6>", "<7>");
        pin(Message.REPOSITORY_LIKE_NOT_STRING,
                "[LIMBER-114] Method <1> uses <2> on '<3>', of type <4>; Like and NotLike match text, so use "
                + "them on a String property", "<1>", "<2>", "<3>", "<4>");
        pin(Message.REPOSITORY_NOT_BOOLEAN,
                "[LIMBER-115] Method <1> uses <2> on '<3>', of type <4>; True and False test a boolean "
                + "property, so compare '<5>' with Is (and a parameter) instead", "<1>", "<2>", "<3>", "<4>", "<5>");
        pin(Message.REPOSITORY_RETURN_TYPE,
                "[LIMBER-116] Method <1> returns <2>, which a <3> method cannot return; return <4>", "<1>", "<2>", "<3>", "<4>");
        pin(Message.REPOSITORY_PROJECTION_COMPONENT,
                "[LIMBER-117] Method <1> returns record <2>, whose component '<3>' names no property of <4><5>; "
                + "name each component after a property (e.g. title) or a to-one path (e.g. authorName)", "<1>", "<2>", "<3>", "<4>", "<5>");
        pin(Message.REPOSITORY_PROJECTION_TYPE,
                "[LIMBER-118] Method <1> returns record <2>, whose component '<3>' has type <4>, but property "
                + "'<5>' is a <6>; declare the component as <7>", "<1>", "<2>", "<3>", "<4>", "<5>", "<6>", "<7>");
        pin(Message.REPOSITORY_PROJECTION_WIDTH,
                "[LIMBER-119] Method <1> returns record <2> with 3 components, but a projection selects 1 to 6 "
                + "properties; drop components, or return the model", "<1>", "<2>", 3);
        pin(Message.REPOSITORY_PROJECTION_SHAPE,
                "[LIMBER-120] Method <1> returns <2>; a record projection is read as List<<3>> or "
                + "Optional<<4>>, so return one of those (or the model, for a Stream or a Page)", "<1>", "<2>", "<3>", "<4>");
        pin(Message.REPOSITORY_PAGE_WITHOUT_REQUEST,
                "[LIMBER-121] Method <1> returns a Page but takes no PageRequest; add 'PageRequest page' as its "
                + "last parameter and call it with PageRequest.of(number, size)", "<1>");
        pin(Message.REPOSITORY_REQUEST_WITHOUT_PAGE,
                "[LIMBER-122] Method <1> takes a PageRequest but returns <2>; return Page<<3>>, or remove the "
                + "PageRequest parameter", "<1>", "<2>", "<3>");
        pin(Message.REPOSITORY_UNKNOWN_DATABASE,
                "[LIMBER-123] Method <1> names '<2>' in @Query(databases), which is no database Limber knows; "
                + "name h2, sqlite, postgresql or mariadb", "<1>", "<2>");
        pin(Message.REPOSITORY_NOT_SOFT_DELETE,
                "[LIMBER-124] Method <1> restores rows, but <2> is not a @Model(softDelete = true), so no row "
                + "is ever deleted softly; remove the method, or make the model soft-delete", "<1>", "<2>");
        pin(Message.REPOSITORY_GENERIC_METHOD,
                "[LIMBER-125] Method <1> declares type parameters; a repository method reads one model, so "
                + "remove them", "<1>");
        pin(Message.REPOSITORY_LIMIT_PAGE,
                "[LIMBER-126] Method <1> limits the rows with '<2>' and returns a Page, which sets its own "
                + "size; remove '<3>'", "<1>", "<2>", "<3>");
        pin(Message.REPOSITORY_MODEL_COLUMNS_ORDER,
                "[LIMBER-127] @Query SQL of <1> returns <2>, whose columns must come first in the result, in "
                + "table order (<3>), but the result starts <4>; select <5>.* first (other columns may follow), "
                + "or return a record", "<1>", "<2>", "<3>", "<4>", "<5>");
        pin(Message.REPOSITORY_RELATION_OPERATOR,
                "[LIMBER-128] Method <1> uses <2> on relation '<3>', which is compared by its key; use Is, Not, "
                + "In, NotIn, IsNull or IsNotNull, or compare a column of the target (e.g. <4>Name)", "<1>", "<2>", "<3>", "<4>");
        pin(Message.REPOSITORY_AFTER_REGISTRY,
                "[LIMBER-129] @Repository interface <1> appeared after Limber wrote the registry <2> (another "
                + "annotation processor generated it late); declare the repository in source instead", "<1>", "<2>");
    }
}
