package dev.kconfig4j.explain;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.confdata.ConfigFile;
import dev.kconfig4j.confdata.ConfigReader;
import dev.kconfig4j.diagnostic.Diagnostic;
import dev.kconfig4j.explain.Explanation.Blocker;
import dev.kconfig4j.explain.Explanation.Bounds;
import dev.kconfig4j.explain.Explanation.Condition;
import dev.kconfig4j.explain.Explanation.Outcome;
import dev.kconfig4j.explain.Explanation.UserLine;
import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.expr.ExprPrinter;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.expr.Type;
import dev.kconfig4j.symbol.Configuration.ValueSource;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.symbol.Definition;
import dev.kconfig4j.symbol.Numbers;
import dev.kconfig4j.symbol.Property;
import dev.kconfig4j.symbol.Symbol;
import java.util.ArrayList;
import java.util.HashSet;
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
    private final Placement placement;
    private final Origins origins;
    private final Blockers blocking;

    /** A goal for a symbol's value: raise it to at least {@code bound}, lower it to at most {@code bound}, or none. */
    record Goal(Direction direction, Tristate bound) {
        static final Goal NONE = new Goal(Direction.NONE, null);
    }

    enum Direction { RAISE, LOWER, NONE }

    /** What one question has explained so far: each symbol once, a bounded number in all. */
    static final class Walk {
        final Set<Symbol> seen = new HashSet<>();
        int nested;
    }

    /**
     * Explains {@code config}, which must be the result of reading {@code file} (null when no
     * config was read) into {@code tree}: the file's lines are where user values come from.
     *
     * @param diagnostics what reading the config reported
     */
    public Explainer(Kconfig tree, Configuration config, ConfigFile file, List<Diagnostic> diagnostics) {
        this.tree = tree;
        this.config = config;
        this.configName = file == null ? null : file.name();
        this.assignments = file == null ? Map.of() : file.assignments();
        this.diagnostics = List.copyOf(diagnostics);
        this.placement = new Placement(tree);
        this.origins = new Origins(tree, config, configName, assignments, placement);
        this.blocking = new Blockers(tree, config, placement, origins, this);
    }

    /**
     * Reads {@code text} (the config file {@code name}; null for none: every symbol takes its
     * default) into {@code tree} as {@code olddefconfig} does, and explains the result.
     */
    public static Explainer read(Kconfig tree, String name, String text) {
        // Parsed once: the same value is read into the tree and tells where user values come from.
        ConfigFile file = ConfigFile.of(name == null ? "(none)" : name, text == null ? "" : text);
        ConfigReader.Read read = ConfigReader.load(tree, file);
        return new Explainer(tree, read.configuration(), name == null ? null : file, read.diagnostics());
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
    Explanation explain(Symbol s, Goal goal, int depth, Walk walk) {
        List<String> definedAt = new ArrayList<>();
        for (Definition m : s.definitions()) {
            definedAt.add(m.location().toString());
        }
        String prompt = s.prompts().isEmpty() ? null : s.prompts().get(0).text();
        boolean tristateLike = s.type().isTristateLike();
        List<Condition> prompts = new ArrayList<>();
        for (Property.Prompt p : s.prompts()) {
            Tristate v = config.eval(p.condition());
            prompts.add(new Condition(p.location().toString(), ExprPrinter.print(p.condition(), config),
                    (tristateLike ? origins.rounded(s, v) : v).text()));
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
                for (Blocker b : blocking.blockers(s, g, depth, walk)) {
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
        return new Explanation(Origins.name(s), prompt, s.type().keyword(), value, config.isWritten(s), definedAt,
                userLine(s), origins.origin(s), visibility, dependsOn, origins.defaults(s), origins.links(s, origins.selects(s)),
                origins.links(s, origins.implies(s)), origins.ranges(s), origins.choiceState(s), bounds, blockers, advice);
    }


    /** The value reached through a visible prompt or forced by selects (bool/tristate outside choices). */
    private Bounds bounds(Symbol s) {
        Tristate min = config.reverseDependency(s);
        Tristate vis = config.visibility(s);
        Tristate max = vis == Tristate.NO ? config.tristate(s) : origins.rounded(s, vis.or(min));
        return new Bounds(origins.rounded(s, min).text(), max.text());
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
                    + Origins.rangeText(config.activeRange(s)) + ": dropped when the config was read");
        }
        switch (src) {
            case USER, TRANSITIONAL -> {
                if (s.type().isTristateLike()) {
                    Tristate want = config.userTristate(s);
                    Tristate got = config.tristate(s);
                    if (got.compareTo(want) > 0) {
                        return new UserLine(where, a.text(), Outcome.RAISED, "raised to " + got.text() + ": selected by "
                                + origins.selectorList(s, want, 2));
                    }
                    if (got.compareTo(want) < 0) {
                        return new UserLine(where, a.text(), Outcome.LIMITED, "limited to " + got.text() + ": "
                                + Origins.name(s) + " is visible only as " + config.visibility(s).text() + " ("
                                + capText(s, want) + ")");
                    }
                    return new UserLine(where, a.text(), Outcome.TAKEN, null);
                }
                if (!config.string(s).equals(config.userString(s))) {
                    return new UserLine(where, a.text(), Outcome.LIMITED, "clamped to " + config.string(s)
                            + ": outside the range" + Origins.rangeText(config.activeRange(s)));
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
                return new UserLine(where, a.text(), Outcome.IGNORED, "the choice " + origins.choiceName(choice) + " selects "
                        + (sel == null ? "nothing" : Origins.name(sel)) + " (" + origins.choiceReason(choice, sel) + ")");
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
            return Origins.name(s) + " has no prompt: only defaults and selects set it";
        }
        List<String> terms = new ArrayList<>();
        for (Property.Prompt p : s.prompts()) {
            for (Expr t : blocking.failing(p.condition(), Tristate.MOD)) {
                terms.add(ExprPrinter.print(t, config));
            }
        }
        return Origins.name(s) + " is not visible" + (terms.isEmpty() ? "" : ": " + String.join(", ", dedupe(terms)));
    }

    /** The failing terms that cap a tristate's visibility below the value wanted. */
    private String capText(Symbol s, Tristate want) {
        List<String> terms = new ArrayList<>();
        for (Property.Prompt p : s.prompts()) {
            for (Expr t : blocking.failing(p.condition(), want)) {
                terms.add(ExprPrinter.print(t, config));
            }
        }
        return String.join(", ", dedupe(terms));
    }

    private static List<String> dedupe(List<String> in) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(in));
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
            return "visible: set " + c + "=VALUE in the config" + (r == null ? "" : " (range" + Origins.rangeText(r) + ")");
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
