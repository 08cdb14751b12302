package dev.limber.database.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.Locale;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** What the processor writes for each model shape, compared with reviewed golden files. */
class GoldenTest {

    @Test
    void classWithFieldsGetsMetamodelAndMapper() {
        Compilation compilation = compile(Shapes.inventoryItem());

        Golden.assertGenerated(compilation, "com/example/InventoryItem_.java", "class/InventoryItem_.java");
        Golden.assertGenerated(compilation, "com/example/InventoryItem_Mapper.java", "class/InventoryItem_Mapper.java");
    }

    @Test
    void recordIsReadThroughItsCanonicalConstructor() {
        Compilation compilation = compile(Shapes.author());

        Golden.assertGenerated(compilation, "com/example/people/Author_Mapper.java", "record/Author_Mapper.java");
    }

    @Test
    void privateFieldsAreReachedThroughAccessors() {
        Compilation compilation = compile(Shapes.customer());

        Golden.assertGenerated(compilation, "com/example/Customer_Mapper.java", "accessors/Customer_Mapper.java");
    }

    @Test
    void softDeleteModelDeclaresItsDeletedAtColumn() {
        Compilation compilation = compile(Shapes.note());

        Golden.assertGenerated(compilation, "com/example/Note_Mapper.java", "soft_delete/Note_Mapper.java");
    }

    @Test
    void versionColumnIsMarkedInModelInfo() {
        Compilation compilation = compile(Shapes.invoice());

        Golden.assertGenerated(compilation, "com/example/Invoice_Mapper.java", "version/Invoice_Mapper.java");
    }

    @Test
    void relationsGetMetamodelConstantsForeignKeysAndHolders() {
        Compilation compilation = compile(Shapes.relations());

        Golden.assertGenerated(compilation, "com/example/library/Book_.java", "relations/Book_.java");
        Golden.assertGenerated(compilation, "com/example/library/Book_Mapper.java", "relations/Book_Mapper.java");
        Golden.assertGenerated(compilation, "com/example/library/Author_.java", "relations/Author_.java");
        Golden.assertGenerated(compilation, "com/example/library/Author_Mapper.java", "relations/Author_Mapper.java");
        Golden.assertGenerated(compilation, "com/example/library/Tag_Mapper.java", "relations/Tag_Mapper.java");
        Golden.assertGenerated(compilation, "com/example/library/Biography_.java", "relations/Biography_.java");
    }

    /** Under tr_TR, "I".toLowerCase() is a dotless ı: names must still come out the same. */
    @Test
    void turkishDefaultLocaleChangesNoName() {
        Locale saved = Locale.getDefault();
        Compilation compilation;
        try {
            Locale.setDefault(new Locale("tr", "TR"));
            compilation = compile(Shapes.inventoryItem());
        } finally {
            Locale.setDefault(saved);
        }

        Golden.assertGenerated(compilation, "com/example/InventoryItem_.java", "class/InventoryItem_.java");
        Golden.assertGenerated(compilation, "com/example/InventoryItem_Mapper.java", "class/InventoryItem_Mapper.java");
        assertThat(Sources.generatedResource(compilation, "META-INF/limber/schema/h2.sql"))
                .contains("CREATE TABLE \"inventory_item\"");
    }

    private static Compilation compile(JavaFileObject... sources) {
        Compilation compilation = Sources.compile(GeneratedCodeTest.STRICT, sources);
        assertThat(compilation).succeededWithoutWarnings();
        return compilation;
    }
}
