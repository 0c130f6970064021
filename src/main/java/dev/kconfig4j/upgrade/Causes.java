package dev.kconfig4j.upgrade;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.confdata.ConfigWriter;
import dev.kconfig4j.explain.Links;
import dev.kconfig4j.explain.Obstacles;
import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.expr.ExprPrinter;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.expr.Type;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.symbol.Numbers;
import dev.kconfig4j.symbol.Property;
import dev.kconfig4j.symbol.Symbol;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The root cause of one finding, read off the new tree (type, dependencies, prompt, selects,
 * choice, range) and, with the old tree, how the definition changed.
 */
final class Causes {
    /** How a cause names a dependency term that a macro expanded to a constant ({@code depends on $(success,...)}). */
    static final String MACRO_TERM = "a macro, typically a toolchain probe, that evaluated to ";
    private final Kconfig newTree;
    private final Kconfig oldTree;
    private final Renames renames;
    /** The user's config evaluated in the old tree; null without the old tree. */
    private final Configuration oldConfig;

    /** Who selects what in the new tree and in the old one (null without it). */
    private final Links newLinks;
    private final Links oldLinks;

    Causes(Kconfig newTree, Kconfig oldTree, Renames renames, Configuration oldConfig) {
        this.newTree = newTree;
        this.oldTree = oldTree;
        this.renames = renames;
        this.oldConfig = oldConfig;
        this.newLinks = new Links(newTree);
        this.oldLinks = oldTree == null ? null : new Links(oldTree);
    }

    // ======================================================================
    // causes
    // ======================================================================

    /**
     * A value the symbol's type in the new tree cannot take ({@code =m} for a bool, text for an
     * int), with the config file and line that set it: a type change when the old tree had
     * another type (or, without the old tree, m for a bool), else an invalid value.
     */
    Cause typeChanged(Symbol s, String oldText, String where) {
        String was = "";
        boolean changed = false;
        if (oldTree != null) {
            Symbol o = oldTree.symbols().find(s.name());
            if (o != null && o.isDefined() && o.type() != s.type()) {
                was = " (it was " + o.type().keyword() + ")";
                changed = true;
            }
        } else if (oldText.equals("m") && s.type() == Type.BOOL) {
            was = " (it was tristate: only tristates take m)";
            changed = true;
        }
        String text = s.name() + " is " + s.type().keyword() + " in the new tree" + was + ": '" + oldText
                + "'" + (where == null ? "" : " (" + where + ")") + " is not a valid " + s.type().keyword()
                + " value, so olddefconfig ignores it and the symbol takes its default";
        if (oldText.equals("m") && s.type() == Type.BOOL) {
            text += "; as a bool it can only be built in (y) or left out";
        }
        return new Cause(changed ? Cause.Kind.TYPE_CHANGED : Cause.Kind.INVALID_VALUE, text, List.of());
    }

    Cause explainDropped(Configuration config, UpgradeGuard.UserValue u, Symbol s) {
        if (s != null && s.isTransitional()) {
            List<String> successors = renames.successorsOf(s);
            return new Cause(Cause.Kind.RENAMED, u.name() + " is transitional in the new tree: its value is carried to "
                    + (successors.isEmpty() ? "its successor" : String.join(", ", successors))
                    + " and it is no longer written", successors);
        }
        List<String> candidates = renames.candidates(u.name());
        if (!candidates.isEmpty()) {
            List<String> described = new ArrayList<>();
            for (String c : candidates) {
                String v = ConfigWriter.valueText(config, newTree.symbols().find(c));
                described.add(c + " (now " + (v == null ? "n" : v) + ")");
            }
            return new Cause(Cause.Kind.RENAMED, u.name() + " does not exist in the new tree; it may have been renamed to "
                    + String.join(" or ", described), candidates);
        }
        return Cause.of(Cause.Kind.REMOVED, u.name() + " does not exist in the new tree (removed); olddefconfig drops the line");
    }

    Cause notWritten(Configuration config, Symbol s) {
        return blockedCause(config, s, Tristate.YES, "is no longer written to .config");
    }

    Cause explainTristate(Configuration config, Configuration oldConfig, Symbol s, Tristate before,
            Tristate after) {
        if (after.compareTo(before) > 0) {
            Symbol choice = s.parentChoice();
            if (choice != null && after == Tristate.YES) {
                List<String> had = new ArrayList<>();
                for (Symbol m : choice.members()) {
                    if (m != s && config.hasUserValue(m) && config.userTristate(m) == Tristate.YES
                            && config.tristate(m) != Tristate.YES) {
                        had.add(m.name());
                    }
                }
                String prompt = choice.prompts().isEmpty() ? "<choice>" : choice.prompts().get(0).text();
                return new Cause(Cause.Kind.CHOICE, "the choice \"" + prompt + "\" now selects " + s.name()
                        + (had.isEmpty() ? "" : " because " + String.join(", ", had)
                                + ", the member your config selected, is not available")
                        + (config.choiceDefault(choice) == s ? " (" + s.name() + " is its default)" : ""), had);
            }
            if (config.reverseDependency(s).compareTo(before) > 0) {
                return new Cause(Cause.Kind.SELECTED, s.name() + " is selected by " + activeSelectors(config, s),
                        selectorNames(config, newLinks, s));
            }
            if (before == Tristate.MOD && s.type() == Type.BOOL) {
                return typeChanged(s, "m", null);
            }
            if (config.visibility(s) == Tristate.NO) {
                Property.Default d = config.activeDefault(s);
                return Cause.of(Cause.Kind.NOT_USER_SETTABLE, s.name() + " cannot be set by the user here"
                        + (d != null ? "; its default (" + describe(d.value(), config) + ") gives " + after.text()
                                : ""));
            }
            return Cause.of(Cause.Kind.OTHER, s.name() + " became " + after.text());
        }
        Symbol choice = s.parentChoice();
        if (choice != null && config.visibility(s) != Tristate.NO) {
            Symbol sel = config.selection(choice);
            String prompt = choice.prompts().isEmpty() ? "<choice>" : choice.prompts().get(0).text();
            return new Cause(Cause.Kind.CHOICE, "the choice \"" + prompt + "\" now selects "
                    + (sel == null ? "nothing" : sel.name()) + (oldConfig != null && oldTree != null
                            && oldTree.symbols().find(s.name()) != null
                            && oldTree.symbols().find(s.name()).parentChoice() == null ? " (" + s.name()
                                    + " was not part of a choice before)" : ""),
                    sel == null ? List.of() : List.of(sel.name()));
        }
        if (choice != null && oldTree != null) {
            Symbol o = oldTree.symbols().find(s.name());
            if (o != null && o.parentChoice() == null) {
                return Cause.of(Cause.Kind.CHOICE, s.name() + " moved into a choice");
            }
        }
        return blockedCause(config, s, before, "cannot be " + before.text() + " any more");
    }

    /** Why {@code s} cannot reach {@code needed}: its dependencies, its prompt, or no way to set it. */
    Cause blockedCause(Configuration config, Symbol s, Tristate needed, String what) {
        Tristate dir = config.directDependency(s);
        if (dir.compareTo(needed) < 0 && s.directDependency() != null) {
            List<Obstacles.Term> obstacles = new Obstacles(config).ofDependencies(s, needed);
            List<Expr> failing = terms(obstacles);
            StringBuilder t = new StringBuilder(s.name()).append(' ').append(what).append(": it depends on ");
            t.append(join(failing, config));
            t.append(dependencyHistory(s, failing));
            return new Cause(Cause.Kind.DEPENDENCY_NOT_MET, t.toString(), blockers(obstacles));
        }
        if (s.prompts().isEmpty() && !s.type().isTristateLike() && s.defaults().size() > 0
                && s.defaults().get(0).value() instanceof Expr.Sym d && !config.symbol(d.name()).isDefined()) {
            return Cause.of(Cause.Kind.DERIVED, s.name() + " is computed from the build environment (the toolchain"
                    + " probes); a config file cannot set it");
        }
        if (s.prompts().isEmpty()) {
            List<String> gone = oldSelectors(s);
            if (!gone.isEmpty()) {
                List<String> described = new ArrayList<>();
                for (String g : gone) {
                    Symbol now = newTree.symbols().find(g);
                    String state = now == null || !now.isDefined() ? "not in the new tree"
                            : config.tristate(now) == Tristate.NO ? "n now" : "no longer selects it";
                    described.add(g + " (" + state + ")");
                }
                return new Cause(Cause.Kind.SELECT_GONE, s.name() + " has no prompt and nothing selects it any more;"
                        + " it used to be selected by " + String.join(", ", described), gone);
            }
            return Cause.of(Cause.Kind.NOT_USER_SETTABLE, s.name() + " has no prompt: only defaults and selects can set it,"
                    + " and none gives " + needed.text() + " now");
        }
        Tristate vis = config.visibility(s);
        if (vis.compareTo(needed) < 0) {
            List<Obstacles.Term> obstacles = new Obstacles(config).ofPrompts(s, needed);
            List<Expr> failing = terms(obstacles);
            return new Cause(Cause.Kind.PROMPT_HIDDEN, s.name() + " " + what + ": its prompt is hidden"
                    + (failing.isEmpty() ? "" : " by " + join(failing, config)), blockers(obstacles));
        }
        return Cause.of(Cause.Kind.OTHER, s.name() + " " + what);
    }

    Cause explainText(Configuration config, Symbol s, String old) {
        Property.Range r = config.activeRange(s);
        if (r != null && (s.type() == Type.INT || s.type() == Type.HEX)) {
            int base = s.type() == Type.INT ? 10 : 16;
            long v = Numbers.parse(old, base);
            long lo = config.rangeBound(r.low(), base);
            long hi = config.rangeBound(r.high(), base);
            if (v < lo || v > hi) {
                return Cause.of(Cause.Kind.RANGE, s.name() + "=" + old + " is outside the range " + r.low() + ".." + r.high()
                        + " now (" + r.location() + ")");
            }
        }
        if (config.visibility(s) == Tristate.NO) {
            return blockedCause(config, s, Tristate.YES, "cannot be set any more");
        }
        return Cause.of(Cause.Kind.OTHER, s.name() + " changed");
    }

    Cause explainNew(Configuration config, Symbol s) {
        String v = ConfigWriter.valueText(config, s);
        StringBuilder t = new StringBuilder(s.name()).append(" is not in your config");
        if (oldTree != null) {
            Symbol o = oldTree.symbols().find(s.name());
            t.append(o == null || !o.isDefined() ? " (new in this tree)" : "");
        }
        if (s.type().isTristateLike()) {
            Tristate val = config.tristate(s);
            if (config.reverseDependency(s) != Tristate.NO && config.reverseDependency(s).compareTo(val) >= 0) {
                t.append("; selected by ").append(activeSelectors(config, s));
            } else if (val == Tristate.NO && config.directDependency(s) == Tristate.NO && s.directDependency() != null) {
                List<Obstacles.Term> obstacles = new Obstacles(config).ofDependencies(s, Tristate.MOD);
                t.append("; it is n because it depends on ").append(join(terms(obstacles), config));
                return new Cause(Cause.Kind.NEW_SYMBOL, t.toString(), blockers(obstacles));
            } else {
                Property.Default d = config.activeDefault(s);
                t.append(d == null ? "; it has no default, so it is " + (v == null ? "n" : v)
                        : "; its default " + describe(d.value(), config) + " gives " + (v == null ? "n" : v));
            }
        } else {
            t.append("; it takes ").append(v);
        }
        return Cause.of(Cause.Kind.NEW_SYMBOL, t.toString());
    }

    /**
     * With the old tree: whether the failing dependency is new ("a new dependency; it used to
     * depend on ..."), or was there before and is what changed value.
     */
    String dependencyHistory(Symbol s, List<Expr> failing) {
        if (oldTree == null) {
            return "";
        }
        Symbol o = oldTree.symbols().find(s.name());
        if (o == null || !o.isDefined()) {
            return "";
        }
        Set<String> before = new LinkedHashSet<>();
        if (o.directDependency() != null) {
            for (Expr t : Expr.conjuncts(o.directDependency())) {
                before.add(ExprPrinter.print(t));
            }
        }
        List<String> added = new ArrayList<>();
        for (Expr t : failing) {
            String p = ExprPrinter.print(t);
            if (!before.contains(p)) {
                added.add(p);
            }
        }
        if (added.isEmpty()) {
            return " (a dependency it already had, whose value changed)";
        }
        return " (a new dependency: it used to depend on "
                + (o.directDependency() == null ? "nothing" : ExprPrinter.print(o.directDependency())) + ")";
    }

    /** The symbols that selected {@code s} in the old tree with the user's config (needs the old tree). */
    List<String> oldSelectors(Symbol s) {
        if (oldTree == null || oldConfig == null) {
            return List.of();
        }
        Symbol o = oldTree.symbols().find(s.name());
        if (o == null || o.reverseDependency() == null) {
            return List.of();
        }
        return selectorNames(oldConfig, oldLinks, o);
    }

    String activeSelectors(Configuration config, Symbol s) {
        List<String> names = selectorNames(config, newLinks, s);
        return names.isEmpty() ? ExprPrinter.print(s.reverseDependency(), config) : String.join(", ", names);
    }

    /** The symbols whose select of {@code s} is active under {@code config}, as {@code why} lists them ({@link Links}). */
    static List<String> selectorNames(Configuration config, Links links, Symbol s) {
        Set<String> out = new LinkedHashSet<>();
        for (Links.Link l : Links.active(config, links.selectsOf(s), Tristate.NO)) {
            if (l.from().name() != null) {
                out.add(l.from().name());
            }
        }
        return new ArrayList<>(out);
    }

    // ======================================================================
    // expression helpers
    // ======================================================================

    /** The failing terms themselves, in order. */
    private static List<Expr> terms(List<Obstacles.Term> obstacles) {
        return obstacles.stream().map(Obstacles.Term::term).toList();
    }

    /**
     * The blockers of a cause: the named symbols that would have to change for the failing terms
     * to hold, as {@code why} finds them ({@link Obstacles}), in order, each once.
     */
    private static List<String> blockers(List<Obstacles.Term> obstacles) {
        Set<String> out = new LinkedHashSet<>();
        for (Obstacles.Term t : obstacles) {
            for (Symbol s : t.symbols()) {
                if (s.name() != null) {
                    out.add(s.name());
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** A default value as users read it: a literal as itself, an expression with its symbols' values. */
    static String describe(Expr e, Configuration config) {
        Symbol literal = config.symbols().literal(e);
        if (literal != null) {
            return literal.name();
        }
        return ExprPrinter.print(e, config);
    }

    static String join(List<Expr> terms, Configuration config) {
        List<String> parts = new ArrayList<>();
        for (Expr t : terms) {
            Symbol literal = config.symbols().literal(t);
            if (literal != null && literal.isConstant()) {
                parts.add(literal.name() + " (" + MACRO_TERM + literal.name() + ")");
                continue;
            }
            if (literal != null) {
                parts.add(literal.name() + " (not defined in this tree, so n)");
                continue;
            }
            String p = ExprPrinter.print(t, config);
            parts.add(t instanceof Expr.Or ? "(" + p + ")" : p);
        }
        return String.join(" && ", parts);
    }
}
