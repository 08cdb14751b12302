package dev.limber.samples.docs;

import static com.google.common.truth.Truth.assertThat;

import dev.limber.database.ColumnInfo;
import dev.limber.database.ModelInfo;
import dev.limber.database.ModelRegistry;
import dev.limber.database.query.Assignment;
import dev.limber.database.query.Condition;
import dev.limber.database.query.Order;
import dev.limber.database.query.Property;
import dev.limber.samples.bookstore.Book;
import dev.limber.samples.bookstore.Book_;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The code of docs/generated-code.md. */
class GeneratedCodeSnippets {

    @Test
    void metamodelNamesColumnsWithTypes() {
        // tag::metamodel[]
        Property<Book, String> title = Book_.title;       // one constant per column, named as the field
        Condition dune = Book_.title.eq("Dune");          // typed: Book_.title.eq(42) does not compile
        Order newestFirst = Book_.id.desc();
        Assignment clearIsbn = Book_.isbn.set(null);
        // end::metamodel[]
        assertThat(title.column()).isEqualTo("title");
        assertThat(Book_.authorId.column()).isEqualTo("author_id");
        assertThat(dune).isNotNull();
        assertThat(newestFirst.ascending()).isFalse();
        assertThat(clearIsbn.value()).isNull();
    }

    @Test
    void registryDescribesEveryModel() {
        // tag::registry[]
        ModelRegistry registry = ModelRegistry.discover();     // every generated registry on the class path
        ModelInfo<Book> books = registry.info(Book.class);
        String table = books.table();                          // "books"
        boolean soft = books.softDelete();                     // true
        for (ColumnInfo column : books.columns()) {            // id, title, isbn, author_id, deleted_at
            System.out.println(column.name() + " " + column.sqlType("postgresql"));
        }
        List<String> ddl = books.ddl("h2");                    // CREATE TABLE and its indexes, for H2
        // end::registry[]
        assertThat(table).isEqualTo("books");
        assertThat(soft).isTrue();
        assertThat(books.columns().stream().map(ColumnInfo::name).toList())
                .containsExactly("id", "title", "isbn", "author_id", "deleted_at").inOrder();
        assertThat(ddl.get(0)).startsWith("CREATE TABLE");
    }
}
