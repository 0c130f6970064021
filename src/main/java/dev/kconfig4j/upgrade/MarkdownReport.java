package dev.kconfig4j.upgrade;

/** The report as Markdown, for a merge-request comment or a mailing-list reply. */
final class MarkdownReport {

    String render(UpgradeReport r, boolean verbose) {
        StringBuilder sb = new StringBuilder();
        sb.append("### kconfig4j upgrade: `").append(r.config()).append("` → ").append(r.kernel()).append("\n\n");
        sb.append(ReportFormat.summary(r)).append("  \n").append(escape(ReportFormat.classSummary(r))).append("\n\n");
        section(sb, "Options you chose that are lost", Ranking.in(r, Ranking.Section.OPTIONS_LOST));
        section(sb, "Other values you could set that change", Ranking.in(r, Ranking.Section.OPTIONS_CHANGED));
        java.util.Map<Finding.Category, java.util.List<Finding>> rest = Ranking.rest(r);
        if (!rest.isEmpty()) {
            sb.append("#### The rest, by class\n\n| class | findings | symbols |\n| --- | ---: | --- |\n");
            rest.forEach((c, list) -> sb.append("| ").append(escape(c.title())).append(" | ").append(list.size())
                    .append(" | ").append(escape(ReportFormat.names(list, verbose ? Integer.MAX_VALUE : 8))).append(" |\n"));
            sb.append('\n');
            if (verbose) {
                Ranking.in(r, Ranking.Section.REST).forEach(f -> root(sb, f));
            }
        }
        KernelImage.Section k = r.kernelImage();
        if (k != null && (!k.symbols().isEmpty() || !k.change().isEmpty())) {
            sb.append("\n**Kernel image** (Kbuild, ").append(k.arch()).append(")\n\n");
            for (String s : k.symbols()) {
                sb.append("- ").append(code(KernelImage.constructsLine(s, k.constructs().stream()
                        .filter(c -> c.symbols().contains(s)).toList()))).append('\n');
            }
            for (String l : KernelImage.changeLines(k.change())) {
                sb.append("- ").append(code(l)).append('\n');
            }
        }
        if (r.fix() != null) {
            sb.append("\n**Combined fix**").append(r.fix().verified() ? " (verified)" : " (incomplete)").append(": ")
                    .append(escape(r.fix().note())).append("\n\n```\n");
            for (String l : r.fix().lines()) {
                sb.append(l).append('\n');
            }
            sb.append("```\n");
        }
        return sb.toString();
    }

    private static void section(StringBuilder sb, String title, java.util.List<Finding> roots) {
        if (roots.isEmpty()) {
            return;
        }
        sb.append("#### ").append(title).append(" (").append(roots.size()).append(")\n\n");
        roots.forEach(f -> root(sb, f));
        sb.append('\n');
    }

    private static void root(StringBuilder sb, Finding f) {
        sb.append("- **").append(f.kind()).append("** `").append(ReportFormat.change(f)).append("`: ")
                .append(escape(f.cause().text())).append('\n');
        kernelImage(sb, f, 1);
        consequences(sb, f, 1);
        if (f.fix() != null && !f.fix().lines().isEmpty()) {
            sb.append("  - fix").append(f.fix().verified() ? " (verified)" : " (incomplete)").append(":\n\n")
                    .append("    ```\n");
            for (String l : f.fix().lines()) {
                sb.append("    ").append(l).append('\n');
            }
            sb.append("    ```\n");
        } else if (f.fix() != null) {
            sb.append("  - fix: ").append(escape(f.fix().note())).append('\n');
        }
    }

    private static void consequences(StringBuilder sb, Finding f, int depth) {
        for (Finding c : f.consequences()) {
            sb.append("  ".repeat(depth)).append("- ").append(c.kind()).append(" `").append(ReportFormat.change(c))
                    .append("`: ").append(escape(c.cause().text())).append('\n');
            kernelImage(sb, c, depth + 1);
            consequences(sb, c, depth + 1);
        }
    }

    private static void kernelImage(StringBuilder sb, Finding f, int depth) {
        KernelImage.Annotation k = f.kernelImage();
        if (k == null) {
            return;
        }
        String pad = "  ".repeat(depth);
        sb.append(pad).append("- kernel image: ").append(code(KernelImage.constructsLine(f.symbol(), k.constructs())))
                .append('\n');
        for (String l : KernelImage.changeLines(k.change())) {
            sb.append(pad).append("- kernel image change: ").append(code(l)).append('\n');
        }
    }

    private static String code(String s) {
        return "`" + s.replace("`", "'") + "`";
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("*", "\\*").replace("_", "\\_");
    }
}
