package dev.limber.database.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/** Writes the compilation's {@code ModelRegistry}: every model's {@code INFO}, sorted by table name. */
final class RegistryWriter {
    static final String DEFAULT_SIMPLE_NAME = "LimberModelRegistry";
    static final String SERVICE_FILE = "META-INF/services/dev.limber.database.ModelRegistry";
    private static final ClassName REPOSITORY_FACTORY = ClassName.get("dev.limber.database.mapping", "RepositoryFactory");

    private RegistryWriter() {
    }

    /**
     * {@code <longest common package>.LimberModelRegistry}. When the models share no package (say
     * {@code com.acme.shop} and {@code org.other}) it goes into the first of their packages in
     * alphabetical order rather than the unnamed package, where registries of two libraries would
     * collide on the class path.
     */
    static ClassName defaultName(Collection<ClassName> models) {
        List<String> common = null;
        String first = null;
        for (ClassName model : models) {
            String pkg = model.packageName();
            List<String> parts = pkg.isEmpty() ? List.of() : List.of(pkg.split("\\."));
            if (common == null) {
                common = new ArrayList<>(parts);
            } else {
                int i = 0;
                while (i < common.size() && i < parts.size() && common.get(i).equals(parts.get(i))) {
                    i++;
                }
                common = new ArrayList<>(common.subList(0, i));
            }
            if (!pkg.isEmpty() && (first == null || pkg.compareTo(first) < 0)) {
                first = pkg;
            }
        }
        String pkg = common == null || common.isEmpty() ? (first == null ? "" : first) : String.join(".", common);
        return ClassName.get(pkg, DEFAULT_SIMPLE_NAME);
    }

    /** A {@code @Repository} interface and its generated implementation. */
    record Implementation(ClassName type, ClassName implementation) {
    }

    /**
     * The registry class; {@code mappersSortedByTable} are the models' mapper classes,
     * {@code repositoriesSortedByName} the repositories' implementations.
     */
    static JavaFile write(ClassName name, List<ClassName> mappersSortedByTable,
            List<Implementation> repositoriesSortedByName, List<Element> originating) {
        TypeName infos = ParameterizedTypeName.get(RuntimeNames.LIST,
                ParameterizedTypeName.get(RuntimeNames.MODEL_INFO, WildcardTypeName.subtypeOf(Object.class)));
        List<CodeBlock> entries = new ArrayList<>();
        for (ClassName mapper : mappersSortedByTable) {
            entries.add(CodeBlock.of("$T.INFO", mapper));
        }
        TypeSpec.Builder registry = TypeSpec.classBuilder(name)
                .addJavadoc("Every Limber model of this compilation, sorted by table name; listed in $L.\n", SERVICE_FILE)
                .addAnnotation(RuntimeNames.GENERATED)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(RuntimeNames.MODEL_REGISTRY)
                .addField(FieldSpec.builder(infos, "MODELS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$T.of($>$>\n$L)$<$<", RuntimeNames.LIST, CodeBlock.join(entries, ",\n"))
                        .build())
                .addMethod(MethodSpec.methodBuilder("models")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(infos)
                        .addStatement("return MODELS")
                        .build());
        if (!repositoriesSortedByName.isEmpty()) {
            TypeName factories = ParameterizedTypeName.get(RuntimeNames.LIST,
                    ParameterizedTypeName.get(REPOSITORY_FACTORY, WildcardTypeName.subtypeOf(Object.class)));
            List<CodeBlock> factoryEntries = new ArrayList<>();
            for (Implementation repository : repositoriesSortedByName) {
                factoryEntries.add(CodeBlock.of("$T.of($T.class, $T::new)", REPOSITORY_FACTORY, repository.type(),
                        repository.implementation()));
            }
            registry.addField(FieldSpec.builder(factories, "REPOSITORIES", Modifier.PRIVATE, Modifier.STATIC,
                            Modifier.FINAL)
                    .initializer("$T.of($>$>\n$L)$<$<", RuntimeNames.LIST, CodeBlock.join(factoryEntries, ",\n"))
                    .build());
            registry.addMethod(MethodSpec.methodBuilder("repositories")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(factories)
                    .addStatement("return REPOSITORIES")
                    .build());
        }
        for (Element element : originating) {
            registry.addOriginatingElement(element);
        }
        return RuntimeNames.file(name.packageName(), registry.build());
    }
}
