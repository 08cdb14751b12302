package dev.limber.database.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Bad models: each problem is a compile error on the offending element that says how to fix it. */
class ErrorsTest {

    /** A model in com.example named {@code name} with the given body lines. */
    private static JavaFileObject model(String name, String... lines) {
        String[] all = new String[lines.length + 8];
        all[0] = "package com.example;";
        all[1] = "import dev.limber.database.models.*;";
        all[2] = "import java.math.BigDecimal;";
        all[3] = "import java.time.Instant;";
        all[4] = "import java.time.LocalDate;";
        all[5] = "import java.util.List;";
        all[6] = "import java.util.UUID;";
        all[7] = "// model " + name;
        System.arraycopy(lines, 0, all, 8, lines.length);
        return Sources.source("com.example." + name, all);
    }

    private static void assertNothingGeneratedFor(Compilation compilation, String simpleName) {
        assertThat(Sources.generatedPathsEvenOnFailure(compilation)).containsNoneOf(
                "/SOURCE_OUTPUT/com/example/" + simpleName + "_.java",
                "/SOURCE_OUTPUT/com/example/" + simpleName + "_Mapper.java");
    }

    @Test
    void modelWithoutPrimaryKeyIsAnError() {
        JavaFileObject source = model("Book",
                "@Model public class Book {",
                "    @Column Long id;",
                "}");
        Compilation compilation = Sources.compile(source);

        assertThat(compilation).hadErrorContaining(Message.NO_PRIMARY_KEY.format("com.example.Book"))
                .inFile(source).onLineContaining("@Model public class Book");
        assertNothingGeneratedFor(compilation, "Book");
    }

    @Test
    void twoPrimaryKeysIsAnErrorOnTheSecond() {
        JavaFileObject source = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @Column(primaryKey = true) Long code;",
                "}");

        assertThat(Sources.compile(source)).hadErrorContaining(Message.TWO_PRIMARY_KEYS.format("com.example.Book", "id and code"))
                .inFile(source).onLineContaining("Long code");
    }

    @Test
    void unsupportedTypeListsTheSupportedOnes() {
        JavaFileObject source = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @Column List<String> tags;",
                "}");

        assertThat(Sources.compile(source))
                .hadErrorContaining(Message.UNSUPPORTED_TYPE.format("Book.tags", "java.util.List<java.lang.String>",
                        ColumnKind.SUPPORTED, ""))
                .inFile(source).onLineContaining("tags;");
    }

    @Test
    void unsupportedRecordComponentIsAnErrorOnTheComponent() {
        JavaFileObject source = model("Tag",
                "@Model public record Tag(@Column(primaryKey = true) long id,",
                "        char letter) {",
                "}");

        assertThat(Sources.compile(source))
                .hadErrorContaining(Message.UNSUPPORTED_TYPE.format("Tag.letter", "char", ColumnKind.SUPPORTED,
                        "; did you mean String with length = 1?"))
                .inFile(source).onLineContaining("char letter");
    }

    @Test
    void legacyDateTypeSuggestsItsJavaTimeReplacement() {
        JavaFileObject source = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @Column java.util.Date published;",
                "}");

        assertThat(Sources.compile(source))
                .hadErrorContaining(Message.UNSUPPORTED_TYPE.format("Book.published", "java.util.Date",
                        ColumnKind.SUPPORTED, "; did you mean Instant?"))
                .inFile(source).onLineContaining("Date published");
    }

    @Test
    void privateFieldWithoutAccessorsIsAnErrorThatSuggestsTheNearMiss() {
        JavaFileObject source = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @Column private String title;",
                "    public String getTitel() { return title; }",
                "}");
        Compilation compilation = Sources.compile(source);

        assertThat(compilation)
                .hadErrorContaining(Message.NO_GETTER.format("Book.title", "String", "getTitle", "; did you mean getTitel()?"))
                .inFile(source).onLineContaining("private String title");
        assertThat(compilation)
                .hadErrorContaining(Message.NO_SETTER.format("Book.title", "setTitle", "String", ""))
                .inFile(source).onLineContaining("private String title");
    }

    @Test
    void finalFieldOnAClassIsAnError() {
        JavaFileObject source = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @Column final String title = \"x\";",
                "}");

        assertThat(Sources.compile(source)).hadErrorContaining(Message.FINAL_FIELD.format("Book.title", "Book"))
                .inFile(source).onLineContaining("final String title");
    }

    @Test
    void staticFieldIsAnError() {
        JavaFileObject source = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @Column static String shared;",
                "}");

        assertThat(Sources.compile(source)).hadErrorContaining(Message.STATIC_FIELD.format("Book.shared"))
                .inFile(source).onLineContaining("static String shared");
    }

    @Test
    void classWithoutUsableConstructorIsAnError() {
        JavaFileObject source = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    private Book() {}",
                "    public Book(Long id) { this.id = id; }",
                "}");

        assertThat(Sources.compile(source)).hadErrorContaining(Message.NO_CONSTRUCTOR.format("com.example.Book", "Book"))
                .inFile(source).onLineContaining("@Model public class Book");
    }

    @Test
    void abstractClassIsAnError() {
        JavaFileObject source = model("Book",
                "@Model public abstract class Book {",
                "    @Column(primaryKey = true) Long id;",
                "}");

        assertThat(Sources.compile(source)).hadErrorContaining(Message.ABSTRACT_CLASS.format("com.example.Book"))
                .inFile(source).onLineContaining("abstract class Book");
    }

    @Test
    void interfaceIsAnError() {
        JavaFileObject source = model("Book",
                "@Model public interface Book {",
                "}");

        assertThat(Sources.compile(source)).hadErrorContaining(Message.NOT_A_CLASS.format("com.example.Book", "an interface"))
                .inFile(source).onLineContaining("interface Book");
    }

    @Test
    void nonStaticInnerClassIsAnError() {
        JavaFileObject source = model("Shelf",
                "public class Shelf {",
                "    @Model public class Book {",
                "        @Column(primaryKey = true) Long id;",
                "    }",
                "}");

        assertThat(Sources.compile(source)).hadErrorContaining(Message.INNER_CLASS.format("com.example.Shelf.Book"))
                .inFile(source).onLineContaining("public class Book");
    }

    @Test
    void privateNestedClassIsAnError() {
        JavaFileObject source = model("Shelf",
                "public class Shelf {",
                "    @Model private static class Book {",
                "        @Column(primaryKey = true) Long id;",
                "    }",
                "}");

        assertThat(Sources.compile(source)).hadErrorContaining(Message.PRIVATE_CLASS.format("com.example.Shelf.Book"))
                .inFile(source).onLineContaining("private static class Book");
    }

    @Test
    void genericModelIsAnError() {
        JavaFileObject source = model("Box",
                "@Model public class Box<T> {",
                "    @Column(primaryKey = true) Long id;",
                "}");

        assertThat(Sources.compile(source)).hadErrorContaining(Message.GENERIC_CLASS.format("com.example.Box", "<T>"))
                .inFile(source).onLineContaining("class Box<T>");
    }

    @Test
    void columnsInASuperclassAreAnErrorNotSilentlyDropped() {
        JavaFileObject base = model("Entity",
                "public abstract class Entity {",
                "    @Column(primaryKey = true) Long id;",
                "}");
        JavaFileObject source = model("Book",
                "@Model public class Book extends Entity {",
                "    @Column String title;",
                "}");

        assertThat(Sources.compile(base, source))
                .hadErrorContaining(Message.INHERITED_COLUMN.format("com.example.Book", "Entity.id", "Book"))
                .inFile(source).onLineContaining("class Book extends Entity");
    }

    @Test
    void twoFieldsMappedToOneColumnIsAnError() {
        JavaFileObject source = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @Column String title;",
                "    @Column(name = \"TITLE\") String heading;",
                "}");

        assertThat(Sources.compile(source))
                .hadErrorContaining(Message.DUPLICATE_COLUMN.format("Book.heading", "TITLE", "Book.title"))
                .inFile(source).onLineContaining("String heading");
    }

    @Test
    void softDeleteWithoutDeletedAtColumnIsAnErrorThatSuggestsTheNearMiss() {
        JavaFileObject source = model("Book",
                "@Model(softDelete = true) public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @Column(name = \"removed\") Instant deletedOn;",
                "}");

        assertThat(Sources.compile(source))
                .hadErrorContaining(Message.SOFT_DELETE_NO_COLUMN.format("com.example.Book",
                        "; did you mean field deletedOn? Rename it to deletedAt or give it @Column(name = \"deleted_at\")"))
                .inFile(source).onLineContaining("@Model(softDelete = true)");
    }

    @Test
    void softDeleteColumnMustBeATimestamp() {
        JavaFileObject source = model("Book",
                "@Model(softDelete = true) public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @Column LocalDate deletedAt;",
                "}");

        assertThat(Sources.compile(source))
                .hadErrorContaining(Message.SOFT_DELETE_NOT_TIMESTAMP.format("Book.deletedAt", "java.time.LocalDate"))
                .inFile(source).onLineContaining("LocalDate deletedAt");
    }

    @Test
    void softDeleteColumnMustBeNullable() {
        JavaFileObject source = model("Book",
                "@Model(softDelete = true) public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @Column(nullable = false) Instant deletedAt;",
                "}");

        assertThat(Sources.compile(source))
                .hadErrorContaining(Message.SOFT_DELETE_NOT_NULLABLE.format("Book.deletedAt"))
                .inFile(source).onLineContaining("Instant deletedAt");
    }

    @Test
    void uniqueColumnWhoseLiveColumnNameIsTakenIsAnError() {
        JavaFileObject source = model("Book",
                "@Model(softDelete = true) public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @Column(unique = true) String isbn;",
                "    @Column String isbnLive;",
                "    @Column Instant deletedAt;",
                "}");

        assertThat(Sources.compile(source))
                .hadErrorContaining(Message.LIVE_COLUMN_CLASH.format("Book.isbn", "isbn_live", "Book.isbnLive"))
                .inFile(source).onLineContaining("String isbn;");
    }

    @Test
    void versionOnANonNumericFieldIsAnError() {
        JavaFileObject source = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @Version @Column String version;",
                "}");

        assertThat(Sources.compile(source))
                .hadErrorContaining(Message.VERSION_NOT_INTEGRAL.format("Book.version", "java.lang.String"))
                .inFile(source).onLineContaining("String version");
    }

    @Test
    void twoVersionFieldsIsAnError() {
        JavaFileObject source = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @Version @Column long version;",
                "    @Version @Column long revision;",
                "}");

        assertThat(Sources.compile(source))
                .hadErrorContaining(Message.TWO_VERSIONS.format("com.example.Book", "version, revision"))
                .inFile(source).onLineContaining("long revision");
    }

    @Test
    void versionOnThePrimaryKeyIsAnError() {
        JavaFileObject source = model("Book",
                "@Model public class Book {",
                "    @Version @Column(primaryKey = true) Long id;",
                "}");

        assertThat(Sources.compile(source)).hadErrorContaining(Message.VERSION_ON_PRIMARY_KEY.format("Book.id"))
                .inFile(source).onLineContaining("Long id");
    }

    @Test
    void versionWithoutColumnIsAnError() {
        JavaFileObject source = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @Version long version;",
                "}");

        assertThat(Sources.compile(source)).hadErrorContaining(Message.VERSION_WITHOUT_COLUMN.format("Book.version"))
                .inFile(source).onLineContaining("long version");
    }

    @Test
    void enumIsAnError() {
        JavaFileObject source = model("Genre",
                "@Model public enum Genre { SF }");

        assertThat(Sources.compile(source)).hadErrorContaining(Message.NOT_A_CLASS.format("com.example.Genre", "an enum"))
                .inFile(source).onLineContaining("enum Genre");
    }

    @Test
    void negativeLengthIsAnError() {
        JavaFileObject source = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @Column(length = -5) String title;",
                "}");

        assertThat(Sources.compile(source)).hadErrorContaining(Message.INVALID_LENGTH.format("Book.title", -5))
                .inFile(source).onLineContaining("String title");
    }

    @Test
    void ignoreCaseOnANonStringColumnIsAnError() {
        JavaFileObject source = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @Column(ignoreCase = true) int pages;",
                "    @Column(ignoreCase = true) String title;",
                "}");

        Compilation compilation = Sources.compile(source);
        assertThat(compilation).hadErrorContaining(Message.IGNORE_CASE_NOT_STRING.format("Book.pages", "int"))
                .inFile(source).onLineContaining("int pages");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void ignoreCaseOnThePrimaryKeyIsAnError() {
        JavaFileObject source = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true, length = 20, ignoreCase = true) String code;",
                "    @Column String title;",
                "}");

        assertThat(Sources.compile(source)).hadErrorContaining(Message.IGNORE_CASE_PRIMARY_KEY.format("Book.code"))
                .inFile(source).onLineContaining("String code");
    }

    @Test
    void ignoreCaseWithAnExplicitTypeIsAnError() {
        JavaFileObject source = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @Column(type = \"CHAR(13)\", ignoreCase = true) String isbn;",
                "}");

        assertThat(Sources.compile(source))
                .hadErrorContaining(Message.IGNORE_CASE_WITH_TYPE.format("Book.isbn", "CHAR(13)"))
                .inFile(source).onLineContaining("String isbn");
    }

    @Test
    void aStringPrimaryKeyLongerThanMariaDbCanIndexIsAnError() {
        JavaFileObject source = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true, length = 769) String code;",
                "}");

        assertThat(Sources.compile(source)).hadErrorContaining("[LIMBER-160] Book.code is a String primary key of"
                        + " length 769; above 768 characters MariaDB stores a String as TEXT")
                .inFile(source).onLineContaining("String code");
    }

    @Test
    void aStringPrimaryKeyOf768CharactersCompiles() {
        JavaFileObject source = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true, length = 768) String code;",
                "}");

        assertThat(Sources.compile(source)).succeededWithoutWarnings();
    }

    @Test
    void precisionOutOfRangeIsAnError() {
        JavaFileObject source = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @Column(precision = 0) BigDecimal price;",
                "}");

        assertThat(Sources.compile(source)).hadErrorContaining(Message.INVALID_PRECISION.format("Book.price", 0))
                .inFile(source).onLineContaining("BigDecimal price");
    }

    @Test
    void scaleAbovePrecisionIsAnError() {
        JavaFileObject source = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @Column(precision = 5, scale = 7) BigDecimal price;",
                "}");

        assertThat(Sources.compile(source)).hadErrorContaining(Message.INVALID_SCALE.format("Book.price", 7, 5))
                .inFile(source).onLineContaining("BigDecimal price");
    }

    @Test
    void invalidTableNameIsAnError() {
        JavaFileObject source = model("Book",
                "@Model(table = \"book shelf\") public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "}");

        assertThat(Sources.compile(source))
                .hadErrorContaining(Message.INVALID_TABLE_NAME.format("com.example.Book", "book shelf",
                        "; did you mean \"book_shelf\"?"))
                .inFile(source).onLineContaining("book shelf");
    }

    @Test
    void invalidColumnNameIsAnError() {
        JavaFileObject source = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @Column(name = \"1st-edition\") String first;",
                "}");

        assertThat(Sources.compile(source))
                .hadErrorContaining(Message.INVALID_COLUMN_NAME.format("Book.first", "1st-edition",
                        "; did you mean \"_1st_edition\"?"))
                .inFile(source).onLineContaining("String first");
    }

    @Test
    void nullableTrueOnAPrimitiveOrTheKeyIsAnError() {
        JavaFileObject source = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true, nullable = true) Long id;",
                "    @Column(nullable = true) int pages;",
                "}");
        Compilation compilation = Sources.compile(source);

        assertThat(compilation).hadErrorContaining(Message.NULLABLE_PRIMARY_KEY.format("Book.id"))
                .inFile(source).onLineContaining("Long id");
        assertThat(compilation).hadErrorContaining(Message.NULLABLE_PRIMITIVE.format("Book.pages", "int", "java.lang.Integer"))
                .inFile(source).onLineContaining("int pages");
    }

    @Test
    void twoModelsOnOneTableIsAnError() {
        JavaFileObject first = model("Book",
                "@Model(table = \"books\") public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "}");
        JavaFileObject second = model("Novel",
                "@Model(table = \"books\") public class Novel {",
                "    @Column(primaryKey = true) Long id;",
                "}");

        assertThat(Sources.compile(first, second))
                .hadErrorContaining(Message.DUPLICATE_TABLE.format("com.example.Novel", "books", "com.example.Book"))
                .inFile(second).onLineContaining("class Novel");
    }

    @Test
    void everyProblemOfAModelIsReportedInOneRun() {
        JavaFileObject source = model("Book",
                "@Model(softDelete = true) public class Book {",
                "    @Column List<String> tags;",
                "    @Column(length = 0) String title;",
                "    @Column final Long code = 1L;",
                "}");
        Compilation compilation = Sources.compile(source);

        assertThat(compilation).hadErrorContaining(Message.NO_PRIMARY_KEY.code());
        assertThat(compilation).hadErrorContaining(Message.UNSUPPORTED_TYPE.code());
        assertThat(compilation).hadErrorContaining(Message.INVALID_LENGTH.code());
        assertThat(compilation).hadErrorContaining(Message.FINAL_FIELD.code());
        assertThat(compilation).hadErrorContaining(Message.SOFT_DELETE_NO_COLUMN.code());
        assertThat(compilation).hadErrorCount(5);
    }

    @Test
    void oneBadModelDoesNotStopTheOthers() {
        JavaFileObject bad = model("Bad",
                "@Model public class Bad {",
                "    @Column String name;",
                "}");
        Compilation compilation = Sources.compile(bad, Shapes.inventoryItem());

        assertThat(compilation).hadErrorCount(1);
        assertNothingGeneratedFor(compilation, "Bad");
        assertThat(Sources.generatedPathsEvenOnFailure(compilation)).containsAtLeast(
                "/SOURCE_OUTPUT/com/example/InventoryItem_.java",
                "/SOURCE_OUTPUT/com/example/InventoryItem_Mapper.java",
                "/SOURCE_OUTPUT/com/example/LimberModelRegistry.java",
                "/CLASS_OUTPUT/META-INF/limber/schema/h2.sql");
        for (JavaFileObject file : Sources.generatedFilesEvenOnFailure(compilation)) {
            if (file.getKind() != JavaFileObject.Kind.CLASS) {
                assertThat(Sources.contents(file)).doesNotContain("Bad");
                assertThat(Sources.contents(file)).doesNotContain("\"bad\"");
            }
        }
    }

    @Test
    void messagesSayHowToFixTheProblemAndCarryAStableCode() {
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (Message message : Message.values()) {
            assertThat(message.code()).matches("\\[LIMBER-\\d{3}\\]");
            assertWithMessage("code of %s is unique", message).that(codes.add(message.code())).isTrue();
        }
        JavaFileObject source = model("Book", "@Model public class Book {", "}");
        Compilation compilation = Sources.compile(source);
        Diagnostic<? extends JavaFileObject> error = compilation.errors().get(0);
        assertThat(error.getMessage(null)).isEqualTo("[LIMBER-012] @Model class com.example.Book has no"
                + " @Column(primaryKey = true) field; mark the id field, e.g. @Column(primaryKey = true) Long id");
    }
}
