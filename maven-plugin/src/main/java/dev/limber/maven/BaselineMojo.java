package dev.limber.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn limber:baseline [-Dlimber.baselineVersion=V]}: marks a database built without
 * migrations as being at version V, by default the newest script (as {@code limber baseline}).
 */
@Mojo(name = "baseline", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class BaselineMojo extends LimberMojo {
    /** The version the database is at; by default the newest script's. */
    @Parameter(property = "limber.baselineVersion")
    String baselineVersion;

    @Override
    List<String> command() {
        return withOption("baseline", "--version", baselineVersion);
    }
}
