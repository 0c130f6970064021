package dev.kconfig4j.tui;

import dev.kconfig4j.explain.Explanation;
import dev.kconfig4j.session.Change;
import dev.kconfig4j.session.Details;
import dev.kconfig4j.session.EnablePlan;
import dev.kconfig4j.session.MenuPage;
import dev.kconfig4j.session.SearchHit;
import dev.kconfig4j.session.UpgradeReview;
import dev.kconfig4j.upgrade.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The session's answers as lines of terminal text: help with the value's origin and what the
 * option builds, search hits, enable plans as a config diff, upgrade findings with their causes
 * and fixes, and one-line summaries of a change for the status line.
 */
final class Answers {
    private static final String PREFIX = "CONFIG_";

    private Answers() {
    }

    /** A change in one line: what was done, then what else changed with it. */
    static String summary(Change c) {
        StringBuilder b = new StringBuilder(c.description());
        List<Change.ValueChange> values = c.values();
        // The asked-for value comes first; the rest are its consequences.
        List<Change.ValueChange> more = values.size() > 1 ? values.subList(1, values.size()) : List.of();
        if (values.isEmpty()) {
            b.append(": nothing changed");
        }
        if (!more.isEmpty()) {
            b.append("; also ").append(value(more.get(0)));
            if (more.size() > 1) {
                b.append(" and ").append(more.size() - 1).append(" more");
            }
        }
        long appeared = c.visibility().stream().filter(Change.VisibilityChange::visible).count();
        long disappeared = c.visibility().size() - appeared;
        if (appeared > 0) {
            b.append("; ").append(appeared).append(appeared == 1 ? " entry appeared" : " entries appeared");
        }
        if (disappeared > 0) {
            b.append("; ").append(disappeared).append(disappeared == 1 ? " entry disappeared" : " entries disappeared");
        }
        return b.toString();
    }

    private static String value(Change.ValueChange v) {
        return v.symbol() + " " + shown(v.before()) + "->" + shown(v.after());
    }

    private static String shown(String value) {
        return value == null ? "(unset)" : value;
    }

    /**
     * The help screen: menuconfig's own (help text, symbol, type, definitions with prompts,
     * dependencies, location, selects, selected by, implied by, each with values), then where the
     * value came from, what keeps it from changing, and what the option builds.
     */
    static List<String> help(Details d) {
        List<String> out = new ArrayList<>(d.kernelHelp().strip().lines().toList());
        Explanation why = d.why();
        if (why != null) {
            out.add("");
            out.add("Value: " + (why.value().isEmpty() ? "\"\"" : why.value()) + ", from " + origin(why.origin()));
            if (why.user() != null && why.user().outcome() != Explanation.Outcome.TAKEN) {
                out.add("  the config's " + why.user().text() + " (" + why.user().location() + ") was "
                        + why.user().outcome().name().toLowerCase(Locale.ROOT)
                        + (why.user().reason() == null ? "" : ": " + why.user().reason()));
            }
            if (why.bounds() != null && !why.bounds().min().equals(why.bounds().max())) {
                out.add("  can be set from " + why.bounds().min() + " to " + why.bounds().max());
            }
            if (!why.blockers().isEmpty()) {
                out.add("What keeps it from changing:");
                for (Explanation.Blocker b : why.blockers()) {
                    out.add("  - " + b.text() + (b.location() == null ? "" : " (" + b.location() + ")"));
                }
                if (why.advice() != null) {
                    out.add("  " + why.advice());
                }
                out.add("  <e> shows the lines that enable it.");
            }
        }
        Details.Builds builds = d.builds();
        if (builds == null && d.symbol() != null) {
            out.add("");
            out.add("What it builds: the Makefiles are still being read; <?> again in a moment shows it.");
        } else if (builds != null) {
            out.add("");
            if (builds.objects().isEmpty() && builds.directories().isEmpty() && builds.forced().isEmpty()) {
                out.add("What it builds: no Makefile line names it.");
            } else {
                out.add("What it builds:");
                for (String o : builds.objects()) {
                    out.add("  " + o);
                }
                for (String dir : builds.directories()) {
                    out.add("  " + dir);
                }
                if (builds.objectsBelow() > 0) {
                    out.add("  (" + builds.objectsBelow() + " objects below those directories)");
                }
                for (String f : builds.forced()) {
                    out.add("  " + f);
                }
            }
        }
        return out;
    }

    private static String origin(Explanation.Origin o) {
        return o.text() + (o.location() == null ? "" : " (" + o.location() + ")");
    }

    /** A search hit: the symbol, prompt and value, then where it is and what matched. */
    static List<String> hit(SearchHit h) {
        StringBuilder first = new StringBuilder();
        if (h.symbol() != null) {
            first.append(PREFIX).append(h.symbol());
            if (h.value() != null) {
                first.append(" [=").append(h.value()).append(']');
            }
            first.append("  ");
        }
        if (h.prompt() != null) {
            first.append('"').append(h.prompt()).append('"');
        }
        if (!h.visible()) {
            first.append("  [hidden]");
        }
        List<String> path = new ArrayList<>();
        for (MenuPage.Crumb c : h.path()) {
            path.add(c.title());
        }
        if (!path.isEmpty()) {
            path.remove(0); // the main menu
        }
        String where = path.isEmpty() ? "main menu" : String.join(" -> ", path);
        return List.of(first.toString(), "    " + where + "  (" + h.location() + "; matched " + String.join(", ",
                h.matched()) + ")");
    }

    /** An enable plan: what it asks, the lines to add to the config, and the .config it gives, as a diff. */
    static List<String> plan(EnablePlan p) {
        List<String> out = new ArrayList<>();
        String asked = String.join(" ", p.requests());
        if (!p.solved()) {
            out.add("enable " + asked + ": no config can do it, because:");
            for (String c : p.conflict()) {
                out.add("  - " + c);
            }
            return out;
        }
        if (p.lines().isEmpty()) {
            out.add("enable " + asked + ": already so, nothing to change.");
            return out;
        }
        out.add("enable " + asked + ": " + p.lines().size() + (p.lines().size() == 1 ? " line" : " lines")
                + (p.minimum() ? " (the fewest possible)" : "") + ", verified by evaluating the config"
                + " (" + p.millis() + " ms)");
        out.add("");
        out.add("Lines for your config:");
        for (String l : p.lines()) {
            out.add("  " + l);
        }
        out.add("");
        out.add("What the .config gains and loses:");
        out.add("--- .config");
        out.add("+++ .config with the plan");
        for (Change.ValueChange v : p.changes()) {
            if (v.before() != null) {
                out.add("-" + configLine(v.symbol(), v.before()));
            }
            if (v.after() != null) {
                out.add("+" + configLine(v.symbol(), v.after()));
            }
        }
        return out;
    }

    /** A value as .config writes it. */
    private static String configLine(String symbol, String value) {
        return "n".equals(value) ? "# " + PREFIX + symbol + " is not set" : PREFIX + symbol + "=" + value;
    }

    /**
     * The upgrade review as list items, in the report's order (the session ranks, not this): the
     * roots that take options the user chose, each with what it takes, under a heading; the roots
     * that change other values the user could set; and last one item counting the rest by class.
     */
    static List<List<String>> review(UpgradeReview r) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < r.lost().size(); i++) {
            UpgradeReview.Root root = r.lost().get(i);
            List<String> item = new ArrayList<>();
            if (i == 0) {
                item.add("Options you chose that are lost (" + r.lost().size() + " root cause"
                        + (r.lost().size() == 1 ? "" : "s") + ", the largest first):");
            }
            item.add(headline(root.finding()));
            item.add("    takes " + root.takes());
            out.add(item);
        }
        for (int i = 0; i < r.changed().size(); i++) {
            List<String> item = new ArrayList<>();
            if (i == 0) {
                item.add("Other values you could set that change (" + r.changed().size() + "):");
            }
            item.add(headline(r.changed().get(i).finding()));
            out.add(item);
        }
        if (!r.rest().isEmpty()) {
            List<String> item = new ArrayList<>();
            item.add("The rest, taking nothing you chose (<Enter> lists them):");
            for (UpgradeReview.RestClass c : r.rest()) {
                item.add(String.format("%5d  %s", c.count(), c.title()));
            }
            out.add(item);
        }
        return out;
    }

    /** The rest of the review in full: each class, then each of its findings with its cause. */
    static List<String> rest(UpgradeReview r) {
        List<String> out = new ArrayList<>();
        for (UpgradeReview.RestClass c : r.rest()) {
            if (!out.isEmpty()) {
                out.add("");
            }
            out.add(c.count() + " " + c.title() + ":");
            for (Finding f : c.findings()) {
                out.add("  " + f.kind() + " " + f.symbol() + " " + shown(f.oldValue()) + " -> " + shown(f.newValue())
                        + ": " + f.cause().text());
            }
        }
        return out;
    }

    /** A finding in one line: kind, symbol, old and new value, consequences. */
    static String headline(Finding f) {
        int n = f.consequenceCount();
        return f.kind() + " " + f.symbol() + " " + shown(f.oldValue()) + " -> " + shown(f.newValue())
                + (n == 0 ? "" : "  (+" + n + (n == 1 ? " consequence)" : " consequences)"))
                + (f.fix() != null && !f.fix().lines().isEmpty() ? "  [fix]" : "");
    }

    /** A finding in full: its cause, its consequences, and its fix. */
    static List<String> finding(Finding f) {
        List<String> out = new ArrayList<>();
        out.add(headline(f));
        if (f.line() > 0) {
            out.add("  set on line " + f.line() + " of the old config");
        }
        if (f.cause() != null) {
            out.add("Cause: " + f.cause().text());
            for (String b : f.cause().blockers()) {
                out.add("  - " + b);
            }
        }
        if (!f.consequences().isEmpty()) {
            out.add("Consequences:");
            consequences(f, "  ", out);
        }
        if (f.fix() != null) {
            out.add("");
            out.add((f.fix().verified() ? "Fix (verified): " : "Fix (incomplete): ") + f.fix().note());
            for (String l : f.fix().lines()) {
                out.add("  +" + l);
            }
        }
        return out;
    }

    private static void consequences(Finding f, String indent, List<String> out) {
        for (Finding c : f.consequences()) {
            out.add(indent + c.kind() + " " + c.symbol() + " " + shown(c.oldValue()) + " -> " + shown(c.newValue())
                    + (c.category() == null ? "" : " [" + c.category().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "]")
                    + (c.cause() == null ? "" : ": " + c.cause().text()));
            consequences(c, indent + "  ", out);
        }
    }
}
