package dev.limber.database.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Bad relations: each is a compile error on the offending field that says what is wrong and how to fix it. */
class RelationErrorsTest {

    /** A model in com.example named {@code name} with the given body lines. */
    private static JavaFileObject model(String name, String... lines) {
        String[] all = new String[lines.length + 5];
        all[0] = "package com.example;";
        all[1] = "import dev.limber.database.Many;";
        all[2] = "import dev.limber.database.Ref;";
        all[3] = "import dev.limber.database.models.*;";
        all[4] = "import java.time.Instant;";
        System.arraycopy(lines, 0, all, 5, lines.length);
        return Sources.source("com.example." + name, all);
    }

    private static final JavaFileObject AUTHOR = model("Author",
            "@Model(table = \"authors\") public class Author {",
            "    @Column(primaryKey = true) Long id;",
            "}");

    private static void assertNothingGeneratedFor(Compilation compilation, String simpleName) {
        assertThat(Sources.generatedPathsEvenOnFailure(compilation)).containsNoneOf(
                "/SOURCE_OUTPUT/com/example/" + simpleName + "_.java",
                "/SOURCE_OUTPUT/com/example/" + simpleName + "_Mapper.java");
    }

    @Test
    void belongsToOnAPlainModelFieldNeedsARef() {
        JavaFileObject book = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @BelongsTo Author author;",
                "}");
        Compilation compilation = Sources.compile(book, AUTHOR);

        assertThat(compilation).hadErrorContaining("[LIMBER-060] @BelongsTo field Book.author has type"
                        + " com.example.Author, but @BelongsTo needs a Ref<Target>; declare it as 'Ref<Author> author'")
                .inFile(book).onLineContaining("@BelongsTo Author author");
        assertNothingGeneratedFor(compilation, "Book");
    }

    @Test
    void hasManyOnARefNeedsAMany() {
        JavaFileObject author = model("Author",
                "@Model(table = \"authors\") public class Author {",
                "    @Column(primaryKey = true) Long id;",
                "    @HasMany(mappedBy = \"author\") Ref<Book> books;",
                "}");
        JavaFileObject book = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @BelongsTo Ref<Author> author;",
                "}");

        assertThat(Sources.compile(book, author)).hadErrorContaining(Message.RELATION_WRONG_HOLDER.format("@HasMany",
                        "Author.books", "dev.limber.database.Ref<com.example.Book>", "@HasMany", "Many", "Many<Book>",
                        "books"))
                .inFile(author).onLineContaining("Ref<Book> books");
    }

    @Test
    void refWithoutRelationAnnotationIsAnError() {
        JavaFileObject book = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    Ref<Author> author;",
                "}");

        assertThat(Sources.compile(book, AUTHOR)).hadErrorContaining("[LIMBER-061] Field Book.author has type"
                        + " Ref<Author> but no relation annotation; mark it @BelongsTo when this model holds the foreign"
                        + " key, or @HasOne(mappedBy = \"<the target's @BelongsTo field>\") when the target holds it")
                .inFile(book).onLineContaining("Ref<Author> author;");
    }

    @Test
    void manyRecordComponentWithoutRelationAnnotationIsAnError() {
        JavaFileObject author = model("Author",
                "@Model(table = \"authors\") public record Author(@Column(primaryKey = true) Long id,",
                "        Many<Author> friends) {",
                "}");

        assertThat(Sources.compile(author)).hadErrorContaining(Message.RELATION_WITHOUT_ANNOTATION.format(
                        "Author.friends", "Many<Author>", "@HasMany(mappedBy = \"<the target's @BelongsTo field>\"),"
                                + " or @BelongsToMany(through = <junction model>.class)"))
                .inFile(author).onLineContaining("Many<Author> friends");
    }

    @Test
    void columnAndRelationOnOneFieldIsAnError() {
        JavaFileObject book = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @Column @BelongsTo Ref<Author> author;",
                "}");

        assertThat(Sources.compile(book, AUTHOR)).hadErrorContaining("[LIMBER-062] Book.author has both @Column and"
                        + " @BelongsTo; a relation is not a plain column, so remove @Column (a @BelongsTo names its"
                        + " foreign-key column with @BelongsTo(column = ...))")
                .inFile(book).onLineContaining("@Column @BelongsTo");
    }

    @Test
    void targetThatIsNotAModelIsAnError() {
        JavaFileObject book = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @BelongsTo Ref<Publisher> publisher;",
                "}");
        JavaFileObject publisher = model("Publisher", "public class Publisher { Long id; }");

        assertThat(Sources.compile(book, publisher)).hadErrorContaining("[LIMBER-063] @BelongsTo Book.publisher refers"
                        + " to Publisher, which is not a @Model; annotate Publisher with @Model, or store a plain key"
                        + " column instead of a relation")
                .inFile(book).onLineContaining("Ref<Publisher> publisher");
    }

    @Test
    void junctionThatIsNotAModelIsAnError() {
        JavaFileObject book = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @BelongsToMany(through = String.class) Many<Author> authors;",
                "}");

        assertThat(Sources.compile(book, AUTHOR)).hadErrorContaining("[LIMBER-064] @BelongsToMany Book.authors has"
                        + " through = String.class, which is not a @Model; the junction must be a @Model with one"
                        + " @BelongsTo to Book and one to Author")
                .inFile(book).onLineContaining("through = String.class");
    }

    @Test
    void mappedByNamingNoBelongsToSuggestsTheNearMiss() {
        JavaFileObject author = model("Author",
                "@Model(table = \"authors\") public class Author {",
                "    @Column(primaryKey = true) Long id;",
                "    @HasMany(mappedBy = \"auther\") Many<Book> books;",
                "}");
        JavaFileObject book = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @BelongsTo Ref<Author> author;",
                "}");
        Compilation compilation = Sources.compile(author, book);

        assertThat(compilation).hadErrorContaining("[LIMBER-065] @HasMany Author.books has mappedBy = \"auther\", but"
                        + " Book has no @BelongsTo field of that name referring to Author; name the @BelongsTo field of"
                        + " Book that points back; did you mean \"author\"?")
                .inFile(author).onLineContaining("mappedBy = \"auther\"");
        assertNothingGeneratedFor(compilation, "Author");
    }

    @Test
    void mappedByOnATargetWithoutAnyBelongsToSaysWhatToAdd() {
        JavaFileObject author = model("Author",
                "@Model(table = \"authors\") public class Author {",
                "    @Column(primaryKey = true) Long id;",
                "    @HasOne(mappedBy = \"author\") Ref<Profile> profile;",
                "}");
        JavaFileObject profile = model("Profile",
                "@Model public class Profile {",
                "    @Column(primaryKey = true) Long id;",
                "    @Column Long authorId;",
                "}");

        assertThat(Sources.compile(author, profile)).hadErrorContaining(Message.MAPPED_BY_NOT_FOUND.format("@HasOne",
                        "Author.profile", "author", "Profile", "Author", "Profile",
                        " (it has none: add one to Profile, e.g. '@BelongsTo Ref<Author> author;')"))
                .inFile(author).onLineContaining("Ref<Profile> profile");
    }

    @Test
    void junctionWithoutOneBelongsToPerSideIsAnError() {
        JavaFileObject book = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @BelongsToMany(through = BookAuthor.class) Many<Author> authors;",
                "}");
        JavaFileObject junction = model("BookAuthor",
                "@Model public class BookAuthor {",
                "    @Column(primaryKey = true) Long id;",
                "    @BelongsTo Ref<Book> book;",
                "    @BelongsTo Ref<Book> original;",
                "}");

        assertThat(Sources.compile(book, junction, AUTHOR)).hadErrorContaining("[LIMBER-066] @BelongsToMany"
                        + " Book.authors goes through BookAuthor, which needs exactly one @BelongsTo to Book and exactly"
                        + " one to Author, but has 2 to Book and none to Author; give BookAuthor exactly one @BelongsTo"
                        + " field to each side")
                .inFile(book).onLineContaining("Many<Author> authors");
    }

    @Test
    void setNullOnANotNullableForeignKeyIsAnError() {
        JavaFileObject book = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @BelongsTo(nullable = false, onDelete = OnDelete.SET_NULL) Ref<Author> author;",
                "}");

        assertThat(Sources.compile(book, AUTHOR)).hadErrorContaining("[LIMBER-067] @BelongsTo Book.author has"
                        + " onDelete = OnDelete.SET_NULL but nullable = false, so the database could not clear the key;"
                        + " remove nullable = false, or choose OnDelete.RESTRICT or OnDelete.CASCADE")
                .inFile(book).onLineContaining("OnDelete.SET_NULL");
    }

    @Test
    void cascadeFromASoftDeleteParentToAHardDeleteChildIsAnError() {
        JavaFileObject author = model("Author",
                "@Model(table = \"authors\", softDelete = true) public class Author {",
                "    @Column(primaryKey = true) Long id;",
                "    @Column Instant deletedAt;",
                "    @HasMany(mappedBy = \"author\", cascade = Cascade.DELETE) Many<Book> books;",
                "}");
        JavaFileObject book = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @BelongsTo Ref<Author> author;",
                "}");

        assertThat(Sources.compile(author, book)).hadErrorContaining("[LIMBER-068] @HasMany Author.books has"
                        + " cascade = Cascade.DELETE, but Author soft-deletes and Book does not, so soft-deleting a"
                        + " Author could not stamp its children with its deleted_at; make Book a"
                        + " @Model(softDelete = true) or remove the cascade")
                .inFile(author).onLineContaining("cascade = Cascade.DELETE");
    }

    @Test
    void foreignKeyColumnClashingWithAColumnIsAnError() {
        JavaFileObject book = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @Column Long authorId;",
                "    @BelongsTo Ref<Author> author;",
                "}");

        assertThat(Sources.compile(book, AUTHOR)).hadErrorContaining("[LIMBER-069] @BelongsTo Book.author has"
                        + " foreign-key column \"author_id\", which Book.authorId also uses (column names are compared"
                        + " ignoring case); name another column with @BelongsTo(column = ...) or rename the other one")
                .inFile(book).onLineContaining("Ref<Author> author");
    }

    @Test
    void staticRelationIsAnError() {
        JavaFileObject book = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @BelongsTo static Ref<Author> author;",
                "}");

        assertThat(Sources.compile(book, AUTHOR)).hadErrorContaining("[LIMBER-070] Relation field Book.author is"
                        + " static, so it cannot hold the related models of each row; remove 'static'")
                .inFile(book).onLineContaining("static Ref<Author>");
    }

    @Test
    void finalRelationIsAnErrorOnClassesOnly() {
        JavaFileObject book = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @BelongsTo final Ref<Author> author = null;",
                "}");

        assertThat(Sources.compile(book, AUTHOR)).hadErrorContaining("[LIMBER-071] Relation field Book.author is final,"
                        + " so a query cannot load into it; remove 'final' (or make Book a record)")
                .inFile(book).onLineContaining("final Ref<Author>");
    }

    @Test
    void explicitOnDeleteConflictingWithACascadingInverseIsAnError() {
        JavaFileObject author = model("Author",
                "@Model(table = \"authors\") public class Author {",
                "    @Column(primaryKey = true) Long id;",
                "    @HasMany(mappedBy = \"author\", cascade = Cascade.DELETE) Many<Book> books;",
                "}");
        JavaFileObject book = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @BelongsTo(onDelete = OnDelete.RESTRICT) Ref<Author> author;",
                "}");

        assertThat(Sources.compile(author, book)).hadErrorContaining("[LIMBER-072] @BelongsTo Book.author has"
                        + " onDelete = OnDelete.RESTRICT, but Author.books has cascade = Cascade.DELETE, which"
                        + " hard-deletes with ON DELETE CASCADE; remove onDelete (or set OnDelete.CASCADE), or remove"
                        + " the cascade")
                .inFile(book).onLineContaining("OnDelete.RESTRICT");
    }

    @Test
    void foreignKeyCycleBetweenTablesIsAnErrorOnEachSide() {
        JavaFileObject author = model("Author",
                "@Model(table = \"authors\") public class Author {",
                "    @Column(primaryKey = true) Long id;",
                "    @BelongsTo Ref<Book> favourite;",
                "}");
        JavaFileObject book = model("Book",
                "@Model(table = \"books\") public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @BelongsTo Ref<Author> author;",
                "}");
        Compilation compilation = Sources.compile(author, book);

        assertThat(compilation).hadErrorContaining("[LIMBER-073] @BelongsTo Book.author is part of a foreign-key cycle"
                        + " between tables authors, books; cycles between different tables are not supported yet, so"
                        + " make one side a plain key column (e.g. '@Column Long authorId;') instead of a @BelongsTo")
                .inFile(book).onLineContaining("Ref<Author> author");
        assertThat(compilation).hadErrorContaining(Message.FOREIGN_KEY_CYCLE.format("Author.favourite",
                        "authors, books", "book"))
                .inFile(author).onLineContaining("Ref<Book> favourite");
    }

    @Test
    void targetWithoutPrimaryKeyIsAnErrorOnTheForeignKeyToo() {
        JavaFileObject book = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @BelongsTo Ref<Shelf> shelf;",
                "}");
        JavaFileObject shelf = model("Shelf",
                "@Model public class Shelf {",
                "    @Column Long id;",
                "}");

        assertThat(Sources.compile(book, shelf)).hadErrorContaining("[LIMBER-074] @BelongsTo Book.shelf refers to"
                        + " Shelf, which has no usable primary key for the foreign key to reference; give Shelf a"
                        + " @Column(primaryKey = true) field of a supported type")
                .inFile(book).onLineContaining("Ref<Shelf> shelf");
    }

    @Test
    void privateRelationWithoutAccessorsSuggestsTheNearMiss() {
        JavaFileObject book = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @BelongsTo private Ref<Author> author;",
                "    public Ref<Author> getAuthr() { return author; }",
                "    public void setAuthor(Ref<Author> author) { this.author = author; }",
                "}");

        assertThat(Sources.compile(book, AUTHOR)).hadErrorContaining(Message.NO_GETTER.format("Book.author",
                        "Ref<Author>", "getAuthor", "; did you mean getAuthr()?"))
                .inFile(book).onLineContaining("private Ref<Author> author");
    }

    @Test
    void unknownTargetIsReportedOnTheField() {
        JavaFileObject book = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @BelongsTo Ref<Missing> author;",
                "}");
        Compilation compilation = Sources.compile(book);

        assertThat(compilation).hadErrorContaining(Message.UNRESOLVED_TYPE.format("Book.author",
                        "dev.limber.database.Ref<Missing>"))
                .inFile(book).onLineContaining("Ref<Missing> author");
        for (String message : Sources.errorMessages(compilation)) {
            assertThat(message).doesNotContain(Message.INTERNAL_ERROR.code());
        }
    }

    @Test
    void everyRelationProblemOfAModelIsReportedInOneRun() {
        JavaFileObject book = model("Book",
                "@Model public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @BelongsTo(nullable = false, onDelete = OnDelete.SET_NULL) Ref<Author> author;",
                "    Many<Author> editors;",
                "    @BelongsTo static Ref<Author> reviewer;",
                "}");
        Compilation compilation = Sources.compile(book, AUTHOR);

        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation).hadErrorContaining(Message.SET_NULL_NOT_NULLABLE.code()).inFile(book)
                .onLineContaining("OnDelete.SET_NULL");
        assertThat(compilation).hadErrorContaining(Message.RELATION_WITHOUT_ANNOTATION.code()).inFile(book)
                .onLineContaining("editors");
        assertThat(compilation).hadErrorContaining(Message.STATIC_RELATION.code()).inFile(book)
                .onLineContaining("reviewer");
    }
}
