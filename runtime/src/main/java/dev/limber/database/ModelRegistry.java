package dev.limber.database;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The models of one compilation. The annotation processor writes one implementation per
 * compilation and lists it in {@code META-INF/services/dev.limber.database.ModelRegistry};
 * it replaces a hand-kept list of models.
 */
public interface ModelRegistry {

    /** Every model, sorted by table name. */
    List<ModelInfo<?>> models();

    /** The model of {@code type}; a {@link MappingException} naming the registered models if it is not one. */
    default <T> ModelInfo<T> info(Class<T> type) {
        for (ModelInfo<?> info : models()) {
            if (info.type() == type) {
                @SuppressWarnings("unchecked")
                ModelInfo<T> typed = (ModelInfo<T>) info;
                return typed;
            }
        }
        List<String> known = new ArrayList<>();
        for (ModelInfo<?> info : models()) {
            known.add(info.type().getName());
        }
        throw new MappingException(type.getName() + " is not a registered model; annotate it with @Model and compile it"
                + " with the Limber processor. Registered models: " + (known.isEmpty() ? "none" : String.join(", ", known)));
    }

    /** A registry of the given models (sorted by table name). */
    static ModelRegistry of(List<ModelInfo<?>> models) {
        List<ModelInfo<?>> sorted = new ArrayList<>(models);
        sorted.sort((a, b) -> a.table().compareTo(b.table()));
        List<ModelInfo<?>> frozen = Collections.unmodifiableList(sorted);
        return () -> frozen;
    }

    /** Every registry on the class path (through {@link ServiceLoader}), merged into one. */
    static ModelRegistry discover() {
        return discover(Thread.currentThread().getContextClassLoader());
    }

    /** Every registry visible to {@code loader}, merged into one. */
    static ModelRegistry discover(ClassLoader loader) {
        List<ModelInfo<?>> all = new ArrayList<>();
        for (ModelRegistry registry : ServiceLoader.load(ModelRegistry.class, loader)) {
            all.addAll(registry.models());
        }
        return of(all);
    }
}
