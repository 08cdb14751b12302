package dev.limber.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn limber:revision -Dlimber.message="add isbn to books"}: writes the migration that brings
 * the database to the project's models ({@code limber revision --autogenerate}); with
 * {@code -Dlimber.autogenerate=false}, an empty script to fill in by hand.
 */
@Mojo(name = "revision", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class RevisionMojo extends LimberMojo {
    /** What the revision does; it becomes the script's name. */
    @Parameter(property = "limber.message", required = true)
    String message;

    /** Compare the database with the models and write the difference (else an empty script). */
    @Parameter(property = "limber.autogenerate", defaultValue = "true")
    boolean autogenerate;

    @Override
    List<String> command() {
        List<String> command = new ArrayList<>(List.of("revision", "--message", message));
        if (autogenerate) {
            command.add("--autogenerate");
        }
        return command;
    }

    @Override
    boolean readsModels() {
        return autogenerate;
    }
}
