package dev.limber.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn limber:validate}: check that applied scripts are unchanged and none is pending (as {@code limber validate}). */
@Mojo(name = "validate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class ValidateMojo extends LimberMojo {
    @Override
    List<String> command() {
        return List.of("validate");
    }
}
