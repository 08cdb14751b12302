package dev.limber.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn limber:info}: list applied and pending migrations (as {@code limber info}). */
@Mojo(name = "info", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class InfoMojo extends LimberMojo {
    @Override
    List<String> command() {
        return List.of("info");
    }
}
