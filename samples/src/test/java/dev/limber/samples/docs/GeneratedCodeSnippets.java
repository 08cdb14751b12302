package dev.limber.samples.docs;

import static com.google.common.truth.Truth.assertThat;

import dev.limber.database.ColumnInfo;
import dev.limber.database.ModelInfo;
import dev.limber.database.ModelRegistry;
import dev.limber.database.processor.ModelProcessor;
import dev.limber.database.query.Assignment;
import dev.limber.database.query.Condition;
import dev.limber.database.query.Order;
import dev.limber.database.query.Property;
import dev.limber.samples.bookstore.Book;
import dev.limber.samples.bookstore.Book_;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.JavaFileObject.Kind;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code of docs/generated-code.md. */
class GeneratedCodeSnippets {

    @Test
    void metamodelNamesColumnsWithTypes() {
        // tag::metamodel[]
        Property<Book, String> title = Book_.title;       // one constant per column, named as the field
        Condition dune = Book_.title.eq("Dune");          // typed: Book_.title.eq(42) does not compile
        Order newestFirst = Book_.id.desc();
        Assignment clearIsbn = Book_.isbn.set(null);
        // end::metamodel[]
        assertThat(title.column()).isEqualTo("title");
        assertThat(Book_.author.id().column()).isEqualTo("author_id");
        assertThat(dune).isNotNull();
        assertThat(newestFirst.ascending()).isFalse();
        assertThat(clearIsbn.value()).isNull();
    }

    @Test
    void missingPrimaryKeyIsTheCompileErrorThePageQuotes(@TempDir Path output) throws Exception {
        String page = Files.readString(Path.of("..", "docs", "generated-code.md"), StandardCharsets.UTF_8);
        Matcher quoted = Pattern.compile("`(\\[LIMBER-\\d+\\][^`]*)`").matcher(page);
        assertThat(quoted.find()).isTrue();
        JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///com/example/Book.java"), Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return "package com.example;\n"
                        + "import dev.limber.database.models.*;\n"
                        + "@Model public class Book { @Column String name; }\n";
            }
        };
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaCompiler.CompilationTask task = javac.getTask(null, null, diagnostics,
                List.of("-proc:only", "-classpath", System.getProperty("java.class.path"), "-d", output.toString(),
                        "-s", output.toString()),
                null, List.of(source));
        task.setProcessors(List.of(new ModelProcessor()));

        assertThat(task.call()).isFalse();
        assertThat(diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(Locale.ROOT))
                .toList())
                .containsExactly(quoted.group(1));
    }

    @Test
    void registryDescribesEveryModel() {
        // tag::registry[]
        ModelRegistry registry = ModelRegistry.discover();     // every generated registry on the class path
        ModelInfo<Book> books = registry.info(Book.class);
        String table = books.table();                          // "books"
        boolean soft = books.softDelete();                     // true
        for (ColumnInfo column : books.columns()) {            // id, title, isbn, author_id, deleted_at
            System.out.println(column.name() + " " + column.sqlType("postgresql"));
        }
        List<String> ddl = books.ddl("h2");                    // CREATE TABLE and its indexes, for H2
        // end::registry[]
        assertThat(table).isEqualTo("books");
        assertThat(soft).isTrue();
        assertThat(books.columns().stream().map(ColumnInfo::name).toList())
                .containsExactly("id", "title", "isbn", "author_id", "deleted_at").inOrder();
        assertThat(ddl.get(0)).startsWith("CREATE TABLE");
    }
}
