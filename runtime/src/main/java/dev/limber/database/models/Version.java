package dev.limber.database.models;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Optimistic locking: {@code Session.update} checks that the row still holds this version,
 * writes version + 1, and throws {@code StaleObjectException} when another session changed
 * the row first; {@code Session.delete} and {@code forceDelete} likewise delete the row only at
 * this version (a soft delete leaves the version as it is). Goes on an integral {@code @Column}
 * field (int, long or their boxes).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Version {
}
