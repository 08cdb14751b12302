package dev.limber.database.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Loads the classes of an in-memory compilation, so tests can run generated code against the real runtime. */
final class GeneratedClasses extends ClassLoader {
    private final Map<String, byte[]> classes = new HashMap<>();

    GeneratedClasses(Compilation compilation) {
        super(GeneratedClasses.class.getClassLoader());
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                String path = file.toUri().getPath();
                String prefix = "/" + StandardLocation.CLASS_OUTPUT.getName() + "/";
                String name = path.substring(path.indexOf(prefix) + prefix.length(), path.length() - ".class".length());
                try (InputStream in = file.openInputStream()) {
                    classes.put(name.replace('/', '.'), in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    /** The static field {@code field} of generated class {@code className}. */
    Object staticField(String className, String field) {
        try {
            return loadClass(className).getField(field).get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot read " + className + "." + field, e);
        }
    }

    Object newInstance(String className) {
        try {
            return loadClass(className).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot create " + className, e);
        }
    }
}
