package dev.limber.database.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;

/**
 * The runtime classes generated code refers to, named as strings: the processor itself never
 * loads them, so it runs without limber-runtime on its class path.
 */
final class RuntimeNames {
    static final ClassName MODEL_INFO = ClassName.get("dev.limber.database", "ModelInfo");
    static final ClassName COLUMN_INFO = ClassName.get("dev.limber.database", "ColumnInfo");
    static final ClassName INDEX_INFO = ClassName.get("dev.limber.database", "IndexInfo");
    static final ClassName MODEL_REGISTRY = ClassName.get("dev.limber.database", "ModelRegistry");
    static final ClassName MODEL_MAPPER = ClassName.get("dev.limber.database.mapping", "ModelMapper");
    static final ClassName JDBC_VALUES = ClassName.get("dev.limber.database.mapping", "JdbcValues");
    static final ClassName PROPERTY = ClassName.get("dev.limber.database.query", "Property");
    static final ClassName TO_ONE = ClassName.get("dev.limber.database.query", "ToOne");
    static final ClassName TO_MANY = ClassName.get("dev.limber.database.query", "ToMany");
    static final ClassName FOREIGN_KEY = ClassName.get("dev.limber.database.query", "ForeignKey");
    static final ClassName REF = ClassName.get("dev.limber.database", "Ref");
    static final ClassName MANY = ClassName.get("dev.limber.database", "Many");
    static final ClassName FOREIGN_KEY_INFO = ClassName.get("dev.limber.database", "ForeignKeyInfo");
    static final ClassName RELATION_KEYS = ClassName.get("dev.limber.database.mapping", "RelationKeys");
    static final ClassName CASCADE = ClassName.get("dev.limber.database.models", "Cascade");
    static final ClassName ON_DELETE = ClassName.get("dev.limber.database.models", "OnDelete");

    static final ClassName RESULT_SET = ClassName.get("java.sql", "ResultSet");
    static final ClassName PREPARED_STATEMENT = ClassName.get("java.sql", "PreparedStatement");
    static final ClassName SQL_EXCEPTION = ClassName.get("java.sql", "SQLException");
    static final ClassName LIST = ClassName.get("java.util", "List");
    static final ClassName MAP = ClassName.get("java.util", "Map");

    /** {@code @Generated("dev.limber.database.processor.ModelProcessor")}, without a date so output is reproducible. */
    static final AnnotationSpec GENERATED = AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
            .addMember("value", "$S", ModelProcessor.class.getName())
            .build();

    /** A generated file as a person would write it: four-space indent, no java.lang imports. */
    static JavaFile file(String packageName, TypeSpec type) {
        return JavaFile.builder(packageName, type).skipJavaLangImports(true).indent("    ").build();
    }

    private RuntimeNames() {
    }
}
