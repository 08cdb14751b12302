package dev.limber.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn limber:repair}: clear a failed migration from the history, after its effects were undone by hand (as {@code limber repair}). */
@Mojo(name = "repair", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class RepairMojo extends LimberMojo {
    @Override
    List<String> command() {
        return List.of("repair");
    }
}
