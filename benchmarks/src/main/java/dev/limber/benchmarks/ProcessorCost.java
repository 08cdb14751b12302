package dev.limber.benchmarks;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the annotation processor adds to a build: javac (in process, warmed up as in a build
 * daemon) compiling {@code models} generated {@code @Model} classes, with the Limber processor
 * and with annotation processing off. The runtime and processor jars come from the local Maven
 * repository, or from {@code -Dlimber.runtime.jar=...} and {@code -Dlimber.processor.jar=...}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Xmn256m"})
@State(Scope.Benchmark)
public class ProcessorCost {
    @Param({"10", "100", "1000"})
    public int models;

    @Param({"true", "false"})
    public boolean processor;

    private Path sources;
    private Path output;
    private List<Path> files;
    private JavaCompiler javac;

    @Setup(Level.Trial)
    public void writeModels() throws IOException {
        javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("No system Java compiler; run the benchmarks on a JDK, not a JRE");
        }
        sources = Files.createTempDirectory("limber-models");
        files = new ArrayList<>();
        Path pkg = Files.createDirectories(sources.resolve("bench/models"));
        for (int i = 0; i < models; i++) {
            Path file = pkg.resolve("Model" + i + ".java");
            Files.writeString(file, model(i), StandardCharsets.UTF_8);
            files.add(file);
        }
    }

    /** A model like the benchmark's book: nine columns of mixed types, soft delete on every other one. */
    static String model(int i) {
        return String.format(Locale.ROOT, """
                package bench.models;

                import dev.limber.database.models.Column;
                import dev.limber.database.models.Model;
                import java.math.BigDecimal;
                import java.time.LocalDate;
                import java.time.LocalDateTime;

                @Model(table = "model_%1$d", softDelete = %2$b)
                public class Model%1$d {
                    @Column(primaryKey = true) Long id;
                    @Column(nullable = false, length = 200) String title;
                    @Column(unique = true, length = 40) String isbn;
                    @Column(precision = 10, scale = 2) BigDecimal price;
                    @Column LocalDate published;
                    @Column int pages;
                    @Column boolean inPrint;
                    @Column LocalDateTime createdAt;
                    @Column LocalDateTime deletedAt;
                }
                """, i, i % 2 == 0);
    }

    @Setup(Level.Invocation)
    public void cleanOutput() throws IOException {
        output = Files.createTempDirectory("limber-classes");
    }

    @TearDown(Level.Invocation)
    public void deleteOutput() throws IOException {
        delete(output);
    }

    @TearDown(Level.Trial)
    public void deleteSources() throws IOException {
        delete(sources);
    }

    @Benchmark
    public int compile() throws IOException {
        List<String> options = new ArrayList<>(List.of(
                "-d", output.toString(),
                "-classpath", runtimeClassPath(),
                "-implicit:none",
                "-nowarn"));
        if (processor) {
            options.addAll(List.of("-processorpath", processorJar(), "-Alimber.registry=bench.models.Models"));
        } else {
            options.add("-proc:none");
        }
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
            boolean ok = javac.getTask(diagnostics, fm, null, options, null, units).call();
            if (!ok) {
                throw new IllegalStateException("javac failed:\n" + diagnostics);
            }
        }
        try (Stream<Path> classes = Files.walk(output)) {
            int count = (int) classes.filter(p -> p.toString().endsWith(".class")).count();
            // With the processor every model also gets a metamodel and a mapper, plus one registry.
            int expected = processor ? models * 3 + 1 : models;
            if (count != expected) {
                throw new IllegalStateException("expected " + expected + " classes, javac wrote " + count);
            }
            return count;
        }
    }

    /** What a user's build has on its class path: the Limber runtime jar alone. */
    private static String runtimeClassPath() {
        return installed("runtime");
    }

    private static String processorJar() {
        return installed("processor");
    }

    /** {@code limber-<module>} from -Dlimber.<module>.jar, else from the local Maven repository. */
    private static String installed(String module) {
        String jar = System.getProperty("limber." + module + ".jar");
        if (jar == null) {
            jar = Path.of(System.getProperty("user.home"), ".m2", "repository", "dev", "limber", "limber-" + module,
                    "0.1.0-SNAPSHOT", "limber-" + module + "-0.1.0-SNAPSHOT.jar").toString();
        }
        if (!Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("limber-" + module + " jar not found at " + jar
                    + "; install it (mvn -pl " + module + " install) or pass -Dlimber." + module + ".jar=...");
        }
        return jar;
    }

    private static void delete(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
