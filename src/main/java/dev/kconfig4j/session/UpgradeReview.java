package dev.kconfig4j.session;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.kconfig4j.upgrade.Finding;
import dev.kconfig4j.upgrade.Fix;
import dev.kconfig4j.upgrade.Ranking;
import dev.kconfig4j.upgrade.ReportFormat;
import dev.kconfig4j.upgrade.UpgradeReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The upgrade guard's report as a configurator shows it, in the report's own order
 * ({@link Ranking}, docs/upgrade-report.md): first the root causes that take away options the
 * user chose, the largest first, each with its verified fix; then the other changes to values the
 * user could set; then the rest (toolchain, helpers, dropped "is not set" lines, new defaults),
 * counted by class. Front-ends render these parts as they come and rank nothing themselves.
 *
 * @param config the old config, as named when the review was set up
 * @param kernel the new tree's title
 * @param summary one line counting the findings by class, the text report's own words
 * @param lost the roots under which an option the user chose is lost, the largest first
 * @param changed the roots that change other values the user could set, in config order
 * @param rest the other findings by class, each listed on its own (its consequences are listed too)
 * @param fix the combined fix for every loss, verified together; null when nothing is lost
 * @param report the whole report, for a front-end that needs more (not part of the JSON form)
 */
public record UpgradeReview(String config, String kernel, String summary, List<Root> lost, List<Root> changed,
        List<RestClass> rest, Fix fix, @JsonIgnore UpgradeReport report) {

    public UpgradeReview {
        lost = List.copyOf(lost);
        changed = List.copyOf(changed);
        rest = List.copyOf(rest);
    }

    /**
     * A root cause and what it takes.
     *
     * @param finding the root finding, with its consequences and its fix
     * @param weight what its cascade takes: options the user chose, objects leaving vmlinux, modules
     * @param takes the weight in words ("13 options you chose, 9 objects leave vmlinux")
     */
    public record Root(Finding finding, Ranking.Weight weight, String takes) {
    }

    /**
     * The findings of one class of the rest.
     *
     * @param category the class
     * @param title the class in the reports' words
     * @param findings its findings, each without its consequences (they are listed on their own)
     */
    public record RestClass(Finding.Category category, String title, List<Finding> findings) {
        public RestClass {
            findings = List.copyOf(findings);
        }

        /** How many findings the class has. */
        public int count() {
            return findings.size();
        }
    }

    /** The review of {@code report}, in its order. */
    public static UpgradeReview of(UpgradeReport report) {
        List<RestClass> rest = new ArrayList<>();
        for (Map.Entry<Finding.Category, List<Finding>> e : Ranking.rest(report).entrySet()) {
            rest.add(new RestClass(e.getKey(), e.getKey().title(),
                    e.getValue().stream().map(f -> f.withConsequences(List.of())).toList()));
        }
        return new UpgradeReview(report.config(), report.kernel(), ReportFormat.classSummary(report),
                roots(report, Ranking.Section.OPTIONS_LOST), roots(report, Ranking.Section.OPTIONS_CHANGED), rest,
                report.fix(), report);
    }

    private static List<Root> roots(UpgradeReport report, Ranking.Section section) {
        return Ranking.in(report, section).stream().map(f -> {
            Ranking.Weight w = Ranking.weight(f);
            return new Root(f, w, w.text());
        }).toList();
    }

    /** The root findings in the order shown: the lost first, then the changed. */
    public List<Finding> roots() {
        List<Finding> out = new ArrayList<>();
        lost.forEach(r -> out.add(r.finding()));
        changed.forEach(r -> out.add(r.finding()));
        return out;
    }
}
