package dev.kconfig4j.impact;

import dev.kconfig4j.impact.ImpactReport.ConfigImpact;
import dev.kconfig4j.impact.ImpactReport.ConfigLosses;
import dev.kconfig4j.impact.ImpactReport.LostGroup;
import dev.kconfig4j.impact.ImpactReport.Mitigation;
import dev.kconfig4j.impact.ImpactReport.SymbolImpact;
import java.util.List;

/**
 * An impact report as Markdown for a mailing-list reply or a merge request: the summary, tables of
 * lost symbols and groups, each mitigation with its verdict and patch, and the configs that lose
 * something in a collapsed section. Lists are cut at {@code limit} rows.
 */
public final class MarkdownReport {
    private final int limit;

    /** @param limit how many rows each table shows */
    public MarkdownReport(int limit) {
        this.limit = limit;
    }

    public String render(ImpactReport r) {
        StringBuilder out = new StringBuilder();
        out.append("## Kconfig impact: ").append(code(ReportText.tree(r.before()))).append(" → ")
                .append(code(ReportText.tree(r.after()))).append("\n\n");
        out.append(ReportText.summary(r)).append(".\n\n");
        out.append("_").append(plain(r.semantics())).append("_\n\n");
        List<SymbolImpact> lost = r.symbols().stream().filter(s -> s.lostCount() > 0).toList();
        out.append("### Lost symbols (").append(lost.size()).append(")\n\n");
        out.append("| Symbol | Lost in | Configs | Cause |\n|---|---:|---|---|\n");
        for (SymbolImpact s : cut(lost)) {
            out.append("| ").append(code(s.symbol())).append(" | ").append(s.lostCount()).append(" of ")
                    .append(r.configs().size()).append(" | ").append(escape(ReportText.list(s.lostIn(), 3)))
                    .append(" | ").append(s.causes().isEmpty() ? "" : escape(s.causes().get(0).text())).append(" |\n");
        }
        more(out, lost.size());
        out.append("\n### Lost groups and mitigations\n\n");
        for (LostGroup g : cut(r.groups())) {
            out.append("- **").append(code(g.root())).append("** (").append(ReportText.kind(g.rootKind())).append(", ")
                    .append(g.cause()).append("): ").append(ReportText.configsLose(g.configs().size()))
                    .append(escape(ReportText.list(g.symbols(), 8))).append(" — ").append(escape(g.causeText()))
                    .append('\n');
            for (Mitigation m : r.mitigationsOf(g.root())) {
                mitigation(out, m, "  ");
            }
        }
        more(out, r.groups().size());
        List<Mitigation> whatIf = r.whatIfs();
        if (!whatIf.isEmpty()) {
            out.append("\n### What-if patches\n\n");
            for (Mitigation m : whatIf) {
                mitigation(out, m, "");
            }
        }
        List<SymbolImpact> forced = ReportText.kernelImageSymbols(r);
        if (!forced.isEmpty()) {
            out.append("\n### Kernel image\n\nChanged symbols that control code Kbuild forces built-in (at m) or into"
                    + " a module (at y):\n\n");
            for (SymbolImpact s : cut(forced)) {
                out.append("- ").append(s.kernelImage().changesImage() ? "**" : "")
                        .append(escape(ReportText.kernelImageHeadline(s)))
                        .append(s.kernelImage().changesImage() ? "**" : "").append("  \n  ")
                        .append(escape(ReportText.kernelImageConstructs(s))).append('\n');
            }
            more(out, forced.size());
        }
        List<ConfigImpact> losing = r.configsWithLosses();
        out.append("\n<details><summary>Configs that lose something (").append(losing.size()).append(" of ")
                .append(r.configs().size()).append(")</summary>\n\n");
        out.append("| Config | Arch | Changes | Lost |\n|---|---|---|---|\n");
        for (ConfigImpact c : losing) {
            out.append("| ").append(code(c.name())).append(" | ").append(c.arch()).append(" | ")
                    .append(ReportText.counts(c)).append(" | ").append(escape(ReportText.list(c.lostSymbols(), 8)))
                    .append(" |\n");
        }
        out.append("\n</details>\n");
        List<ConfigImpact> moving = r.configs().stream().filter(c -> c.kernelImage() != null).toList();
        if (!moving.isEmpty()) {
            out.append("\n<details><summary>Kernel image, per config (").append(moving.size())
                    .append(")</summary>\n\n");
            for (ConfigImpact c : moving) {
                out.append("- ").append(code(c.name())).append('\n');
                for (String l : ReportText.kernelImageLines(c)) {
                    out.append("  - ").append(escape(l)).append('\n');
                }
            }
            out.append("\n</details>\n");
        }
        if (!r.problems().isEmpty()) {
            out.append("\n**Not analysed:**\n\n");
            for (String p : r.problems()) {
                out.append("- ").append(escape(p)).append('\n');
            }
        }
        out.append("\n").append(ReportText.timing(r)).append(". Generated by kconfig4j impact.\n");
        return out.toString();
    }

    private static void mitigation(StringBuilder out, Mitigation m, String indent) {
        out.append(indent).append("- ").append(m.id()).append(" **").append(escape(ReportText.verdict(m))).append("** ")
                .append(plain(m.description()));
        if (m.error() != null) {
            out.append(": does not load: ").append(escape(m.error())).append('\n');
            return;
        }
        out.append(": fixes ").append(m.fixed().size()).append(" of ").append(m.configsTested()).append(" configs");
        if (!m.stillBroken().isEmpty()) {
            out.append("; still broken: ").append(escape(losses(m.stillBroken())));
        }
        if (!m.newLosses().isEmpty()) {
            out.append("; new losses: ").append(escape(losses(m.newLosses())));
        }
        out.append("\n\n").append(indent).append("  ```diff\n");
        for (String l : m.patch().split("\n")) {
            out.append(indent).append("  ").append(l).append('\n');
        }
        out.append(indent).append("  ```\n");
    }

    private static String losses(List<ConfigLosses> list) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < list.size() && i < 3; i++) {
            b.append(i > 0 ? ", " : "").append(list.get(i).config()).append(" (")
                    .append(ReportText.list(list.get(i).symbols(), 4)).append(')');
        }
        return b.append(list.size() > 3 ? ", ... (" + (list.size() - 3) + " more)" : "").toString();
    }

    private <T> List<T> cut(List<T> l) {
        return l.size() > limit ? l.subList(0, limit) : l;
    }

    private void more(StringBuilder out, int size) {
        if (size > limit) {
            out.append("\n… and ").append(size - limit).append(" more (see the HTML or JSON report).\n");
        }
    }

    private static String code(String s) {
        return "`" + s.replace("`", "'") + "`";
    }

    /** Text of our own that may hold `code`: only what would break a line or a table is escaped. */
    private static String plain(String s) {
        return s.replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|").replace('\n', ' ');
    }

    /** Escapes what Markdown (and tables) would otherwise interpret. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("\\`*_[]<>|#".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c == '\n' ? ' ' : c);
        }
        return b.toString();
    }
}
