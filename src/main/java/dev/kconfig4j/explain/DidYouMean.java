package dev.kconfig4j.explain;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.symbol.Symbol;

/** "Did you mean": the defined symbol a mistyped name most likely meant. */
public final class DidYouMean {
    private DidYouMean() {
    }

    /**
     * The defined symbol whose name is closest to {@code name} (case aside, or within a few
     * edits), for "did you mean"; null when none is close.
     */
    public static String closest(Kconfig tree, String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        String best = null;
        int bestDistance = Math.max(2, name.length() / 4) + 1;
        for (Symbol s : tree.symbols().all()) {
            if (s.name() == null || s.isConstant() || !s.isDefined()) {
                continue;
            }
            if (s.name().equals(upper)) {
                return s.name();
            }
            if (Math.abs(s.name().length() - upper.length()) >= bestDistance) {
                continue;
            }
            int d = distance(upper, s.name(), bestDistance);
            if (d < bestDistance) {
                bestDistance = d;
                best = s.name();
            }
        }
        return best;
    }

    /** Levenshtein distance, giving up (returning {@code limit}) once it reaches {@code limit}. */
    private static int distance(String a, String b, int limit) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin >= limit) {
                return limit;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[b.length()], limit);
    }
}
