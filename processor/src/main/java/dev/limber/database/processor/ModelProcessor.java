package dev.limber.database.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import dev.limber.database.processor.sql.QueryAnalyzer;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedOptions;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The Limber annotation processor. For every {@code @Model} it writes the metamodel
 * ({@code Book_}) and the mapper ({@code Book_Mapper}, whose {@code INFO} is the model's
 * ModelInfo); in the last round it writes one {@code ModelRegistry} for the compilation, its
 * service file, and the DDL of every model in {@code META-INF/limber/schema/<dialect>.sql}.
 *
 * <p>Each model goes read → validate → write. A model with errors gets all its errors reported
 * and nothing generated; other models are unaffected. Option {@code -Alimber.registry=com.example.Models}
 * names the registry class.
 */
@AutoService(Processor.class)
@SupportedOptions({ModelProcessor.REGISTRY_OPTION, "limber.verify.sqlite", "limber.verify.postgresql", "limber.verify.mariadb"})
public final class ModelProcessor extends AbstractProcessor {
    static final String REGISTRY_OPTION = "limber.registry";
    static final String SCHEMA_DIRECTORY = "META-INF/limber/schema/";

    /** A model whose sources are written; the registry and schema files list these. */
    private record Written(ModelDescriptor model, ClassName type, ClassName mapper, DdlWriter.ModelDdl ddl, TypeElement element,
            List<Reference> references) {
    }

    /**
     * A {@code @BelongsTo} of a written model: its table must be created after the target's. Kept
     * by name: elements of an earlier round lose their source position in a later one.
     */
    private record Reference(String target, String model, String field, String relation) {
    }

    /** A repository whose implementation is written; the registry lists these. */
    private record WrittenRepository(ClassName type, ClassName implementation, TypeElement element) {
    }

    /** Models waiting for types another processor has yet to generate, by qualified name. */
    private final Set<String> deferred = new TreeSet<>();
    /** Repositories waiting likewise. */
    private final Set<String> deferredRepositories = new TreeSet<>();
    private final Map<String, WrittenRepository> repositories = new TreeMap<>();
    /** Checks @Query SQL against the schema of every written model; made on first use, closed in the last round. */
    private QueryAnalyzer analyzer;
    private final Set<String> seen = new TreeSet<>();
    private final Map<String, Written> byTable = new TreeMap<>();
    private boolean finished;
    /** Set once the registry is written (or could not be, for a malformed option); later models cannot join it. */
    private boolean registryDone;
    private ClassName registry;

    /** javac's syntax trees, to place messages on repeated annotations; null under another compiler. */
    private com.sun.source.util.Trees trees() {
        try {
            return com.sun.source.util.Trees.instance(processingEnv);
        } catch (IllegalArgumentException | LinkageError e) {
            return null;
        }
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(ModelReader.MODEL, RepositoryReader.REPOSITORY);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        try {
            processRound(round);
        } catch (Exception | LinkageError e) {
            // Per-model failures are caught below; this only guards the round's own bookkeeping.
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    Message.INTERNAL_ERROR.format("this round", stackTrace(e)));
        }
        return false;
    }

    private void processRound(RoundEnvironment round) {
        List<TypeElement> todo = typesToProcess(deferred, ModelReader.MODEL, round);
        ModelReader reader = new ModelReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
        for (TypeElement type : todo) {
            process(type, reader, round.processingOver());
        }
        // Repositories wait until every model of the compilation is written: @Query SQL is checked
        // against the schema of all of them. Then they are written in the round the registry is.
        List<TypeElement> repositoryTodo = typesToProcess(deferredRepositories, RepositoryReader.REPOSITORY, round);
        boolean modelsDone = todo.isEmpty() && deferred.isEmpty();
        if (modelsDone || round.processingOver()) {
            RepositoryReader repositoryReader = new RepositoryReader(processingEnv.getElementUtils(),
                    processingEnv.getTypeUtils(), reader);
            for (TypeElement type : repositoryTodo) {
                processRepository(type, repositoryReader, round.processingOver());
            }
        } else {
            for (TypeElement type : repositoryTodo) {
                deferredRepositories.add(type.getQualifiedName().toString());
            }
        }
        // The registry is a source file, and javac warns (unconditionally, failing -Werror builds)
        // about sources created in the last round. So it is written in the first round that brings
        // no new model once every model is generated: the round that compiles Book_ and Book_Mapper.
        boolean anything = !byTable.isEmpty() || !repositories.isEmpty();
        if (!registryDone && modelsDone && deferredRepositories.isEmpty() && anything) {
            writeRegistry();
        }
        if (round.processingOver() && !finished) {
            finished = true;
            if (analyzer != null) {
                analyzer.close();
            }
            if (!registryDone && anything) {
                writeRegistry();
            }
            writeResources();
        }
    }

    private void process(TypeElement type, ModelReader reader, boolean lastRound) {
        String name = type.getQualifiedName().toString();
        if (seen.contains(name)) {
            return;
        }
        try {
            Element erroneous = reader.firstErroneousAnnotation(type);
            if (!lastRound && (erroneous != null || reader.hasUnresolvedTypes(type))) {
                deferred.add(name);
                return;
            }
            seen.add(name);
            if (erroneous != null) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                        Message.UNRESOLVED_ANNOTATION_VALUE.format(type.getQualifiedName()), erroneous);
                return;
            }
            ModelDescriptor model = reader.read(type);
            ValidationReport report = new ModelValidator().validate(model);
            if (registryDone && registry != null) {
                report.error(type, model.annotation(), Message.MODEL_AFTER_REGISTRY, model.type().canonicalName(),
                        registry.canonicalName());
            }
            Written other = byTable.get(model.table());
            if (other != null) {
                report.error(type, model.annotation(), Message.DUPLICATE_TABLE, model.type().canonicalName(),
                        model.table(), other.type().canonicalName());
            }
            report.printMessagesTo(processingEnv.getMessager(), trees());
            if (!report.isClean()) {
                return;
            }
            DdlWriter.ModelDdl ddl = DdlWriter.ddl(model);
            MetamodelWriter.write(model).writeTo(processingEnv.getFiler());
            MapperWriter.write(model, ddl).writeTo(processingEnv.getFiler());
            List<Reference> references = new ArrayList<>();
            for (RelationDescriptor relation : model.relations()) {
                if (relation.kind() == RelationDescriptor.Kind.BELONGS_TO) {
                    references.add(new Reference(relation.target().qualifiedName(), name, relation.field(),
                            relation.name(model)));
                }
            }
            byTable.put(model.table(), new Written(model, model.type(), model.mapperName(), ddl, type,
                    List.copyOf(references)));
        } catch (Exception | LinkageError e) {
            // Never let an exception escape: it would hide every other diagnostic of the compilation.
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    Message.INTERNAL_ERROR.format(name, stackTrace(e)), type);
        }
    }

    /**
     * The types deferred from earlier rounds (emptying {@code deferred}) and this round's types
     * annotated {@code annotation}, sorted by name.
     */
    private List<TypeElement> typesToProcess(Set<String> deferred, String annotation, RoundEnvironment round) {
        List<TypeElement> todo = new ArrayList<>();
        for (String name : deferred) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null) {
                todo.add(type);
            }
        }
        deferred.clear();
        TypeElement annotationType = processingEnv.getElementUtils().getTypeElement(annotation);
        if (annotationType != null) {
            for (Element element : round.getElementsAnnotatedWith(annotationType)) {
                if (element instanceof TypeElement) {
                    todo.add((TypeElement) element);
                }
            }
        }
        todo.sort(Comparator.comparing(type -> type.getQualifiedName().toString()));
        return todo;
    }

    /**
     * One repository: read, validate, write its implementation. A repository of a model with
     * errors gets nothing written (the model's errors say what to fix).
     */
    private void processRepository(TypeElement type, RepositoryReader reader, boolean lastRound) {
        String name = type.getQualifiedName().toString();
        if (repositories.containsKey(name) || !seen.add("repository:" + name)) {
            return;
        }
        try {
            if (!lastRound && reader.hasUnresolvedTypes(type)) {
                seen.remove("repository:" + name);
                deferredRepositories.add(name);
                return;
            }
            RepositoryDescriptor repository = reader.read(type);
            if (repository.model() != null && !new ModelValidator().validate(repository.model()).isClean()) {
                return;
            }
            RepositoryValidator.Result result = new RepositoryValidator(this::analyzer).validate(repository);
            if (registryDone && registry != null) {
                result.report().error(type, repository.annotation(), Message.REPOSITORY_AFTER_REGISTRY, name,
                        registry.canonicalName());
            }
            result.report().printMessagesTo(processingEnv.getMessager());
            if (!result.report().isClean()) {
                return;
            }
            RepositoryWriter.write(repository, result.queries(), result.sql()).writeTo(processingEnv.getFiler());
            repositories.put(name, new WrittenRepository(repository.type(), repository.implementationName(), type));
        } catch (Exception | LinkageError e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    Message.INTERNAL_ERROR.format(name, stackTrace(e)), type);
        }
    }

    /** The @Query analyzer over the schema of the models written so far (all of them, once repositories run). */
    private QueryAnalyzer analyzer() {
        if (analyzer == null) {
            List<ModelDescriptor> models = new ArrayList<>();
            for (Written written : byTable.values()) {
                models.add(written.model());
            }
            analyzer = new QueryAnalyzer(SqlSchemas.of(models), processingEnv.getOptions());
        }
        return analyzer;
    }

    /** The registry class, once, listing every model written so far, sorted by table name. */
    private void writeRegistry() {
        registryDone = true;
        try {
            ClassName name = registryName();
            if (name == null) {
                return;
            }
            registry = name;
            List<ClassName> mappers = new ArrayList<>();
            for (Written written : byTable.values()) {
                mappers.add(written.mapper());
            }
            List<RegistryWriter.Implementation> implementations = new ArrayList<>();
            for (WrittenRepository repository : repositories.values()) {
                implementations.add(new RegistryWriter.Implementation(repository.type(), repository.implementation()));
            }
            List<Element> originating = originating();
            for (WrittenRepository repository : repositories.values()) {
                originating.add(repository.element());
            }
            RegistryWriter.write(name, mappers, implementations, originating).writeTo(processingEnv.getFiler());
            writeResource(RegistryWriter.SERVICE_FILE, name.reflectionName() + "\n");
        } catch (Exception | LinkageError e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    Message.INTERNAL_ERROR.format("the model registry", stackTrace(e)));
        }
    }

    /**
     * Last round: the DDL of every model, one resource per dialect, in dependency order (a table
     * after the tables it references), else by table name.
     */
    private void writeResources() {
        if (byTable.isEmpty()) {
            return;
        }
        try {
            List<DdlWriter.ModelDdl> ddl = new ArrayList<>();
            for (Written written : dependencyOrder()) {
                ddl.add(written.ddl());
            }
            for (SqlDialect dialect : SqlDialect.values()) {
                writeResource(SCHEMA_DIRECTORY + dialect.id() + ".sql", DdlWriter.schema(dialect, ddl));
            }
        } catch (Exception | LinkageError e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    Message.INTERNAL_ERROR.format("the schema resources", stackTrace(e)));
        }
    }

    /**
     * The written models, each after the models it references (self references aside), ties
     * broken by table name. Models on a cycle between different tables get an error on each
     * {@code @BelongsTo} of the cycle and come last.
     */
    private List<Written> dependencyOrder() {
        Map<String, Written> byType = new TreeMap<>();
        for (Written written : byTable.values()) {
            byType.put(written.type().canonicalName(), written);
        }
        List<Written> ordered = new ArrayList<>();
        Set<String> placed = new TreeSet<>();
        List<Written> left = new ArrayList<>(byTable.values());
        boolean progress = true;
        while (progress && !left.isEmpty()) {
            progress = false;
            for (Written written : List.copyOf(left)) {
                boolean ready = true;
                for (Reference reference : written.references()) {
                    String target = reference.target();
                    if (!target.equals(written.type().canonicalName()) && byType.containsKey(target)
                            && !placed.contains(target)) {
                        ready = false;
                    }
                }
                if (ready) {
                    // Placing one model at a time, then rescanning from the first, keeps table-name order among ties.
                    ordered.add(written);
                    placed.add(written.type().canonicalName());
                    left.remove(written);
                    progress = true;
                    break;
                }
            }
        }
        for (Written written : left) {
            for (Reference reference : written.references()) {
                Written target = byType.get(reference.target());
                if (target != null && target != written && reaches(target, written, byType, new TreeSet<>())) {
                    String message = Message.FOREIGN_KEY_CYCLE.format(reference.relation(),
                            cycleTables(written, byType), Names.decapitalize(target.type().simpleName()));
                    Element field = field(reference);
                    if (field == null) {
                        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message);
                    } else {
                        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, field,
                                ModelReader.mirror(field, ModelReader.BELONGS_TO));
                    }
                }
            }
        }
        ordered.addAll(left);
        return ordered;
    }

    /** The field of {@code reference} as an element of this round, or null. */
    private Element field(Reference reference) {
        TypeElement type = processingEnv.getElementUtils().getTypeElement(reference.model());
        if (type == null) {
            return null;
        }
        for (Element member : type.getEnclosedElements()) {
            if (member.getKind() == ElementKind.FIELD && member.getSimpleName().contentEquals(reference.field())) {
                return member;
            }
        }
        return null;
    }

    /** Whether {@code from} references {@code to}, directly or through other models. */
    private static boolean reaches(Written from, Written to, Map<String, Written> byType, Set<String> seen) {
        if (!seen.add(from.type().canonicalName())) {
            return false;
        }
        for (Reference reference : from.references()) {
            Written next = byType.get(reference.target());
            if (next == to || (next != null && reaches(next, to, byType, seen))) {
                return true;
            }
        }
        return false;
    }

    /** {@code "authors, books"}: the tables on a cycle through {@code start}, sorted. */
    private static String cycleTables(Written start, Map<String, Written> byType) {
        Set<String> tables = new TreeSet<>();
        for (Written candidate : byType.values()) {
            if (candidate == start || (reaches(start, candidate, byType, new TreeSet<>())
                    && reaches(candidate, start, byType, new TreeSet<>()))) {
                tables.add(candidate.ddl().table());
            }
        }
        return String.join(", ", tables);
    }

    private List<Element> originating() {
        List<Element> originating = new ArrayList<>();
        for (Written written : byTable.values()) {
            originating.add(written.element());
        }
        return originating;
    }

    private void writeResource(String path, String contents) throws IOException {
        FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", path,
                originating().toArray(new Element[0]));
        try (Writer writer = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
            writer.write(contents);
        }
    }

    /** From {@code -Alimber.registry}, else the default; null (after an error) when the option is malformed. */
    private ClassName registryName() {
        String option = processingEnv.getOptions().get(REGISTRY_OPTION);
        if (option == null || option.isBlank()) {
            List<ClassName> types = new ArrayList<>();
            for (Written written : byTable.values()) {
                types.add(written.type());
            }
            if (types.isEmpty()) {
                for (WrittenRepository repository : repositories.values()) {
                    types.add(repository.type());
                }
            }
            return RegistryWriter.defaultName(types);
        }
        String name = option.trim();
        if (!SourceVersion.isName(name)) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    Message.INVALID_REGISTRY_NAME.format(option));
            return null;
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 ? ClassName.get("", name) : ClassName.get(name.substring(0, dot), name.substring(dot + 1));
    }

    private static String stackTrace(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
