package dev.kconfig4j.upgrade;

import dev.kconfig4j.json.Json;
import java.util.List;

/** The ways an upgrade report is written: for people, for programs, for merge requests, for CI. */
public enum ReportFormat {
    /** Grouped text, coloured on a terminal. */
    TEXT,
    /** The stable JSON form (schema in docs/upgrade-report.md). */
    JSON,
    /** Markdown, for a merge-request or mailing-list comment. */
    MARKDOWN,
    /** JUnit XML: each root finding is a test case, failed when it loses something. */
    JUNIT;

    /** Renders {@code report}; {@code color} adds ANSI colours to TEXT. */
    public String render(UpgradeReport report, boolean color) {
        return render(report, color, false);
    }

    /**
     * Renders {@code report}; {@code color} adds ANSI colours to TEXT; {@code verbose} lists the
     * findings the text and Markdown forms otherwise count by class (JSON and JUnit hold every
     * finding anyway).
     */
    public String render(UpgradeReport report, boolean color, boolean verbose) {
        return switch (this) {
            case TEXT -> new TextReport(color).render(report, verbose);
            case JSON -> Json.write(report);
            case MARKDOWN -> new MarkdownReport().render(report, verbose);
            case JUNIT -> new JunitReport().render(report);
        };
    }


    /** One line summing up a report: "2 lost (1 root), 1 changed, 3 dropped, 40 new". */
    static String summary(UpgradeReport r) {
        long lost = r.count(Finding.Kind.LOST);
        long roots = r.findings().stream().filter(f -> f.kind() != Finding.Kind.NEW || !f.consequences().isEmpty())
                .count();
        return lost + " lost, " + r.count(Finding.Kind.DEMOTED) + " demoted, " + r.count(Finding.Kind.PROMOTED)
                + " promoted, " + r.count(Finding.Kind.CHANGED) + " changed, " + r.count(Finding.Kind.DROPPED)
                + " dropped, " + r.count(Finding.Kind.NEW) + " new (" + roots + " root cause" + (roots == 1 ? "" : "s") + ")";
    }

    /**
     * One line counting findings by class: "12 options you chose are lost (in 3 root causes), 5
     * other values you could set change; the rest: 14 toolchain, 80 helpers, ...".
     */
    public static String classSummary(UpgradeReport r) {
        java.util.Map<Finding.Category, Long> n = new java.util.EnumMap<>(Finding.Category.class);
        for (Finding f : r.allFindings()) {
            if (f.category() != null) {
                n.merge(f.category(), 1L, Long::sum);
            }
        }
        long lostRoots = Ranking.in(r, Ranking.Section.OPTIONS_LOST).size();
        return n.getOrDefault(Finding.Category.OPTION_LOST, 0L) + " option"
                + (n.getOrDefault(Finding.Category.OPTION_LOST, 0L) == 1 ? "" : "s") + " you chose lost (in " + lostRoots
                + " root cause" + (lostRoots == 1 ? "" : "s") + "), " + n.getOrDefault(Finding.Category.OPTION_CHANGED, 0L)
                + " other values you could set changed; the rest: " + n.getOrDefault(Finding.Category.TOOLCHAIN, 0L)
                + " toolchain, " + n.getOrDefault(Finding.Category.HELPER, 0L) + " helpers, "
                + n.getOrDefault(Finding.Category.UNSET_DROPPED, 0L) + " 'is not set' lines dropped, "
                + n.getOrDefault(Finding.Category.NEW_DEFAULT, 0L) + " new defaults";
    }

    /** "HYPERV (LOST, TYPE_CHANGED): 13 options you chose, 9 objects leave vmlinux, 3 modules no longer built". */
    static String weightLine(Finding root) {
        return root.symbol() + " (" + root.kind() + ", " + root.cause().kind() + "): " + Ranking.weight(root).text();
    }

    /** Up to {@code max} findings' symbols, and how many more. */
    static String names(List<Finding> findings, int max) {
        String shown = String.join(" ", findings.stream().limit(max).map(Finding::symbol).toList());
        return findings.size() > max ? shown + " ... (" + (findings.size() - max) + " more)" : shown;
    }

    /** The findings to show in detail: everything that is not a plain NEW symbol. */
    static List<Finding> significant(UpgradeReport r) {
        return r.findings().stream().filter(f -> f.kind() != Finding.Kind.NEW || !f.consequences().isEmpty()).toList();
    }

    static String change(Finding f) {
        return switch (f.kind()) {
            case NEW -> f.symbol() + " = " + (f.newValue() == null ? "n" : f.newValue());
            case DROPPED -> f.symbol() + " = " + f.oldValue() + " (dropped)";
            default -> f.symbol() + "  " + f.oldValue() + " -> " + (f.newValue() == null ? "(not written)" : f.newValue());
        };
    }
}
