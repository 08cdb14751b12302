package dev.limber.database;

import static com.google.common.truth.Truth.assertThat;

import dev.limber.database.dialect.Dialect;
import dev.limber.database.fixtures.Book;
import dev.limber.database.fixtures.Book_Mapper;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** update(model, properties...) renders the SQL of a set of columns once. */
class PartialUpdateSqlTest {
    private final ModelSql<Book> m = new ModelSql<>(Book_Mapper.INFO, Dialect.POSTGRESQL);

    private BitSet columns(String... names) {
        BitSet set = new BitSet();
        for (String name : names) {
            set.set(Book_Mapper.INFO.columnIndex(name));
        }
        return set;
    }

    @Test
    void aColumnSetIsRenderedOnceWhateverTheOrderItIsNamedIn() {
        ModelSql.PartialUpdate first = m.partialUpdate(columns("title", "isbn"));
        ModelSql.PartialUpdate again = m.partialUpdate(columns("isbn", "title"));
        assertThat(again).isSameInstanceAs(first);
        assertThat(first.sql()).isEqualTo("UPDATE \"books\" SET \"title\" = ?, \"isbn\" = ?, \"version\" = ?"
                + " WHERE \"id\" = ? AND \"version\" = ? AND \"deleted_at\" IS NULL");
        assertThat(m.partialUpdate(columns("title")).sql()).isEqualTo("UPDATE \"books\" SET \"title\" = ?,"
                + " \"version\" = ? WHERE \"id\" = ? AND \"version\" = ? AND \"deleted_at\" IS NULL");
    }
}
