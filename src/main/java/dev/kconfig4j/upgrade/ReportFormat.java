package dev.kconfig4j.upgrade;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
        return switch (this) {
            case TEXT -> new TextReport(color).render(report);
            case JSON -> json(report);
            case MARKDOWN -> new MarkdownReport().render(report);
            case JUNIT -> new JunitReport().render(report);
        };
    }

    private static String json(UpgradeReport report) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try {
            return mapper.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
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
