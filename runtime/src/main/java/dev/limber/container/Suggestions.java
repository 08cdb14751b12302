package dev.limber.container;

import java.util.Collection;

/** "Did you mean …?" for near-miss names (service names, configuration keys). */
final class Suggestions {
    private Suggestions() {}

    /**
     * The closest candidate within a small edit distance of {@code name}, or null. A candidate that
     * {@code name} begins (or that begins {@code name}) wins over one merely fewer edits away: a
     * shortened name ({@code database.user} for {@code database.username}) is the likelier slip
     * than a different word of similar spelling ({@code database.url}).
     */
    static String closest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (name.length() > 0 && (candidate.startsWith(name) || name.startsWith(candidate))) {
                int distance = Math.abs(candidate.length() - name.length());
                if (distance < bestDistance || (distance == bestDistance && candidate.compareTo(best) < 0)) {
                    best = candidate;
                    bestDistance = distance;
                }
            }
        }
        return best != null ? best : closestByEdits(name, candidates);
    }

    private static String closestByEdits(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int limit = Math.max(2, name.length() / 3);
        for (String candidate : candidates) {
            int distance = distance(name, candidate);
            if (distance <= limit && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** " Did you mean 'x'?" or the empty string. */
    static String didYouMean(String name, Collection<String> candidates) {
        String closest = closest(name, candidates);
        return closest == null ? "" : " Did you mean '" + closest + "'?";
    }

    // Levenshtein distance; the inputs are short names, so the quadratic table is fine.
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
}
