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
            consequences(sb, c, depth + 1);
        }
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("*", "\\*").replace("_", "\\_");
    }
}
