package dev.kconfig4j.upgrade;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cascades: each finding filed under the first finding among its blockers, so that a core option
 * and the drivers behind it read as one finding with consequences; a new symbol with findings
 * under it is a new gate (whose text {@link Categories} writes once the findings are classified).
 */
final class CauseTree {
    private CauseTree() {
    }

    /** Files every finding under the first finding among its blockers; returns the roots. */
    static List<Finding> nest(Map<String, Finding> bySymbol) {
        Map<String, String> parent = new HashMap<>();
        for (Finding f : bySymbol.values()) {
            for (String b : f.cause().blockers()) {
                Finding p = bySymbol.get(b);
                if (p != null && !b.equals(f.symbol()) && !createsCycle(parent, f.symbol(), b)) {
                    parent.put(f.symbol(), b);
                    break;
                }
            }
        }
        Map<String, List<String>> children = new LinkedHashMap<>();
        for (Finding f : bySymbol.values()) {
            String p = parent.get(f.symbol());
            if (p != null) {
                children.computeIfAbsent(p, k -> new ArrayList<>()).add(f.symbol());
            }
        }
        List<Finding> roots = new ArrayList<>();
        for (Finding f : bySymbol.values()) {
            if (!parent.containsKey(f.symbol())) {
                roots.add(build(f, bySymbol, children));
            }
        }
        return roots;
    }

    private static boolean createsCycle(Map<String, String> parent, String child, String candidate) {
        String p = candidate;
        while (p != null) {
            if (p.equals(child)) {
                return true;
            }
            p = parent.get(p);
        }
        return false;
    }

    private static Finding build(Finding f, Map<String, Finding> bySymbol, Map<String, List<String>> children) {
        List<Finding> kids = new ArrayList<>();
        for (String c : children.getOrDefault(f.symbol(), List.of())) {
            kids.add(build(bySymbol.get(c), bySymbol, children));
        }
        // A new gate's cause says what it takes once the findings are classified (Categories#gate).
        return f.withConsequences(kids);
    }
}
