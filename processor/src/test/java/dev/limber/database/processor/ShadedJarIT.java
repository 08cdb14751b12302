package dev.limber.database.processor;

import static com.google.common.truth.Truth.assertThat;

import dev.limber.database.ModelRegistry;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, alone on {@code -processorpath}, processes a model with the JDK's javac:
 * JavaPoet, JSqlParser and H2 are shaded in and relocated, and nothing else is needed. Run by failsafe after package.
 */
class ShadedJarIT {

    private static Path processorJar() {
        String property = System.getProperty("limber.processor.jar");
        assertThat(property).isNotNull();
        Path jar = Paths.get(property);
        assertThat(Files.exists(jar)).isTrue();
        return jar;
    }

    private static Path runtimeJar() throws Exception {
        return Paths.get(ModelRegistry.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void jarAloneOnProcessorPathGeneratesEverything(@TempDir Path work) throws Exception {
        Path source = work.resolve("src/com/example/shop/Book.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, String.join("\n",
                "package com.example.shop;",
                "import dev.limber.database.models.Column;",
                "import dev.limber.database.models.Model;",
                "import java.time.Instant;",
                "@Model(table = \"books\", softDelete = true)",
                "public class Book {",
                "    @Column(primaryKey = true) Long id;",
                "    @Column(nullable = false) String title;",
                "    @Column(unique = true) String isbn;",
                "    @Column Instant deletedAt;",
                "}",
                ""));
        Path classes = Files.createDirectories(work.resolve("classes"));
        Path generated = Files.createDirectories(work.resolve("generated"));

        // A separate javac process: in-process (ToolProvider) javac would let the test class path,
        // which holds the processor's own classes and unshaded JavaPoet, leak into processing.
        Path javac = Paths.get(System.getProperty("java.home"), "bin", "javac");
        Process process = new ProcessBuilder(javac.toString(),
                "-processorpath", processorJar().toString(),
                "-cp", runtimeJar().toString(),
                "-Xlint:all,-processing", "-Werror",
                "-d", classes.toString(),
                "-s", generated.toString(),
                source.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();

        assertThat(output).isEmpty();
        assertThat(status).isEqualTo(0);
        assertThat(list(generated)).containsExactly(
                "com/example/shop/Book_.java",
                "com/example/shop/Book_Mapper.java",
                "com/example/shop/LimberModelRegistry.java");
        assertThat(list(classes)).containsAtLeast(
                "com/example/shop/Book_.class",
                "com/example/shop/Book_Mapper.class",
                "com/example/shop/LimberModelRegistry.class",
                "META-INF/services/dev.limber.database.ModelRegistry",
                "META-INF/limber/schema/h2.sql",
                "META-INF/limber/schema/sqlite.sql",
                "META-INF/limber/schema/postgresql.sql",
                "META-INF/limber/schema/mariadb.sql");
        assertThat(Files.readString(classes.resolve("META-INF/services/dev.limber.database.ModelRegistry")))
                .isEqualTo("com.example.shop.LimberModelRegistry\n");
        assertThat(Files.readString(classes.resolve("META-INF/limber/schema/postgresql.sql")))
                .contains("CREATE UNIQUE INDEX \"ux_books_isbn\" ON \"books\" (\"isbn\") WHERE \"deleted_at\" IS NULL;\n");
    }

    @Test
    void jarShadesJavaPoetAndKeepsRuntimeNamesUnrelocated() throws IOException {
        List<String> entries = new ArrayList<>();
        try (JarFile jar = new JarFile(processorJar().toFile())) {
            for (ZipEntry entry : Collections.list(jar.entries())) {
                entries.add(entry.getName());
            }
            assertThat(entries).contains("dev/limber/database/processor/shaded/javapoet/JavaFile.class");
            assertThat(entries).contains("dev/limber/database/processor/shaded/jsqlparser/parser/CCJSqlParserUtil.class");
            assertThat(entries).contains("dev/limber/database/processor/shaded/h2/Driver.class");
            assertThat(entries).doesNotContain("META-INF/services/java.sql.Driver");
            assertThat(entries).contains("META-INF/services/javax.annotation.processing.Processor");
            assertThat(entries).contains("META-INF/gradle/incremental.annotation.processors");
            for (String entry : entries) {
                assertThat(entry).doesNotContain("com/palantir");
                assertThat(entry).doesNotContain("net/sf/jsqlparser");
                assertThat(entry).doesNotContain("org/h2/");
                assertThat(entry).doesNotContain("jmh");
                assertThat(entry).doesNotContain("dev/limber/database/processor/shaded/dev");
            }
            String incremental = new String(jar.getInputStream(jar.getEntry("META-INF/gradle/incremental.annotation.processors"))
                    .readAllBytes(), StandardCharsets.UTF_8);
            assertThat(incremental).isEqualTo("dev.limber.database.processor.ModelProcessor,aggregating\n");
        }
    }

    /**
     * The {@code @Query} engine from the jar alone, in a class loader that sees nothing else: the
     * relocated JSqlParser rewrites the statement and the relocated H2 (opened by its own Driver
     * class, not DriverManager) prepares it against the schema and describes its result.
     */
    @Test
    void jarAloneRewritesAndVerifiesQuerySql() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {processorJar().toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            String sql = "dev.limber.database.processor.sql.";
            Class<?> database = loader.loadClass(sql + "Database");
            Object h2 = database.getMethod("named", String.class).invoke(null, "h2");
            Object column = loader.loadClass(sql + "SqlSchema$Column").getConstructor(String.class, String.class,
                    boolean.class).newInstance("id", "java.lang.Long", false);
            Object table = loader.loadClass(sql + "SqlSchema$Table").getConstructor(String.class, String.class,
                    boolean.class, List.class, Set.class, Map.class).newInstance("books", "Book", true, List.of(column),
                    Set.of(), Map.of(h2, List.of("CREATE TABLE \"books\" (\"id\" BIGINT PRIMARY KEY,"
                            + " \"deleted_at\" TIMESTAMP WITH TIME ZONE)")));
            Object schema = loader.loadClass(sql + "SqlSchema").getConstructor(List.class).newInstance(List.of(table));
            Class<?> mode = loader.loadClass(sql + "TrashedMode");
            Object target = loader.loadClass(sql + "ReturnTarget$Scalar").getConstructor(String.class)
                    .newInstance("long");
            Object request = loader.loadClass(sql + "QueryRequest").getConstructor(String.class, String.class,
                    List.class, mode, Set.class, loader.loadClass(sql + "ReturnTarget")).newInstance("Books.count",
                    "SELECT COUNT(*) FROM books b WHERE b.id > :min", List.of("min"),
                    mode.getMethod("valueOf", String.class).invoke(null, "EXCLUDE"), Set.of(), target);
            Class<?> analyzerType = loader.loadClass(sql + "QueryAnalyzer");
            try (AutoCloseable analyzer = (AutoCloseable) analyzerType.getConstructor(schema.getClass(), Map.class)
                    .newInstance(schema, Map.of())) {
                Object analyzed = analyzerType.getMethod("analyze", request.getClass()).invoke(analyzer, request);
                Class<?> result = analyzed.getClass();
                assertThat(result.getMethod("problems").invoke(analyzed)).isEqualTo(List.of());
                assertThat(result.getMethod("jdbcSql").invoke(analyzed))
                        .isEqualTo("SELECT COUNT(*) FROM books b WHERE b.id > ? AND b.deleted_at IS NULL");
                assertThat(result.getMethod("verifiedOn").invoke(analyzed)).isEqualTo(List.of(h2));
                assertThat(((List<?>) result.getMethod("columns").invoke(analyzed))).hasSize(1);
            }
        }
    }

    private static List<String> list(Path root) throws IOException {
        List<String> files = new ArrayList<>();
        try (var paths = Files.walk(root)) {
            paths.filter(Files::isRegularFile).forEach(p -> files.add(root.relativize(p).toString().replace('\\', '/')));
        }
        Collections.sort(files);
        return files;
    }
}
