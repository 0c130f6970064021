package dev.kconfig4j.upgrade;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.confdata.ConfigFile;
import dev.kconfig4j.solve.Answer;
import dev.kconfig4j.solve.Assignment;
import dev.kconfig4j.solve.Conflict;
import dev.kconfig4j.solve.Enabler;
import dev.kconfig4j.solve.Request;
import dev.kconfig4j.solve.SideEffect;
import dev.kconfig4j.solve.Solution;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.symbol.Symbol;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds config lines that give symbols back the values a user had: the fewest lines (by the
 * {@link Enabler}'s SAT search), verified by evaluating the config with them applied. A line
 * that changes a value the config already sets (SQUASHFS from m to y, say) is called out in the
 * note. When not every value can come back, the note names the conflicting rules, and the lines
 * restore what can be restored.
 */
final class FixFinder {
    /** How often the values that conflict are set aside to restore the rest. */
    private static final int MAX_RETRIES = 24;
    /** How often values a fix would change as a side effect are protected and the search repeated. */
    private static final int KEEP_ROUNDS = 3;
    /** Beyond this many side effects on the user's own values, a fix is not worth protecting against. */
    private static final int MAX_KEPT = 24;

    private final Enabler enabler;
    /** The symbols the user's config sets. */
    private final Set<String> userSet;
    /** Values earlier calls could not restore: a combined fix sets them aside first. */
    private final Set<Request> knownLost = new HashSet<>();
    /** The lines earlier calls found, by the value they restore: a combined fix tries their union first. */
    private final java.util.Map<Request, List<Assignment>> knownLines = new java.util.HashMap<>();

    /**
     * What a fix must achieve for one symbol.
     *
     * @param symbol the symbol
     * @param value the wanted value in .config form ({@code y}, {@code m}, {@code n}, {@code "text"}, {@code 0x10})
     */
    record Target(Symbol symbol, String value) {
    }

    FixFinder(Kconfig tree, ConfigFile base) {
        this.enabler = new Enabler(tree, base);
        this.userSet = base.assignments().keySet();
    }

    /**
     * Solves, and keeps the user's other values: a fix that would lose a value the config sets
     * (other than by its own lines, which the note calls out) is searched again with that value
     * requested as it is now. A fix that would lose many of them (switching to a 32-bit kernel
     * to get ISA drivers back) is refused.
     */
    private Answer solveKeeping(List<Request> wanted) {
        List<Request> all = new ArrayList<>(wanted);
        Answer a = enabler.solve(all);
        for (int round = 0; round < KEEP_ROUNDS && a.solved(); round++) {
            List<SideEffect> hits = losses(a.solution());
            if (hits.isEmpty()) {
                return a;
            }
            if (hits.size() > MAX_KEPT || round == KEEP_ROUNDS - 1) {
                String lines = a.solution().assignments().stream().map(Assignment::describe)
                        .collect(Collectors.joining(", "));
                String examples = hits.stream().limit(6).map(SideEffect::toString).collect(Collectors.joining(", "));
                return new Answer(wanted, null, new Conflict(wanted, List.of(new Conflict.Reason("the fewest lines ("
                        + lines + ") would also change " + hits.size() + " of your config's other values: " + examples
                        + (hits.size() > 6 ? ", ..." : ""), null))), a.candidates(), a.millis());
            }
            for (SideEffect e : hits) {
                Symbol s = enabler.original().symbols().find(e.symbol());
                all.add(new Request(s, e.before() == null ? "n" : e.before()));
            }
            a = enabler.solve(all);
        }
        if (!a.solved()) {
            List<Request> mine = a.conflict().requests().stream().filter(wanted::contains).toList();
            List<Conflict.Reason> reasons = new ArrayList<>();
            for (Request r : a.conflict().requests()) {
                if (!wanted.contains(r)) {
                    reasons.add(new Conflict.Reason("your " + r + " must stay", null));
                }
            }
            reasons.addAll(a.conflict().reasons());
            return new Answer(wanted, null, new Conflict(mine, reasons), a.candidates(), a.millis());
        }
        return a;
    }

    /**
     * The side effects that lose something the user's config sets: a value that goes down (y to
     * m or n, m to n), a text value that changes, or an option the config has off that a line
     * turns on. Promotions are fine (they are reported), and so is the other member of a choice
     * the fix switches.
     */
    private List<SideEffect> losses(Solution solution) {
        Set<Symbol> switched = new HashSet<>();
        for (Assignment a : solution.assignments()) {
            if (a.symbol().parentChoice() != null) {
                switched.add(a.symbol().parentChoice());
            }
        }
        List<SideEffect> out = new ArrayList<>();
        // A line that turns on what the config has off ("# CONFIG_SOUND is not set") overrides
        // the user's choice: never done to restore something else (the search runs again with
        // the n kept, and the note says what could not come back).
        for (Assignment a : solution.assignments()) {
            if ("n".equals(a.previous()) && a.symbol().type().isTristateLike() && !"n".equals(a.value())
                    && !switched.contains(a.symbol().parentChoice())) {
                out.add(new SideEffect(a.symbol().name(), a.previous(), a.value()));
            }
        }
        for (SideEffect e : solution.sideEffects()) {
            Symbol s = enabler.original().symbols().find(e.symbol());
            if (!userSet.contains(e.symbol()) || s == null || switched.contains(s.parentChoice())) {
                continue;
            }
            if (s.type().isTristateLike()) {
                Tristate before = e.before() == null ? Tristate.NO : Tristate.parse(e.before());
                Tristate after = e.after() == null ? Tristate.NO : Tristate.parse(e.after());
                if (after.compareTo(before) < 0) {
                    out.add(e);
                }
            } else {
                out.add(e);
            }
        }
        return out;
    }

    Fix find(List<Target> targets) {
        List<Request> wanted = new ArrayList<>();
        for (Target t : targets) {
            wanted.add(new Request(t.symbol(), t.value()));
        }
        // Values an earlier call found lost are set aside at once; the rest is solved (or, when
        // earlier calls restored each of them, their lines are checked together).
        List<Request> rest = new ArrayList<>(wanted);
        List<Request> lost = new ArrayList<>();
        List<String> why = new ArrayList<>();
        if (rest.removeIf(knownLost::contains)) {
            lost.addAll(wanted.stream().filter(knownLost::contains).toList());
            why.add("see the findings above");
        }
        Answer answer = rest.isEmpty() ? null : union(rest);
        if (answer == null && !rest.isEmpty()) {
            answer = solveKeeping(rest);
        }
        for (int i = 0; i < MAX_RETRIES && answer != null && !answer.solved(); i++) {
            Conflict c = answer.conflict();
            List<Request> out = c.requests().isEmpty() ? List.copyOf(rest) : c.requests();
            rest.removeAll(out);
            lost.addAll(out);
            c.reasons().stream().map(Conflict.Reason::toString).filter(r -> !why.contains(r)).forEach(why::add);
            answer = rest.isEmpty() ? null : solveKeeping(rest);
        }
        if (answer != null && !answer.solved()) {
            lost.addAll(rest);
            answer = null;
        }
        knownLost.addAll(lost);
        List<Assignment> lines = answer == null ? List.of() : answer.solution().assignments();
        if (answer != null) {
            rest.forEach(r -> knownLines.put(r, lines));
        }
        List<String> text = lines.stream().map(Assignment::line).toList();
        if (lost.isEmpty()) {
            return new Fix(text, true, lines.isEmpty() ? "nothing to add: the old values come back by themselves"
                    : "add these lines and run olddefconfig: every lost value comes back" + changes(lines));
        }
        String note = "cannot restore " + lost.stream().map(Request::toString).collect(Collectors.joining(", "))
                + ": " + String.join("; ", why)
                + (lines.isEmpty() ? "" : ". These lines restore the rest" + changes(lines));
        return new Fix(text, false, note);
    }

    /**
     * When earlier calls restored every wanted value, the union of their lines, checked together;
     * null when that does not hold or loses other values.
     */
    private Answer union(List<Request> wanted) {
        Set<Assignment> lines = new java.util.LinkedHashSet<>();
        for (Request r : wanted) {
            if (!knownLines.containsKey(r)) {
                return null;
            }
            lines.addAll(knownLines.get(r));
        }
        Solution s = enabler.check(new ArrayList<>(lines), wanted);
        return s == null || !losses(s).isEmpty() ? null : new Answer(wanted, s, null, 0, 0);
    }

    /** The note's part about values of the user's config that the lines change. */
    private static String changes(List<Assignment> lines) {
        List<String> changed = lines.stream().filter(Assignment::changesUserValue)
                .map(a -> a.symbol().name() + " from " + a.previous() + " to " + a.value()).toList();
        return changed.isEmpty() ? "" : "; this changes your own " + (changed.size() == 1 ? "value of " : "values of ")
                + String.join(", ", changed);
    }
}
