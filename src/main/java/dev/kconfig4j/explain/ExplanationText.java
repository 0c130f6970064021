package dev.kconfig4j.explain;

import dev.kconfig4j.explain.Explanation.Blocker;
import dev.kconfig4j.explain.Explanation.Condition;
import dev.kconfig4j.explain.Explanation.Contribution;
import dev.kconfig4j.explain.Explanation.OriginKind;
import dev.kconfig4j.explain.Explanation.State;
import java.util.ArrayList;
import java.util.List;

/**
 * Explanations as text, read like a compiler's diagnostic: the value and where it came from
 * first, then only the sections that say something (the config's line, the prompt, the
 * dependencies, the defaults tried, the selects in effect), then what blocks a change, each
 * blocking symbol indented below the condition it blocks.
 */
final class ExplanationText {
    private static final String INDENT = "    ";
    /** How many active selects or implies are listed one per line. */
    private static final int MAX_LINES = 6;

    String render(WhyReport report) {
        StringBuilder b = new StringBuilder();
        b.append(report.config() == null
                ? "values olddefconfig gives from an empty config (every symbol at its default)"
                : "values of " + report.config() + " as olddefconfig reads it");
        b.append(", ").append(report.kernel() == null ? report.srctree() : report.kernel()).append('\n');
        for (Explanation e : report.symbols()) {
            b.append('\n');
            top(b, e);
        }
        return b.toString();
    }

    private void top(StringBuilder b, Explanation e) {
        header(b, "", e);
        String p = "  ";
        line(b, p, "value", e.value() + ": " + origin(e));
        if (e.user() != null && e.user().outcome() != Explanation.Outcome.TAKEN) {
            line(b, p, "config", e.user().location() + ": " + e.user().text() + "  "
                    + e.user().outcome().name().toLowerCase(java.util.Locale.ROOT)
                    + (e.user().reason() == null ? "" : ": " + e.user().reason()));
        }
        if (e.choice() != null && e.origin().kind() != OriginKind.CHOICE) {
            line(b, p, "choice", (e.choice().prompt() == null ? "<choice>" : "\"" + e.choice().prompt() + "\"")
                    + at(e.choice().location()) + " selects "
                    + (e.choice().selected() == null ? "nothing" : e.choice().selected()) + ": " + e.choice().reason());
        }
        if (e.definedAt().isEmpty()) {
            return; // not defined here: the value line says it all
        }
        if (e.visibility().prompts().isEmpty()) {
            line(b, p, "prompt", "none: the user cannot set " + e.symbol());
        } else {
            for (Condition c : e.visibility().prompts()) {
                line(b, p, "prompt", "visible " + c.value() + (c.expression().equals("y [=y]") ? "" : " if "
                        + c.expression()) + at(c.location()));
            }
        }
        boolean sameAsPrompt = e.visibility().prompts().size() == 1 && e.dependsOn() != null
                && e.visibility().prompts().get(0).expression().equals(e.dependsOn().expression());
        if (e.dependsOn() != null && !sameAsPrompt) {
            line(b, p, "depends", e.dependsOn().expression() + "  = " + e.dependsOn().value());
        }
        if (e.bounds() != null && !e.bounds().min().equals("n")) {
            line(b, p, "bounds", e.bounds().min() + ".." + e.bounds().max() + " (selects set the lower bound)");
        }
        defaults(b, p, e);
        boolean held = e.blockers().stream().anyMatch(k -> k.kind() == Explanation.BlockerKind.SELECTED);
        if (!held) {
            links(b, p, "selected", e.selects(), e);
        }
        links(b, p, "implied", e.implies(), e);
        for (Contribution r : e.ranges()) {
            if (r.state() == State.TAKEN) {
                line(b, p, "range", r.expression() + (r.condition() == null ? "" : " if " + r.condition())
                        + at(r.location()));
            }
        }
        blockers(b, p, e);
    }

    /** The origin's text, with its location unless the text already names it. */
    private static String origin(Explanation e) {
        String loc = e.origin().location();
        return e.origin().text() + (loc == null || e.origin().text().contains(loc) ? "" : at(loc));
    }

    private void header(StringBuilder b, String indent, Explanation e) {
        b.append(indent).append(e.symbol()).append(" = ").append(shown(e)).append("   ").append(e.type());
        if (e.prompt() != null) {
            b.append(" \"").append(e.prompt()).append('"');
        }
        if (!e.definedAt().isEmpty()) {
            b.append("   ").append(String.join(", ", e.definedAt()));
        } else {
            b.append("   (not defined in this tree)");
        }
        if (!e.written() && !e.definedAt().isEmpty()) {
            b.append("   (not written to .config)");
        }
        b.append('\n');
    }

    private static String shown(Explanation e) {
        return e.type().equals("string") ? "\"" + e.value() + "\"" : e.value();
    }

    private static String at(String location) {
        return location == null ? "" : "  (" + location + ")";
    }

    private static void line(StringBuilder b, String indent, String label, String text) {
        b.append(indent).append(label).append(':').append(" ".repeat(Math.max(1, 9 - label.length()))).append(text)
                .append('\n');
    }

    /** The defaults that were tried: skipped ones and the one taken; the rest counted. */
    private void defaults(StringBuilder b, String p, Explanation e) {
        if (e.defaults().isEmpty() || e.origin().kind() == OriginKind.USER || e.origin().kind() == OriginKind.CHOICE) {
            return;
        }
        int notReached = 0;
        for (Contribution d : e.defaults()) {
            if (d.state() == State.NOT_REACHED) {
                notReached++;
                continue;
            }
            String state = switch (d.state()) {
                case TAKEN -> "taken";
                case UNUSED -> "applies, unused";
                case CONDITION_N -> "skipped: condition n";
                case DEPENDENCY_N -> "skipped: the entry's dependencies are n";
                default -> d.state().name();
            };
            line(b, p, "default", d.expression() + (d.condition() == null ? "" : " if " + d.condition()) + "  -> "
                    + state + at(d.location()));
        }
        if (notReached > 0) {
            line(b, p, "default", notReached + " later default" + (notReached == 1 ? "" : "s") + " not tried");
        }
    }

    /** Active selects/implies one per line (the first few); the rest counted (JSON lists them all). */
    private void links(StringBuilder b, String p, String label, List<Contribution> links, Explanation e) {
        int inactive = 0;
        int shown = 0;
        int more = 0;
        for (Contribution l : links) {
            if (l.state() == State.ACTIVE && shown == MAX_LINES) {
                more++;
            } else if (l.state() == State.ACTIVE) {
                shown++;
                line(b, p, label, "by " + l.from() + (l.condition() == null ? "" : " if " + l.condition()) + "  -> "
                        + l.value() + at(l.location()));
            } else {
                inactive++;
            }
        }
        if (more > 0) {
            line(b, p, label, "and by " + more + " more (--format json lists every one)");
        }
        if (inactive > 0 && inactive == links.size()) {
            line(b, p, label, "by none of its " + inactive + " " + (label.equals("selected") ? "select" : "imply")
                    + (inactive == 1 ? "" : (label.equals("selected") ? "s" : "s")) + " (all inactive)");
        } else if (inactive > 0) {
            line(b, p, label, "(" + inactive + " more inactive)");
        }
    }

    private void blockers(StringBuilder b, String p, Explanation e) {
        for (Blocker k : e.blockers()) {
            line(b, p, k.kind() == Explanation.BlockerKind.SELECTED ? "held" : "blocked", k.text());
            for (Explanation n : k.because()) {
                nested(b, p + INDENT + "  ", n);
            }
        }
        if (e.advice() != null) {
            line(b, p, "change", e.advice());
        }
    }

    /** A blocking symbol: header, where its value came from, and what blocks it in turn. */
    private void nested(StringBuilder b, String indent, Explanation e) {
        header(b, indent, e);
        String p = indent + "  ";
        List<String> facts = new ArrayList<>();
        facts.add(e.value() + ": " + origin(e));
        if (e.user() != null && e.user().reason() != null && !e.visibility().prompts().isEmpty()) {
            // (a promptless symbol's line is only what an earlier run wrote); the blockers below
            // say why a value the config gave was ignored
            facts.add("config " + e.user().location() + ": " + e.user().text() + " "
                    + e.user().outcome().name().toLowerCase(java.util.Locale.ROOT)
                    + (e.blockers().isEmpty() ? ": " + e.user().reason() : ""));
        }
        for (String f : facts) {
            b.append(p).append(f).append('\n');
        }
        List<String> above = new ArrayList<>();
        for (Blocker k : e.blockers()) {
            if (k.explainedAbove()) {
                above.add(k.expression());
                continue;
            }
            b.append(p).append(k.kind() == Explanation.BlockerKind.SELECTED ? "held: " : "blocked: ").append(k.text())
                    .append('\n');
            for (Explanation n : k.because()) {
                nested(b, p + INDENT, n);
            }
        }
        if (!above.isEmpty()) {
            b.append(p).append("blocked: ").append(String.join(", ", above)).append(" (explained above)\n");
        }
        if (e.advice() != null) {
            b.append(p).append(e.advice()).append('\n');
        }
    }
}
