package dev.limber.database.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Generated code compiles cleanly for every supported type and every model shape. */
class GeneratedCodeTest {
    /** -Xlint:all except "processing", whose warnings are about processors (e.g. unclaimed annotations), not code. */
    static final List<String> STRICT = List.of("-Xlint:all,-processing", "-Werror");

    static JavaFileObject everyType() {
        return JavaFileObjects.forResource("models/com/example/everything/EveryType.java");
    }

    @Test
    void everySupportedTypeCompilesWithoutWarnings() {
        Compilation compilation = Sources.compile(STRICT, everyType());

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.example.everything.EveryType_");
        assertThat(compilation).generatedSourceFile("com.example.everything.EveryType_Mapper");
        assertThat(compilation).generatedSourceFile("com.example.everything.LimberModelRegistry");
    }

    @Test
    void recordsNestedClassesAndAccessorsCompileWithoutWarnings() {
        Compilation compilation = Sources.compile(STRICT,
                Sources.source("com.example.shop.Order",
                        "package com.example.shop;",
                        "import dev.limber.database.models.*;",
                        "import java.math.BigDecimal;",
                        "@Model(table = \"orders\")",
                        "public record Order(@Column(primaryKey = true) Long id, @Column(nullable = false) String customer,",
                        "        BigDecimal total, @Version int version, byte[] receipt, Order.State state) {",
                        "    public enum State { OPEN, PAID }",
                        "}"),
                Sources.source("com.example.shop.Catalog",
                        "package com.example.shop;",
                        "import dev.limber.database.models.*;",
                        "import java.util.UUID;",
                        "public class Catalog {",
                        "    @Model public static class Entry {",
                        "        @Column(primaryKey = true) private UUID id;",
                        "        @Column private boolean active;",
                        "        protected Entry() {}",
                        "        public UUID getId() { return id; }",
                        "        public void setId(UUID id) { this.id = id; }",
                        "        public boolean isActive() { return active; }",
                        "        public void setActive(boolean active) { this.active = active; }",
                        "    }",
                        "}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.example.shop.Order_Mapper");
        assertThat(compilation).generatedSourceFile("com.example.shop.Catalog_Entry_");
        assertThat(compilation).generatedSourceFile("com.example.shop.Catalog_Entry_Mapper");
        assertThat(Sources.generatedResource(compilation, RegistryWriter.SERVICE_FILE))
                .isEqualTo("com.example.shop.LimberModelRegistry\n");
    }

    /** Models named like types the generated code imports, with members named like its locals. */
    @Test
    void userNamesThatMatchGeneratedNamesDoNotClash() {
        Compilation compilation = Sources.compile(STRICT,
                Sources.source("com.example.names.Property",
                        "package com.example.names;",
                        "import dev.limber.database.models.*;",
                        "@Model(table = \"properties\", softDelete = true)",
                        "public record Property(@Column(primaryKey = true) Long model, String values, String resultSet,",
                        "        @Column(unique = true) String column, String value, Integer parameter, java.time.Instant deletedAt) {",
                        "}"),
                Sources.source("com.example.names.Map",
                        "package com.example.names;",
                        "import dev.limber.database.models.*;",
                        "@Model(table = \"maps\")",
                        "public class Map {",
                        "    @Column(primaryKey = true) Long statement;",
                        "    @Column(unique = true) String columns;",
                        "    @Column String firstParameter;",
                        "    @Column String INFO;",
                        "}"),
                Sources.source("com.example.names.Generated",
                        "package com.example.names;",
                        "import dev.limber.database.models.*;",
                        "@Model(table = \"generated\")",
                        "public record Generated(@Column(primaryKey = true) Long id, String name) {",
                        "}"));

        assertThat(compilation).succeededWithoutWarnings();
    }

    /** Type-use annotations such as a @Nullable on a column type must not leak into casts or locals. */
    @Test
    void typeUseAnnotationsOnColumnTypesCompileWithoutWarnings() {
        Compilation compilation = Sources.compile(STRICT,
                Sources.source("com.example.nullness.Nullable",
                        "package com.example.nullness;",
                        "import java.lang.annotation.*;",
                        "@Target(ElementType.TYPE_USE) @Retention(RetentionPolicy.CLASS) public @interface Nullable {}"),
                Sources.source("com.example.nullness.Review",
                        "package com.example.nullness;",
                        "import dev.limber.database.models.*;",
                        "@Model(table = \"reviews\")",
                        "public class Review {",
                        "    @Column(primaryKey = true) @Nullable Long id;",
                        "    @Column private @Nullable Boolean approved;",
                        "    @Column @Nullable String text;",
                        "    public @Nullable Boolean isApproved() { return approved; }",
                        "    public void setApproved(@Nullable Boolean approved) { this.approved = approved; }",
                        "}"),
                Sources.source("com.example.nullness.Vote",
                        "package com.example.nullness;",
                        "import dev.limber.database.models.*;",
                        "@Model(table = \"votes\")",
                        "public record Vote(@Column(primaryKey = true) @Nullable Long id, @Nullable String voter) {}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(Sources.generatedSource(compilation, "com/example/nullness/Review_Mapper.java"))
                .contains("model.isApproved()");
    }
}
