package dev.limber.database.processor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Name conventions shared by the reader, the validator and the writers; all case conversion uses Locale.ROOT.
 * Public for {@link #closest}, which {@code processor.sql} uses for its did-you-mean.
 */
public final class Names {
    /** PostgreSQL truncates identifiers beyond 63 bytes; MariaDB allows 64. */
    static final int MAX_IDENTIFIER = 63;

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Names() {
    }

    /** {@code deletedAt} → {@code deleted_at}, {@code BookAuthor} → {@code book_author}, {@code HTTPServer} → {@code http_server}. */
    static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                char previous = name.charAt(i - 1);
                boolean nextIsLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                if (previous != '_' && (Character.isLowerCase(previous) || Character.isDigit(previous)
                        || (Character.isUpperCase(previous) && nextIsLower))) {
                    out.append('_');
                }
            }
            out.append(c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** Letters, digits and underscores, not starting with a digit, at most 63 characters: portable across all four databases. */
    static boolean isValidIdentifier(String name) {
        return name.length() <= MAX_IDENTIFIER && IDENTIFIER.matcher(name).matches();
    }

    /**
     * {@code name} if it fits in 63 characters, else its first 54 characters, an underscore and
     * 8 hex digits of its SHA-256: deterministic, and distinct names stay distinct.
     */
    static String truncate(String name) {
        if (name.length() <= MAX_IDENTIFIER) {
            return name;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                hex.append(String.format(Locale.ROOT, "%02x", hash[i] & 0xff));
            }
            return name.substring(0, MAX_IDENTIFIER - 9) + "_" + hex;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** The candidate closest to {@code name} (case-insensitive edit distance at most 2), or null. */
    public static String closest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = 3;
        String lower = name.toLowerCase(Locale.ROOT);
        for (String candidate : candidates) {
            int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance && !candidate.equals(name)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** {@code Author} → {@code author}, for suggested field names. */
    static String decapitalize(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }

    /** {@code isbn} → {@code Isbn}, for accessor names. */
    static String capitalize(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }
}
