package dev.limber.database.mapping;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.MappingException;
import dev.limber.database.Ref;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a generated mapper binds for a {@code @BelongsTo}: the key of its Ref, in the column's type. */
class RelationKeysTest {

    @Test
    void noHolderAndNoIdBindNull() {
        assertThat(RelationKeys.key(null, Long.class)).isNull();
        assertThat(RelationKeys.key(Ref.ofId(null), Long.class)).isNull();
        assertThat(RelationKeys.key(Ref.foreignKey("Book.author", null), Long.class)).isNull();
    }

    @Test
    void anIntegralIdOfAnotherWidthIsConverted() {
        assertThat(RelationKeys.key(Ref.ofId(7), Long.class)).isEqualTo(7L);
        assertThat(RelationKeys.key(Ref.ofId(7L), Integer.class)).isEqualTo(7);
        assertThat(RelationKeys.key(Ref.ofId((short) 3), Long.class)).isEqualTo(3L);
    }

    @Test
    void anIdOfTheKeyTypeIsKept() {
        UUID id = UUID.randomUUID();
        assertThat(RelationKeys.key(Ref.ofId(id), UUID.class)).isSameInstanceAs(id);
        assertThat(RelationKeys.key(Ref.ofId("NL"), String.class)).isEqualTo("NL");
    }

    @Test
    void anIdThatDoesNotFitIsAClearError() {
        MappingException error = assertThrows(MappingException.class,
                () -> RelationKeys.key(Ref.foreignKey("Book.shelf", 5_000_000_000L), Integer.class));
        assertThat(error).hasMessageThat().contains("Book.shelf");
        assertThat(error).hasMessageThat().contains("does not fit the Integer foreign key");
    }

    @Test
    void anIdOfAnotherTypeIsAClearError() {
        MappingException error = assertThrows(MappingException.class,
                () -> RelationKeys.key(Ref.ofId("seven"), Long.class));
        assertThat(error).hasMessageThat().contains("of type java.lang.String, but the foreign key is a java.lang.Long");
    }
}
