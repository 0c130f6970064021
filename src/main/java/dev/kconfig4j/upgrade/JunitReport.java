package dev.kconfig4j.upgrade;

/**
 * The report as JUnit XML, which every CI system displays: one test case per root finding, in
 * {@link Ranking} order, a failure when it loses an option the user chose, the cause and
 * consequences as the message.
 */
final class JunitReport {

    String render(UpgradeReport r) {
        var significant = ReportFormat.significant(r);
        long failures = significant.stream().filter(JunitReport::fails).count();
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<testsuite name=\"kconfig4j upgrade ").append(xml(r.config())).append("\" tests=\"")
                .append(significant.size()).append("\" failures=\"").append(failures).append("\">\n");
        for (Finding f : significant) {
            sb.append("  <testcase classname=\"kconfig4j.upgrade\" name=\"").append(xml(f.symbol())).append("\"");
            if (!fails(f)) {
                sb.append("/>\n");
                continue;
            }
            sb.append(">\n    <failure type=\"").append(f.kind()).append("\" message=\"")
                    .append(xml(ReportFormat.change(f) + ": " + f.cause().text())).append("\">");
            StringBuilder body = new StringBuilder();
            body.append(f.cause().text()).append('\n');
            appendKernelImage(body, f);
            if (f.consequenceCount() > 0) {
                body.append(f.consequenceCount()).append(" consequences:\n");
                appendConsequences(body, f, 1);
            }
            if (f.fix() != null) {
                body.append("fix").append(f.fix().verified() ? " (verified)" : " (incomplete)").append(": ")
                        .append(f.fix().note()).append('\n');
                for (String l : f.fix().lines()) {
                    body.append("  ").append(l).append('\n');
                }
            }
            sb.append(xml(body.toString())).append("</failure>\n  </testcase>\n");
        }
        sb.append("</testsuite>\n");
        return sb.toString();
    }

    /** A root fails when an option the user chose is lost under it (what {@code --fail-on lost} fails for). */
    private static boolean fails(Finding f) {
        return Ranking.section(f) == Ranking.Section.OPTIONS_LOST;
    }

    private static void appendKernelImage(StringBuilder sb, Finding f) {
        KernelImage.Annotation k = f.kernelImage();
        if (k != null) {
            sb.append("kernel image: ").append(KernelImage.constructsLine(f.symbol(), k.constructs())).append('\n');
            for (String l : KernelImage.changeLines(k.change())) {
                sb.append("kernel image change: ").append(l).append('\n');
            }
        }
    }

    private static void appendConsequences(StringBuilder sb, Finding f, int depth) {
        for (Finding c : f.consequences()) {
            sb.append("  ".repeat(depth)).append(c.kind()).append(' ').append(ReportFormat.change(c)).append(": ")
                    .append(c.cause().text()).append('\n');
            if (c.kernelImage() != null) {
                StringBuilder k = new StringBuilder();
                appendKernelImage(k, c);
                k.toString().lines().forEach(l -> sb.append("  ".repeat(depth + 1)).append(l).append('\n'));
            }
            appendConsequences(sb, c, depth + 1);
        }
    }

    private static String xml(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
