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
 * This class runs the statements; expanding references is {@code MakeExpansion}'s job.
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
    private static final int MAX_INCLUDE_DEPTH = 16;

    final Path srctree;
    final Map<String, Variable> variables = new HashMap<>();
    final Set<Note> notes = new LinkedHashSet<>();
    private final List<ObjectRule> rules = new ArrayList<>();
    private java.util.function.BiPredicate<String, String> assignable = (file, name) -> true;
    private Predicate<String> includable = file -> true;
    private String directory = ".";
    Location here = new Location("<command line>", 0);
    private final MakeExpansion expansion = new MakeExpansion(this);
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
            v.segments.add(new Segment(Condition.TRUE, null, MakeExpansion.words(e.getValue(), Condition.TRUE, here), here));
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
        return expansion.lookup(name);
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
                out.put(e.getKey(), expansion.lookup(e.getKey()));
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
                List<Word> words = op == Op.SIMPLE ? MakeExpansion.and(expand(value), Condition.TRUE) : null;
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
        return expansion.expand(text);
    }

    /**
     * The whole strings {@code words} can make, each with the condition it holds under (see
     * {@code MakeExpansion}).
     */
    public List<Alternative> alternatives(List<Word> words) {
        return expansion.alternatives(words);
    }
}
