package dev.limber.database;

/**
 * The checks every String value passes before Limber sends it, so that a value the databases
 * would treat differently is refused the same way on all four, with no SQL sent:
 * <ul>
 *   <li>a value longer than its column's {@code length}, counted in characters (code points).
 *       SQLite would keep it whole, MariaDB outside strict mode would cut it, and H2 counts
 *       UTF-16 units, so an emoji there is two;</li>
 *   <li>a NUL character (U+0000), which PostgreSQL cannot store in text at all and the others
 *       keep;</li>
 *   <li>half of a surrogate pair, which has no UTF-8 form: drivers would quietly store a
 *       {@code ?} or a replacement character instead.</li>
 * </ul>
 */
final class TextValues {
    private TextValues() {
    }

    /** Refuses {@code value}, written to {@code column} of {@code info}'s table, if it breaks a rule above. */
    static void checkWrite(ModelInfo<?> info, ColumnInfo column, Object value) {
        if (!(value instanceof String text)) {
            return;
        }
        checkCharacters(text, () -> info.type().getSimpleName() + "." + column.field());
        int length = column.length();
        if (length > 0 && text.length() > length) {
            int characters = text.codePointCount(0, text.length());
            if (characters > length) {
                throw new MappingException(info.type().getSimpleName() + "." + column.field() + " is " + characters
                        + " characters long, but column " + info.table() + "." + column.name() + " takes at most "
                        + length + "; shorten the value or raise @Column(length = ...) (and migrate the column)");
            }
        }
    }

    /**
     * Refuses a String holding U+0000 or half of a surrogate pair; {@code where} names the column or
     * condition for the message.
     */
    static void checkCharacters(String text, java.util.function.Supplier<String> where) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                throw new MappingException(where.get() + " holds a NUL character (U+0000) at index " + i
                        + ", which PostgreSQL cannot store in text and Limber therefore refuses on every database;"
                        + " remove it, or keep such data in a byte[] column");
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new MappingException(where.get() + " holds half of a UTF-16 surrogate pair (U+"
                        + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + ") at index " + i
                        + ", which is no character and has no UTF-8 form, so no database could keep it;"
                        + " fix the string where it was cut");
            }
        }
    }
}
