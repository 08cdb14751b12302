package dev.limber.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn limber:check}: compare the database with the project's models (as {@code limber check}). */
@Mojo(name = "check", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class CheckMojo extends LimberMojo {
    @Override
    List<String> command() {
        return List.of("check");
    }

    @Override
    boolean readsModels() {
        return true;
    }
}
