package dev.kconfig4j.impact;

import dev.kconfig4j.impact.ImpactReport.ConfigImpact;
import dev.kconfig4j.impact.ImpactReport.ConfigLosses;
import dev.kconfig4j.impact.ImpactReport.LostGroup;
import dev.kconfig4j.impact.ImpactReport.Mitigation;
import dev.kconfig4j.impact.ImpactReport.SymbolImpact;
import java.util.List;

/**
 * An impact report as plain text for a terminal: the summary, the most lost symbols, the lost
 * groups with their mitigations, then every config that loses something. Long lists are cut at
 * {@code limit} entries (the JSON and HTML reports have everything).
 */
public final class TextReport {
    private final int limit;

    /** @param limit how many entries of each list to show */
    public TextReport(int limit) {
        this.limit = limit;
    }

    public String render(ImpactReport r) {
        StringBuilder out = new StringBuilder();
        out.append("kconfig4j impact: ").append(ReportText.tree(r.before())).append(" -> ")
                .append(ReportText.tree(r.after())).append('\n');
        out.append(ReportText.summary(r)).append("\n\n");
        if (!r.problems().isEmpty()) {
            out.append("Not analysed (").append(r.problems().size()).append("):\n");
            for (String p : cut(r.problems())) {
                out.append("  ").append(p).append('\n');
            }
            more(out, r.problems().size());
            out.append('\n');
        }
        List<SymbolImpact> lost = r.symbols().stream().filter(s -> s.lostCount() > 0).toList();
        out.append("Lost symbols (").append(lost.size()).append("), the most lost first:\n");
        for (SymbolImpact s : cut(lost)) {
            out.append("  ").append(ReportText.symbolLine(s, r.configs().size(), 4)).append('\n');
            if (!s.causes().isEmpty()) {
                out.append("      cause: ").append(s.causes().get(0).text()).append('\n');
            }
        }
        more(out, lost.size());
        out.append('\n');
        out.append("Lost groups (").append(r.groups().size()).append("), by root cause:\n");
        for (LostGroup g : cut(r.groups())) {
            out.append("  ").append(ReportText.groupLine(g)).append('\n');
            out.append("      ").append(g.causeText()).append('\n');
            for (Mitigation m : r.mitigationsOf(g.root())) {
                mitigation(out, m, "      ");
            }
        }
        more(out, r.groups().size());
        List<Mitigation> whatIf = r.whatIfs();
        if (!whatIf.isEmpty()) {
            out.append("\nWhat-if patches:\n");
            for (Mitigation m : whatIf) {
                mitigation(out, m, "  ");
            }
        }
        List<SymbolImpact> forced = ReportText.kernelImageSymbols(r);
        if (!forced.isEmpty()) {
            out.append("\nKernel image: changed symbols that control code Kbuild forces built-in or into a module (")
                    .append(forced.size()).append("):\n");
            for (SymbolImpact s : cut(forced)) {
                out.append("  ").append(ReportText.kernelImageHeadline(s)).append('\n');
                out.append("      ").append(ReportText.kernelImageConstructs(s)).append('\n');
            }
            more(out, forced.size());
        }
        List<ConfigImpact> losing = r.configsWithLosses();
        out.append("\nConfigs that lose something (").append(losing.size()).append(" of ").append(r.configs().size())
                .append("):\n");
        for (ConfigImpact c : cut(losing)) {
            out.append("  ").append(c.name()).append(" (").append(c.arch()).append("): ")
                    .append(ReportText.counts(c)).append('\n');
            out.append("      lost: ").append(ReportText.list(c.lostSymbols(), 12)).append('\n');
            for (String l : ReportText.kernelImageLines(c)) {
                out.append("      kernel image: ").append(l).append('\n');
            }
        }
        more(out, losing.size());
        out.append('\n').append(ReportText.timing(r)).append('\n');
        return out.toString();
    }

    private void mitigation(StringBuilder out, Mitigation m, String indent) {
        out.append(indent).append(m.id()).append(' ').append(ReportText.verdict(m)).append(": ").append(m.description())
                .append('\n');
        if (m.error() != null) {
            out.append(indent).append("    error: ").append(m.error()).append('\n');
            return;
        }
        out.append(indent).append("    fixes ").append(m.fixed().size()).append(" of ").append(m.configsTested())
                .append(" configs tested");
        if (!m.stillBroken().isEmpty()) {
            out.append("; still broken in ").append(m.stillBroken().size()).append(": ");
            out.append(losses(m.stillBroken()));
        }
        out.append('\n');
        if (!m.newLosses().isEmpty()) {
            out.append(indent).append("    new losses in ").append(m.newLosses().size()).append(": ")
                    .append(losses(m.newLosses())).append('\n');
        }
        for (String l : m.patch().split("\n")) {
            out.append(indent).append("    | ").append(l).append('\n');
        }
    }

    private static String losses(List<ConfigLosses> list) {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (ConfigLosses c : list) {
            if (n++ == 3) {
                b.append(", ... (").append(list.size() - 3).append(" more)");
                break;
            }
            b.append(n > 1 ? ", " : "").append(c.config()).append(" (").append(ReportText.list(c.symbols(), 4)).append(')');
        }
        return b.toString();
    }

    private <T> List<T> cut(List<T> l) {
        return l.size() > limit ? l.subList(0, limit) : l;
    }

    private void more(StringBuilder out, int size) {
        if (size > limit) {
            out.append("  ... ").append(size - limit).append(" more (the JSON and HTML reports have all)\n");
        }
    }
}
