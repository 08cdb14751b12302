package dev.limber.database.processor;

import java.util.Locale;

/**
 * Every message the processor prints, in one place. Each says what is wrong, names the element,
 * and says how to fix it; the code in brackets is stable so users can search for it. Public, with
 * public {@link #code()} and {@link #format}, so that the subpackages ({@code processor.sql}) report
 * from the same catalog.
 */
public enum Message {
    NOT_A_CLASS(1, "@Model %s is %s; put @Model on a class or a record"),
    ABSTRACT_CLASS(2, "@Model class %s is abstract; Limber must instantiate it, so remove 'abstract' or move @Model to a concrete subclass"),
    INNER_CLASS(3, "@Model class %s is an inner class; make it 'static' so it can be created without an enclosing instance"),
    PRIVATE_CLASS(4, "@Model class %s is private (or nested in a private class); make it at least package-private so generated code in its package can reach it"),
    GENERIC_CLASS(5, "@Model class %s declares type parameters %s; models map to one table, so remove the type parameters"),
    NO_CONSTRUCTOR(6, "@Model class %s has no non-private no-argument constructor; add one, e.g. '%s() {}' (it may be protected or package-private)"),
    DUPLICATE_TABLE(7, "@Model class %s uses table \"%s\", which %s already uses; give one of them another @Model(table = ...)"),
    INVALID_TABLE_NAME(8, "@Model class %s has table name \"%s\", which is not a portable SQL identifier; use letters, digits and underscores, not starting with a digit, at most 63 characters%s"),

    INHERITED_COLUMN(9, "@Model class %s inherits @Column fields %s, which Limber does not map (superclass columns are not supported); declare them in %s"),
    UNSUPPORTED_TYPE(10, "%s has type %s, which Limber cannot map; use one of: %s%s"),
    TWO_PRIMARY_KEYS(11, "@Model class %s marks %s as primary keys; composite keys are not supported, so keep @Column(primaryKey = true) on exactly one field"),
    NO_PRIMARY_KEY(12, "@Model class %s has no @Column(primaryKey = true) field; mark the id field, e.g. @Column(primaryKey = true) Long id"),
    NO_GETTER(13, "Private field %s has no getter; add a non-private '%s %s()' or make the field non-private%s"),
    NO_SETTER(14, "Private field %s has no setter; add a non-private 'void %s(%s)' or make the field non-private%s"),
    FINAL_FIELD(15, "Field %s is final, so a row cannot be read into it; remove 'final' (or make %s a record)"),
    STATIC_FIELD(16, "Field %s is static, so it cannot hold a column of each row; remove 'static' or remove @Column"),
    DUPLICATE_COLUMN(17, "%s maps to column \"%s\", which %s already uses (column names are compared ignoring case); give one of them another @Column(name = ...)"),
    INVALID_COLUMN_NAME(18, "%s has column name \"%s\", which is not a portable SQL identifier; use letters, digits and underscores, not starting with a digit, at most 63 characters%s"),
    NULLABLE_PRIMITIVE(19, "%s is a primitive %s and can never be NULL; remove 'nullable = true' or use %s"),
    NULLABLE_PRIMARY_KEY(20, "%s is the primary key and can never be NULL; remove 'nullable = true'"),
    UNRESOLVED_TYPE(21, "%s has type %s, which the compiler could not resolve; fix the type (or the processor that should generate it)"),
    UNRESOLVED_ANNOTATION_VALUE(22, "A Limber annotation in %s has a value the compiler could not resolve, so nothing is generated for it; fix the value the compiler reports"),

    SOFT_DELETE_NO_COLUMN(30, "@Model(softDelete = true) class %s has no deleted_at column; add '@Column Instant deletedAt;' (or LocalDateTime/OffsetDateTime), or remove softDelete = true%s"),
    SOFT_DELETE_NOT_TIMESTAMP(31, "%s is the soft-delete column but has type %s; use Instant, LocalDateTime or OffsetDateTime"),
    SOFT_DELETE_NOT_NULLABLE(32, "%s is the soft-delete column but is not nullable (NULL marks a live row); remove 'nullable = false'"),
    VERSION_NOT_INTEGRAL(33, "@Version %s has type %s; a version counts updates, so use int, long, Integer or Long"),
    TWO_VERSIONS(34, "@Model class %s has more than one @Version field (%s); keep exactly one"),
    VERSION_ON_PRIMARY_KEY(35, "@Version %s is also the primary key; use a separate version field"),
    VERSION_WITHOUT_COLUMN(36, "@Version %s has no @Column; add @Column so it is stored"),
    LIVE_COLUMN_CLASH(37, "%s is unique on a soft-delete model, so H2 and MariaDB get a generated column \"%s\" for live-row uniqueness, but %s already uses that name; rename that column"),

    INVALID_LENGTH(40, "%s has length %d; the length must be at least 1 (the default is 255)"),
    INVALID_PRECISION(41, "%s has precision %d; use a precision from 1 to 65 (65 is MariaDB's limit)"),
    INVALID_SCALE(42, "%s has scale %d with precision %d; use a scale from 0 to the precision, at most 38 (MariaDB's limit)"),

    PRIMARY_KEY_TOO_LONG(160, "%s is a String primary key of length %d; above %d characters MariaDB stores a String as TEXT, which cannot be a primary key, so use @Column(length = ...) of at most %3$d (or a generated Long id and @Column(unique = true) on this field)"),
    IGNORE_CASE_NOT_STRING(161, "%s has type %s and @Column(ignoreCase = true), but only a String column can ignore case; remove ignoreCase, or make the field a String"),
    IGNORE_CASE_PRIMARY_KEY(162, "%s is the primary key and has @Column(ignoreCase = true), but a key ignoring case would make finds and relations differ per database; remove ignoreCase, or use a generated Long id and @Column(unique = true, ignoreCase = true) on this field"),
    IGNORE_CASE_WITH_TYPE(163, "%s has @Column(ignoreCase = true) and an explicit type = \"%s\", whose comparison Limber cannot control; remove type, or remove ignoreCase"),

    INVALID_REGISTRY_NAME(50, "-Alimber.registry=%s is not a fully qualified class name; use e.g. -Alimber.registry=com.example.db.AppModels"),
    MODEL_AFTER_REGISTRY(51, "@Model class %s appeared after Limber wrote the registry %s (another annotation processor generated it late); declare the model in source instead"),

    RELATION_WRONG_HOLDER(60, "%s field %s has type %s, but %s needs a %s<Target>; declare it as '%s %s'"),
    RELATION_WITHOUT_ANNOTATION(61, "Field %s has type %s but no relation annotation; mark it %s"),
    COLUMN_ON_RELATION(62, "%s has both @Column and %s; a relation is not a plain column, so remove @Column (a @BelongsTo names its foreign-key column with @BelongsTo(column = ...))"),
    TARGET_NOT_A_MODEL(63, "%s %s refers to %s, which is not a @Model; annotate %s with @Model, or store a plain key column instead of a relation"),
    JUNCTION_NOT_A_MODEL(64, "@BelongsToMany %s has through = %s.class, which is not a @Model; the junction must be a @Model with one @BelongsTo to %s and one to %s"),
    MAPPED_BY_NOT_FOUND(65, "%s %s has mappedBy = \"%s\", but %s has no @BelongsTo field of that name referring to %s; name the @BelongsTo field of %s that points back%s"),
    JUNCTION_SIDES(66, "@BelongsToMany %s goes through %s, which needs exactly one @BelongsTo to %s and exactly one to %s, but has %s; give %s exactly one @BelongsTo field to each side"),
    SET_NULL_NOT_NULLABLE(67, "@BelongsTo %s has onDelete = OnDelete.SET_NULL but nullable = false, so the database could not clear the key; remove nullable = false, or choose OnDelete.RESTRICT or OnDelete.CASCADE"),
    CASCADE_TO_HARD_DELETE_CHILD(68, "%s %s has cascade = Cascade.DELETE, but %s soft-deletes and %s does not, so soft-deleting a %s could not stamp its children with its deleted_at; make %s a @Model(softDelete = true) or remove the cascade"),
    FOREIGN_KEY_COLUMN_CLASH(69, "@BelongsTo %s has foreign-key column \"%s\", which %s also uses (column names are compared ignoring case); name another column with @BelongsTo(column = ...) or rename the other one"),
    STATIC_RELATION(70, "Relation field %s is static, so it cannot hold the related models of each row; remove 'static'"),
    FINAL_RELATION(71, "Relation field %s is final, so a query cannot load into it; remove 'final' (or make %s a record)"),
    ON_DELETE_CONFLICT(72, "@BelongsTo %s has onDelete = OnDelete.%s, but %s has cascade = Cascade.DELETE, which hard-deletes with ON DELETE CASCADE; remove onDelete (or set OnDelete.CASCADE), or remove the cascade"),
    FOREIGN_KEY_CYCLE(73, "@BelongsTo %s is part of a foreign-key cycle between tables %s; cycles between different tables are not supported yet, so make one side a plain key column (e.g. '@Column Long %sId;') instead of a @BelongsTo"),
    TARGET_WITHOUT_KEY(74, "@BelongsTo %s refers to %s, which has no usable primary key for the foreign key to reference; give %s a @Column(primaryKey = true) field of a supported type"),

    INDEX_NO_COLUMNS(80, "%s on %s names no columns; list the fields to index, e.g. %s(columns = \"%s\")"),
    INDEX_UNKNOWN_FIELD(81, "%s on %s names %s \"%s\", which is not a column field of %s; name a field that @Column or @BelongsTo maps%s"),
    INDEX_REPEATED_FIELD(82, "%s on %s names field \"%s\" more than once; name each field once"),
    INDEX_INVALID_NAME(83, "%s on %s has name \"%s\", which is not a portable SQL identifier; use letters, digits and underscores, not starting with a digit, at most 63 characters"),
    INDEX_NAME_CLASH(84, "%s on %s is named \"%s\", which %s of %s already uses; give one of them another name = ..."),
    INDEX_DUPLICATE(85, "%s on %s covers the same columns%s as %s; remove one of them"),
    WHERE_NULL_NEVER_NULL(86, "@Unique on %s has whereNull = \"%s\", but %s.%s can never be NULL, so no row would count; make it nullable (a reference type without nullable = false) or remove it from whereNull"),
    WHERE_NULL_IN_COLUMNS(87, "@Unique on %s names field \"%s\" in both columns and whereNull, so its value is always NULL where it counts; remove it from one of them"),
    WHERE_NULL_DELETED_AT(88, "@Unique on %s has whereNull = \"%s\", the soft-delete column: on a soft-delete model uniqueness already holds among live rows only; remove it from whereNull"),
    INDEX_GENERATED_COLUMN_CLASH(89, "@Unique on %s counts some rows only, so H2 and MariaDB get a generated column \"%s\" for it, but %s already uses that name; rename that column or the unique's field"),

    REPOSITORY_NOT_INTERFACE(100, "@Repository %s is %s; put @Repository on an interface, whose methods Limber implements"),
    REPOSITORY_NOT_A_MODEL(101, "@Repository on %s names %s, which is not a @Model; name the model the methods are about, e.g. @Repository(Book.class)"),
    REPOSITORY_GENERIC(102, "@Repository interface %s declares type parameters; a repository is about one model, so remove them"),
    REPOSITORY_PRIVATE(103, "@Repository interface %s is private (or nested in a private type); make it at least package-private so its generated implementation can implement it"),
    REPOSITORY_METHOD_NOT_DERIVED(104, "Method %s is neither a derived query nor a @Query%s; start its name with find, count, exists, delete, forceDelete or restore, then By and conditions on properties (e.g. findByTitle), or annotate it with @Query(\"SELECT ...\")"),
    REPOSITORY_METHOD_SUBJECT(105, "Method %s has '%s' between its verb and By, which Limber cannot read; write nothing there, or All, First, First<N> or Top<N> (e.g. findTop3ByOrderByPagesDesc)"),
    REPOSITORY_LIMIT_NOT_FIND(106, "Method %s has '%s', but a %s method works on every matching row, in no order; remove '%s', or make it a find method"),
    REPOSITORY_METHOD_EMPTY_BY(107, "Method %s ends in By with nothing after it; name a condition after By (e.g. %sByTitle), or remove By to match every row (e.g. %s())"),
    REPOSITORY_UNKNOWN_PROPERTY(108, "Method %s names '%s', which is no property of %s%s; use one of its properties (%s) or a to-one path such as authorName"),
    REPOSITORY_METHOD_UNREADABLE(109, "Method %s: cannot read '%s' after '%s'; write each condition as a property and a keyword (Is, Not, LessThan, LessThanEqual, GreaterThan, GreaterThanEqual, Between, Like, NotLike, In, NotIn, IsNull, IsNotNull, True, False), join conditions with And or Or, and end with OrderBy<Property>Asc or Desc"),
    REPOSITORY_TO_MANY_PATH(110, "Method %s filters on '%s', a to-many relation of %s, which a method name cannot express; write the method with @Query, or use session.query(...).whereHas(...)"),
    REPOSITORY_PARAMETER_COUNT(111, "Method %s has %d parameter(s), but its name needs %d: %s; declare exactly those, in that order"),
    REPOSITORY_PARAMETER_TYPE(112, "Method %s has parameter '%s' of type %s, but it is compared with %s, of type %s; declare it as '%s %s'"),
    REPOSITORY_IN_NOT_COLLECTION(113, "Method %s has parameter '%s' of type %s, but %s takes a collection of %s values; declare it as 'Collection<%s> %s'"),
    REPOSITORY_LIKE_NOT_STRING(114, "Method %s uses %s on '%s', of type %s; Like and NotLike match text, so use them on a String property"),
    REPOSITORY_NOT_BOOLEAN(115, "Method %s uses %s on '%s', of type %s; True and False test a boolean property, so compare '%s' with Is (and a parameter) instead"),
    REPOSITORY_RETURN_TYPE(116, "Method %s returns %s, which a %s method cannot return; return %s"),
    REPOSITORY_PROJECTION_COMPONENT(117, "Method %s returns record %s, whose component '%s' names no property of %s%s; name each component after a property (e.g. title) or a to-one path (e.g. authorName)"),
    REPOSITORY_PROJECTION_TYPE(118, "Method %s returns record %s, whose component '%s' has type %s, but property '%s' is a %s; declare the component as %s"),
    REPOSITORY_PROJECTION_WIDTH(119, "Method %s returns record %s with %d components, but a projection selects 1 to 6 properties; drop components, or return the model"),
    REPOSITORY_PROJECTION_SHAPE(120, "Method %s returns %s; a record projection is read as List<%s> or Optional<%s>, so return one of those (or the model, for a Stream or a Page)"),
    REPOSITORY_PAGE_WITHOUT_REQUEST(121, "Method %s returns a Page but takes no PageRequest; add 'PageRequest page' as its last parameter and call it with PageRequest.of(number, size)"),
    REPOSITORY_REQUEST_WITHOUT_PAGE(122, "Method %s takes a PageRequest but returns %s; return Page<%s>, or remove the PageRequest parameter"),
    REPOSITORY_UNKNOWN_DATABASE(123, "Method %s names '%s' in @Query(databases), which is no database Limber knows; name h2, sqlite, postgresql or mariadb"),
    REPOSITORY_NOT_SOFT_DELETE(124, "Method %s restores rows, but %s is not a @Model(softDelete = true), so no row is ever deleted softly; remove the method, or make the model soft-delete"),
    REPOSITORY_GENERIC_METHOD(125, "Method %s declares type parameters; a repository method reads one model, so remove them"),
    REPOSITORY_LIMIT_PAGE(126, "Method %s limits the rows with '%s' and returns a Page, which sets its own size; remove '%s'"),
    REPOSITORY_MODEL_COLUMNS_ORDER(127, "@Query SQL of %s returns %s, whose columns must come first in the result, in table order (%s), but the result starts %s; select %s.* first (other columns may follow), or return a record"),
    REPOSITORY_RELATION_OPERATOR(128, "Method %s uses %s on relation '%s', which is compared by its key; use Is, Not, In, NotIn, IsNull or IsNotNull, or compare a column of the target (e.g. %sName)"),
    REPOSITORY_AFTER_REGISTRY(129, "@Repository interface %s appeared after Limber wrote the registry %s (another annotation processor generated it late); declare the repository in source instead"),
    SQL_UNKNOWN_PARAMETER(130, "@Query SQL of %s uses :%s, which is not a parameter of the method; add a parameter named %s or fix the name%s"),
    SQL_UNUSED_PARAMETER(131, "Parameter %s of %s is not used by its @Query SQL; use it as :%s in the SQL, or remove the parameter"),
    SQL_UNPARSEABLE(132, "@Query SQL of %s reads soft-delete table %s, but Limber cannot parse it (%s), so it cannot hide deleted rows; fix the SQL, or set trashed = Trashed.AS_WRITTEN to send it exactly as written"),
    SQL_RAW_DELETE(133, "@Query SQL of %s is a DELETE from soft-delete table %s, which would erase rows instead of soft-deleting them; use a derived deleteBy method (it soft-deletes), an UPDATE that sets deleted_at, or trashed = Trashed.AS_WRITTEN to hard-delete on purpose"),
    SQL_UNSUPPORTED_POSITION(134, "@Query SQL of %s reads soft-delete table %s %s, where Limber cannot add its live-row predicate; %s, or set trashed = Trashed.INCLUDE or Trashed.AS_WRITTEN and filter deleted_at yourself"),
    SQL_ONLY_WITHOUT_MAIN_TABLE(135, "@Query SQL of %s has trashed = Trashed.ONLY, but its outermost FROM (or UPDATE) names no soft-delete table; ONLY keeps the trashed rows of that main table, so name one there, or use Trashed.INCLUDE"),
    SQL_INVALID(136, "@Query SQL of %s does not prepare on %s: %s; fix the SQL (it is checked against the schema Limber generates from the models)"),
    SQL_VERIFIER_UNAVAILABLE(137, "Limber could not check @Query SQL on %s (%s): %s; no statement was verified there. Put the JDBC driver on the processor path and make the database reachable, or remove -Alimber.verify.%s"),
    SQL_MODEL_COLUMNS_MISSING(138, "@Query SQL of %s returns %s, but its result has no column %s, which the model needs; select every column of %s (e.g. SELECT %s.*), or return a record with the columns you select"),
    SQL_COMPONENT_MISSING(139, "@Query SQL of %s returns record %s, but its result has no column named %s (it has %s); name a select item 'AS %s' (names are compared ignoring case)"),
    SQL_INCOMPATIBLE_TYPE(140, "@Query SQL of %s gives column %s as %s, which cannot be read into %s of type %s; cast it in the SQL or change the type to %s"),
    SQL_NOT_ONE_COLUMN(141, "@Query SQL of %s returns a single %s, but its result has %d columns (%s); select exactly one column, or return a record"),
    SQL_NO_RESULT_ROWS(142, "@Query SQL of %s is %s, which returns no rows, but the method returns %s; return int or long (rows changed) or void"),
    SQL_NOT_VERIFIED(143, "@Query SQL of %s is limited to %s, and Limber verifies none of them at compile time, so its SQL and result columns are unchecked; add -Alimber.verify.<database>=<url> for one of them, or include H2 in databases"),
    SQL_NO_STATEMENT(144, "@Query SQL of %s is empty; write the statement, e.g. @Query(\"SELECT * FROM %s WHERE ...\")"),
    SQL_MULTIPLE_STATEMENTS(145, "@Query SQL of %s holds %d statements; a @Query method runs exactly one, so give each statement a method of its own"),

    INTERNAL_ERROR(90, "Limber internal error while processing %s; please report it at the Limber issue tracker, with this trace:%n%s");

    private final String code;
    private final String template;

    Message(int number, String template) {
        this.code = String.format(Locale.ROOT, "[LIMBER-%03d]", number);
        this.template = template;
    }

    /** The stable code, e.g. {@code [LIMBER-010]}. */
    public String code() {
        return code;
    }

    /** The full message text for these arguments. */
    public String format(Object... args) {
        return code + " " + String.format(Locale.ROOT, template, args);
    }
}
