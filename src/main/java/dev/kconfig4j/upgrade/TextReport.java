package dev.kconfig4j.upgrade;
import java.util.ArrayList;
import java.util.List;

/** The report for people: root findings with their cause, consequences indented below, then the fix. */
final class TextReport {
    private final boolean color;

    TextReport(boolean color) {
        this.color = color;
    }

    private String paint(String code, String s) {
        return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }

    String render(UpgradeReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(paint("1", "kconfig4j upgrade")).append(": ").append(r.config()).append(" -> ").append(r.srctree())
                .append(" (").append(r.kernel()).append(", Kconfig ").append(r.dialect()).append(")\n");
        sb.append("  ").append(ReportFormat.summary(r)).append("\n");
        List<String> droppedOff = new ArrayList<>();
        for (Finding f : ReportFormat.significant(r)) {
            if (f.kind() == Finding.Kind.DROPPED && !UpgradeReport.isEnabled(f.oldValue()) && f.consequences().isEmpty()) {
                droppedOff.add(f.symbol());
                continue;
            }
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
        if (!droppedOff.isEmpty()) {
            sb.append("\n").append(droppedOff.size()).append(" 'is not set' lines name symbols the new tree does not have"
                    + " (dropped, nothing lost): ").append(String.join(" ", droppedOff)).append('\n');
        }
        long plainNew = r.findings().stream().filter(f -> f.kind() == Finding.Kind.NEW && f.consequences().isEmpty())
                .count();
        if (plainNew > 0) {
            sb.append("\n").append(plainNew).append(" new symbols take their defaults (--format json lists them)\n");
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
        sb.append('\n');
        sb.append(pad).append("        ").append(f.cause().text()).append('\n');
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
