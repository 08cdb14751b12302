package dev.limber.database.models;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An index on one or more columns of a {@link Model}, named by their fields, in index order:
 * {@code @Index(columns = {"memberId", "dueOn"})}. Repeatable. The processor writes it into the
 * DDL of every dialect ({@code CREATE INDEX "ix_loans_member_id_due_on" ON "loans" (...)}) and
 * migrations autogenerate adds or drops it as the model gains or loses it.
 *
 * <p>A {@code @BelongsTo} column is indexed already; unique indexes are {@link Unique}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Index.List.class)
public @interface Index {
    /** The indexed fields (or record components), at least one, in index order. */
    String[] columns();

    /** The index name; defaults to {@code ix_<table>_<column>_<column>...}. */
    String name() default "";

    /** Holds repeated {@code @Index} annotations; write {@code @Index} twice instead. */
    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.TYPE)
    @interface List {
        Index[] value();
    }
}
