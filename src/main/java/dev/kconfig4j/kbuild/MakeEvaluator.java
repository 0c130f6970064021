package dev.kconfig4j.kbuild;

import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.kbuild.MakeStatement.Op;
import dev.kconfig4j.parse.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Runs Makefile statements the way make reads them, for every config at once: a variable's value
 * is a list of {@link Word}s, each present under a {@link Condition} on config symbols. A
 * reference {@code $(CONFIG_FOO)} is {@code y} when {@code FOO=y}, {@code m} when {@code FOO=m}
 * and empty otherwise, so {@code obj-$(CONFIG_FOO) += foo.o} adds {@code foo.o} to {@code obj-y}
 * under {@code FOO=y} and to {@code obj-m} under {@code FOO=m}; conditionals on config symbols
 * put their branches under the test's condition and its negation. Everything else follows make:
 * undefined variables are empty, {@code =} is expanded when used and {@code :=} when assigned.
 *
 * <p>Functions ({@code MakeFunctions}): {@code subst patsubst strip findstring filter filter-out sort word wordlist words
 * firstword lastword dir notdir suffix basename addsuffix addprefix join wildcard abspath
 * realpath if or and foreach call origin flavor value}. {@code shell}, {@code eval},
 * {@code error} and unknown functions expand to nothing and are recorded as {@link Note}s, as are
 * includes that are skipped or missing. Nothing here throws on bad input.
 */
public final class MakeEvaluator {
    private static final Pattern LIST = Pattern.compile("(.+)-(y|m|objs|)");
    private static final Set<String> VMLINUX_LISTS = Set.of("core", "drivers", "libs", "init", "net", "virt");
    private static final int MAX_ALTERNATIVE_CONDITIONS = 10;
    private static final int MAX_INCLUDE_DEPTH = 16;

    final Path srctree;
    final Map<String, Variable> variables = new HashMap<>();
    final Set<Note> notes = new LinkedHashSet<>();
    private final List<ObjectRule> rules = new ArrayList<>();
    private final Set<String> expanding = new HashSet<>();
    private java.util.function.BiPredicate<String, String> assignable = (file, name) -> true;
    private Predicate<String> includable = file -> true;
    private String directory = ".";
    Location here = new Location("<command line>", 0);
    private final MakeFunctions functions = new MakeFunctions(this);
    private int includeDepth;

    /**
     * @param srctree where relative include paths are resolved (make runs in the object tree,
     *     which for an in-tree build is the source tree)
     * @param initial variables defined before the first file, e.g. {@code ARCH}, {@code obj}
     */
    public MakeEvaluator(Path srctree, Map<String, String> initial) {
        this.srctree = srctree;
        for (Map.Entry<String, String> e : initial.entrySet()) {
            Variable v = new Variable();
            v.simple = true;
            v.exported = true;
            v.segments.add(new Segment(Condition.TRUE, null, words(e.getValue(), Condition.TRUE, here), here));
            variables.put(e.getKey(), v);
        }
    }

    /**
     * Only assignments that pass (file, variable name) are performed: the top-level Makefile is
     * read for its directory lists only.
     */
    public MakeEvaluator onlyAssigning(java.util.function.BiPredicate<String, String> names) {
        this.assignable = names;
        return this;
    }

    /** Only includes of files (srctree-relative paths) that pass are read. */
    public MakeEvaluator onlyIncluding(Predicate<String> files) {
        this.includable = files;
        return this;
    }

    /** The directory rules are recorded for (the value of {@code $(obj)}). */
    public MakeEvaluator forDirectory(String dir) {
        this.directory = dir;
        return this;
    }

    /** Reads and runs {@code file} (relative to srctree); a missing file is a note. */
    public void evaluate(String file) {
        Path p = srctree.resolve(file);
        String text;
        try {
            text = Files.readString(p, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            notes.add(new Note(here, "cannot read " + file));
            return;
        }
        MakefileReader.Result r = MakefileReader.read(file, text);
        notes.addAll(r.problems());
        run(r.statements(), Condition.TRUE);
    }

    /** The value of a variable now: its words with their conditions. */
    public List<Word> value(String name) {
        return lookup(name);
    }

    /** Whether make would see {@code name} as defined under some config. */
    public boolean isDefined(String name) {
        return variables.containsKey(name);
    }

    /** Exported variables and their values, to pass to the directories the build descends into. */
    public Map<String, List<Word>> exported() {
        Map<String, List<Word>> out = new TreeMap<>();
        for (Map.Entry<String, Variable> e : variables.entrySet()) {
            if (e.getValue().exported) {
                out.put(e.getKey(), lookup(e.getKey()));
            }
        }
        return out;
    }

    /** Defines simple, exported variables with these (already evaluated) values. */
    public MakeEvaluator define(Map<String, List<Word>> values) {
        for (Map.Entry<String, List<Word>> e : values.entrySet()) {
            Variable v = new Variable();
            v.simple = true;
            v.exported = true;
            v.segments.add(new Segment(Condition.TRUE, null, e.getValue(), here));
            variables.put(e.getKey(), v);
        }
        return this;
    }

    /** Every assignment to a Kbuild list seen, in order. */
    public List<ObjectRule> rules() {
        return List.copyOf(rules);
    }

    /** What could not be followed exactly. */
    public List<Note> notes() {
        return List.copyOf(notes);
    }

    // ---------------------------------------------------------------------------------------------
    // Statements

    static final class Variable {
        final List<Segment> segments = new ArrayList<>();
        boolean simple;
        boolean exported;
    }

    /** Part of a variable's value: raw text (recursive) or words (simple), present under {@code when}. */
    record Segment(Condition when, String raw, List<Word> words, Location location) {
    }

    /** Runs statements under {@code context} (the conditions of the enclosing blocks). */
    public void run(List<MakeStatement> statements, Condition context) {
        for (MakeStatement s : statements) {
            here = s.location();
            if (s instanceof MakeStatement.Assign a) {
                assign(a.name(), a.op(), a.value(), a.export(), context, a.location());
            } else if (s instanceof MakeStatement.Define d) {
                assign(d.name(), d.op(), d.body(), false, context, d.location());
            } else if (s instanceof MakeStatement.Export e) {
                for (Word w : expand(e.names())) {
                    variables.computeIfAbsent(w.text(), n -> new Variable()).exported = true;
                }
            } else if (s instanceof MakeStatement.If i) {
                Condition test = test(i.test());
                Condition yes = context.and(test);
                Condition no = context.and(test.not());
                if (yes.isSatisfiable()) {
                    run(i.then(), yes);
                }
                if (no.isSatisfiable()) {
                    run(i.otherwise(), no);
                }
            } else if (s instanceof MakeStatement.Include inc) {
                include(inc, context);
            }
        }
    }

    private void include(MakeStatement.Include inc, Condition context) {
        for (Word w : expand(inc.files())) {
            String file = w.text();
            String root = srctree.toAbsolutePath().normalize().toString();
            if (file.startsWith(root + "/")) {
                file = file.substring(root.length() + 1);
            } else if (file.startsWith("/")) {
                notes.add(new Note(inc.location(), "include outside the tree skipped: " + file));
                continue;
            }
            file = Path.of(file).normalize().toString();
            if (!includable.test(file)) {
                continue;
            }
            if (!Files.isRegularFile(srctree.resolve(file))) {
                if (!inc.optional()) {
                    notes.add(new Note(inc.location(), "included file not in the tree: " + file));
                }
                continue;
            }
            if (includeDepth >= MAX_INCLUDE_DEPTH) {
                notes.add(new Note(inc.location(), "includes nested too deeply: " + file));
                continue;
            }
            String text;
            try {
                text = Files.readString(srctree.resolve(file), StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                notes.add(new Note(inc.location(), "cannot read " + file));
                continue;
            }
            MakefileReader.Result r = MakefileReader.read(file, text);
            notes.addAll(r.problems());
            includeDepth++;
            Location back = here;
            run(r.statements(), context.and(w.when()));
            here = back;
            includeDepth--;
        }
    }

    private Condition test(MakeStatement.Test t) {
        Condition c;
        if (t instanceof MakeStatement.Defined d) {
            c = Condition.FALSE;
            for (Alternative name : alternatives(expand(d.name()))) {
                c = c.or(name.when().and(nonEmpty(name.text().strip())));
            }
            return d.negated() ? c.not() : c;
        }
        MakeStatement.Equal e = (MakeStatement.Equal) t;
        List<Alternative> left = alternatives(expand(e.left()));
        List<Alternative> right = alternatives(expand(e.right()));
        c = Condition.FALSE;
        for (Alternative l : left) {
            for (Alternative r : right) {
                if (l.text().equals(r.text())) {
                    c = c.or(l.when().and(r.when()));
                }
            }
        }
        return e.negated() ? c.not() : c;
    }

    /** When {@code ifdef name} holds: the variable's (unexpanded) value is not empty. */
    private Condition nonEmpty(String name) {
        Variable v = variables.get(name);
        if (v == null) {
            return name.startsWith("CONFIG_") ? Condition.is(name.substring(7), Tristate.YES, Tristate.MOD)
                    : Condition.FALSE;
        }
        Condition c = Condition.FALSE;
        for (Segment s : v.segments) {
            if (s.raw() != null) {
                if (!s.raw().isBlank()) {
                    c = c.or(s.when());
                }
            } else {
                for (Word w : s.words()) {
                    c = c.or(w.when().and(s.when()));
                }
            }
        }
        return c;
    }

    private void assign(String nameText, Op op, String value, boolean export, Condition context, Location loc) {
        List<Alternative> names = alternatives(expand(nameText));
        Map<String, Condition[]> lists = new LinkedHashMap<>();
        List<Word> listed = null;
        for (Alternative n : names) {
            Condition when = context.and(n.when());
            String name = n.text().strip();
            if (!when.isSatisfiable() || name.isEmpty()) {
                continue;
            }
            if (name.contains(" ")) {
                notes.add(new Note(loc, "variable name with blanks ignored: " + name));
                continue;
            }
            if (!assignable.test(loc.file(), name)) {
                continue;
            }
            assignOne(name, op, value, export, when);
            var m = LIST.matcher(name);
            if (m.matches() && (op == Op.APPEND || op == Op.SIMPLE || op == Op.RECURSIVE)) {
                Condition[] c = lists.computeIfAbsent(m.group(1), b -> new Condition[] {Condition.FALSE, Condition.FALSE});
                if (m.group(2).equals("y") || m.group(2).equals("objs")) {
                    c[0] = c[0].or(n.when());
                } else if (m.group(2).equals("m")) {
                    c[1] = c[1].or(n.when());
                }
            }
        }
        for (Map.Entry<String, Condition[]> e : lists.entrySet()) {
            if (listed == null) {
                listed = expand(value);
            }
            // A name whose stem itself depends on the config (masterkey-$(CONFIG_A)-$(CONFIG_B))
            // fills a family of helper variables: no single list whose y/m could be turned around.
            record(loc, nameText, e.getKey(), context, e.getValue()[0], e.getValue()[1], listed, lists.size() == 1);
        }
    }

    private void record(Location loc, String target, String base, Condition context, Condition y, Condition m,
            List<Word> words, boolean oneList) {
        ObjectRule.Kind kind = switch (base) {
            case "obj" -> ObjectRule.Kind.OBJECT;
            case "lib" -> ObjectRule.Kind.LIBRARY;
            case "subdir" -> ObjectRule.Kind.SUBDIR;
            default -> VMLINUX_LISTS.contains(base) ? ObjectRule.Kind.VMLINUX : ObjectRule.Kind.COMPOSITE;
        };
        Set<String> builtin = new TreeSet<>();
        Set<String> module = new TreeSet<>();
        Set<String> symbols = new TreeSet<>(y.symbols());
        symbols.addAll(m.symbols());
        for (String s : oneList ? symbols : Set.<String>of()) {
            if (y.restrict(s, Tristate.MOD).and(y.restrict(s, Tristate.NO).not()).isSatisfiable()) {
                builtin.add(s);
            }
            if (m.restrict(s, Tristate.YES).and(m.restrict(s, Tristate.NO).not()).isSatisfiable()) {
                module.add(s);
            }
        }
        ObjectRule.Forcing forcing = !builtin.isEmpty() ? ObjectRule.Forcing.BUILTIN
                : !module.isEmpty() ? ObjectRule.Forcing.MODULE : ObjectRule.Forcing.NONE;
        if (!builtin.isEmpty() && !module.isEmpty()) {
            notes.add(new Note(loc, target + " forces both ways; recorded as forcing built-in"));
        }
        rules.add(new ObjectRule(loc, directory, target, base, kind, context, y, m, List.copyOf(words), forcing,
                Set.copyOf(!builtin.isEmpty() ? builtin : module)));
    }

    private void assignOne(String name, Op op, String value, boolean export, Condition when) {
        Variable v = variables.get(name);
        switch (op) {
            case SIMPLE, RECURSIVE, SHELL -> {
                if (op == Op.SHELL) {
                    notes.add(new Note(here, "!= (shell assignment) not run; " + name + " is empty"));
                }
                List<Word> words = op == Op.SIMPLE ? and(expand(value), Condition.TRUE) : null;
                if (v == null) {
                    v = new Variable();
                    variables.put(name, v);
                }
                replace(v, when);
                v.simple = op != Op.RECURSIVE;
                v.segments.add(op == Op.RECURSIVE ? new Segment(when, value, null, here)
                        : new Segment(when, null, op == Op.SHELL ? List.of() : words, here));
            }
            case APPEND -> {
                if (v == null) {
                    v = new Variable();
                    variables.put(name, v);
                }
                v.segments.add(v.simple ? new Segment(when, null, expand(value), here) : new Segment(when, value, null, here));
            }
            case CONDITIONAL -> {
                Condition undefined = when;
                if (v != null) {
                    for (Segment s : v.segments) {
                        undefined = undefined.and(s.when().not());
                    }
                } else {
                    v = new Variable();
                    variables.put(name, v);
                }
                if (undefined.isSatisfiable()) {
                    v.segments.add(new Segment(undefined, value, null, here));
                }
            }
        }
        v.exported |= export;
    }

    /** An assignment under {@code when} replaces the value there and keeps it elsewhere. */
    private static void replace(Variable v, Condition when) {
        if (when.isTrue()) {
            v.segments.clear();
            return;
        }
        Condition keep = when.not();
        List<Segment> kept = new ArrayList<>();
        for (Segment s : v.segments) {
            Condition c = s.when().and(keep);
            if (c.isSatisfiable()) {
                kept.add(new Segment(c, s.raw(), s.words(), s.location()));
            }
        }
        v.segments.clear();
        v.segments.addAll(kept);
    }

    // ---------------------------------------------------------------------------------------------
    // Expansion

    /** A whole expansion as one string, under a condition. */
    public record Alternative(String text, Condition when) {
    }

    /** The words {@code text} expands to, each with its condition. */
    public List<Word> expand(String text) {
        List<Word> out = new ArrayList<>();
        for (String template : splitWords(text)) {
            List<Object> pieces = pieces(template);
            if (pieces.size() == 1 && pieces.get(0) instanceof String lit) {
                out.add(new Word(lit, Condition.TRUE, here));
            } else if (pieces.size() == 1) {
                out.addAll(reference((Ref) pieces.get(0)));
            } else {
                List<Alternative> alts = List.of(new Alternative("", Condition.TRUE));
                for (Object p : pieces) {
                    List<Alternative> pa = p instanceof String lit ? List.of(new Alternative(lit, Condition.TRUE))
                            : alternatives(reference((Ref) p));
                    List<Alternative> next = new ArrayList<>();
                    for (Alternative a : alts) {
                        for (Alternative b : pa) {
                            Condition c = a.when().and(b.when());
                            if (c.isSatisfiable()) {
                                next.add(new Alternative(a.text() + b.text(), c));
                            }
                        }
                    }
                    alts = next;
                }
                for (Alternative a : alts) {
                    out.addAll(words(a.text(), a.when(), here));
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
    public List<Alternative> alternatives(List<Word> words) {
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
            List<Alternative> list = new ArrayList<>();
            out.forEach((t, c) -> list.add(new Alternative(t, c)));
            return list;
        }
        if (distinct.size() > MAX_ALTERNATIVE_CONDITIONS) {
            notes.add(new Note(here, "too many conditional words to enumerate; taken as all present"));
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
        List<Alternative> list = new ArrayList<>();
        out.forEach((t, c) -> list.add(new Alternative(t, c)));
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
            for (Alternative name : alternatives(expand(var))) {
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
        for (Alternative name : alternatives(expand(inner))) {
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
        Variable v = variables.get(name);
        if (v == null) {
            if (name.startsWith("CONFIG_") && name.length() > 7) {
                String sym = name.substring(7);
                return List.of(new Word("y", Condition.is(sym, Tristate.YES), here),
                        new Word("m", Condition.is(sym, Tristate.MOD), here));
            }
            return List.of();
        }
        if (!expanding.add(name)) {
            notes.add(new Note(here, "variable " + name + " references itself"));
            return List.of();
        }
        try {
            List<Word> out = new ArrayList<>();
            Location use = here;
            for (Segment s : List.copyOf(v.segments)) {
                if (s.raw() != null) {
                    // words written in a recursive variable come from where it was assigned
                    here = s.location();
                    out.addAll(and(expand(s.raw()), s.when()));
                    here = use;
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
        List<Alternative> alts = alternatives(expand(text));
        if (alts.size() != 1) {
            notes.add(new Note(here, "argument depends on the config, first value taken: " + text.strip()));
        }
        return alts.isEmpty() ? "" : alts.get(0).text();
    }

}
