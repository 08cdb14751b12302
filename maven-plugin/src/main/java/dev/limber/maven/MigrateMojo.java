package dev.limber.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn limber:migrate}: apply every pending migration, in version order (as {@code limber migrate}). */
@Mojo(name = "migrate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class MigrateMojo extends LimberMojo {
    @Override
    List<String> command() {
        return List.of("migrate");
    }
}
