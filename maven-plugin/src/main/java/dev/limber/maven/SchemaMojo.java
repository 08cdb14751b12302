package dev.limber.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn limber:schema [-Dlimber.dialect=postgresql]}: prints the DDL of the project's models. */
@Mojo(name = "schema", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class SchemaMojo extends LimberMojo {
    /** h2, sqlite, postgresql or mariadb; by default the configured database's. */
    @Parameter(property = "limber.dialect")
    String dialect;

    @Override
    List<String> command() {
        return withOption("schema", "--dialect", dialect);
    }

    @Override
    boolean readsModels() {
        return true;
    }
}
