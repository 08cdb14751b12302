package dev.limber.database.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.limber.database.ModelInfo;
import dev.limber.database.ModelRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** One registry per compilation, its service file, its name, and byte-identical output. */
class RegistryTest {

    @Test
    void registryListsEveryModelSortedByTableInTheCommonPackage() {
        Compilation compilation = Sources.compile(GeneratedCodeTest.STRICT, Shapes.note(), Shapes.author(),
                Shapes.inventoryItem());
        assertThat(compilation).succeededWithoutWarnings();

        assertThat(Sources.generatedSource(compilation, "com/example/LimberModelRegistry.java")).isEqualTo(""
                + "package com.example;\n"
                + "\n"
                + "import com.example.people.Author_Mapper;\n"
                + "import dev.limber.database.ModelInfo;\n"
                + "import dev.limber.database.ModelRegistry;\n"
                + "import java.util.List;\n"
                + "import javax.annotation.processing.Generated;\n"
                + "\n"
                + "/**\n"
                + " * Every Limber model of this compilation, sorted by table name; listed in META-INF/services/dev.limber.database.ModelRegistry.\n"
                + " */\n"
                + "@Generated(\"dev.limber.database.processor.ModelProcessor\")\n"
                + "public final class LimberModelRegistry implements ModelRegistry {\n"
                + "    private static final List<ModelInfo<?>> MODELS = List.of(\n"
                + "            Author_Mapper.INFO,\n"
                + "            InventoryItem_Mapper.INFO,\n"
                + "            Note_Mapper.INFO);\n"
                + "\n"
                + "    @Override\n"
                + "    public List<ModelInfo<?>> models() {\n"
                + "        return MODELS;\n"
                + "    }\n"
                + "}\n");
        assertThat(Sources.generatedResource(compilation, RegistryWriter.SERVICE_FILE))
                .isEqualTo("com.example.LimberModelRegistry\n");

        ModelRegistry registry = (ModelRegistry) new GeneratedClasses(compilation)
                .newInstance("com.example.LimberModelRegistry");
        List<String> tables = new ArrayList<>();
        for (ModelInfo<?> model : registry.models()) {
            tables.add(model.table());
        }
        assertThat(tables).containsExactly("authors", "inventory_item", "notes").inOrder();
    }

    @Test
    void registryOptionNamesTheRegistryClass() {
        Compilation compilation = Sources.compile(List.of("-Alimber.registry=com.acme.db.ShopModels"), Shapes.note());
        assertThat(compilation).succeededWithoutWarnings();

        assertThat(compilation).generatedSourceFile("com.acme.db.ShopModels");
        assertThat(Sources.generatedResource(compilation, RegistryWriter.SERVICE_FILE))
                .isEqualTo("com.acme.db.ShopModels\n");
    }

    @Test
    void malformedRegistryOptionIsAnError() {
        Compilation compilation = Sources.compile(List.of("-Alimber.registry=com.acme.1bad"), Shapes.note());

        assertThat(compilation).hadErrorContaining(Message.INVALID_REGISTRY_NAME.format("com.acme.1bad"));
    }

    @Test
    void modelsInUnrelatedPackagesGetARegistryInTheFirstPackageNotTheUnnamedOne() {
        Compilation compilation = Sources.compile(Shapes.note(), Sources.source("org.other.Tag",
                "package org.other;",
                "import dev.limber.database.models.*;",
                "@Model public record Tag(@Column(primaryKey = true) long id) {}"));
        assertThat(compilation).succeeded();

        assertThat(Sources.generatedResource(compilation, RegistryWriter.SERVICE_FILE))
                .isEqualTo("com.example.LimberModelRegistry\n");
    }

    @Test
    void modelsInTheUnnamedPackageGetARegistryThere() {
        Compilation compilation = Sources.compile(Sources.source("Tag",
                "import dev.limber.database.models.*;",
                "@Model public record Tag(@Column(primaryKey = true) long id) {}"));
        assertThat(compilation).succeeded();

        assertThat(Sources.generatedResource(compilation, RegistryWriter.SERVICE_FILE)).isEqualTo("LimberModelRegistry\n");
    }

    @Test
    void sameSourcesGiveByteIdenticalOutput() throws IOException {
        Map<String, String> first = outputs(Sources.compile(Shapes.note(), Shapes.author(), Shapes.inventoryItem(),
                GeneratedCodeTest.everyType()));
        // Different source order must not change anything either.
        Map<String, String> second = outputs(Sources.compile(GeneratedCodeTest.everyType(), Shapes.inventoryItem(),
                Shapes.author(), Shapes.note()));

        assertThat(first).isNotEmpty();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void gradleIncrementalProcessingIsDeclaredAggregating() throws IOException {
        try (InputStream in = ModelProcessor.class.getClassLoader()
                .getResourceAsStream("META-INF/gradle/incremental.annotation.processors")) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("dev.limber.database.processor.ModelProcessor,aggregating\n");
        }
    }

    /** Generated sources and resources (not class files, which javac does not promise to be reproducible). */
    private static Map<String, String> outputs(Compilation compilation) throws IOException {
        Map<String, String> outputs = new TreeMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() != JavaFileObject.Kind.CLASS) {
                outputs.put(file.toUri().getPath(), Sources.contents(file));
            }
        }
        return outputs;
    }
}
