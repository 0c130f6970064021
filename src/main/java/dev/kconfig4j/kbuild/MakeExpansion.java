package dev.kconfig4j.kbuild;

import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.parse.Location;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * make's expansion over conditional words: references ({@code $(VAR)}, {@code ${VAR}},
 * {@code $X}, substitution references, function calls) expand to {@link Word}s, each present under
 * a {@link Condition}; an undefined {@code $(CONFIG_FOO)} is {@code y} under {@code FOO=y} and
 * {@code m} under {@code FOO=m}. The variables are those of the {@link MakeEvaluator} running the
 * statements; functions are {@link MakeFunctions}'.
 */
final class MakeExpansion {
    private final MakeEvaluator make;
    private final MakeFunctions functions;
    private static final int MAX_ALTERNATIVE_CONDITIONS = 10;
    private final Set<String> expanding = new HashSet<>();

    MakeExpansion(MakeEvaluator make) {
        this.make = make;
        this.functions = new MakeFunctions(make, this);
    }

    /** The words {@code text} expands to, each with its condition. */
    List<Word> expand(String text) {
        List<Word> out = new ArrayList<>();
        for (String template : splitWords(text)) {
            List<Object> pieces = pieces(template);
            if (pieces.size() == 1 && pieces.get(0) instanceof String lit) {
                out.add(new Word(lit, Condition.TRUE, make.here));
            } else if (pieces.size() == 1) {
                out.addAll(reference((Ref) pieces.get(0)));
            } else {
                List<MakeEvaluator.Alternative> alts = List.of(new MakeEvaluator.Alternative("", Condition.TRUE));
                for (Object p : pieces) {
                    List<MakeEvaluator.Alternative> pa = p instanceof String lit ? List.of(new MakeEvaluator.Alternative(lit, Condition.TRUE))
                            : alternatives(reference((Ref) p));
                    List<MakeEvaluator.Alternative> next = new ArrayList<>();
                    for (MakeEvaluator.Alternative a : alts) {
                        for (MakeEvaluator.Alternative b : pa) {
                            Condition c = a.when().and(b.when());
                            if (c.isSatisfiable()) {
                                next.add(new MakeEvaluator.Alternative(a.text() + b.text(), c));
                            }
                        }
                    }
                    alts = next;
                }
                for (MakeEvaluator.Alternative a : alts) {
                    out.addAll(words(a.text(), a.when(), make.here));
                }
            }
        }
        return out;
    }

    /**
     * The strings a word list can be, each under its condition (exclusive, covering every config).
     * Words with the same text and exclusive conditions count once; beyond
     * {@value #MAX_ALTERNATIVE_CONDITIONS} distinct conditions the words are joined as if all present
     * (recorded as a note).
     */
    List<MakeEvaluator.Alternative> alternatives(List<Word> words) {
        List<Word> merged = mergeExclusive(words);
        List<Condition> distinct = new ArrayList<>();
        for (Word w : merged) {
            if (!w.when().isTrue() && !distinct.contains(w.when())) {
                distinct.add(w.when());
            }
        }
        if (distinct.size() > MAX_ALTERNATIVE_CONDITIONS && pairwiseExclusive(distinct)) {
            // One conditional word at a time (a concatenation such as $(CONFIG_A)$(CONFIG_B)):
            // each alternative is the unconditional words plus at most one conditional word.
            Map<String, Condition> out = new LinkedHashMap<>();
            Condition none = Condition.TRUE;
            for (Condition c : distinct) {
                out.merge(join(merged, c), c, Condition::or);
                none = none.and(c.not());
            }
            if (none.isSatisfiable()) {
                out.merge(join(merged, null), none, Condition::or);
            }
            List<MakeEvaluator.Alternative> list = new ArrayList<>();
            out.forEach((t, c) -> list.add(new MakeEvaluator.Alternative(t, c)));
            return list;
        }
        if (distinct.size() > MAX_ALTERNATIVE_CONDITIONS) {
            make.notes.add(new Note(make.here, "too many conditional words to enumerate; taken as all present"));
            distinct.clear();
        }
        Map<String, Condition> out = new LinkedHashMap<>();
        for (long bits = 0; bits < (1L << distinct.size()); bits++) {
            Condition c = Condition.TRUE;
            for (int i = 0; i < distinct.size() && c.isSatisfiable(); i++) {
                c = c.and((bits & (1L << i)) != 0 ? distinct.get(i) : distinct.get(i).not());
            }
            if (!c.isSatisfiable()) {
                continue;
            }
            StringBuilder sb = new StringBuilder();
            for (Word w : merged) {
                int i = distinct.indexOf(w.when());
                if (w.when().isTrue() || i < 0 || (bits & (1L << i)) != 0) {
                    if (sb.length() > 0) {
                        sb.append(' ');
                    }
                    sb.append(w.text());
                }
            }
            out.merge(sb.toString(), c, Condition::or);
        }
        List<MakeEvaluator.Alternative> list = new ArrayList<>();
        out.forEach((t, c) -> list.add(new MakeEvaluator.Alternative(t, c)));
        return list;
    }

    private static boolean pairwiseExclusive(List<Condition> conditions) {
        if (conditions.size() > 128) {
            return false;
        }
        for (int i = 0; i < conditions.size(); i++) {
            for (int j = i + 1; j < conditions.size(); j++) {
                if (conditions.get(i).and(conditions.get(j)).isSatisfiable()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The unconditional words and those whose condition is {@code present}, joined. */
    private static String join(List<Word> words, Condition present) {
        StringBuilder sb = new StringBuilder();
        for (Word w : words) {
            if (w.when().isTrue() || w.when().equals(present)) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(w.text());
            }
        }
        return sb.toString();
    }

    private static List<Word> mergeExclusive(List<Word> words) {
        List<Word> out = new ArrayList<>();
        outer:
        for (Word w : words) {
            for (int i = 0; i < out.size(); i++) {
                Word o = out.get(i);
                if (o.text().equals(w.text()) && !o.when().and(w.when()).isSatisfiable()) {
                    out.set(i, new Word(o.text(), o.when().or(w.when()), o.origin()));
                    continue outer;
                }
            }
            out.add(w);
        }
        return out;
    }

    static List<Word> words(String text, Condition when, Location origin) {
        List<Word> out = new ArrayList<>();
        for (String s : text.trim().split("\\s+")) {
            if (!s.isEmpty()) {
                out.add(new Word(s, when, origin));
            }
        }
        return out;
    }

    static List<Word> and(List<Word> words, Condition c) {
        if (c.isTrue()) {
            return words;
        }
        List<Word> out = new ArrayList<>();
        for (Word w : words) {
            Word x = w.and(c);
            if (x.when().isSatisfiable()) {
                out.add(x);
            }
        }
        return out;
    }

    /** A {@code $(...)}, {@code ${...}} or {@code $X} reference: its text between the delimiters. */
    private record Ref(String inner) {
    }

    /** Splits at blanks outside references. */
    static List<String> splitWords(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && (text.charAt(i + 1) == '(' || text.charAt(i + 1) == '{')) {
                depth++;
                sb.append(c).append(text.charAt(++i));
            } else if (depth > 0 && (c == '(' || c == '{')) {
                depth++;
                sb.append(c);
            } else if (depth > 0 && (c == ')' || c == '}')) {
                depth--;
                sb.append(c);
            } else if (depth == 0 && Character.isWhitespace(c)) {
                if (sb.length() > 0) {
                    out.add(sb.toString());
                    sb.setLength(0);
                }
            } else {
                sb.append(c);
            }
        }
        if (sb.length() > 0) {
            out.add(sb.toString());
        }
        return out;
    }

    /** Literal strings and {@link Ref}s, in order. */
    private static List<Object> pieces(String template) {
        List<Object> out = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 >= template.length()) {
                lit.append(c);
                continue;
            }
            char n = template.charAt(i + 1);
            if (n == '$') {
                lit.append('$');
                i++;
                continue;
            }
            if (lit.length() > 0) {
                out.add(lit.toString());
                lit.setLength(0);
            }
            if (n == '(' || n == '{') {
                int end = closing(template, i + 1);
                out.add(new Ref(template.substring(i + 2, end)));
                i = end;
            } else {
                out.add(new Ref(String.valueOf(n)));
                i++;
            }
        }
        if (lit.length() > 0) {
            out.add(lit.toString());
        }
        return out;
    }

    private static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '{') {
                depth++;
            } else if (c == ')' || c == '}') {
                if (--depth == 0) {
                    return i;
                }
            }
        }
        return s.length();
    }

    private List<Word> reference(Ref ref) {
        String inner = ref.inner();
        int blank = 0;
        while (blank < inner.length() && !Character.isWhitespace(inner.charAt(blank)) && inner.charAt(blank) != ',') {
            blank++;
        }
        String fn = inner.substring(0, blank);
        if (blank < inner.length() && Character.isWhitespace(inner.charAt(blank))
                && MakeFunctions.FUNCTIONS.contains(fn)) {
            return functions.function(fn, arguments(inner.substring(blank + 1)));
        }
        int colon = MakefileReader.topLevel(inner, ':');
        if (colon > 0 && inner.indexOf('=', colon) > 0) {
            String var = inner.substring(0, colon);
            String spec = inner.substring(colon + 1);
            int eq = spec.indexOf('=');
            String from = spec.substring(0, eq);
            String to = spec.substring(eq + 1);
            List<Word> out = new ArrayList<>();
            for (MakeEvaluator.Alternative name : alternatives(expand(var))) {
                for (Word w : lookup(name.text())) {
                    String pattern = from.contains("%") ? from : "%" + from;
                    String replacement = from.contains("%") ? to : "%" + to;
                    String r = MakeFunctions.patsubst(pattern, replacement, w.text());
                    out.add(new Word(r, w.when().and(name.when()), w.origin()));
                }
            }
            return out;
        }
        if (!inner.contains("$")) {
            return lookup(inner);
        }
        List<Word> out = new ArrayList<>();
        for (MakeEvaluator.Alternative name : alternatives(expand(inner))) {
            out.addAll(and(lookup(name.text()), name.when()));
        }
        return out;
    }

    /** The comma-separated arguments of a function call, split at commas outside nested references. */
    private static List<String> arguments(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int comma = MakefileReader.topLevel(s, ','); comma >= 0;
                comma = MakefileReader.topLevel(s, ',', comma + 1)) {
            out.add(s.substring(start, comma));
            start = comma + 1;
        }
        out.add(s.substring(start));
        return out;
    }

    List<Word> lookup(String name) {
        MakeEvaluator.Variable v = make.variables.get(name);
        if (v == null) {
            if (name.startsWith("CONFIG_") && name.length() > 7) {
                String sym = name.substring(7);
                return List.of(new Word("y", Condition.is(sym, Tristate.YES), make.here),
                        new Word("m", Condition.is(sym, Tristate.MOD), make.here));
            }
            return List.of();
        }
        if (!expanding.add(name)) {
            make.notes.add(new Note(make.here, "variable " + name + " references itself"));
            return List.of();
        }
        try {
            List<Word> out = new ArrayList<>();
            Location use = make.here;
            for (MakeEvaluator.Segment s : List.copyOf(v.segments)) {
                if (s.raw() != null) {
                    // words written in a recursive variable come from where it was assigned
                    make.here = s.location();
                    out.addAll(and(expand(s.raw()), s.when()));
                    make.here = use;
                } else {
                    out.addAll(and(s.words(), s.when()));
                }
            }
            return out;
        } finally {
            expanding.remove(name);
        }
    }

    String single(String text) {
        List<MakeEvaluator.Alternative> alts = alternatives(expand(text));
        if (alts.size() != 1) {
            make.notes.add(new Note(make.here, "argument depends on the config, first value taken: " + text.strip()));
        }
        return alts.isEmpty() ? "" : alts.get(0).text();
    }
}
