package dev.limber.database.mapping;

import dev.limber.database.MappingException;
import dev.limber.database.Ref;

/**
 * The foreign key a {@code @BelongsTo} holder stores, for generated mappers: {@code bind} and
 * {@code get} of the foreign-key column call {@link #key(Ref, Class)}.
 */
public final class RelationKeys {
    private RelationKeys() {
    }

    /**
     * The key of {@code ref} as a value of the foreign-key column's type: null when the holder or
     * its id is null; the target's primary key for {@code Ref.to(target)}. An integral number of
     * another width ({@code Ref.ofId(7)} for a {@code Long} key) is converted when it fits.
     *
     * @throws MappingException when the id has a type the column cannot hold
     */
    public static <K> K key(Ref<?> ref, Class<K> type) {
        if (ref == null) {
            return null;
        }
        Object id = ref.id();
        if (id == null || type.isInstance(id)) {
            return type.cast(id);
        }
        if (isIntegral(id) && isIntegral(type)) {
            long value = ((Number) id).longValue();
            Object converted = convert(value, type);
            if (converted != null) {
                return type.cast(converted);
            }
            throw new MappingException(ref + " has id " + id + ", which does not fit the " + type.getSimpleName()
                    + " foreign key");
        }
        throw new MappingException(ref + " has id " + id + " of type " + id.getClass().getName()
                + ", but the foreign key is a " + type.getName() + "; use Ref.ofId with a " + type.getSimpleName()
                + " or Ref.to(target)");
    }

    private static boolean isIntegral(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }

    private static boolean isIntegral(Class<?> type) {
        return type == Long.class || type == Integer.class || type == Short.class || type == Byte.class;
    }

    /** {@code value} as {@code type}, or null when it does not fit. */
    private static Object convert(long value, Class<?> type) {
        if (type == Long.class) {
            return value;
        }
        if (type == Integer.class) {
            return value == (int) value ? (Object) (int) value : null;
        }
        if (type == Short.class) {
            return value == (short) value ? (Object) (short) value : null;
        }
        return value == (byte) value ? (Object) (byte) value : null;
    }
}
