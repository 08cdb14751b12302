package dev.limber.database.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

import static com.google.testing.compile.Compiler.javac;

/** Test sources and a compile helper; models import the real runtime annotations. */
final class Sources {
    private Sources() {
    }

    static JavaFileObject source(String qualifiedName, String... lines) {
        return JavaFileObjects.forSourceLines(qualifiedName, lines);
    }

    static Compilation compile(JavaFileObject... sources) {
        return javac().withProcessors(new ModelProcessor()).compile(sources);
    }

    static Compilation compile(List<String> options, JavaFileObject... sources) {
        return javac().withProcessors(new ModelProcessor()).withOptions(options).compile(sources);
    }

    /** The text of a generated source file, e.g. {@code com/example/Book_.java}. */
    static String generatedSource(Compilation compilation, String path) {
        return contents(compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, path)
                .orElseThrow(() -> new AssertionError("not generated: " + path + "; generated: "
                        + compilation.generatedFiles())));
    }

    /** The text of a generated resource, e.g. {@code META-INF/limber/schema/h2.sql}. */
    static String generatedResource(Compilation compilation, String path) {
        return contents(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path)
                .orElseThrow(() -> new AssertionError("not generated: " + path)));
    }

    /**
     * Every generated file, also of a failed compilation (compile-testing only hands them out for
     * successful ones), to prove what a bad model does and does not produce.
     */
    @SuppressWarnings("unchecked")
    static List<JavaFileObject> generatedFilesEvenOnFailure(Compilation compilation) {
        try {
            java.lang.reflect.Field field = Compilation.class.getDeclaredField("generatedFiles");
            field.setAccessible(true);
            return (List<JavaFileObject>) field.get(compilation);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("compile-testing changed; cannot read generated files", e);
        }
    }

    /** The paths of {@link #generatedFilesEvenOnFailure}, e.g. {@code /SOURCE_OUTPUT/com/example/Book_.java}. */
    static List<String> generatedPathsEvenOnFailure(Compilation compilation) {
        List<String> paths = new java.util.ArrayList<>();
        for (JavaFileObject file : generatedFilesEvenOnFailure(compilation)) {
            paths.add(file.toUri().getPath());
        }
        return paths;
    }

    static List<String> errorMessages(Compilation compilation) {
        List<String> messages = new java.util.ArrayList<>();
        compilation.errors().forEach(error -> messages.add(error.getMessage(java.util.Locale.ROOT)));
        return messages;
    }

    static String contents(JavaFileObject file) {
        try {
            return file.getCharContent(false).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
