package dev.limber.database.dialect;

/** Boxing of primitive classes; shared by the dialect's values and the runtime. */
public final class JavaTypes {
    private JavaTypes() {
    }

    /** {@code type}, boxed when it is a primitive. */
    public static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) return type;
        if (type == long.class) return Long.class;
        if (type == int.class) return Integer.class;
        if (type == boolean.class) return Boolean.class;
        if (type == short.class) return Short.class;
        if (type == byte.class) return Byte.class;
        if (type == double.class) return Double.class;
        if (type == float.class) return Float.class;
        if (type == char.class) return Character.class;
        return Void.class;
    }
}
