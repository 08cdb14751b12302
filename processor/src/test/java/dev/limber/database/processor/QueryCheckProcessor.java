package dev.limber.database.processor;

import dev.limber.database.processor.sql.AnalyzedQuery;
import dev.limber.database.processor.sql.Database;
import dev.limber.database.processor.sql.Problem;
import dev.limber.database.processor.sql.QueryAnalyzer;
import dev.limber.database.processor.sql.QueryRequest;
import dev.limber.database.processor.sql.ReturnTarget;
import dev.limber.database.processor.sql.TrashedMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * A stand-in for the repository processor in tests of {@code processor.sql}: it reads the
 * compilation's models as ModelProcessor does, hands every {@code @Query} method to
 * {@link QueryAnalyzer}, prints the problems on the method (or its {@code @Query}), and keeps each
 * analysis in {@link #RESULTS} by method name. It shows how a caller maps mirrors to a request.
 */
final class QueryCheckProcessor extends AbstractProcessor {
    static final String QUERY = "dev.limber.database.repository.Query";
    static final Map<String, AnalyzedQuery> RESULTS = new LinkedHashMap<>();

    private final Map<String, ModelDescriptor> models = new LinkedHashMap<>();

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(ModelReader.MODEL, QUERY);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return QueryAnalyzer.OPTIONS;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        ModelReader reader = new ModelReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
        TypeElement model = processingEnv.getElementUtils().getTypeElement(ModelReader.MODEL);
        for (Element element : round.getElementsAnnotatedWith(model)) {
            ModelDescriptor descriptor = reader.read((TypeElement) element);
            if (new ModelValidator().validate(descriptor).isClean()) {
                models.put(descriptor.type().canonicalName(), descriptor);
            }
        }
        TypeElement query = processingEnv.getElementUtils().getTypeElement(QUERY);
        List<ExecutableElement> methods = new ArrayList<>();
        for (Element element : round.getElementsAnnotatedWith(query)) {
            methods.add((ExecutableElement) element);
        }
        if (methods.isEmpty()) {
            return false;
        }
        try (QueryAnalyzer analyzer = new QueryAnalyzer(SqlSchemas.of(models.values()), processingEnv.getOptions())) {
            for (ExecutableElement method : methods) {
                AnnotationMirror mirror = ModelReader.mirror(method, QUERY);
                String name = method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName();
                List<String> parameters = new ArrayList<>();
                for (VariableElement parameter : method.getParameters()) {
                    parameters.add(parameter.getSimpleName().toString());
                }
                AnalyzedQuery analyzed = analyzer.analyze(new QueryRequest(name, (String) value(mirror, "value"),
                        parameters, mode(mirror), databases(mirror), target(method.getReturnType())));
                RESULTS.put(method.getSimpleName().toString(), analyzed);
                for (Problem problem : analyzed.problems()) {
                    if (problem.place() == Problem.Place.ANNOTATION) {
                        processingEnv.getMessager().printMessage(problem.kind(), problem.text(), method, mirror);
                    } else {
                        processingEnv.getMessager().printMessage(problem.kind(), problem.text(), method);
                    }
                }
            }
        }
        return false;
    }

    private static Object value(AnnotationMirror mirror, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return entry.getValue().getValue();
            }
        }
        return null;
    }

    private static TrashedMode mode(AnnotationMirror mirror) {
        Object trashed = value(mirror, "trashed");
        return trashed == null ? TrashedMode.EXCLUDE
                : TrashedMode.valueOf(((VariableElement) trashed).getSimpleName().toString());
    }

    @SuppressWarnings("unchecked")
    private static Set<Database> databases(AnnotationMirror mirror) {
        Set<Database> databases = new LinkedHashSet<>();
        Object value = value(mirror, "databases");
        if (value != null) {
            for (AnnotationValue id : (List<? extends AnnotationValue>) value) {
                databases.add(Database.named((String) id.getValue()));
            }
        }
        return databases;
    }

    /** The row type: the type argument of List/Optional/Stream/Page, else the return type. */
    private ReturnTarget target(TypeMirror type) {
        if (type.getKind() == TypeKind.VOID) {
            return new ReturnTarget.None();
        }
        if (type.getKind().isPrimitive()) {
            return new ReturnTarget.Scalar(type.toString());
        }
        DeclaredType declared = (DeclaredType) type;
        if (!declared.getTypeArguments().isEmpty()) {
            return target(declared.getTypeArguments().get(0));
        }
        TypeElement element = (TypeElement) declared.asElement();
        ModelDescriptor model = models.get(element.getQualifiedName().toString());
        if (model != null) {
            return new ReturnTarget.Model(model.table(), element.getSimpleName().toString());
        }
        if (element.getKind() == ElementKind.RECORD) {
            List<ReturnTarget.Component> components = new ArrayList<>();
            for (RecordComponentElement component : element.getRecordComponents()) {
                components.add(new ReturnTarget.Component(component.getSimpleName().toString(),
                        component.asType().toString()));
            }
            return new ReturnTarget.Record(element.getSimpleName().toString(), components);
        }
        return new ReturnTarget.Scalar(element.getQualifiedName().toString());
    }
}
