package dev.limber.database;

import dev.limber.database.mapping.RepositoryFactory;
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

    /**
     * The {@code @Repository} implementations of this compilation, sorted by interface name;
     * {@link Session#repository(Class)} makes them.
     */
    default List<RepositoryFactory<?>> repositories() {
        return List.of();
    }

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
        return of(models, List.of());
    }

    /** A registry of the given models (sorted by table name) and repositories (sorted by interface name). */
    static ModelRegistry of(List<ModelInfo<?>> models, List<RepositoryFactory<?>> repositories) {
        List<ModelInfo<?>> sorted = new ArrayList<>(models);
        sorted.sort((a, b) -> a.table().compareTo(b.table()));
        List<ModelInfo<?>> frozen = Collections.unmodifiableList(sorted);
        List<RepositoryFactory<?>> byName = new ArrayList<>(repositories);
        byName.sort((a, b) -> a.type().getName().compareTo(b.type().getName()));
        List<RepositoryFactory<?>> frozenRepositories = Collections.unmodifiableList(byName);
        return new ModelRegistry() {
            @Override
            public List<ModelInfo<?>> models() {
                return frozen;
            }

            @Override
            public List<RepositoryFactory<?>> repositories() {
                return frozenRepositories;
            }
        };
    }

    /** Every registry on the class path (through {@link ServiceLoader}), merged into one. */
    static ModelRegistry discover() {
        return discover(Thread.currentThread().getContextClassLoader());
    }

    /** Every registry visible to {@code loader}, merged into one. */
    static ModelRegistry discover(ClassLoader loader) {
        List<ModelInfo<?>> all = new ArrayList<>();
        List<RepositoryFactory<?>> repositories = new ArrayList<>();
        for (ModelRegistry registry : ServiceLoader.load(ModelRegistry.class, loader)) {
            all.addAll(registry.models());
            repositories.addAll(registry.repositories());
        }
        return of(all, repositories);
    }
}
