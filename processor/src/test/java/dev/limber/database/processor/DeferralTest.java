package dev.limber.database.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** A model whose column type another processor generates is processed once that type exists. */
class DeferralTest {

    /** Generates enum com.example.Currency in its first round, as e.g. a code generator for constants would. */
    static final class CurrencyGenerator extends AbstractProcessor {
        private boolean done;

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!done) {
                done = true;
                try {
                    JavaFileObject file = processingEnv.getFiler().createSourceFile("com.example.Currency");
                    try (Writer writer = file.openWriter()) {
                        writer.write("package com.example;\npublic enum Currency { EUR, USD }\n");
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        }
    }

    private static final JavaFileObject PRICE = Sources.source("com.example.Price",
            "package com.example;",
            "import dev.limber.database.models.*;",
            "@Model(table = \"prices\")",
            "public class Price {",
            "    @Column(primaryKey = true) Long id;",
            "    @Column(length = 3) Currency currency;",
            "}");

    @Test
    void modelWaitsForAGeneratedColumnType() {
        Compilation compilation = javac()
                .withProcessors(new ModelProcessor(), new CurrencyGenerator())
                .withOptions(GeneratedCodeTest.STRICT)
                .compile(PRICE);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(Sources.generatedSource(compilation, "com/example/Price_Mapper.java"))
                .contains("values.getEnum(resultSet, 2, Currency.class)");
        assertThat(Sources.generatedResource(compilation, "META-INF/limber/schema/h2.sql"))
                .contains("\"currency\" VARCHAR(3)");
        assertThat(Sources.generatedSource(compilation, "com/example/LimberModelRegistry.java"))
                .contains("Price_Mapper.INFO");
    }

    /** Generates the model com.example.Publisher in its first round. */
    static final class PublisherGenerator extends AbstractProcessor {
        private boolean done;

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!done) {
                done = true;
                try {
                    JavaFileObject file = processingEnv.getFiler().createSourceFile("com.example.Publisher");
                    try (Writer writer = file.openWriter()) {
                        writer.write("package com.example;\n"
                                + "@dev.limber.database.models.Model(table = \"publishers\") public class Publisher {\n"
                                + "    @dev.limber.database.models.Column(primaryKey = true) Integer id;\n"
                                + "}\n");
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        }
    }

    @Test
    void relationWaitsForAGeneratedTargetModel() {
        JavaFileObject book = Sources.source("com.example.Book",
                "package com.example;",
                "import dev.limber.database.Ref;",
                "import dev.limber.database.models.*;",
                "@Model(table = \"books\")",
                "public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @BelongsTo Ref<Publisher> publisher;",
                "}");
        Compilation compilation = javac()
                .withProcessors(new ModelProcessor(), new PublisherGenerator())
                .withOptions(GeneratedCodeTest.STRICT)
                .compile(book);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(Sources.generatedSource(compilation, "com/example/Book_Mapper.java"))
                .contains("Ref.foreignKey(\"Book.publisher\", values.getIntOrNull(resultSet, 2))");
        String schema = Sources.generatedResource(compilation, "META-INF/limber/schema/postgresql.sql");
        assertThat(schema).contains("\"publisher_id\" INTEGER,\n");
        assertThat(schema.indexOf("CREATE TABLE \"publishers\"")).isLessThan(schema.indexOf("CREATE TABLE \"books\""));
    }

    @Test
    void typeThatNeverAppearsIsReportedOnTheField() {
        Compilation compilation = Sources.compile(PRICE);

        assertThat(compilation).hadErrorContaining(Message.UNRESOLVED_TYPE.format("Price.currency", "Currency"))
                .inFile(PRICE).onLineContaining("Currency currency");
    }

    @Test
    void unresolvableAnnotationValueIsAnErrorNotACrash() {
        JavaFileObject source = Sources.source("com.example.Bad",
                "package com.example;",
                "import dev.limber.database.models.*;",
                "@Model",
                "public class Bad {",
                "    @Column(primaryKey = true, length = Missing.LENGTH) Long id;",
                "}");
        Compilation compilation = Sources.compile(source);

        assertThat(compilation).hadErrorContaining(Message.UNRESOLVED_ANNOTATION_VALUE.format("com.example.Bad"))
                .inFile(source).onLineContaining("Missing.LENGTH");
        assertThat(compilation).hadErrorContaining("cannot find symbol");
        for (String message : Sources.errorMessages(compilation)) {
            assertThat(message).doesNotContain(Message.INTERNAL_ERROR.code());
        }
    }

    /** Writes a source once it sees Limber's own output for InventoryItem: too late for the registry. */
    static final class LateSourceGenerator extends AbstractProcessor {
        private final String name;
        private final String source;

        LateSourceGenerator(String name, String source) {
            this.name = name;
            this.source = source;
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            for (javax.lang.model.element.Element root : round.getRootElements()) {
                if (root.toString().equals("com.example.InventoryItem_")) {
                    try {
                        JavaFileObject file = processingEnv.getFiler().createSourceFile(name);
                        try (Writer writer = file.openWriter()) {
                            writer.write(source);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            return false;
        }
    }

    @Test
    void modelGeneratedAfterTheRegistryIsAnErrorNotASilentOmission() {
        Compilation compilation = javac()
                .withProcessors(new ModelProcessor(), new LateSourceGenerator("com.example.Late",
                        "package com.example;\n"
                        + "@dev.limber.database.models.Model public class Late {\n"
                        + "    @dev.limber.database.models.Column(primaryKey = true) Long id;\n"
                        + "}\n"))
                .compile(Shapes.inventoryItem());

        assertThat(compilation).hadErrorContaining(
                Message.MODEL_AFTER_REGISTRY.format("com.example.Late", "com.example.LimberModelRegistry"));
    }

    @Test
    void repositoryGeneratedAfterTheRegistryIsAnErrorOnItsAnnotation() {
        Compilation compilation = javac()
                .withProcessors(new ModelProcessor(), new LateSourceGenerator("com.example.LateItems",
                        "package com.example;\n"
                        + "@dev.limber.database.repository.Repository(InventoryItem.class)\n"
                        + "public interface LateItems {\n"
                        + "    long count();\n"
                        + "}\n"))
                .compile(Shapes.inventoryItem());

        assertThat(compilation).hadErrorCount(1);
        // the file is generated, and compile-testing hands out no generated file of a failed compilation:
        // the diagnostic itself says where it points
        javax.tools.Diagnostic<? extends JavaFileObject> error = compilation.errors().get(0);
        assertThat(error.getMessage(null)).contains(Message.REPOSITORY_AFTER_REGISTRY.format("com.example.LateItems",
                "com.example.LimberModelRegistry"));
        assertThat(error.getSource().getName()).endsWith("com/example/LateItems.java");
        assertThat(error.getLineNumber()).isEqualTo(2L);   // the @Repository line
    }
}
