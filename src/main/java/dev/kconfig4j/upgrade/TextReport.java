package dev.kconfig4j.upgrade;
import java.util.List;
import java.util.Map;

/** The report for people: root findings with their cause, consequences indented below, then the fix. */
final class TextReport {
    /** How many root causes the report's first lines name. */
    private static final int INDEX = 8;
    private final boolean color;

    TextReport(boolean color) {
        this.color = color;
    }

    private String paint(String code, String s) {
        return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }

    String render(UpgradeReport r) {
        return render(r, false);
    }

    /**
     * The report in {@link Ranking} order: the root causes that take options the user chose, the
     * largest first; the other values the user could set; then the rest counted by class, each
     * of its findings listed when {@code verbose}.
     */
    String render(UpgradeReport r, boolean verbose) {
        StringBuilder sb = new StringBuilder();
        sb.append(paint("1", "kconfig4j upgrade")).append(": ").append(r.config()).append(" -> ").append(r.srctree())
                .append(" (").append(r.kernel()).append(", Kconfig ").append(r.dialect()).append(")\n");
        sb.append("  ").append(ReportFormat.summary(r)).append("\n");
        sb.append("  ").append(ReportFormat.classSummary(r)).append("\n");
        List<Finding> lost = Ranking.in(r, Ranking.Section.OPTIONS_LOST);
        if (!lost.isEmpty()) {
            // The first screen: what takes most, in one line each; the details follow.
            sb.append("  largest root causes:\n");
            for (Finding f : lost.subList(0, Math.min(INDEX, lost.size()))) {
                sb.append("    ").append(ReportFormat.weightLine(f)).append('\n');
            }
            if (lost.size() > INDEX) {
                sb.append("    ... ").append(lost.size() - INDEX).append(" more below\n");
            }
            sb.append('\n').append(paint("1", "Options you chose that are lost")).append(" (").append(lost.size())
                    .append(" root cause").append(lost.size() == 1 ? "" : "s").append(", the largest first)\n");
            lost.forEach(f -> root(sb, f));
        }
        List<Finding> changed = Ranking.in(r, Ranking.Section.OPTIONS_CHANGED);
        if (!changed.isEmpty()) {
            sb.append('\n').append(paint("1", "Other values you could set that change")).append(" (")
                    .append(changed.size()).append(" root cause").append(changed.size() == 1 ? "" : "s")
                    .append(", in config order)\n");
            changed.forEach(f -> root(sb, f));
        }
        Map<Finding.Category, List<Finding>> rest = Ranking.rest(r);
        if (!rest.isEmpty()) {
            sb.append('\n').append(paint("1", "The rest, by class")).append(verbose ? "" : " (--verbose lists each)")
                    .append(":\n");
            for (Map.Entry<Finding.Category, List<Finding>> e : rest.entrySet()) {
                sb.append("  ").append(String.format("%5d", e.getValue().size())).append("  ").append(e.getKey().title())
                        .append(verbose ? "" : ": " + ReportFormat.names(e.getValue(), 8)).append('\n');
            }
            if (verbose) {
                for (Finding f : Ranking.in(r, Ranking.Section.REST)) {
                    root(sb, f);
                }
            }
        }
        KernelImage.Section k = r.kernelImage();
        if (k != null && !k.symbols().isEmpty()) {
            // The constructs are on the findings; here only what the whole upgrade moves.
            sb.append('\n').append(paint("1", "Kernel image")).append(" (Kbuild, ").append(k.arch())
                    .append("; your config in the old tree -> olddefconfig's in the new), through ")
                    .append(String.join(", ", k.symbols())).append(":\n");
            for (String l : KernelImage.changeLines(k.change())) {
                sb.append("  ").append(l).append('\n');
            }
            if (k.change().isEmpty()) {
                sb.append("  nothing moves into or out of vmlinux, no module appears or disappears\n");
            }
        }
        if (r.fix() != null) {
            sb.append('\n').append(paint("1", "To keep everything you had")).append(r.fix().verified() ? " (verified)" : "")
                    .append(": ").append(r.fix().note()).append('\n');
            for (String l : r.fix().lines()) {
                sb.append("  ").append(l).append('\n');
            }
        }
        return sb.toString();
    }

    private void root(StringBuilder sb, Finding f) {
        sb.append('\n');
        finding(sb, f, 0);
        if (f.fix() != null) {
            sb.append("      ").append(paint(f.fix().verified() ? "32" : "33",
                    f.fix().verified() ? "fix (verified):" : "fix (incomplete):")).append(' ')
                    .append(f.fix().note()).append('\n');
            for (String l : f.fix().lines()) {
                sb.append("        ").append(l).append('\n');
            }
        }
    }

    /** "depends on X [=n] (...)" for a consequence whose cause is only an unmet dependency, else null. */
    private static String dependencyOnly(Finding f) {
        String t = f.cause().text();
        int at = t.indexOf(": it depends on ");
        return f.cause().kind() == Cause.Kind.DEPENDENCY_NOT_MET && t.startsWith(f.symbol() + " ") && at > 0
                ? t.substring(at + 5) : null;
    }

    private void finding(StringBuilder sb, Finding f, int depth) {
        String pad = "  ".repeat(depth);
        String kind = String.format("%-8s", f.kind());
        String code = switch (f.kind()) {
            case LOST, DROPPED -> "31";
            case DEMOTED, CHANGED -> "33";
            default -> "36";
        };
        sb.append(pad).append(paint(code, kind)).append(ReportFormat.change(f));
        if (f.line() > 0) {
            sb.append("   (line ").append(f.line()).append(')');
        }
        String dependency = depth > 0 ? dependencyOnly(f) : null;
        if (dependency != null) {
            // A consequence blocked by a dependency: one line, the cascade stays readable.
            sb.append(": ").append(dependency).append('\n');
        } else {
            sb.append('\n');
            sb.append(pad).append("        ").append(f.cause().text()).append('\n');
        }
        KernelImage.Annotation k = f.kernelImage();
        if (k != null) {
            sb.append(pad).append("        ").append(paint("35", "kernel image:")).append(' ')
                    .append(KernelImage.constructsLine(f.symbol(), k.constructs())).append('\n');
            List<String> changes = KernelImage.changeLines(k.change());
            if (!changes.isEmpty()) {
                sb.append(pad).append("        ").append(paint("35", "kernel image changes:")).append('\n');
                for (String l : changes) {
                    sb.append(pad).append("          ").append(l).append('\n');
                }
            }
        }
        if (!f.consequences().isEmpty() && depth == 0) {
            sb.append(pad).append("        ").append(f.consequenceCount()).append(" consequence")
                    .append(f.consequenceCount() == 1 ? "" : "s").append(":\n");
        }
        for (Finding c : f.consequences()) {
            finding(sb, c, depth + 1);
        }
    }
}
