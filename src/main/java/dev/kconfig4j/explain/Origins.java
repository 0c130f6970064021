package dev.kconfig4j.explain;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.confdata.ConfigFile;
import dev.kconfig4j.explain.Explanation.ChoiceState;
import dev.kconfig4j.explain.Explanation.Contribution;
import dev.kconfig4j.explain.Explanation.Origin;
import dev.kconfig4j.explain.Explanation.OriginKind;
import dev.kconfig4j.explain.Explanation.State;
import dev.kconfig4j.explain.Links.Link;
import dev.kconfig4j.expr.Expr;
import dev.kconfig4j.expr.ExprPrinter;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.expr.Type;
import dev.kconfig4j.symbol.Configuration.ValueSource;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.symbol.Definition;
import dev.kconfig4j.symbol.Property;
import dev.kconfig4j.symbol.Symbol;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a symbol's value comes from: the config's line, an active default, a select or imply, a
 * range, a choice, or nothing at all; each with the file and line that wrote it. The origins of
 * an {@link Explanation}; {@link Explainer} asks them and follows the blockers.
 */
final class Origins {
    private final Kconfig tree;
    private final Configuration config;
    private final String configName;
    private final Map<String, ConfigFile.Line> assignments;
    private final Placement placement;
    private final Links links;

    /** A select or imply of a symbol, with the symbol that has it. */

    Origins(Kconfig tree, Configuration config, String configName, Map<String, ConfigFile.Line> assignments,
            Placement placement) {
        this.tree = tree;
        this.config = config;
        this.configName = configName;
        this.assignments = assignments;
        this.placement = placement;
        this.links = new Links(tree);
    }

    /** The name, or for a nameless choice {@code <choice "PROMPT">}. */
    static String name(Symbol s) {
        if (s.name() != null) {
            return s.name();
        }
        return s.prompts().isEmpty() ? "<choice>" : "<choice \"" + s.prompts().get(0).text() + "\">";
    }

    Tristate rounded(Symbol s, Tristate v) {
        return config.effectiveType(s) == Type.BOOL ? v.mToY() : v;
    }

    // ======================================================================
    // origin
    // ======================================================================

    Origin origin(Symbol s) {
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
                        + ownIf(d.condition(), d.definition())
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
            String given = config.string(config.symbol(ds.name()));
            if (!given.equals(config.string(s)) && config.activeRange(s) != null) {
                Property.Range r = config.activeRange(s);
                return new Origin(OriginKind.RANGE, "its default " + describe(d.value()) + " clamped into the range"
                        + rangeText(r), r.location().toString());
            }
            return new Origin(OriginKind.DEFAULT, "default " + describe(d.value()) + macroNote(d)
                    + ownIf(d.condition(), d.definition())
                    + (s.defaults().indexOf(d) > 0 ? " (the first default whose condition holds)" : ""),
                    d.location().toString());
        }
        return new Origin(OriginKind.NONE, none(s), null);
    }

    /** Why nothing set a symbol. */
    String none(Symbol s) {
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

    String location(Symbol s) {
        return s.definitions().isEmpty() ? null : s.definitions().get(0).location().toString();
    }

    /** A default value or range bound as people read it: literals bare, a constant from a macro with its source. */
    String describe(Expr e) {
        Symbol literal = config.symbols().literal(e);
        if (literal != null) {
            return literal.isConstant() && !isYmn(literal) && literal.type() == Type.UNKNOWN
                    ? "\"" + literal.name() + "\"" : literal.name();
        }
        return ExprPrinter.print(e, config);
    }

    static boolean isYmn(Symbol s) {
        return "y".equals(s.name()) || "m".equals(s.name()) || "n".equals(s.name());
    }

    /** {@code " if COND [=v]"} for a property's own condition (without the entry's dependencies); "" for none. */
    String ownIf(Expr condition, Definition definition) {
        Expr own = ownCondition(condition, definition);
        return own == null ? "" : " if " + ExprPrinter.print(own, config);
    }

    /** A property's own {@code if}: its complete condition without the dependencies of its entry. */
    static Expr ownCondition(Expr condition, Definition definition) {
        Expr dep = definition == null ? null : definition.dependency();
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

    static String rangeText(Property.Range r) {
        return r == null ? "" : " " + r.low() + ".." + r.high() + " (" + r.location() + ")";
    }

    // ======================================================================
    // defaults, selects, implies, ranges
    // ======================================================================

    List<Contribution> defaults(Symbol s) {
        List<Contribution> out = new ArrayList<>();
        Property.Default active = s.isChoice() ? null : config.activeDefault(s);
        if (s.isChoice()) {
            Symbol def = config.choiceDefault(s);
            for (Property.Default d : s.defaults()) {
                if (config.eval(d.condition()) != Tristate.NO && d.value() instanceof Expr.Sym ds && config.symbol(ds.name()) == def) {
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
                state = fromDefault || (s.isChoice() && config.selection(s) == config.symbol(((Expr.Sym) d.value()).name()))
                        ? State.TAKEN : State.UNUSED;
                reached = true;
            } else if (reached && active != null) {
                state = s.isChoice() ? skipped(d) : State.NOT_REACHED;
            } else {
                state = skipped(d);
            }
            String value = state == State.TAKEN || state == State.UNUSED ? valueOf(s, d) : "n";
            out.add(new Contribution(d.location().toString(), null, describe(d.value()) + macroNote(d),
                    own(d.condition(), d.definition()), value, state));
        }
        return out;
    }

    State skipped(Property.Default d) {
        Expr dep = d.definition() == null ? null : d.definition().dependency();
        return dep != null && config.eval(dep) == Tristate.NO ? State.DEPENDENCY_N : State.CONDITION_N;
    }

    String own(Expr condition, Definition definition) {
        Expr own = ownCondition(condition, definition);
        return own == null ? null : ExprPrinter.print(own, config);
    }

    /** What an active default gives the symbol. */
    String valueOf(Symbol s, Property.Default d) {
        if (s.type().isTristateLike()) {
            return rounded(s, config.eval(d.value()).and(config.eval(d.condition()))).text();
        }
        return d.value() instanceof Expr.Sym ds ? config.string(config.symbol(ds.name())) : "";
    }

    /**
     * For a default whose value is a literal produced by a macro: the macro as written, e.g.
     * {@code " (from $(cc-option,-mfoo))"}; "" otherwise.
     */
    String macroNote(Property.Default d) {
        if (config.symbols().literal(d.value()) == null) {
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

    List<Contribution> links(Symbol target, List<Link> links) {
        List<Contribution> out = new ArrayList<>();
        for (Link l : links) {
            Tristate v = config.eval(Expr.and(Expr.sym(l.from().ref()), l.condition()));
            out.add(new Contribution(l.location().toString(), name(l.from()), null, own(l.condition(), l.definition()),
                    rounded(target, v).text(), v == Tristate.NO ? State.INACTIVE : State.ACTIVE));
        }
        return out;
    }

    List<Contribution> ranges(Symbol s) {
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
            ExprPrinter.name(b, r.low().ref(), config);
            b.append(' ');
            ExprPrinter.name(b, r.high().ref(), config);
            out.add(new Contribution(r.location().toString(), null, b.toString(), own(r.condition(), r.definition()),
                    state == State.TAKEN ? "y" : "n", state));
        }
        return out;
    }

    List<Link> selects(Symbol target) {
        return links.selectsOf(target);
    }

    List<Link> implies(Symbol target) {
        return links.impliesOf(target);
    }

    /** The links whose value is above {@code above}, strongest first. */
    List<Link> activeLinks(List<Link> links, Tristate above) {
        return Links.active(config, links, above);
    }

    /** "A [=y] (file:line), B [=m] (file:line)": the selects of {@code s} above {@code above}. */
    String selectorList(Symbol s, Tristate above, int max) {
        List<Link> active = activeLinks(selects(s), above);
        return active.isEmpty() ? ExprPrinter.print(s.reverseDependency(), config) : linkList(active, null, max);
    }

    String linkList(List<Link> links, Tristate fallback) {
        return linkList(links, fallback, Explainer.MAX_LISTED);
    }

    /** "A [=y] (file:line), B [=m] if C [=y] (file:line), and 3 more": at most {@code max} named. */
    String linkList(List<Link> links, Tristate fallback, int max) {
        if (links.isEmpty()) {
            return fallback == null ? "nothing" : fallback.text();
        }
        List<String> parts = new ArrayList<>();
        for (Link l : links.subList(0, Math.min(links.size(), max))) {
            StringBuilder b = new StringBuilder();
            ExprPrinter.name(b, l.from().ref(), config);
            b.append(ownIf(l.condition(), l.definition())).append(" (").append(l.location()).append(')');
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

    ChoiceState choiceState(Symbol s) {
        Symbol choice = s.isChoice() ? s : s.parentChoice();
        if (choice == null) {
            return null;
        }
        Symbol sel = config.selection(choice);
        return new ChoiceState(choice.prompts().isEmpty() ? null : choice.prompts().get(0).text(), location(choice),
                sel == null ? null : name(sel), sel == null ? "no member is visible" : choiceReason(choice, sel));
    }

    String choiceName(Symbol choice) {
        String p = choice.prompts().isEmpty() ? null : choice.prompts().get(0).text();
        return p == null ? name(choice) : "\"" + p + "\"";
    }

    /** Why the choice selects {@code sel}: the config's line, the choice's default, or the first visible member. */
    String choiceReason(Symbol choice, Symbol sel) {
        if (sel == null) {
            return "no member is visible";
        }
        ConfigFile.Line a = sel.name() == null ? null : assignments.get(sel.name());
        if (a != null && config.hasUserValue(sel) && config.userTristate(sel) == Tristate.YES) {
            return "set by " + configName + ":" + a.number();
        }
        if (config.choiceDefault(choice) == sel) {
            for (Property.Default d : choice.defaults()) {
                if (config.eval(d.condition()) != Tristate.NO && d.value() instanceof Expr.Sym ds && config.symbol(ds.name()) == sel) {
                    return "the choice's default at " + d.location() + ownIf(d.condition(), d.definition());
                }
            }
            return "the first visible member; the choice has no default that applies";
        }
        return "the first visible member the config does not set to n";
    }
}
