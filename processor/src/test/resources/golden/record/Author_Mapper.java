package com.example.people;

import dev.limber.database.ColumnInfo;
import dev.limber.database.ModelInfo;
import dev.limber.database.mapping.JdbcValues;
import dev.limber.database.mapping.ModelMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import javax.annotation.processing.Generated;

/**
 * Reads and binds {@link Author} rows without reflection; generated from com.example.people.Author.
 */
@Generated("dev.limber.database.processor.ModelProcessor")
public final class Author_Mapper implements ModelMapper<Author> {
    /**
     * The table, columns, indexes and DDL of {@link Author}.
     */
    public static final ModelInfo<Author> INFO = ModelInfo.builder(Author.class, "authors", new Author_Mapper())
            .column(ColumnInfo.builder("id", "id", UUID.class).primaryKey()
                    .sqlType("h2", "UUID")
                    .sqlType("sqlite", "TEXT")
                    .sqlType("postgresql", "UUID")
                    .sqlType("mariadb", "CHAR(36)")
                    .build())
            .column(ColumnInfo.builder("name", "name", String.class).notNull().length(255)
                    .sqlType("h2", "VARCHAR(510)")
                    .sqlType("sqlite", "TEXT")
                    .sqlType("postgresql", "VARCHAR(255)")
                    .sqlType("mariadb", "VARCHAR(255)")
                    .build())
            .column(ColumnInfo.builder("born", "born", LocalDate.class)
                    .sqlType("h2", "DATE")
                    .sqlType("sqlite", "TEXT")
                    .sqlType("postgresql", "DATE")
                    .sqlType("mariadb", "DATE")
                    .build())
            .createTable("h2", "CREATE TABLE \"authors\" (\n"
                    + "    \"id\" UUID NOT NULL PRIMARY KEY,\n"
                    + "    \"name\" VARCHAR(510) NOT NULL,\n"
                    + "    \"born\" DATE\n"
                    + ")")
            .createTable("sqlite", "CREATE TABLE \"authors\" (\n"
                    + "    \"id\" TEXT NOT NULL PRIMARY KEY,\n"
                    + "    \"name\" TEXT NOT NULL,\n"
                    + "    \"born\" TEXT\n"
                    + ")")
            .createTable("postgresql", "CREATE TABLE \"authors\" (\n"
                    + "    \"id\" UUID NOT NULL PRIMARY KEY,\n"
                    + "    \"name\" VARCHAR(255) NOT NULL,\n"
                    + "    \"born\" DATE\n"
                    + ")")
            .createTable("mariadb", "CREATE TABLE `authors` (\n"
                    + "    `id` CHAR(36) NOT NULL PRIMARY KEY,\n"
                    + "    `name` VARCHAR(255) NOT NULL,\n"
                    + "    `born` DATE\n"
                    + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin")
            .build();

    private Author_Mapper() {
    }

    @Override
    public Author read(ResultSet resultSet, JdbcValues values) throws SQLException {
        UUID id = values.getUuid(resultSet, 1);
        String name = values.getString(resultSet, 2);
        LocalDate born = values.getLocalDate(resultSet, 3);
        return new Author(id, name, born);
    }

    @Override
    public int bind(PreparedStatement statement, int firstParameter, Author model, int[] columns,
            JdbcValues values) throws SQLException {
        int parameter = firstParameter;
        for (int column : columns) {
            switch (column) {
                case 0 -> values.setUuid(statement, parameter, model.id());
                case 1 -> values.setString(statement, parameter, model.name());
                case 2 -> values.setLocalDate(statement, parameter, model.born());
                default -> throw new IllegalArgumentException("Author has no column " + column);
            }
            parameter++;
        }
        return parameter;
    }

    @Override
    public Object get(Author model, int column) {
        return switch (column) {
            case 0 -> model.id();
            case 1 -> model.name();
            case 2 -> model.born();
            default -> throw new IllegalArgumentException("Author has no column " + column);
        };
    }

    @Override
    public Author with(Author model, int column, Object value) {
        return switch (column) {
            case 0 -> new Author((UUID) value, model.name(), model.born());
            case 1 -> new Author(model.id(), (String) value, model.born());
            case 2 -> new Author(model.id(), model.name(), (LocalDate) value);
            default -> throw new IllegalArgumentException("Author has no column " + column);
        };
    }
}
