package dev.kconfig4j.upgrade;

/** The report as Markdown, for a merge-request comment or a mailing-list reply. */
final class MarkdownReport {

    String render(UpgradeReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("### kconfig4j upgrade: `").append(r.config()).append("` → ").append(r.kernel()).append("\n\n");
        sb.append(ReportFormat.summary(r)).append("\n\n");
        for (Finding f : ReportFormat.significant(r)) {
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
