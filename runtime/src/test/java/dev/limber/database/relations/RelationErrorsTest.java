package dev.limber.database.relations;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.Engine;
import dev.limber.database.MappingException;
import dev.limber.database.ModelRegistry;
import dev.limber.database.Session;
import dev.limber.database.fixtures.relations.Author;
import dev.limber.database.fixtures.relations.Author_Mapper;
import dev.limber.database.fixtures.relations.Book;
import dev.limber.database.fixtures.relations.Book_;
import dev.limber.database.fixtures.relations.Book_Mapper;
import dev.limber.database.models.Cascade;
import dev.limber.database.query.ToMany;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import java.util.List;

/** A relation whose models the engine's registry lacks, or whose mappedBy names nothing, fails with what to fix. */
class RelationErrorsTest {

    @AllDatabases
    void aRelationToAModelOutsideTheRegistryIsAMappingError(TestDatabase db) {
        ModelRegistry partial = ModelRegistry.of(List.of(Author_Mapper.INFO, Book_Mapper.INFO));
        try (Engine engine = Engine.builder().url(db.url()).username(db.username()).password(db.password())
                .registry(partial).build(); Session s = engine.openSession()) {
            MappingException e = assertThrows(MappingException.class, () -> s.query(Book.class).with(Book_.tags));
            assertThat(e).hasMessageThat().startsWith("Book.tags needs dev.limber.database.fixtures.relations.Tag,"
                    + " which this engine's registry does not hold");
            assertThrows(MappingException.class, () -> s.query(Book.class).whereHas(Book_.tags));
        }
    }

    @AllDatabases
    void aMappedByNamingNoBelongsToIsAMappingError(TestDatabase db) {
        ToMany<Author, Book> wrong = ToMany.hasMany(Author.class, "books", Book.class, "writer", Cascade.NONE,
                a -> a.books, (a, h) -> a.books = h);
        ModelRegistry registry = ModelRegistry.of(List.of(Author_Mapper.INFO, Book_Mapper.INFO));
        try (Engine engine = Engine.builder().url(db.url()).username(db.username()).password(db.password())
                .registry(registry).build(); Session s = engine.openSession()) {
            MappingException e = assertThrows(MappingException.class, () -> s.query(Author.class).withCount(wrong));
            assertThat(e).hasMessageThat().startsWith("Author.books is mapped by Book.writer, but Book has no"
                    + " @BelongsTo writer to Author among its relations");
        }
    }
}
