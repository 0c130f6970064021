package dev.kconfig4j.solve;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.confdata.ConfigFile;
import dev.kconfig4j.confdata.ConfigReader;
import dev.kconfig4j.confdata.ConfigWriter;
import dev.kconfig4j.diagnostic.Diagnostics;
import dev.kconfig4j.explain.Links;
import dev.kconfig4j.explain.Obstacles;
import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.expr.ExprPrinter;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.expr.Type;
import dev.kconfig4j.menu.Menu;
import dev.kconfig4j.parse.Location;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.symbol.Property;
import dev.kconfig4j.symbol.Symbol;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.sat4j.specs.TimeoutException;

/**
 * Finds the fewest lines to add to a config so that olddefconfig gives requested values.
 *
 * <p>How: a SAT solver (SAT4J) works on an {@link Encoding} of the tree's value rules around the
 * requested symbols (the <em>cone</em>; everything else keeps its original value) and proposes
 * the candidate with the fewest changes, then the fewest changes of values the config already
 * sets. Each candidate is verified by evaluating the config with the lines appended, exactly as
 * olddefconfig does ({@link ConfigReader}): only verified candidates are answers. A candidate
 * that fails is ruled out; if it failed because a symbol outside the cone changed, the cone grows
 * to include it (abstraction refinement). When the solver finds no candidate, the rules in its
 * unsatisfiable core that belong to frozen symbols are opened and it tries again; a core of
 * open rules only is the conflict, reported in Kconfig terms. An answer is irredundant: it is
 * checked that dropping any single line breaks it.
 *
 * <p>An instance holds one config read once; {@link #solve} may be called many times.
 */
public final class Enabler {
    private static final int INITIAL_CONE = 120;
    private static final int CONE_STEP = 120;
    private static final int MAX_CONE = 8000;
    private static final int MAX_ROUNDS = 40;
    private static final int MAX_CANDIDATES = 40;
    private static final long TIME_LIMIT_MS = 60_000;

    private final int initialCone;
    private final int coneStep;
    private final Kconfig tree;
    private final String name;
    /** The user values as read, not settled: every trial starts from a copy. */
    private final Configuration read;
    /** The original config settled as olddefconfig settles it. */
    private final Configuration base;
    /** The config's last value line for each symbol, in .config form. */
    private final Map<String, String> previous = new HashMap<>();
    private final Map<Symbol, Integer> menuOrder = new HashMap<>();
    /** Who selects whom, indexed when a conflict first needs it. */
    private Links links;

    /**
     * @param tree the tree
     * @param name the config's name, for warnings
     * @param text the config's text
     */
    public Enabler(Kconfig tree, String name, String text) {
        this(tree, ConfigFile.of(name, text));
    }

    /** For the config file {@code file} (read once, shared with whoever asks for the enabling). */
    public Enabler(Kconfig tree, ConfigFile file) {
        this(tree, file, INITIAL_CONE, CONE_STEP);
    }

    /** With the cone's first size and growth step given (tests use tiny ones to exercise refinement). */
    Enabler(Kconfig tree, String name, String text, int initialCone, int coneStep) {
        this(tree, ConfigFile.of(name, text), initialCone, coneStep);
    }

    private Enabler(Kconfig tree, ConfigFile file, int initialCone, int coneStep) {
        this.initialCone = initialCone;
        this.coneStep = coneStep;
        this.tree = tree;
        this.name = file.name();
        this.read = tree.newConfiguration();
        new ConfigReader(tree, read, new Diagnostics(), "CONFIG_", false).read(file);
        this.base = evaluate(List.of());
        file.assignments().forEach((symbol, line) -> previous.put(symbol, line.value()));
        int i = 0;
        for (Menu m : tree.menusInOrder()) {
            if (m.symbol() != null) {
                menuOrder.putIfAbsent(m.symbol(), i++);
            }
        }
    }

    /** The original config as olddefconfig settles it. */
    public Configuration original() {
        return base;
    }

    /** The config with {@code lines} appended, settled as olddefconfig settles a config it reads. */
    public Configuration evaluate(List<Assignment> lines) {
        Configuration c = read.copyUserValues();
        ConfigReader reader = new ConfigReader(tree, c, new Diagnostics(), "CONFIG_", false);
        StringBuilder text = new StringBuilder();
        for (Assignment a : lines) {
            text.append(a.line()).append('\n');
        }
        reader.apply(name, text.toString());
        reader.afterRead();
        return c;
    }

    /** The complete .config olddefconfig writes for the config with the solution's lines appended. */
    public String resultConfig(Solution solution) {
        return new ConfigWriter(tree, evaluate(solution.assignments()), "CONFIG_").dotConfig();
    }

    /** Whether the configuration gives every requested value. */
    public static boolean holds(Configuration c, Collection<Request> requests) {
        for (Request r : requests) {
            if (!holds(c, r)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the configuration gives the requested value. */
    public static boolean holds(Configuration c, Request r) {
        Symbol s = r.symbol();
        if (r.isText()) {
            return r.value().equals(ConfigWriter.valueText(c, s));
        }
        Tristate v = c.tristate(s);
        return r.tristate() == null ? v != Tristate.NO : v == r.tristate();
    }

    /** Finds the smallest verified set of lines that makes every request hold, or the conflict. */
    public Answer solve(List<Request> requests) {
        long t0 = System.nanoTime();
        if (holds(base, requests)) {
            return new Answer(requests, new Solution(List.of(), List.of(), true), null, 0, millis(t0));
        }
        List<Assignment> fixed = new ArrayList<>();
        for (Request r : requests) {
            if (r.isText() && !holds(base, r)) {
                fixed.add(new Assignment(r.symbol(), r.value(), previous.get(r.symbol().name())));
            }
        }
        Set<Symbol> open = new HashSet<>();
        grow(open, requests.stream().map(Request::symbol).toList(), initialCone);
        List<Map<Symbol, Tristate>> blocked = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        int candidates = 0;
        try {
            for (int round = 0; round < MAX_ROUNDS && millis(t0) < TIME_LIMIT_MS; round++) {
                Encoding enc = new Encoding(base, open, TIME_LIMIT_MS);
                for (Request r : requests) {
                    enc.request(r);
                }
                for (Map<Symbol, Tristate> b : blocked) {
                    enc.block(b);
                }
                if (!enc.solve(Set.of(), false)) {
                    Set<Integer> core = enc.minimalCore();
                    List<Symbol> frozen = new ArrayList<>();
                    for (int g : core) {
                        Encoding.Rule rule = enc.rule(g);
                        if (rule.kind() == Encoding.Rule.Kind.FROZEN && openable(rule.symbol())) {
                            frozen.add(rule.symbol());
                        }
                    }
                    if (!frozen.isEmpty() && open.size() < MAX_CONE) {
                        grow(open, frozen, coneStep);
                        continue;
                    }
                    return new Answer(requests, null, conflict(enc, core), candidates, millis(t0));
                }
                boolean refined = false;
                while (candidates < MAX_CANDIDATES && enc.optimize()) {
                    Map<Symbol, Tristate> changes = enc.changes();
                    candidates++;
                    List<Assignment> lines = assignments(changes, fixed);
                    Configuration result = evaluate(lines);
                    if (holds(result, requests)) {
                        return new Answer(requests, finish(lines, result, fixed, requests, enc.minimum()), null,
                                candidates, millis(t0));
                    }
                    Conflict range = rangeConflict(result, requests);
                    if (range != null) {
                        return new Answer(requests, null, range, candidates, millis(t0));
                    }
                    blocked.add(changes);
                    rejected.add(describe(lines, result, requests));
                    Set<Symbol> moved = new LinkedHashSet<>();
                    for (Symbol s : enc.frozen()) {
                        if (result.tristate(s) != base.tristate(s) && openable(s) && !open.contains(s)) {
                            moved.add(s);
                        }
                    }
                    if (!moved.isEmpty() && open.size() < MAX_CONE) {
                        grow(open, moved, coneStep);
                        refined = true;
                        break;
                    }
                    enc.block(changes);
                }
                if (!refined) {
                    break;
                }
            }
        } catch (TimeoutException e) {
            rejected.add("the solver ran out of time");
        }
        List<Conflict.Reason> reasons = new ArrayList<>();
        reasons.add(new Conflict.Reason(candidates == 0
                ? "no answer found within the search's limits (" + open.size() + " symbols modelled)"
                : "no verified answer: the solver proposed " + candidates + " candidate(s) and evaluation rejected each",
                null));
        rejected.stream().limit(5).forEach(t -> reasons.add(new Conflict.Reason(t, null)));
        return new Answer(requests, null, new Conflict(requests, reasons), candidates, millis(t0));
    }

    /**
     * Checks given lines instead of searching: if the config with them gives every requested
     * value, the solution made of the lines it needs (redundant ones dropped), else null.
     */
    public Solution check(List<Assignment> lines, List<Request> requests) {
        if (holds(base, requests)) {
            return new Solution(List.of(), List.of(), true);
        }
        List<Assignment> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparingInt(a -> menuOrder.getOrDefault(a.symbol(), Integer.MAX_VALUE)));
        Configuration result = evaluate(sorted);
        return holds(result, requests) ? finish(sorted, result, List.of(), requests, false) : null;
    }

    /** Drops every line the answer does not need, and adds the side effects; {@code result} is the lines' evaluation. */
    private Solution finish(List<Assignment> lines, Configuration result, List<Assignment> fixed,
            List<Request> requests, boolean minimum) {
        List<Assignment> kept = new ArrayList<>(lines);
        boolean dropped = false;
        // Until no single line can go: dropping one line can make another droppable.
        for (boolean again = true; again; ) {
            again = false;
            for (int i = 0; i < kept.size() && kept.size() > 1; i++) {
                // (Without any line the original config remains, which does not hold: solve checked.)
                if (fixed.contains(kept.get(i))) {
                    continue;
                }
                List<Assignment> without = new ArrayList<>(kept);
                without.remove(i);
                Configuration c = evaluate(without);
                if (holds(c, requests)) {
                    kept = without;
                    result = c;
                    dropped = true;
                    again = true;
                    break;
                }
            }
        }
        Set<Symbol> mentioned = new HashSet<>();
        requests.forEach(r -> mentioned.add(r.symbol()));
        kept.forEach(a -> mentioned.add(a.symbol()));
        List<SideEffect> effects = new ArrayList<>();
        Set<Symbol> seen = new HashSet<>();
        for (Menu m : tree.menusInOrder()) {
            Symbol s = m.symbol();
            if (s == null || s.isChoice() || !seen.add(s) || mentioned.contains(s)) {
                continue;
            }
            String before = ConfigWriter.valueText(base, s);
            String after = ConfigWriter.valueText(result, s);
            boolean bothOff = s.type().isTristateLike() && (before == null || before.equals("n"))
                    && (after == null || after.equals("n"));
            if (!bothOff && !java.util.Objects.equals(before, after)) {
                effects.add(new SideEffect(s.name(), before, after));
            }
        }
        return new Solution(kept, effects, minimum && !dropped);
    }

    private List<Assignment> assignments(Map<Symbol, Tristate> changes, List<Assignment> fixed) {
        List<Assignment> out = new ArrayList<>();
        for (Map.Entry<Symbol, Tristate> e : changes.entrySet()) {
            out.add(new Assignment(e.getKey(), e.getValue().text(), previous.get(e.getKey().name())));
        }
        out.addAll(fixed);
        out.sort(Comparator.comparingInt(a -> menuOrder.getOrDefault(a.symbol(), Integer.MAX_VALUE)));
        return out;
    }

    private static String describe(List<Assignment> lines, Configuration result, List<Request> requests) {
        String tried = lines.stream().map(Assignment::describe).collect(Collectors.joining(", "));
        String got = requests.stream().filter(r -> !holds(result, r))
                .map(r -> r.symbol().name() + " [=" + result.string(r.symbol()) + "]").collect(Collectors.joining(", "));
        return "tried " + (tried.isEmpty() ? "nothing" : tried) + ": evaluation gives " + got;
    }

    /** A text request whose symbol is visible but whose value evaluation clamps: the range rules it out. */
    private Conflict rangeConflict(Configuration result, List<Request> requests) {
        for (Request r : requests) {
            Symbol s = r.symbol();
            if (r.isText() && result.visibility(s) != Tristate.NO && !holds(result, r)) {
                Property.Range range = result.activeRange(s);
                String text = range == null ? s.name() + " does not take " + r.value() + " (it becomes "
                        + result.string(s) + ")"
                        : s.name() + "=" + r.value() + " is outside its range " + range.low() + ".." + range.high()
                                + " [" + result.string(range.low()) + ".." + result.string(range.high()) + "]";
                return new Conflict(List.of(r), List.of(new Conflict.Reason(text,
                        range == null ? location(s) : range.location())));
            }
        }
        return null;
    }

    // ======================================================================
    // the cone
    // ======================================================================

    /** A symbol the encoding can compute by its rules. */
    private boolean openable(Symbol s) {
        return !s.isConstant() && !s.isChoice() && s.isDefined() && s.type().isTristateLike() && !s.isTransitional()
                && s != tree.modules();
    }

    /** Opens up to {@code budget} more symbols, breadth first from {@code seeds} along the symbols their values use. */
    private void grow(Set<Symbol> open, Collection<Symbol> seeds, int budget) {
        Deque<Symbol> queue = new ArrayDeque<>(seeds);
        Set<Symbol> seen = new HashSet<>();
        int added = 0;
        while (!queue.isEmpty() && added < budget) {
            Symbol s = queue.poll();
            if (!seen.add(s) || !openable(s)) {
                continue;
            }
            if (open.add(s)) {
                added++;
            }
            if (s.parentChoice() != null) {
                for (Symbol m : s.parentChoice().members()) {
                    if (openable(m) && open.add(m)) {
                        added++;
                    }
                    queue.add(m);
                }
            }
            queue.addAll(inputs(s));
        }
    }

    /** The symbols a symbol's value is computed from: dependencies first, selectors last. */
    private List<Symbol> inputs(Symbol s) {
        List<Symbol> out = new ArrayList<>();
        symbols(s.directDependency(), out);
        for (Property.Prompt p : s.prompts()) {
            symbols(p.condition(), out);
        }
        for (Property.Default d : s.defaults()) {
            symbols(d.value(), out);
            symbols(d.condition(), out);
        }
        symbols(s.impliedBy(), out);
        symbols(s.reverseDependency(), out);
        if (s.parentChoice() != null) {
            for (Property.Default d : s.parentChoice().defaults()) {
                symbols(d.value(), out);
                symbols(d.condition(), out);
            }
        }
        return out;
    }

    private void symbols(Expr e, List<Symbol> out) {
        out.addAll(tree.symbols().symbolsOf(e));
    }

    // ======================================================================
    // conflicts in Kconfig terms
    // ======================================================================

    private Conflict conflict(Encoding enc, Set<Integer> core) {
        List<Request> requests = new ArrayList<>();
        List<Symbol> symbols = new ArrayList<>();
        Set<Symbol> frozen = new HashSet<>();
        for (int g : core) {
            Encoding.Rule r = enc.rule(g);
            switch (r.kind()) {
                case REQUEST -> requests.add(r.request());
                case RULES -> symbols.add(r.symbol());
                case FROZEN -> {
                    symbols.add(r.symbol());
                    frozen.add(r.symbol());
                }
                default -> throw new IllegalStateException();
            }
        }
        symbols.sort(Comparator.comparingInt(s -> menuOrder.getOrDefault(s, Integer.MAX_VALUE)));
        // The config with the core's requests applied: where each rule's terms fail.
        List<Assignment> asked = new ArrayList<>();
        for (Request r : requests) {
            asked.add(new Assignment(r.symbol(), r.value() == null ? "y" : r.value(), null));
        }
        Configuration requested = evaluate(asked);
        List<Conflict.Reason> reasons = new ArrayList<>();
        for (Request r : requests) {
            if (r.tristate() == Tristate.MOD && (r.symbol().type() == Type.BOOL || base.modules() == Tristate.NO
                    || r.symbol().parentChoice() != null)) {
                reasons.add(new Conflict.Reason(r.symbol().type() == Type.BOOL ? r.symbol().name() + " is bool: it has no m"
                        : r.symbol().parentChoice() != null ? r.symbol().name() + " is a choice member: y or n"
                        : "modules are off (MODULES [=n]): tristates are y or n", location(r.symbol())));
            }
        }
        for (Request r : requests) {
            if (r.isText() && r.symbol().prompts().isEmpty()) {
                reasons.add(new Conflict.Reason(r.symbol().name() + " [=" + base.string(r.symbol()) + "] has no prompt:"
                        + " no line can set it, its value comes from its defaults", location(r.symbol())));
            }
        }
        Set<Symbol> choicesSaid = new HashSet<>();
        for (Symbol s : symbols) {
            if (frozen.contains(s)) {
                reasons.add(new Conflict.Reason(s.name() + " [=" + base.string(s) + "] keeps its value (the search"
                        + " stopped growing before reaching the symbols it depends on)", location(s)));
            } else if (s.parentChoice() != null && choicesSaid.add(s.parentChoice())) {
                reasons.add(choiceReason(s, symbols, requested));
            } else if (s.parentChoice() == null) {
                reasons.add(new Conflict.Reason(rules(s, requested), location(s)));
            }
        }
        return new Conflict(requests, reasons);
    }

    private Conflict.Reason choiceReason(Symbol s, List<Symbol> core, Configuration requested) {
        List<String> inCore = new ArrayList<>();
        for (Symbol m : s.parentChoice().members()) {
            if (core.contains(m)) {
                inCore.add(m.name() + " [=" + base.string(m) + "]");
            }
        }
        Location where = s.parentChoice().definitions().isEmpty() ? location(s)
                : s.parentChoice().definitions().get(0).location();
        String text = inCore.size() > 1 ? String.join(" and ", inCore) + " are in the same choice: only one can be y"
                : rules(s, requested) + " (a choice member: y only when chosen)";
        return new Conflict.Reason(text, where);
    }

    /**
     * A symbol's rules as a person reads them, with current values. What blocks it and what
     * selects it are explain's answers ({@link Obstacles}, {@link Links}), the same that {@code why}
     * and the upgrade guard give: a dependency of several terms names those that fail in
     * {@code requested} (the config with the requests applied), and each select is named with its
     * condition.
     */
    private String rules(Symbol s, Configuration requested) {
        StringBuilder t = new StringBuilder(s.name()).append(" [=").append(base.string(s)).append(']');
        List<String> parts = new ArrayList<>();
        List<Links.Link> selects = links().selectsOf(s);
        if (s.prompts().isEmpty()) {
            String selected = selects.isEmpty() ? "is never selected" : "is selected only by " + selectors(selects);
            parts.add("has no prompt and " + selected + (s.defaults().isEmpty() ? " (no default)" : ""));
            if (!s.defaults().isEmpty()) {
                List<String> ds = new ArrayList<>();
                for (Property.Default d : s.defaults()) {
                    ds.add(ExprPrinter.print(d.value(), base)
                            + (d.condition() == null ? "" : " if " + ExprPrinter.print(d.condition(), base)));
                }
                parts.add("defaults to " + String.join(", else ", ds));
            }
        } else {
            if (s.directDependency() != null) {
                parts.add("depends on " + ExprPrinter.print(s.directDependency(), base)
                        + failing(s, s.directDependency(), requested));
            } else {
                for (Property.Prompt p : s.prompts()) {
                    if (p.condition() != null) {
                        parts.add("can be set only if " + ExprPrinter.print(p.condition(), base) + failing(s, p.condition(), requested));
                        break;
                    }
                }
            }
            if (!selects.isEmpty()) {
                parts.add("is selected by " + selectors(selects));
            }
            if (parts.isEmpty()) {
                parts.add("is set by the request");
            }
        }
        return t.append(' ').append(String.join("; ", parts)).toString();
    }

    /** At most this many selects are named in a rule; the rest are counted. */
    private static final int SELECTS_NAMED = 6;

    /** Selects as a list: {@code A [=y], B [=n] if C [=y]}, the first few and a count of the rest. */
    private String selectors(List<Links.Link> selects) {
        List<String> out = new ArrayList<>();
        for (Links.Link l : selects.subList(0, Math.min(selects.size(), SELECTS_NAMED))) {
            out.add(l.from().name() + " [=" + base.string(l.from()) + "]"
                    + (l.condition() == null ? "" : " if " + ExprPrinter.print(l.condition(), base)));
        }
        String more = selects.size() > SELECTS_NAMED ? " and " + (selects.size() - SELECTS_NAMED) + " more" : "";
        return String.join(", ", out) + more;
    }

    /**
     * Of a condition of several terms, those that keep {@code s} at n in {@code requested} (a bool
     * needs m of its condition, y rounds up; a tristate not kept at n, those that keep it from y), as {@code " (with the request, B [=n] fails)"}; nothing when
     * none fails or the whole condition is the one failing term.
     */
    private String failing(Symbol s, Expr condition, Configuration requested) {
        Obstacles obstacles = new Obstacles(requested);
        List<Obstacles.Term> terms = obstacles.of(condition, Tristate.MOD);
        if (terms.isEmpty() && s.type() == Type.TRISTATE) {
            terms = obstacles.of(condition, Tristate.YES);
        }
        if (terms.isEmpty() || terms.size() == 1 && terms.get(0).term().equals(condition)) {
            return "";
        }
        List<String> texts = new ArrayList<>();
        for (Obstacles.Term term : terms) {
            texts.add(ExprPrinter.print(term.term(), requested));
        }
        return " (with the request, " + String.join(" and ", texts) + (texts.size() == 1 ? " fails)" : " fail)");
    }

    private Links links() {
        if (links == null) {
            links = new Links(tree);
        }
        return links;
    }

    private static Location location(Symbol s) {
        return s.definitions().isEmpty() ? null : s.definitions().get(0).location();
    }

    // ======================================================================


    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
