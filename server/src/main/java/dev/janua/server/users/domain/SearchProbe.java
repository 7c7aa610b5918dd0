package dev.janua.server.users.domain;

import java.util.Set;

/**
 * The part of a search term to ask the trigram index for. A trigram GIN scan reads the whole posting
 * list of every trigram of the pattern, and PostgreSQL keeps no per-trigram statistics to leave out the
 * ones that are in nearly every row (at 1,000,000 seeded users, {@code use} and {@code ser} of
 * {@code user4242}: 64 ms in the index, against 3 ms for {@code r4242}). Any substring of the term finds
 * every row the term finds, so the index is asked for the longest run of the term whose trigrams are
 * all uncommon, and the whole term is checked on the rows it returns: the same rows, fewer posting lists.
 */
public final class SearchProbe {
    private SearchProbe() {}

    /**
     * {@code term} (lower case, as {@code search_text} is) itself when none of its trigrams is in
     * {@code frequent}, or when every run of three letters or digits is; otherwise the longest substring
     * made only of uncommon three-letter-or-digit runs (the first of equal length).
     */
    public static String narrow(String term, Set<String> frequent) {
        int n = term.length() - 2;
        if (n <= 0 || frequent.isEmpty()) return term;
        boolean anyFrequent = false;
        int bestStart = -1;
        int bestWindows = 0;
        int runStart = -1;
        for (int i = 0; i <= n; i++) {
            boolean indexable = i < n && alnum(term, i) && alnum(term, i + 1) && alnum(term, i + 2);
            boolean common = indexable && frequent.contains(term.substring(i, i + 3));
            anyFrequent |= common;
            if (indexable && !common) {
                if (runStart < 0) runStart = i;
            } else if (runStart >= 0) {
                if (i - runStart > bestWindows) {
                    bestWindows = i - runStart;
                    bestStart = runStart;
                }
                runStart = -1;
            }
        }
        if (!anyFrequent || bestStart < 0) return term;
        return term.substring(bestStart, bestStart + bestWindows + 2);
    }

    private static boolean alnum(String s, int i) {
        return Character.isLetterOrDigit(s.charAt(i));
    }
}
