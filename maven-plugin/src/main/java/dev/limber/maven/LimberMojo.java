package dev.limber.maven;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Runs one {@code limber} command in the project: the same command line as the executable jar
 * ({@code dev.limber.database.migrations.Cli}), reading the same settings ({@code limber.properties}
 * in the project's folder, then {@code LIMBER_*} environment variables, then the parameters below),
 * on a class path of the project's compiled classes and runtime dependencies, as Flyway's plugin
 * does. The project's own Limber and JDBC driver jars come first; the plugin's fill in what the
 * project lacks (Flyway, {@code limber-migrations}).
 */
abstract class LimberMojo extends AbstractMojo {
    private static final String CLI = "dev.limber.database.migrations.Cli";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
    List<Artifact> pluginArtifacts;

    /** The JDBC URL; by default {@code database.url} from limber.properties or LIMBER_DATABASE_URL. */
    @Parameter(property = "limber.url")
    String url;

    @Parameter(property = "limber.username")
    String username;

    @Parameter(property = "limber.password")
    String password;

    /** Where the scripts are; by default {@code migrations.location} ({@code database/migrations}). */
    @Parameter(property = "limber.location")
    String location;

    /** Skips the goal. */
    @Parameter(property = "limber.skip", defaultValue = "false")
    boolean skip;

    /** The command and its own options, e.g. {@code migrate} or {@code revision -m "..."}. */
    abstract List<String> command();

    /** Whether the command reads the compiled models (and so needs {@code mvn compile} first). */
    boolean readsModels() {
        return false;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping limber (limber.skip)");
            return;
        }
        List<String> args = new ArrayList<>(command());
        File classes = new File(project.getBuild().getOutputDirectory());
        if (readsModels() && !classes.isDirectory()) {
            throw new MojoFailureException("limber " + args.get(0) + " reads the compiled models, but " + classes
                    + " does not exist: compile first, e.g. mvn compile limber:" + args.get(0));
        }
        option(args, "--url", url);
        option(args, "--username", username);
        option(args, "--password", password);
        option(args, "--location", location);

        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int code;
        try (URLClassLoader loader = new URLClassLoader(classPath(), ClassLoader.getPlatformClassLoader());
             PrintStream out = new PrintStream(new LineLog(getLog()::info), true, StandardCharsets.UTF_8);
             PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8)) {
            code = run(loader, args, out, err);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not close the project's class loader: " + e.getMessage(), e);
        }
        String message = errors.toString(StandardCharsets.UTF_8).strip();
        if (code != 0) {
            throw new MojoFailureException(message.isEmpty() ? "limber " + args.get(0) + " failed" : message);
        }
        if (!message.isEmpty()) {
            getLog().warn(message);
        }
    }

    /** {@code command}, followed by {@code name value} when the value is set. */
    static List<String> withOption(String command, String name, String value) {
        List<String> args = new ArrayList<>(List.of(command));
        option(args, name, value);
        return args;
    }

    private static void option(List<String> args, String name, String value) {
        if (value != null && !value.isBlank()) {
            args.add(name);
            args.add(value);
        }
    }

    /** Calls {@code Cli.run} inside {@code loader}, which is also the context class loader meanwhile. */
    private int run(ClassLoader loader, List<String> args, PrintStream out, PrintStream err)
            throws MojoExecutionException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        // The command line quiets Flyway's logger through system properties; they must not outlive the
        // goal and silence a later one in the same build (exec:java, say).
        Set<String> before = new HashSet<>(System.getProperties().stringPropertyNames());
        try {
            Method run = loader.loadClass(CLI).getMethod("run", Path.class, String[].class, PrintStream.class,
                    PrintStream.class);
            return (Integer) run.invoke(null, project.getBasedir().toPath(), args.toArray(new String[0]), out, err);
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
            throw new MojoExecutionException("The class path has no usable " + CLI + " (" + e + "): the project"
                    + " depends on another version of limber-migrations than this plugin's; use the same version", e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new MojoExecutionException("limber " + args.get(0) + " failed: " + cause, cause);
        } finally {
            thread.setContextClassLoader(previous);
            for (String name : System.getProperties().stringPropertyNames()) {
                if (name.startsWith("org.slf4j.simpleLogger.") && !before.contains(name)) {
                    System.clearProperty(name);
                }
            }
        }
    }

    /**
     * The project's output folder and runtime class path, then the plugin's own artifacts that the
     * project does not have (by {@code groupId:artifactId}, so that one version of each is loaded).
     */
    private URL[] classPath() throws MojoExecutionException {
        Map<String, File> entries = new LinkedHashMap<>();
        Set<String> keys = new HashSet<>();
        entries.put("project output", new File(project.getBuild().getOutputDirectory()));
        for (Artifact artifact : project.getArtifacts()) {
            String scope = artifact.getScope();
            if (artifact.getFile() != null && (scope == null || Artifact.SCOPE_COMPILE.equals(scope)
                    || Artifact.SCOPE_RUNTIME.equals(scope) || Artifact.SCOPE_SYSTEM.equals(scope))) {
                entries.put(key(artifact), artifact.getFile());
                keys.add(key(artifact));
            }
        }
        for (Artifact artifact : pluginArtifacts) {
            if (artifact.getFile() != null && !keys.contains(key(artifact))) {
                entries.putIfAbsent(key(artifact), artifact.getFile());
            }
        }
        List<URL> urls = new ArrayList<>();
        for (File file : entries.values()) {
            try {
                urls.add(file.toURI().toURL());
            } catch (MalformedURLException e) {
                throw new MojoExecutionException("Bad class path entry " + file + ": " + e.getMessage(), e);
            }
        }
        if (getLog().isDebugEnabled()) {
            getLog().debug("limber class path: " + urls);
        }
        return urls.toArray(new URL[0]);
    }

    private static String key(Artifact artifact) {
        return artifact.getGroupId() + ":" + artifact.getArtifactId()
                + (artifact.getClassifier() == null || artifact.getClassifier().isEmpty() ? "" : ":" + artifact.getClassifier());
    }

    /** Sends each printed line to the Maven log. */
    private static final class LineLog extends OutputStream {
        private final Consumer<CharSequence> sink;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineLog(Consumer<CharSequence> sink) {
            this.sink = sink;
        }

        @Override
        public void write(int b) {
            if (b == '\n') {
                flushLine();
            } else if (b != '\r') {
                line.write(b);
            }
        }

        @Override
        public void close() {
            if (line.size() > 0) {
                flushLine();
            }
        }

        private void flushLine() {
            sink.accept(line.toString(StandardCharsets.UTF_8));
            line.reset();
        }
    }
}
