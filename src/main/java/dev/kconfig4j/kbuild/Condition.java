package dev.kconfig4j.kbuild;

import dev.kconfig4j.expr.Tristate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * When something holds, as a function of config symbols: a disjunction of terms, each term a
 * conjunction of "symbol has one of these values" atoms over {@code n}, {@code m} and {@code y}.
 * Makefiles see a symbol as the text {@code $(CONFIG_X)}: {@code y}, {@code m} or empty
 * ({@code n}); non-tristate symbols are seen as {@code y} when they have a value (see
 * {@link Values}). Symbols are treated as independent: a condition is satisfiable if some
 * assignment of values satisfies it, whatever Kconfig allows. Conditions are immutable and kept
 * in a simplified canonical form, so equal conditions print the same.
 */
public final class Condition {
    private static final int N = 1;
    private static final int M = 2;
    private static final int Y = 4;
    private static final int ALL = 7;
    private static final int MAX_TERMS = 512;

    /** Always. */
    public static final Condition TRUE = new Condition(List.of(Map.of()));
    /** Never. */
    public static final Condition FALSE = new Condition(List.of());

    /** Each term maps a symbol (without CONFIG_) to the bit set of its allowed values. */
    private final List<Map<String, Integer>> terms;

    private Condition(List<Map<String, Integer>> terms) {
        this.terms = terms;
    }

    /** {@code symbol} (without {@code CONFIG_}) has one of {@code values}. */
    public static Condition is(String symbol, Tristate... values) {
        int mask = 0;
        for (Tristate v : values) {
            mask |= bit(v);
        }
        return atom(symbol, mask);
    }

    private static Condition atom(String symbol, int mask) {
        if (mask == 0) {
            return FALSE;
        }
        if (mask == ALL) {
            return TRUE;
        }
        return new Condition(List.of(Map.of(symbol, mask)));
    }

    private static int bit(Tristate v) {
        return switch (v) {
            case NO -> N;
            case MOD -> M;
            case YES -> Y;
        };
    }

    public boolean isTrue() {
        return terms.size() == 1 && terms.get(0).isEmpty();
    }

    public boolean isFalse() {
        return terms.isEmpty();
    }

    /** Whether some values of the symbols satisfy this condition. */
    public boolean isSatisfiable() {
        return !terms.isEmpty();
    }

    public Condition and(Condition other) {
        if (isTrue() || other.isFalse()) {
            return other;
        }
        if (other.isTrue() || isFalse()) {
            return this;
        }
        List<Map<String, Integer>> out = new ArrayList<>();
        for (Map<String, Integer> a : terms) {
            for (Map<String, Integer> b : other.terms) {
                Map<String, Integer> t = conjoin(a, b);
                if (t != null) {
                    out.add(t);
                }
            }
        }
        return of(out);
    }

    public Condition or(Condition other) {
        if (isFalse() || other.isTrue()) {
            return other;
        }
        if (other.isFalse() || isTrue()) {
            return this;
        }
        List<Map<String, Integer>> out = new ArrayList<>(terms);
        out.addAll(other.terms);
        return of(out);
    }

    public Condition not() {
        Condition result = TRUE;
        for (Map<String, Integer> t : terms) {
            Condition notTerm = FALSE;
            for (Map.Entry<String, Integer> e : t.entrySet()) {
                notTerm = notTerm.or(atom(e.getKey(), ALL & ~e.getValue()));
            }
            result = result.and(notTerm);
            if (result.isFalse()) {
                break;
            }
        }
        return result;
    }

    /** This condition with {@code symbol} fixed to {@code value}: a condition over the other symbols. */
    public Condition restrict(String symbol, Tristate value) {
        int b = bit(value);
        List<Map<String, Integer>> out = new ArrayList<>();
        for (Map<String, Integer> t : terms) {
            Integer mask = t.get(symbol);
            if (mask == null) {
                out.add(t);
            } else if ((mask & b) != 0) {
                Map<String, Integer> rest = new TreeMap<>(t);
                rest.remove(symbol);
                out.add(rest);
            }
        }
        return of(out);
    }

    /** Whether the condition holds for these symbol values. */
    public boolean holds(Function<String, Tristate> values) {
        for (Map<String, Integer> t : terms) {
            boolean all = true;
            for (Map.Entry<String, Integer> e : t.entrySet()) {
                if ((e.getValue() & bit(values.apply(e.getKey()))) == 0) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** Whether the condition depends on {@code symbol} at all. */
    public boolean mentions(String symbol) {
        for (Map<String, Integer> t : terms) {
            if (t.containsKey(symbol)) {
                return true;
            }
        }
        return false;
    }

    /** The symbols the condition mentions, sorted. */
    public Set<String> symbols() {
        Set<String> out = new TreeSet<>();
        for (Map<String, Integer> t : terms) {
            out.addAll(t.keySet());
        }
        return Collections.unmodifiableSet(out);
    }

    private static Map<String, Integer> conjoin(Map<String, Integer> a, Map<String, Integer> b) {
        Map<String, Integer> t = new TreeMap<>(a);
        for (Map.Entry<String, Integer> e : b.entrySet()) {
            int m = t.getOrDefault(e.getKey(), ALL) & e.getValue();
            if (m == 0) {
                return null;
            }
            t.put(e.getKey(), m);
        }
        return t;
    }

    /** Canonical form: no subsumed terms, terms that differ in one symbol merged. */
    private static Condition of(List<Map<String, Integer>> raw) {
        List<Map<String, Integer>> ts = new ArrayList<>();
        for (Map<String, Integer> t : raw) {
            Map<String, Integer> c = new TreeMap<>();
            for (Map.Entry<String, Integer> e : t.entrySet()) {
                if (e.getValue() != ALL) {
                    c.put(e.getKey(), e.getValue());
                }
            }
            ts.add(c);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            ts = new ArrayList<>(new LinkedHashSet<>(ts));
            // absorption: drop a term implied by another
            for (Iterator<Map<String, Integer>> it = ts.iterator(); it.hasNext();) {
                Map<String, Integer> t = it.next();
                for (Map<String, Integer> u : ts) {
                    if (u != t && implies(t, u)) {
                        it.remove();
                        changed = true;
                        break;
                    }
                }
            }
            if (ts.size() > MAX_TERMS) {
                break;
            }
            merge:
            for (int i = 0; i < ts.size(); i++) {
                for (int j = i + 1; j < ts.size(); j++) {
                    Map<String, Integer> m = merged(ts.get(i), ts.get(j));
                    if (m != null) {
                        ts.set(i, m);
                        ts.remove(j);
                        changed = true;
                        break merge;
                    }
                }
            }
        }
        for (Map<String, Integer> t : ts) {
            if (t.isEmpty()) {
                return TRUE;
            }
        }
        ts.sort((a, b) -> a.toString().compareTo(b.toString()));
        List<Map<String, Integer>> frozen = new ArrayList<>();
        for (Map<String, Integer> t : ts) {
            frozen.add(Collections.unmodifiableMap(t));
        }
        return new Condition(List.copyOf(frozen));
    }

    /** Whether every assignment satisfying {@code t} satisfies {@code u}. */
    private static boolean implies(Map<String, Integer> t, Map<String, Integer> u) {
        for (Map.Entry<String, Integer> e : u.entrySet()) {
            int tm = t.getOrDefault(e.getKey(), ALL);
            if ((tm & ~e.getValue()) != 0) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Integer> merged(Map<String, Integer> a, Map<String, Integer> b) {
        if (!a.keySet().equals(b.keySet())) {
            return null;
        }
        String differing = null;
        for (Map.Entry<String, Integer> e : a.entrySet()) {
            if (!e.getValue().equals(b.get(e.getKey()))) {
                if (differing != null) {
                    return null;
                }
                differing = e.getKey();
            }
        }
        if (differing == null) {
            return a;
        }
        Map<String, Integer> m = new TreeMap<>(a);
        int mask = a.get(differing) | b.get(differing);
        if (mask == ALL) {
            m.remove(differing);
        } else {
            m.put(differing, mask);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Condition c && c.terms.equals(terms);
    }

    @Override
    public int hashCode() {
        return terms.hashCode();
    }

    /**
     * Kconfig-like text: {@code HYPERV=y || HYPERV=m} prints as {@code HYPERV!=n}; always is
     * {@code y}, never is {@code n}.
     */
    @Override
    public String toString() {
        if (isTrue()) {
            return "y";
        }
        if (isFalse()) {
            return "n";
        }
        List<String> out = new ArrayList<>();
        for (Map<String, Integer> t : terms) {
            List<String> atoms = new ArrayList<>();
            for (Map.Entry<String, Integer> e : t.entrySet()) {
                atoms.add(e.getKey() + switch (e.getValue()) {
                    case Y -> "=y";
                    case M -> "=m";
                    case N -> "=n";
                    case Y | M -> "!=n";
                    case Y | N -> "!=m";
                    default -> "!=y";
                });
            }
            String s = String.join(" && ", atoms);
            out.add(terms.size() > 1 && atoms.size() > 1 ? "(" + s + ")" : s);
        }
        return String.join(" || ", out);
    }
}
