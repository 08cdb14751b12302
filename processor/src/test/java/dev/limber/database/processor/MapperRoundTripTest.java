package dev.limber.database.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.limber.database.ColumnInfo;
import dev.limber.database.ModelInfo;
import dev.limber.database.dialect.Dialect;
import dev.limber.database.mapping.JdbcValues;
import dev.limber.database.mapping.ModelMapper;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The generated mapper of the every-type model, run for real: its DDL creates the table, bind()
 * inserts a row, read() reads it back through the runtime's JdbcValues, and every column
 * survives the trip, on every database.
 */
class MapperRoundTripTest {
    private static final Compilation COMPILATION = compile();

    private static Compilation compile() {
        Compilation compilation = Sources.compile(GeneratedCodeTest.STRICT, GeneratedCodeTest.everyType(), Shapes.author());
        assertThat(compilation).succeededWithoutWarnings();
        return compilation;
    }

    @SuppressWarnings("unchecked")
    private static ModelInfo<Object> info(GeneratedClasses classes, String mapper) {
        return (ModelInfo<Object>) classes.staticField(mapper, "INFO");
    }

    /** A value for each Java type of the every-type model, exact in every dialect. */
    private static Object sample(ColumnInfo column, GeneratedClasses classes) throws ClassNotFoundException {
        Class<?> type = column.javaType();
        if (type == boolean.class || type == Boolean.class) {
            return column.name().startsWith("boxed") ? Boolean.FALSE : Boolean.TRUE;
        }
        if (type == byte.class || type == Byte.class) {
            return (byte) -7;
        }
        if (type == short.class || type == Short.class) {
            return (short) 300;
        }
        if (type == int.class || type == Integer.class) {
            return 70_000;
        }
        if (type == long.class || type == Long.class) {
            return 5_000_000_000L;
        }
        if (type == float.class || type == Float.class) {
            return 1.5f;
        }
        if (type == double.class || type == Double.class) {
            return 2.25d;
        }
        if (type == String.class) {
            return "Dune – " + column.name();
        }
        if (type == BigDecimal.class) {
            return new BigDecimal("12.3400");
        }
        if (type == byte[].class) {
            return new byte[] {1, 2, 3, (byte) 0xff};
        }
        if (type == UUID.class) {
            return UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
        }
        if (type == LocalDate.class) {
            return LocalDate.of(1965, 8, 1);
        }
        if (type == LocalTime.class) {
            return LocalTime.of(10, 15, 30, 123_456_000);
        }
        if (type == LocalDateTime.class) {
            return LocalDateTime.of(2024, 2, 29, 23, 59, 58, 654_321_000);
        }
        if (type == Instant.class) {
            return Instant.parse("2024-03-01T12:00:00.000001Z");
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.of(2024, 3, 1, 12, 0, 0, 2_000, ZoneOffset.UTC);
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[1];
        }
        throw new AssertionError("no sample for " + type + " of " + column);
    }

    @AllDatabases
    void everyColumnSurvivesBindAndRead(TestDatabase db) throws Exception {
        String dialectName = db.dialect().name();
        GeneratedClasses classes = new GeneratedClasses(COMPILATION);
        ModelInfo<Object> info = info(classes, "com.example.everything.EveryType_Mapper");
        ModelMapper<Object> mapper = info.mapper();
        Dialect dialect = Dialect.named(dialectName);
        JdbcValues values = dialect.values();

        Object model = classes.newInstance("com.example.everything.EveryType");
        List<Integer> written = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < info.columns().size(); i++) {
            ColumnInfo column = info.columns().get(i);
            if (column.generated() || i == info.deletedAtIndex()) {
                continue;
            }
            assertThat(mapper.with(model, i, sample(column, classes))).isSameInstanceAs(model);
            written.add(i);
            names.add(dialect.quote(column.name()));
        }
        List<String> all = new ArrayList<>();
        for (ColumnInfo column : info.columns()) {
            all.add(dialect.quote(column.name()));
        }

        try (Connection connection = db.connect();
                Statement ddl = connection.createStatement()) {
            for (String sql : info.ddl(dialectName)) {
                ddl.execute(sql);
            }
            String table = dialect.quote(info.table());
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " ("
                    + String.join(", ", names) + ") VALUES (" + "?, ".repeat(names.size() - 1) + "?)")) {
                int next = mapper.bind(insert, 1, model, written.stream().mapToInt(Integer::intValue).toArray(), values);
                assertThat(next).isEqualTo(names.size() + 1);
                insert.executeUpdate();
            }
            try (ResultSet rows = ddl.executeQuery("SELECT " + String.join(", ", all) + " FROM " + table)) {
                assertThat(rows.next()).isTrue();
                Object read = mapper.read(rows, values);
                assertThat(mapper.get(read, info.primaryKeyIndex())).isNotNull();
                assertThat(mapper.get(read, info.deletedAtIndex())).isNull();
                for (int i : written) {
                    Object expected = mapper.get(model, i);
                    Object actual = mapper.get(read, i);
                    assertWithMessage("column %s on %s", info.columns().get(i).name(), dialectName)
                            .that(actual instanceof byte[] ? List.of(box((byte[]) actual)) : actual)
                            .isEqualTo(expected instanceof byte[] ? List.of(box((byte[]) expected)) : expected);
                }
            }
        }
    }

    @Test
    void recordWithReturnsANewInstanceAndLeavesTheOriginal() throws SQLException {
        GeneratedClasses classes = new GeneratedClasses(COMPILATION);
        ModelInfo<Object> info = info(classes, "com.example.people.Author_Mapper");
        ModelMapper<Object> mapper = info.mapper();
        UUID id = UUID.randomUUID();
        Object author = mapper.with(recordWithNulls(classes, mapper), 0, id);
        Object renamed = mapper.with(author, 1, "Frank Herbert");

        assertThat(renamed).isNotSameInstanceAs(author);
        assertThat(mapper.get(author, 1)).isNull();
        assertThat(mapper.get(renamed, 0)).isEqualTo(id);
        assertThat(mapper.get(renamed, 1)).isEqualTo("Frank Herbert");
        assertThat(info.softDelete()).isFalse();
        assertThat(info.columns().get(0).generated()).isFalse();
    }

    /** An Author with every component null, built through the generated read() of an all-NULL row. */
    private static Object recordWithNulls(GeneratedClasses classes, ModelMapper<Object> mapper) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:");
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT CAST(NULL AS UUID), CAST(NULL AS VARCHAR), CAST(NULL AS DATE)")) {
            row.next();
            return mapper.read(row, Dialect.H2.values());
        }
    }

    private static Byte[] box(byte[] bytes) {
        Byte[] boxed = new Byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            boxed[i] = bytes[i];
        }
        return boxed;
    }
}
