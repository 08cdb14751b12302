package dev.limber.database.processor;

import dev.limber.database.processor.sql.Database;
import dev.limber.database.processor.sql.SqlSchema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Describes the generated schema for {@code processor.sql}: the same {@link DdlWriter} statements
 * the schema resources hold, so that {@code @Query} SQL is checked against exactly what users create.
 */
final class SqlSchemas {

    private SqlSchemas() {
    }

    /** The schema of {@code models} (valid ones: each must have passed the validator). */
    static SqlSchema of(Collection<ModelDescriptor> models) {
        List<SqlSchema.Table> tables = new ArrayList<>();
        for (ModelDescriptor model : models) {
            DdlWriter.ModelDdl ddl = DdlWriter.ddl(model);
            Map<Database, List<String>> statements = new EnumMap<>(Database.class);
            for (SqlDialect dialect : SqlDialect.values()) {
                statements.put(Database.named(dialect.id()), ddl.statements(dialect));
            }
            List<SqlSchema.Column> columns = new ArrayList<>();
            for (ColumnDescriptor column : model.columns()) {
                columns.add(new SqlSchema.Column(column.column(), javaType(column), column.nullable()));
            }
            Set<String> references = new TreeSet<>();
            for (DdlWriter.ForeignKeyDdl foreignKey : ddl.foreignKeys()) {
                references.add(foreignKey.referencedTable());
            }
            tables.add(new SqlSchema.Table(model.table(), model.type().canonicalName(), model.softDelete(), columns,
                    references, statements));
        }
        return new SqlSchema(tables);
    }

    /** The value's Java type: a {@code @BelongsTo} column holds the target key's type, not the {@code Ref}. */
    private static String javaType(ColumnDescriptor column) {
        if (column.foreignKey() && column.kind() != null && column.kind().boxed() != null) {
            return column.kind().boxed().canonicalName();
        }
        return column.type().toString();
    }
}
