package dev.kconfig4j.explain;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.explain.Explanation.Blocker;
import dev.kconfig4j.explain.Explanation.BlockerKind;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What keeps a symbol from the value wanted: the failing terms of its dependencies and prompt
 * conditions, each placed where it was written, the selects that hold it up, the defaults a
 * promptless symbol lacks; each blocking symbol explained in turn by the {@link Explainer}, to a
 * bounded depth.
 */
final class Blockers {
    private final Kconfig tree;
    private final Configuration config;
    private final Placement placement;
    private final Origins origins;
    private final Explainer explainer;
    private final Obstacles obstacles;

    Blockers(Kconfig tree, Configuration config, Placement placement, Origins origins, Explainer explainer) {
        this.tree = tree;
        this.config = config;
        this.placement = placement;
        this.origins = origins;
        this.explainer = explainer;
        this.obstacles = new Obstacles(config);
    }

    List<Blocker> blockers(Symbol s, Explainer.Goal goal, int depth, Explainer.Walk walk) {
        if (!s.isDefined()) {
            return List.of(new Blocker(BlockerKind.UNDEFINED, null, Origins.name(s), "n", goal.bound() == null ? null
                    : goal.bound().text(), Origins.name(s) + " is not defined in this tree (another architecture's, or removed):"
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
    List<Blocker> raise(Symbol s, Tristate target, int depth, Explainer.Walk walk) {
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
    List<Blocker> promptTerms(Symbol s, Tristate need, int depth, Explainer.Walk walk) {
        Map<Expr, Blocker> out = new LinkedHashMap<>();
        for (Property.Prompt p : s.prompts()) {
            for (Expr t : failing(p.condition(), need)) {
                if (!out.containsKey(t)) {
                    out.put(t, termBlocker(s, t, need, placement.place(t, p.definition(), p), depth, walk));
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    /** Not visible (int, hex, string): what hides the prompt. */
    List<Blocker> hidden(Symbol s, int depth, Explainer.Walk walk) {
        if (s.prompts().isEmpty()) {
            return List.of(new Blocker(BlockerKind.NO_PROMPT, origins.location(s), null, null, null,
                    Origins.name(s) + " has no prompt: only its defaults set it", List.of()));
        }
        return promptTerms(s, Tristate.MOD, depth, walk);
    }

    /** A symbol without a prompt below its target: its dependencies, else what could select it. */
    List<Blocker> promptless(Symbol s, Tristate target, Tristate need, int depth, Explainer.Walk walk) {
        List<Blocker> out = new ArrayList<>();
        if (s.directDependency() != null && config.directDependency(s).compareTo(need) < 0) {
            for (Expr t : failing(s.directDependency(), need)) {
                Definition def = s.definitions().size() == 1 ? s.definitions().get(0) : null;
                Placement.Place place = def == null
                        ? new Placement.Place(BlockerKind.DEPENDS_ON, origins.location(s), "depends on")
                        : placement.place(t, def, null);
                out.add(termBlocker(s, t, need, place, depth, walk));
            }
        }
        if (out.isEmpty()) {
            out.addAll(defaultBlockers(s, target, need, depth, walk));
        }
        List<Links.Link> could = new ArrayList<>();
        for (Links.Link l : origins.selects(s)) {
            if (config.eval(Expr.and(Expr.sym(l.from().ref()), l.condition())).compareTo(target) < 0) {
                could.add(l);
            }
        }
        StringBuilder t = new StringBuilder(Origins.name(s)).append(" has no prompt: only defaults and selects set it");
        if (!could.isEmpty()) {
            t.append("; it would be ").append(target.text()).append(" if one of these selected it: ")
                    .append(origins.linkList(could, null));
        } else if (s.reverseDependency() == null) {
            t.append("; nothing in this tree selects it");
        }
        List<Explanation> because = new ArrayList<>();
        if (out.isEmpty() && could.size() <= 2) {
            for (Links.Link l : could) {
                Explanation e = nested(l.from(), new Explainer.Goal(Explainer.Direction.RAISE, target), depth, walk);
                if (e != null) {
                    because.add(e);
                }
            }
        }
        out.add(new Blocker(BlockerKind.NO_PROMPT, origins.location(s), null, config.tristate(s).text(), target.text(),
                t.toString(), because));
        return out;
    }

    /**
     * Why the defaults of a promptless symbol do not give {@code target}: the own {@code if} of
     * each default skipped before the one taken, and the value of the one taken.
     */
    List<Blocker> defaultBlockers(Symbol s, Tristate target, Tristate need, int depth, Explainer.Walk walk) {
        List<Blocker> out = new ArrayList<>();
        int tried = 0;
        for (Property.Default d : s.defaults()) {
            if (++tried > Explainer.MAX_DEFAULTS) {
                break;
            }
            String what = "default " + origins.describe(d.value());
            Tristate cond = config.eval(d.condition());
            if (cond == Tristate.NO) {
                Expr own = Origins.ownCondition(d.condition(), d.definition());
                for (Expr t : failing(own, Tristate.MOD)) {
                    out.add(termBlocker(s, t, Tristate.MOD, new Placement.Place(BlockerKind.DEFAULT, d.location().toString(),
                            "the if of " + what), depth, walk));
                }
                continue;
            }
            Tristate v = origins.rounded(s, config.eval(d.value()).and(cond));
            if (v.compareTo(target) >= 0) {
                break;
            }
            if (config.symbols().literal(d.value()) != null) {
                out.add(new Blocker(BlockerKind.DEFAULT, d.location().toString(), origins.describe(d.value()), v.text(),
                        target.text(), "the default taken, " + what + origins.macroNote(d) + " (" + d.location() + "), gives "
                                + v.text(), List.of()));
            } else {
                for (Expr t : failing(Expr.and(d.value(), Origins.ownCondition(d.condition(), d.definition())), need)) {
                    out.add(termBlocker(s, t, need, new Placement.Place(BlockerKind.DEFAULT, d.location().toString(),
                            "the default taken, " + what + origins.ownIf(d.condition(), d.definition())), depth, walk));
                }
            }
            break;
        }
        return out;
    }

    /** What keeps {@code s} above {@code target}: active selects, or no way for the user to set it. */
    List<Blocker> lower(Symbol s, Tristate target, int depth, Explainer.Walk walk) {
        Tristate v = config.tristate(s);
        if (v.compareTo(target) <= 0) {
            return List.of();
        }
        List<Blocker> out = new ArrayList<>();
        if (config.reverseDependency(s).compareTo(target) > 0) {
            List<Links.Link> active = origins.activeLinks(origins.selects(s), target);
            // Every selector must go; each is followed only when there are few (a library
            // selected by fifty drivers is explained by naming them, not by fifty chains).
            boolean follow = active.size() <= 2;
            int listed = depth == 0 ? Explainer.MAX_LISTED : 2;
            for (Links.Link l : active.subList(0, Math.min(active.size(), listed))) {
                StringBuilder e = new StringBuilder();
                ExprPrinter.name(e, l.from().ref(), config);
                String own = origins.own(l.condition(), l.definition());
                if (own != null) {
                    e.append(" && ").append(own.contains("||") ? "(" + own + ")" : own);
                }
                Tristate sv = config.eval(Expr.and(Expr.sym(l.from().ref()), l.condition()));
                List<Explanation> because = new ArrayList<>();
                Explanation n = follow ? nested(l.from(), new Explainer.Goal(Explainer.Direction.LOWER, target), depth, walk) : null;
                if (n != null) {
                    because.add(n);
                }
                out.add(new Blocker(BlockerKind.SELECTED, l.location().toString(), e.toString(), sv.text(),
                        target.text(), Origins.name(l.from()) + " selects " + Origins.name(s) + " (" + l.location() + "): "
                                + Origins.name(s) + " cannot be below " + origins.rounded(s, sv).text(), because));
            }
            if (active.size() > listed) {
                List<Links.Link> rest = active.subList(listed, active.size());
                out.add(new Blocker(BlockerKind.SELECTED, null, null, null, target.text(), "and " + rest.size()
                        + " more select" + (rest.size() == 1 ? "" : "s") + " of " + Origins.name(s) + ": "
                        + origins.linkList(rest, null, depth == 0 ? 20 : 4), List.of()));
            }
            return out;
        }
        if (config.visibility(s) == Tristate.NO && config.valueSource(s) != ValueSource.CHOICE) {
            if (s.prompts().isEmpty()) {
                Property.Default d = config.activeDefault(s);
                return List.of(new Blocker(BlockerKind.NO_PROMPT, origins.location(s), null, v.text(), target.text(),
                        Origins.name(s) + " has no prompt: " + (d == null ? "its value comes from an imply"
                                : "its default " + origins.describe(d.value()) + origins.macroNote(d) + " (" + d.location() + ") gives "
                                        + v.text()),
                        List.of()));
            }
            return promptTerms(s, Tristate.MOD, depth, walk);
        }
        return out;
    }

    /** One failing term, with the symbols in it explained. */
    Blocker termBlocker(Symbol s, Expr term, Tristate need, Placement.Place place, int depth, Explainer.Walk walk) {
        Obstacles.Term obstacle = obstacles.term(term, need);
        Tristate value = obstacle.value();
        String printed = ExprPrinter.print(term, config);
        String note = "";
        List<String> undefined = new ArrayList<>();
        List<Obstacles.Leaf> defined = new ArrayList<>();
        for (Obstacles.Leaf leaf : obstacle.leaves()) {
            Symbol x = leaf.symbol();
            if (x.isConstant()) {
                String macro = placement.macroAt(place.location());
                note = "; " + x.name() + " is a constant here: " + (macro == null
                        ? "a macro (such as a toolchain probe) evaluated to it" : macro + " evaluated to it");
            } else if (!x.isDefined()) {
                undefined.add(Origins.name(x));
            } else {
                defined.add(leaf);
            }
        }
        if (!undefined.isEmpty()) {
            note += "; not defined in this tree (another architecture's, or removed), so n: "
                    + String.join(", ", undefined);
        }
        // Of alternatives (an OR), those the config can set come first; a long OR is cut short.
        defined.sort((x, y) -> Boolean.compare(config.visibility(y.symbol()) != Tristate.NO,
                config.visibility(x.symbol()) != Tristate.NO));
        List<Explanation> because = new ArrayList<>();
        int followed = 0;
        for (Obstacles.Leaf leaf : defined) {
            if (followed == Explainer.MAX_ALTERNATIVES) {
                break;
            }
            Explanation e = nested(leaf.symbol(), leaf.goal(), depth, walk);
            if (e != null) {
                because.add(e);
                followed++;
            }
        }
        String text = printed + " = " + value.text() + (value == Tristate.NO ? "" : ", below " + need.text()) + ", in "
                + place.describe() + note;
        boolean above = note.isEmpty() && !defined.isEmpty() && because.isEmpty()
                && defined.stream().allMatch(l -> walk.seen.contains(l.symbol()));
        return new Blocker(place.kind(), place.location(), printed, value.text(), need.text(), text, above, because);
    }

    /** The explanation of a blocking symbol, or null when it was explained already or the budget is spent. */
    Explanation nested(Symbol x, Explainer.Goal goal, int depth, Explainer.Walk walk) {
        if (walk.seen.contains(x) || walk.nested >= Explainer.MAX_NESTED) {
            return null;
        }
        walk.seen.add(x);
        walk.nested++;
        if (goal.bound() == Tristate.MOD && x.type().isTristateLike() && config.effectiveType(x) == Type.BOOL) {
            // a bool has no m: at least m is y, at most m is n
            goal = new Explainer.Goal(goal.direction(), goal.direction() == Explainer.Direction.RAISE ? Tristate.YES : Tristate.NO);
        }
        return explainer.explain(x, goal, depth + 1, walk);
    }

    /** The smallest sub-expressions of {@code e} that keep it below {@code need}: its failing conjuncts, each once. */
    List<Expr> failing(Expr e, Tristate need) {
        return obstacles.failing(e, need);
    }
}
