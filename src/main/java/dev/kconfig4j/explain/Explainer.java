package dev.kconfig4j.explain;

import dev.kconfig4j.diagnostic.Diagnostic;
import dev.kconfig4j.Kconfig;
import dev.kconfig4j.confdata.ConfigFile;
import dev.kconfig4j.confdata.ConfigReader;
import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.expr.ExprPrinter;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.explain.Explanation.Blocker;
import dev.kconfig4j.explain.Explanation.BlockerKind;
import dev.kconfig4j.explain.Explanation.Bounds;
import dev.kconfig4j.explain.Explanation.ChoiceState;
import dev.kconfig4j.explain.Explanation.Condition;
import dev.kconfig4j.explain.Explanation.Contribution;
import dev.kconfig4j.explain.Explanation.Origin;
import dev.kconfig4j.explain.Explanation.OriginKind;
import dev.kconfig4j.explain.Explanation.Outcome;
import dev.kconfig4j.explain.Explanation.State;
import dev.kconfig4j.explain.Explanation.UserLine;
import dev.kconfig4j.menu.Menu;
import dev.kconfig4j.parse.Location;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.symbol.Configuration.ValueSource;
import dev.kconfig4j.symbol.Numbers;
import dev.kconfig4j.symbol.Property;
import dev.kconfig4j.symbol.Symbol;
import dev.kconfig4j.symbol.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Explains symbol values: where each value came from, how far the user can change it, and what
 * blocks it, followed through the blocking symbols.
 *
 * <p>The values are those of one {@link Configuration}, evaluated as {@code olddefconfig} does;
 * every value and rule comes from the configuration (its {@link Configuration#valueSource},
 * {@link Configuration#visibility}, {@link Configuration#activeDefault}...), never from a second
 * evaluation here. What this class adds is the reading: which sub-expression fails, where it was
 * written (the symbol's own {@code depends on}, an enclosing {@code if} or {@code menu}, the
 * prompt's {@code if}), and which symbols to look at next.
 *
 * <p>A blocker names the smallest failing pieces of a condition: in {@code PCI [=n] && X86 [=y]}
 * only {@code PCI [=n]}. Under a tristate dependency at {@code m} a symbol can be at most m, so
 * {@code FOO [=m]} blocks a {@code y}. Blocking symbols are explained in turn, to a bounded
 * depth, each once, and no further than a symbol the user can set.
 */
public final class Explainer {
    /** How deep blocking symbols are followed. */
    static final int MAX_DEPTH = 4;
    /** How many blocking symbols are explained in all, per question. */
    static final int MAX_NESTED = 24;
    /** How many would-be selectors a promptless symbol lists. */
    static final int MAX_LISTED = 6;
    /** How many defaults of a promptless symbol are examined for blockers. */
    static final int MAX_DEFAULTS = 4;
    /** How many symbols of one failing term are explained (the alternatives of a long OR). */
    static final int MAX_ALTERNATIVES = 4;

    private final Kconfig tree;
    private final Configuration config;
    private final String configName;
    private final Map<String, ConfigFile.Line> assignments;
    private final List<Diagnostic> diagnostics;
    private Map<Symbol, List<Link>> selectsOf;
    private Map<Symbol, List<Link>> impliesOf;
    private final Placement placement;

    /** A select or imply of a symbol, with the symbol that has it. */
    private record Link(Symbol from, Expr condition, Menu menu, Location location) {
    }

    /** A goal for a symbol's value: raise it to at least {@code bound}, lower it to at most {@code bound}, or none. */
    private record Goal(Direction direction, Tristate bound) {
        static final Goal NONE = new Goal(Direction.NONE, null);
    }

    private enum Direction { RAISE, LOWER, NONE }

    /** What one question has explained so far: each symbol once, a bounded number in all. */
    private static final class Walk {
        final Set<Symbol> seen = new HashSet<>();
        int nested;
    }

    /**
     * Explains {@code config}, which must be the result of reading {@code configText} (named
     * {@code configName}; null when no config was read) into {@code tree}.
     *
     * @param diagnostics what reading the config reported
     */
    public Explainer(Kconfig tree, Configuration config, String configName, String configText,
            List<Diagnostic> diagnostics) {
        this.tree = tree;
        this.config = config;
        this.configName = configName;
        this.assignments = ConfigFile.of(configName == null ? "(none)" : configName,
                configText == null ? "" : configText).assignments();
        this.diagnostics = List.copyOf(diagnostics);
        this.placement = new Placement(tree);
    }

    /**
     * Reads {@code text} (the config file {@code name}; null for none: every symbol takes its
     * default) into {@code tree} as {@code olddefconfig} does, and explains the result.
     */
    public static Explainer read(Kconfig tree, String name, String text) {
        ConfigReader.Read read = ConfigReader.load(tree, name == null ? "(none)" : name, text == null ? "" : text);
        return new Explainer(tree, read.configuration(), name, text, read.diagnostics());
    }

    public Configuration configuration() {
        return config;
    }

    /** The config file explained, as named by the caller; null when none was read. */
    public String configName() {
        return configName;
    }

    /** What reading the config reported (the kernel's warnings). */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The text of each of {@link #diagnostics()}, as reports show them. */
    public List<String> warnings() {
        return diagnostics.stream().map(Diagnostic::text).toList();
    }

    /** The explanation of {@code s}, with its blockers followed. */
    public Explanation explain(Symbol s) {
        Walk walk = new Walk();
        walk.seen.add(s);
        return explain(s, null, 0, walk);
    }

    // ======================================================================
    // one symbol
    // ======================================================================

    /** @param goal what the caller needs of the symbol; null for a top-level question (decided here) */
    private Explanation explain(Symbol s, Goal goal, int depth, Walk walk) {
        List<String> definedAt = new ArrayList<>();
        for (Menu m : s.definitions()) {
            definedAt.add(m.location().toString());
        }
        String prompt = s.prompts().isEmpty() ? null : s.prompts().get(0).text();
        boolean tristateLike = s.type().isTristateLike();
        List<Condition> prompts = new ArrayList<>();
        for (Property.Prompt p : s.prompts()) {
            Tristate v = config.eval(p.condition());
            prompts.add(new Condition(p.location().toString(), ExprPrinter.print(p.condition(), config),
                    (tristateLike ? rounded(s, v) : v).text()));
        }
        Explanation.Visibility visibility = new Explanation.Visibility(config.visibility(s).text(), prompts);
        Condition dependsOn = s.directDependency() == null ? null
                : new Condition(definedAt.size() == 1 ? definedAt.get(0) : null,
                        ExprPrinter.print(s.directDependency(), config), config.directDependency(s).text());
        Bounds bounds = tristateLike && s.parentChoice() == null && !s.isChoice() ? bounds(s) : null;
        List<Goal> goals = goal != null ? List.of(goal) : topGoals(s, bounds);
        List<Blocker> blockers = new ArrayList<>();
        String advice = null;
        if (depth < MAX_DEPTH) {
            Set<String> seen = new HashSet<>();
            for (Goal g : goals) {
                for (Blocker b : blockers(s, g, depth, walk)) {
                    // a term that blocks both ways (a hidden prompt) is named once
                    if (b.expression() == null || seen.add(b.kind() + " " + b.location() + " " + b.expression())) {
                        blockers.add(b);
                    }
                }
            }
            advice = advice(s, blockers.isEmpty() && goals.size() == 1 ? goals.get(0) : Goal.NONE, bounds);
        }
        // an undefined symbol's "value" is its own name as text; in conditions it is n
        String value = s.isDefined() ? config.string(s) : config.tristate(s).text();
        return new Explanation(name(s), prompt, s.type().keyword(), value, config.isWritten(s), definedAt,
                userLine(s), origin(s), visibility, dependsOn, defaults(s), links(s, selects(s)),
                links(s, implies(s)), ranges(s), choiceState(s), bounds, blockers, advice);
    }

    /** The name, or for a nameless choice {@code <choice "PROMPT">}. */
    private static String name(Symbol s) {
        if (s.name() != null) {
            return s.name();
        }
        return s.prompts().isEmpty() ? "<choice>" : "<choice \"" + s.prompts().get(0).text() + "\">";
    }

    /** The value reached through a visible prompt or forced by selects (bool/tristate outside choices). */
    private Bounds bounds(Symbol s) {
        Tristate min = config.reverseDependency(s);
        Tristate vis = config.visibility(s);
        Tristate max = vis == Tristate.NO ? config.tristate(s) : rounded(s, vis.or(min));
        return new Bounds(rounded(s, min).text(), max.text());
    }

    private Tristate rounded(Symbol s, Tristate v) {
        return config.effectiveType(s) == Type.BOOL ? v.mToY() : v;
    }

    /**
     * The questions "why" asks of a symbol: why not higher, when it is below y and cannot reach
     * y; why not lower, when it is above n and cannot go down (selected, or not settable at all).
     * A promptless tristate selected at m gets both.
     */
    private List<Goal> topGoals(Symbol s, Bounds bounds) {
        if (!s.type().isTristateLike() || s.isChoice()) {
            return List.of(Goal.NONE);
        }
        Tristate v = config.tristate(s);
        if (s.parentChoice() != null) {
            return List.of(v == Tristate.YES ? Goal.NONE : new Goal(Direction.RAISE, Tristate.YES));
        }
        List<Goal> goals = new ArrayList<>();
        Tristate max = Tristate.parse(bounds.max());
        if (v != Tristate.YES && max != Tristate.YES) {
            goals.add(new Goal(Direction.RAISE, Tristate.YES));
        }
        if (v != Tristate.NO && (Tristate.parse(bounds.min()) != Tristate.NO || config.visibility(s) == Tristate.NO)) {
            goals.add(new Goal(Direction.LOWER, Tristate.NO));
        }
        return goals.isEmpty() ? List.of(Goal.NONE) : goals;
    }

    // ======================================================================
    // the config's line
    // ======================================================================

    private UserLine userLine(Symbol s) {
        ConfigFile.Line a = s.name() == null ? null : assignments.get(s.name());
        if (a == null) {
            return null;
        }
        String where = configName + ":" + a.number();
        String invalid = invalid(s, a.value());
        if (invalid != null) {
            return new UserLine(where, a.text(), Outcome.INVALID, invalid);
        }
        ValueSource src = config.valueSource(s);
        if (!config.hasUserValue(s) && src != ValueSource.CHOICE) {
            if (config.visibility(s) == Tristate.NO) {
                return new UserLine(where, a.text(), Outcome.IGNORED, notSettable(s));
            }
            return new UserLine(where, a.text(), Outcome.INVALID, "outside the active range"
                    + rangeText(config.activeRange(s)) + ": dropped when the config was read");
        }
        switch (src) {
            case USER, TRANSITIONAL -> {
                if (s.type().isTristateLike()) {
                    Tristate want = config.userTristate(s);
                    Tristate got = config.tristate(s);
                    if (got.compareTo(want) > 0) {
                        return new UserLine(where, a.text(), Outcome.RAISED, "raised to " + got.text() + ": selected by "
                                + selectorList(s, want, 2));
                    }
                    if (got.compareTo(want) < 0) {
                        return new UserLine(where, a.text(), Outcome.LIMITED, "limited to " + got.text() + ": "
                                + name(s) + " is visible only as " + config.visibility(s).text() + " ("
                                + capText(s, want) + ")");
                    }
                    return new UserLine(where, a.text(), Outcome.TAKEN, null);
                }
                if (!config.string(s).equals(config.userString(s))) {
                    return new UserLine(where, a.text(), Outcome.LIMITED, "clamped to " + config.string(s)
                            + ": outside the range" + rangeText(config.activeRange(s)));
                }
                return new UserLine(where, a.text(), Outcome.TAKEN, null);
            }
            case CHOICE -> {
                Symbol choice = s.parentChoice();
                Symbol sel = config.selection(choice);
                Tristate want = Tristate.parse(a.value().substring(0, 1));
                Tristate got = config.tristate(s);
                if (want == got) {
                    return new UserLine(where, a.text(), Outcome.TAKEN, null);
                }
                if (config.visibility(s) == Tristate.NO) {
                    return new UserLine(where, a.text(), Outcome.IGNORED, notSettable(s));
                }
                return new UserLine(where, a.text(), Outcome.IGNORED, "the choice " + choiceName(choice) + " selects "
                        + (sel == null ? "nothing" : name(sel)) + " (" + choiceReason(choice, sel) + ")");
            }
            default -> {
                return new UserLine(where, a.text(), Outcome.IGNORED, notSettable(s));
            }
        }
    }

    /** Why a value as written is not valid for the symbol's type, or null when it is. */
    private static String invalid(Symbol s, String text) {
        Type t = s.type();
        if (t.isTristateLike()) {
            char c = text.isEmpty() ? 0 : text.charAt(0);
            if (c == 'y' || c == 'n' || (c == 'm' && t == Type.TRISTATE)) {
                return null;
            }
            return "'" + text + "' is not a valid value for a " + t.keyword()
                    + (c == 'm' ? " (only tristates take m)" : "") + "; the line is ignored";
        }
        if (t == Type.STRING) {
            return text.startsWith("\"") ? null : "a string value must be quoted; the line is ignored";
        }
        if (t == Type.INT || t == Type.HEX) {
            return Numbers.isValid(t, text) ? null : "'" + text + "' is not a valid " + t.keyword()
                    + " value; the line is ignored";
        }
        return "the symbol has no type in this tree; the line is ignored";
    }

    /** Why a symbol's prompt cannot be used now, in one line. */
    private String notSettable(Symbol s) {
        if (s.prompts().isEmpty()) {
            return name(s) + " has no prompt: only defaults and selects set it";
        }
        List<String> terms = new ArrayList<>();
        for (Property.Prompt p : s.prompts()) {
            for (Expr t : failing(p.condition(), Tristate.MOD)) {
                terms.add(ExprPrinter.print(t, config));
            }
        }
        return name(s) + " is not visible" + (terms.isEmpty() ? "" : ": " + String.join(", ", dedupe(terms)));
    }

    /** The failing terms that cap a tristate's visibility below the value wanted. */
    private String capText(Symbol s, Tristate want) {
        List<String> terms = new ArrayList<>();
        for (Property.Prompt p : s.prompts()) {
            for (Expr t : failing(p.condition(), want)) {
                terms.add(ExprPrinter.print(t, config));
            }
        }
        return String.join(", ", dedupe(terms));
    }

    private static List<String> dedupe(List<String> in) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(in));
    }

    // ======================================================================
    // origin
    // ======================================================================

    private Origin origin(Symbol s) {
        if (!s.isDefined()) {
            return new Origin(OriginKind.NONE, "not defined in this tree (another architecture's, or removed): n", null);
        }
        ValueSource src = config.valueSource(s);
        ConfigFile.Line a = s.name() == null ? null : assignments.get(s.name());
        String userAt = a == null ? null : configName + ":" + a.number();
        if (src == ValueSource.CHOICE) {
            Symbol choice = s.parentChoice();
            Symbol sel = config.selection(choice);
            String text = (sel == s ? "chosen in the choice " + choiceName(choice)
                    : "the choice " + choiceName(choice) + " selects " + (sel == null ? "no member" : name(sel)))
                    + ": " + choiceReason(choice, sel);
            return new Origin(OriginKind.CHOICE, text, location(choice));
        }
        if (src == ValueSource.TRANSITIONAL) {
            return new Origin(OriginKind.TRANSITIONAL, "transitional: passes the config's value on to the symbols"
                    + " whose defaults name it", userAt);
        }
        if (s.type().isTristateLike()) {
            Tristate base = config.baseTristate(s);
            Tristate rev = config.reverseDependency(s);
            if (rev.compareTo(rounded(s, base)) > 0) {
                List<Link> active = activeLinks(selects(s), Tristate.NO);
                return new Origin(OriginKind.SELECT, "selected by " + selectorList(s, base, 2)
                        + (config.directDependency(s).compareTo(rev) < 0
                                ? " although its dependencies are " + config.directDependency(s).text()
                                        + " (the kernel warns: unmet direct dependencies)" : ""),
                        active.isEmpty() ? null : active.get(0).location().toString());
            }
            if (src == ValueSource.USER) {
                return new Origin(OriginKind.USER, "set by the config: " + a.text(), userAt);
            }
            Property.Default d = s.isChoice() ? null : config.activeDefault(s);
            Tristate fromDefault = d == null ? Tristate.NO : config.eval(d.value()).and(config.eval(d.condition()));
            if (base.compareTo(fromDefault) > 0) {
                List<Link> active = activeLinks(implies(s), Tristate.NO);
                return new Origin(OriginKind.IMPLY, "implied by " + linkList(active, config.impliedValue(s))
                        + (d == null ? "" : " (above its default " + describe(d.value()) + ")"),
                        active.isEmpty() ? null : active.get(0).location().toString());
            }
            if (d != null) {
                return new Origin(OriginKind.DEFAULT, "default " + describe(d.value()) + macroNote(d)
                        + ownIf(d.condition(), d.menu())
                        + (s.defaults().indexOf(d) > 0 ? " (the first default whose condition holds)" : ""),
                        d.location().toString());
            }
            return new Origin(OriginKind.NONE, none(s), null);
        }
        if (src == ValueSource.USER) {
            if (!config.string(s).equals(config.userString(s))) {
                Property.Range r = config.activeRange(s);
                return new Origin(OriginKind.RANGE, "the config's " + config.userString(s) + " clamped into the range"
                        + rangeText(r), r == null ? userAt : r.location().toString());
            }
            return new Origin(OriginKind.USER, "set by the config: " + a.text(), userAt);
        }
        Property.Default d = config.activeDefault(s);
        if (d != null && d.value() instanceof Expr.Sym ds) {
            String given = config.string(ds.symbol());
            if (!given.equals(config.string(s)) && config.activeRange(s) != null) {
                Property.Range r = config.activeRange(s);
                return new Origin(OriginKind.RANGE, "its default " + describe(d.value()) + " clamped into the range"
                        + rangeText(r), r.location().toString());
            }
            return new Origin(OriginKind.DEFAULT, "default " + describe(d.value()) + macroNote(d)
                    + ownIf(d.condition(), d.menu())
                    + (s.defaults().indexOf(d) > 0 ? " (the first default whose condition holds)" : ""),
                    d.location().toString());
        }
        return new Origin(OriginKind.NONE, none(s), null);
    }

    /** Why nothing set a symbol. */
    private String none(Symbol s) {
        String what = s.type().isTristateLike() ? "n"
                : "empty" + (config.string(s).isEmpty() ? "" : " (" + config.string(s) + ")");
        if (s.prompts().isEmpty() && s.defaults().isEmpty()) {
            return "no prompt, no default and no active select: " + what;
        }
        boolean unset = config.visibility(s) != Tristate.NO && (s.name() == null || !assignments.containsKey(s.name()));
        if (s.defaults().isEmpty()) {
            return (unset ? "not set in the config and no default: " : "no default: ") + what;
        }
        return (unset ? "not set in the config and no default applies" : "no default applies")
                + " (every default's condition is n): " + what;
    }

    private String location(Symbol s) {
        return s.definitions().isEmpty() ? null : s.definitions().get(0).location().toString();
    }

    /** A default value or range bound as people read it: literals bare, a constant from a macro with its source. */
    private String describe(Expr e) {
        if (e instanceof Expr.Sym s && (s.symbol().isConstant() || !s.symbol().isDefined())) {
            return s.symbol().isConstant() && !isYmn(s.symbol()) && s.symbol().type() == Type.UNKNOWN
                    ? "\"" + s.symbol().name() + "\"" : s.symbol().name();
        }
        return ExprPrinter.print(e, config);
    }

    private static boolean isYmn(Symbol s) {
        return "y".equals(s.name()) || "m".equals(s.name()) || "n".equals(s.name());
    }

    /** {@code " if COND [=v]"} for a property's own condition (without the entry's dependencies); "" for none. */
    private String ownIf(Expr condition, Menu menu) {
        Expr own = ownCondition(condition, menu);
        return own == null ? "" : " if " + ExprPrinter.print(own, config);
    }

    /** A property's own {@code if}: its complete condition without the dependencies of its entry. */
    private static Expr ownCondition(Expr condition, Menu menu) {
        Expr dep = menu == null ? null : menu.dependency();
        if (condition == null || dep == null) {
            return condition;
        }
        if (condition.equals(dep)) {
            return null;
        }
        if (condition instanceof Expr.And a && a.left().equals(dep)) {
            return a.right();
        }
        return condition;
    }

    private static String rangeText(Property.Range r) {
        return r == null ? "" : " " + r.low() + ".." + r.high() + " (" + r.location() + ")";
    }

    // ======================================================================
    // defaults, selects, implies, ranges
    // ======================================================================

    private List<Contribution> defaults(Symbol s) {
        List<Contribution> out = new ArrayList<>();
        Property.Default active = s.isChoice() ? null : config.activeDefault(s);
        if (s.isChoice()) {
            Symbol def = config.choiceDefault(s);
            for (Property.Default d : s.defaults()) {
                if (config.eval(d.condition()) != Tristate.NO && d.value() instanceof Expr.Sym ds && ds.symbol() == def) {
                    active = d;
                    break;
                }
            }
        }
        boolean fromDefault = !s.isChoice() && config.valueSource(s) == ValueSource.DEFAULT;
        boolean reached = active == null || s.isChoice();
        for (Property.Default d : s.defaults()) {
            State state;
            if (d == active) {
                state = fromDefault || (s.isChoice() && config.selection(s) == ((Expr.Sym) d.value()).symbol())
                        ? State.TAKEN : State.UNUSED;
                reached = true;
            } else if (reached && active != null) {
                state = s.isChoice() ? skipped(d) : State.NOT_REACHED;
            } else {
                state = skipped(d);
            }
            String value = state == State.TAKEN || state == State.UNUSED ? valueOf(s, d) : "n";
            out.add(new Contribution(d.location().toString(), null, describe(d.value()) + macroNote(d),
                    own(d.condition(), d.menu()), value, state));
        }
        return out;
    }

    private State skipped(Property.Default d) {
        Expr dep = d.menu() == null ? null : d.menu().dependency();
        return dep != null && config.eval(dep) == Tristate.NO ? State.DEPENDENCY_N : State.CONDITION_N;
    }

    private String own(Expr condition, Menu menu) {
        Expr own = ownCondition(condition, menu);
        return own == null ? null : ExprPrinter.print(own, config);
    }

    /** What an active default gives the symbol. */
    private String valueOf(Symbol s, Property.Default d) {
        if (s.type().isTristateLike()) {
            return rounded(s, config.eval(d.value()).and(config.eval(d.condition()))).text();
        }
        return d.value() instanceof Expr.Sym ds ? config.string(ds.symbol()) : "";
    }

    /**
     * For a default whose value is a literal produced by a macro: the macro as written, e.g.
     * {@code " (from $(cc-option,-mfoo))"}; "" otherwise.
     */
    private String macroNote(Property.Default d) {
        if (!(d.value() instanceof Expr.Sym ds) || !(ds.symbol().isConstant() || !ds.symbol().isDefined())) {
            return ""; // not a literal
        }
        String line = placement.sourceLine(d.location());
        int i = line == null ? -1 : line.indexOf("$(");
        if (i < 0) {
            return "";
        }
        String macro = line.substring(i).strip();
        int cut = macro.indexOf(" if ");
        return " (from " + (cut > 0 ? macro.substring(0, cut).strip() : macro) + ")";
    }

    private List<Contribution> links(Symbol target, List<Link> links) {
        List<Contribution> out = new ArrayList<>();
        for (Link l : links) {
            Tristate v = config.eval(Expr.and(new Expr.Sym(l.from()), l.condition()));
            out.add(new Contribution(l.location().toString(), name(l.from()), null, own(l.condition(), l.menu()),
                    rounded(target, v).text(), v == Tristate.NO ? State.INACTIVE : State.ACTIVE));
        }
        return out;
    }

    private List<Contribution> ranges(Symbol s) {
        List<Contribution> out = new ArrayList<>();
        Property.Range active = config.activeRange(s);
        boolean reached = false;
        for (Property.Range r : s.ranges()) {
            State state;
            if (r == active) {
                state = State.TAKEN;
                reached = true;
            } else {
                state = reached ? State.NOT_REACHED : config.eval(r.condition()) == Tristate.NO ? State.CONDITION_N
                        : State.NOT_REACHED;
            }
            StringBuilder b = new StringBuilder();
            ExprPrinter.symbol(b, r.low(), config);
            b.append(' ');
            ExprPrinter.symbol(b, r.high(), config);
            out.add(new Contribution(r.location().toString(), null, b.toString(), own(r.condition(), r.menu()),
                    state == State.TAKEN ? "y" : "n", state));
        }
        return out;
    }

    private List<Link> selects(Symbol target) {
        if (selectsOf == null) {
            index();
        }
        return selectsOf.getOrDefault(target, List.of());
    }

    private List<Link> implies(Symbol target) {
        if (impliesOf == null) {
            index();
        }
        return impliesOf.getOrDefault(target, List.of());
    }

    private void index() {
        selectsOf = new HashMap<>();
        impliesOf = new HashMap<>();
        for (Symbol s : tree.symbols().all()) {
            for (Property.Select p : s.selects()) {
                selectsOf.computeIfAbsent(p.target(), k -> new ArrayList<>())
                        .add(new Link(s, p.condition(), p.menu(), p.location()));
            }
            for (Property.Imply p : s.implies()) {
                impliesOf.computeIfAbsent(p.target(), k -> new ArrayList<>())
                        .add(new Link(s, p.condition(), p.menu(), p.location()));
            }
        }
    }

    /** The links whose value is above {@code above}, strongest first. */
    private List<Link> activeLinks(List<Link> links, Tristate above) {
        List<Link> out = new ArrayList<>();
        for (Link l : links) {
            if (config.eval(Expr.and(new Expr.Sym(l.from()), l.condition())).compareTo(above) > 0) {
                out.add(l);
            }
        }
        out.sort((a, b) -> config.eval(Expr.and(new Expr.Sym(b.from()), b.condition()))
                .compareTo(config.eval(Expr.and(new Expr.Sym(a.from()), a.condition()))));
        return out;
    }

    /** "A [=y] (file:line), B [=m] (file:line)": the selects of {@code s} above {@code above}. */
    private String selectorList(Symbol s, Tristate above, int max) {
        List<Link> active = activeLinks(selects(s), above);
        return active.isEmpty() ? ExprPrinter.print(s.reverseDependency(), config) : linkList(active, null, max);
    }

    private String linkList(List<Link> links, Tristate fallback) {
        return linkList(links, fallback, MAX_LISTED);
    }

    /** "A [=y] (file:line), B [=m] if C [=y] (file:line), and 3 more": at most {@code max} named. */
    private String linkList(List<Link> links, Tristate fallback, int max) {
        if (links.isEmpty()) {
            return fallback == null ? "nothing" : fallback.text();
        }
        List<String> parts = new ArrayList<>();
        for (Link l : links.subList(0, Math.min(links.size(), max))) {
            StringBuilder b = new StringBuilder();
            ExprPrinter.symbol(b, l.from(), config);
            b.append(ownIf(l.condition(), l.menu())).append(" (").append(l.location()).append(')');
            parts.add(b.toString());
        }
        if (links.size() > max) {
            parts.add("and " + (links.size() - max) + " more");
        }
        return String.join(", ", parts);
    }

    // ======================================================================
    // choices
    // ======================================================================

    private ChoiceState choiceState(Symbol s) {
        Symbol choice = s.isChoice() ? s : s.parentChoice();
        if (choice == null) {
            return null;
        }
        Symbol sel = config.selection(choice);
        return new ChoiceState(choice.prompts().isEmpty() ? null : choice.prompts().get(0).text(), location(choice),
                sel == null ? null : name(sel), sel == null ? "no member is visible" : choiceReason(choice, sel));
    }

    private String choiceName(Symbol choice) {
        String p = choice.prompts().isEmpty() ? null : choice.prompts().get(0).text();
        return p == null ? name(choice) : "\"" + p + "\"";
    }

    /** Why the choice selects {@code sel}: the config's line, the choice's default, or the first visible member. */
    private String choiceReason(Symbol choice, Symbol sel) {
        if (sel == null) {
            return "no member is visible";
        }
        ConfigFile.Line a = sel.name() == null ? null : assignments.get(sel.name());
        if (a != null && config.hasUserValue(sel) && config.userTristate(sel) == Tristate.YES) {
            return "set by " + configName + ":" + a.number();
        }
        if (config.choiceDefault(choice) == sel) {
            for (Property.Default d : choice.defaults()) {
                if (config.eval(d.condition()) != Tristate.NO && d.value() instanceof Expr.Sym ds && ds.symbol() == sel) {
                    return "the choice's default at " + d.location() + ownIf(d.condition(), d.menu());
                }
            }
            return "the first visible member; the choice has no default that applies";
        }
        return "the first visible member the config does not set to n";
    }

    // ======================================================================
    // blockers
    // ======================================================================

    private List<Blocker> blockers(Symbol s, Goal goal, int depth, Walk walk) {
        if (!s.isDefined()) {
            return List.of(new Blocker(BlockerKind.UNDEFINED, null, name(s), "n", goal.bound() == null ? null
                    : goal.bound().text(), name(s) + " is not defined in this tree (another architecture's, or removed):"
                            + " it is always n", List.of()));
        }
        return switch (goal.direction()) {
            case RAISE -> raise(s, goal.bound(), depth, walk);
            case LOWER -> lower(s, goal.bound(), depth, walk);
            case NONE -> s.type().isTristateLike() || config.visibility(s) != Tristate.NO ? List.of()
                    : hidden(s, depth, walk);
        };
    }

    /** What keeps {@code s} below {@code target}: empty when it reaches it or the user can raise it there. */
    private List<Blocker> raise(Symbol s, Tristate target, int depth, Walk walk) {
        Tristate v = config.tristate(s);
        Tristate need = config.effectiveType(s) == Type.BOOL ? Tristate.MOD : target;
        if (v.compareTo(target) >= 0 && s.parentChoice() == null) {
            return List.of();
        }
        if (s.parentChoice() != null && config.visibility(s) != Tristate.NO) {
            return List.of(); // a visible member: the config selects it (advice)
        }
        if (s.parentChoice() == null && config.visibility(s).compareTo(need) >= 0) {
            return List.of();
        }
        if (s.prompts().isEmpty()) {
            return promptless(s, target, need, depth, walk);
        }
        return promptTerms(s, need, depth, walk);
    }

    /** The failing terms of the prompt conditions, each placed where it was written. */
    private List<Blocker> promptTerms(Symbol s, Tristate need, int depth, Walk walk) {
        Map<Expr, Blocker> out = new LinkedHashMap<>();
        for (Property.Prompt p : s.prompts()) {
            for (Expr t : failing(p.condition(), need)) {
                if (!out.containsKey(t)) {
                    out.put(t, termBlocker(s, t, need, placement.place(t, p.menu(), p), depth, walk));
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    /** Not visible (int, hex, string): what hides the prompt. */
    private List<Blocker> hidden(Symbol s, int depth, Walk walk) {
        if (s.prompts().isEmpty()) {
            return List.of(new Blocker(BlockerKind.NO_PROMPT, location(s), null, null, null,
                    name(s) + " has no prompt: only its defaults set it", List.of()));
        }
        return promptTerms(s, Tristate.MOD, depth, walk);
    }

    /** A symbol without a prompt below its target: its dependencies, else what could select it. */
    private List<Blocker> promptless(Symbol s, Tristate target, Tristate need, int depth, Walk walk) {
        List<Blocker> out = new ArrayList<>();
        if (s.directDependency() != null && config.directDependency(s).compareTo(need) < 0) {
            for (Expr t : failing(s.directDependency(), need)) {
                Menu def = s.definitions().size() == 1 ? s.definitions().get(0) : null;
                Placement.Place place = def == null
                        ? new Placement.Place(BlockerKind.DEPENDS_ON, location(s), "depends on")
                        : placement.place(t, def, null);
                out.add(termBlocker(s, t, need, place, depth, walk));
            }
        }
        if (out.isEmpty()) {
            out.addAll(defaultBlockers(s, target, need, depth, walk));
        }
        List<Link> could = new ArrayList<>();
        for (Link l : selects(s)) {
            if (config.eval(Expr.and(new Expr.Sym(l.from()), l.condition())).compareTo(target) < 0) {
                could.add(l);
            }
        }
        StringBuilder t = new StringBuilder(name(s)).append(" has no prompt: only defaults and selects set it");
        if (!could.isEmpty()) {
            t.append("; it would be ").append(target.text()).append(" if one of these selected it: ")
                    .append(linkList(could, null));
        } else if (s.reverseDependency() == null) {
            t.append("; nothing in this tree selects it");
        }
        List<Explanation> because = new ArrayList<>();
        if (out.isEmpty() && could.size() <= 2) {
            for (Link l : could) {
                Explanation e = nested(l.from(), new Goal(Direction.RAISE, target), depth, walk);
                if (e != null) {
                    because.add(e);
                }
            }
        }
        out.add(new Blocker(BlockerKind.NO_PROMPT, location(s), null, config.tristate(s).text(), target.text(),
                t.toString(), because));
        return out;
    }

    /**
     * Why the defaults of a promptless symbol do not give {@code target}: the own {@code if} of
     * each default skipped before the one taken, and the value of the one taken.
     */
    private List<Blocker> defaultBlockers(Symbol s, Tristate target, Tristate need, int depth, Walk walk) {
        List<Blocker> out = new ArrayList<>();
        int tried = 0;
        for (Property.Default d : s.defaults()) {
            if (++tried > MAX_DEFAULTS) {
                break;
            }
            String what = "default " + describe(d.value());
            Tristate cond = config.eval(d.condition());
            if (cond == Tristate.NO) {
                Expr own = ownCondition(d.condition(), d.menu());
                for (Expr t : failing(own, Tristate.MOD)) {
                    out.add(termBlocker(s, t, Tristate.MOD, new Placement.Place(BlockerKind.DEFAULT, d.location().toString(),
                            "the if of " + what), depth, walk));
                }
                continue;
            }
            Tristate v = rounded(s, config.eval(d.value()).and(cond));
            if (v.compareTo(target) >= 0) {
                break;
            }
            if (d.value() instanceof Expr.Sym lit && (lit.symbol().isConstant() || !lit.symbol().isDefined())) {
                out.add(new Blocker(BlockerKind.DEFAULT, d.location().toString(), describe(d.value()), v.text(),
                        target.text(), "the default taken, " + what + macroNote(d) + " (" + d.location() + "), gives "
                                + v.text(), List.of()));
            } else {
                for (Expr t : failing(Expr.and(d.value(), ownCondition(d.condition(), d.menu())), need)) {
                    out.add(termBlocker(s, t, need, new Placement.Place(BlockerKind.DEFAULT, d.location().toString(),
                            "the default taken, " + what + ownIf(d.condition(), d.menu())), depth, walk));
                }
            }
            break;
        }
        return out;
    }

    /** What keeps {@code s} above {@code target}: active selects, or no way for the user to set it. */
    private List<Blocker> lower(Symbol s, Tristate target, int depth, Walk walk) {
        Tristate v = config.tristate(s);
        if (v.compareTo(target) <= 0) {
            return List.of();
        }
        List<Blocker> out = new ArrayList<>();
        if (config.reverseDependency(s).compareTo(target) > 0) {
            List<Link> active = activeLinks(selects(s), target);
            // Every selector must go; each is followed only when there are few (a library
            // selected by fifty drivers is explained by naming them, not by fifty chains).
            boolean follow = active.size() <= 2;
            int listed = depth == 0 ? MAX_LISTED : 2;
            for (Link l : active.subList(0, Math.min(active.size(), listed))) {
                StringBuilder e = new StringBuilder();
                ExprPrinter.symbol(e, l.from(), config);
                String own = own(l.condition(), l.menu());
                if (own != null) {
                    e.append(" && ").append(own.contains("||") ? "(" + own + ")" : own);
                }
                Tristate sv = config.eval(Expr.and(new Expr.Sym(l.from()), l.condition()));
                List<Explanation> because = new ArrayList<>();
                Explanation n = follow ? nested(l.from(), new Goal(Direction.LOWER, target), depth, walk) : null;
                if (n != null) {
                    because.add(n);
                }
                out.add(new Blocker(BlockerKind.SELECTED, l.location().toString(), e.toString(), sv.text(),
                        target.text(), name(l.from()) + " selects " + name(s) + " (" + l.location() + "): "
                                + name(s) + " cannot be below " + rounded(s, sv).text(), because));
            }
            if (active.size() > listed) {
                List<Link> rest = active.subList(listed, active.size());
                out.add(new Blocker(BlockerKind.SELECTED, null, null, null, target.text(), "and " + rest.size()
                        + " more select" + (rest.size() == 1 ? "" : "s") + " of " + name(s) + ": "
                        + linkList(rest, null, depth == 0 ? 20 : 4), List.of()));
            }
            return out;
        }
        if (config.visibility(s) == Tristate.NO && config.valueSource(s) != ValueSource.CHOICE) {
            if (s.prompts().isEmpty()) {
                Property.Default d = config.activeDefault(s);
                return List.of(new Blocker(BlockerKind.NO_PROMPT, location(s), null, v.text(), target.text(),
                        name(s) + " has no prompt: " + (d == null ? "its value comes from an imply"
                                : "its default " + describe(d.value()) + macroNote(d) + " (" + d.location() + ") gives "
                                        + v.text()),
                        List.of()));
            }
            return promptTerms(s, Tristate.MOD, depth, walk);
        }
        return out;
    }

    /** One failing term, with the symbols in it explained. */
    private Blocker termBlocker(Symbol s, Expr term, Tristate need, Placement.Place place, int depth, Walk walk) {
        Tristate value = config.eval(term);
        String printed = ExprPrinter.print(term, config);
        List<Map.Entry<Symbol, Goal>> leaves = new ArrayList<>();
        leaves(term, Direction.RAISE, need, leaves);
        String note = "";
        List<String> undefined = new ArrayList<>();
        List<Map.Entry<Symbol, Goal>> defined = new ArrayList<>();
        for (Map.Entry<Symbol, Goal> leaf : leaves) {
            Symbol x = leaf.getKey();
            if (x.isConstant()) {
                String macro = placement.macroAt(place.location());
                note = "; " + x.name() + " is a constant here: " + (macro == null
                        ? "a macro (such as a toolchain probe) evaluated to it" : macro + " evaluated to it");
            } else if (!x.isDefined()) {
                undefined.add(name(x));
            } else {
                defined.add(leaf);
            }
        }
        if (!undefined.isEmpty()) {
            note += "; not defined in this tree (another architecture's, or removed), so n: "
                    + String.join(", ", undefined);
        }
        // Of alternatives (an OR), those the config can set come first; a long OR is cut short.
        defined.sort((x, y) -> Boolean.compare(config.visibility(y.getKey()) != Tristate.NO,
                config.visibility(x.getKey()) != Tristate.NO));
        List<Explanation> because = new ArrayList<>();
        int followed = 0;
        for (Map.Entry<Symbol, Goal> leaf : defined) {
            if (followed == MAX_ALTERNATIVES) {
                break;
            }
            Explanation e = nested(leaf.getKey(), leaf.getValue(), depth, walk);
            if (e != null) {
                because.add(e);
                followed++;
            }
        }
        String text = printed + " = " + value.text() + (value == Tristate.NO ? "" : ", below " + need.text()) + ", in "
                + place.describe() + note;
        boolean above = note.isEmpty() && !defined.isEmpty() && because.isEmpty()
                && defined.stream().allMatch(l -> walk.seen.contains(l.getKey()));
        return new Blocker(place.kind(), place.location(), printed, value.text(), need.text(), text, above, because);
    }

    /** The explanation of a blocking symbol, or null when it was explained already or the budget is spent. */
    private Explanation nested(Symbol x, Goal goal, int depth, Walk walk) {
        if (walk.seen.contains(x) || walk.nested >= MAX_NESTED) {
            return null;
        }
        walk.seen.add(x);
        walk.nested++;
        if (goal.bound() == Tristate.MOD && x.type().isTristateLike() && config.effectiveType(x) == Type.BOOL) {
            // a bool has no m: at least m is y, at most m is n
            goal = new Goal(goal.direction(), goal.direction() == Direction.RAISE ? Tristate.YES : Tristate.NO);
        }
        return explain(x, goal, depth + 1, walk);
    }

    /**
     * The symbols a failing term depends on, with what each would need: {@code A} must rise,
     * {@code !A} must fall, a comparison's symbols are shown as they are.
     */
    private void leaves(Expr e, Direction dir, Tristate bound, List<Map.Entry<Symbol, Goal>> out) {
        if (e instanceof Expr.Sym s) {
            out.add(Map.entry(s.symbol(), new Goal(dir, bound)));
        } else if (e instanceof Expr.Not n) {
            leaves(n.operand(), dir == Direction.RAISE ? Direction.LOWER : Direction.RAISE, bound.not(), out);
        } else if (e instanceof Expr.And a) {
            for (Expr c : List.of(a.left(), a.right())) {
                if (dir == Direction.RAISE ? config.eval(c).compareTo(bound) < 0 : config.eval(c).compareTo(bound) > 0) {
                    leaves(c, dir, bound, out);
                }
            }
        } else if (e instanceof Expr.Or o) {
            for (Expr c : List.of(o.left(), o.right())) {
                if (dir == Direction.RAISE ? config.eval(c).compareTo(bound) < 0 : config.eval(c).compareTo(bound) > 0) {
                    leaves(c, dir, bound, out);
                }
            }
        } else if (e instanceof Expr.Compare c) {
            for (Symbol x : List.of(c.left(), c.right())) {
                if (!x.isConstant() && x.isDefined()) { // an undefined "symbol" in a comparison is a literal
                    out.add(Map.entry(x, Goal.NONE));
                }
            }
        }
    }

    /** The smallest sub-expressions of {@code e} that keep it below {@code need}: its failing conjuncts, each once. */
    private List<Expr> failing(Expr e, Tristate need) {
        return Expr.failingConjuncts(e, config::eval, need).stream().distinct().toList();
    }

    // ======================================================================
    // advice
    // ======================================================================

    /**
     * What to write in the config: the value a goal needs when the config alone reaches it
     * ({@code goal}), otherwise the values the config can choose from, when there is a choice.
     */
    private String advice(Symbol s, Goal goal, Bounds bounds) {
        if (s.name() == null || !s.isDefined()) {
            return null;
        }
        Tristate vis = config.visibility(s);
        if (vis == Tristate.NO) {
            return null;
        }
        String c = "CONFIG_" + s.name();
        if (s.parentChoice() != null) {
            return config.tristate(s) == Tristate.YES ? null : "visible: " + c + "=y in the config selects it in the choice";
        }
        if (!s.type().isTristateLike()) {
            Property.Range r = config.activeRange(s);
            return "visible: set " + c + "=VALUE in the config" + (r == null ? "" : " (range" + rangeText(r) + ")");
        }
        Tristate min = Tristate.parse(bounds == null ? "n" : bounds.min());
        Tristate max = Tristate.parse(bounds == null ? vis.text() : bounds.max());
        return switch (goal.direction()) {
            case RAISE -> "visible: set " + c + "=" + goal.bound().text() + " in the config";
            case LOWER -> "visible: set " + c + "=" + goal.bound().text() + " in the config";
            case NONE -> {
                List<String> values = new ArrayList<>();
                for (Tristate t : Tristate.values()) {
                    if (t.compareTo(min) >= 0 && t.compareTo(max) <= 0
                            && (t != Tristate.MOD || config.effectiveType(s) == Type.TRISTATE)) {
                        values.add(t.text());
                    }
                }
                yield values.size() <= 1 ? null : "visible: " + c + " can be set to " + String.join(", ", values)
                        + " in the config";
            }
        };
    }
}
