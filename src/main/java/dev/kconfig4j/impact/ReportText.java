package dev.kconfig4j.impact;

import dev.kconfig4j.impact.ImpactReport.ChangeKind;
import dev.kconfig4j.impact.ImpactReport.ConfigImpact;
import dev.kconfig4j.impact.ImpactReport.LostGroup;
import dev.kconfig4j.impact.ImpactReport.Mitigation;
import dev.kconfig4j.impact.ImpactReport.SymbolImpact;
import dev.kconfig4j.upgrade.KernelImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The sentences every form of the impact report shares, so that they say the same thing. */
final class ReportText {
    private ReportText() {
    }

    static String tree(ImpactReport.Tree t) {
        String resolved = t.resolved().equals(t.spec()) ? "" : " " + abbreviate(t.resolved());
        return t.spec() + (t.version().isEmpty() ? resolved : " (" + t.version() + resolved.replaceFirst("^ ", ", ") + ")");
    }

    private static String abbreviate(String resolved) {
        return resolved.matches("[0-9a-f]{40}") ? resolved.substring(0, 12) : resolved;
    }

    /** "287 configs (21 arches): 250 lose something (1234 losses of 57 symbols); 12 mitigations checked". */
    static String summary(ImpactReport r) {
        long arches = r.configs().stream().map(ConfigImpact::arch).distinct().count();
        int losing = r.configsWithLosses().size();
        long losses = r.configs().stream().mapToLong(c -> c.lostSymbols().size()).sum();
        long lostSymbols = r.symbols().stream().filter(s -> s.lostCount() > 0).count();
        long complete = r.mitigations().stream().filter(Mitigation::complete).count();
        return r.configs().size() + " configs (" + arches + (arches == 1 ? " arch" : " arches") + "): " + losing
                + " lose something (" + losses + " losses of " + lostSymbols + " symbols, in " + r.groups().size()
                + " groups by root cause); " + r.mitigations().size() + " mitigation" + (r.mitigations().size() == 1 ? "" : "s")
                + " checked, " + complete + " complete" + (r.problems().isEmpty() ? "" : "; " + r.problems().size()
                        + " not analysed");
    }

    /** "HYPERV_NET: lost in 3 of 287 configs: a, b, c". */
    static String symbolLine(SymbolImpact s, int total, int names) {
        StringBuilder b = new StringBuilder(s.symbol()).append(": lost in ").append(s.lostCount()).append(" of ")
                .append(total).append(" configs: ").append(list(s.lostIn(), names));
        String others = others(s);
        return b.append(others.isEmpty() ? "" : " (also " + others + ")").toString();
    }

    /** The non-loss counts of a symbol: "promoted in 2, changed in 1". */
    static String others(SymbolImpact s) {
        StringBuilder b = new StringBuilder();
        for (ChangeKind k : ChangeKind.values()) {
            Integer n = s.counts().get(k);
            if (n == null || k == ChangeKind.LOST || k == ChangeKind.DEMOTED) {
                continue;
            }
            b.append(b.length() == 0 ? "" : ", ").append(kind(k)).append(" in ").append(n);
        }
        return b.toString();
    }

    static String groupLine(LostGroup g) {
        return g.root() + " (" + kind(g.rootKind()) + ", " + g.cause() + "): " + g.configs().size() + " config"
                + (g.configs().size() == 1 ? " loses " : "s lose ") + g.symbols().size() + " symbol"
                + (g.symbols().size() == 1 ? "" : "s") + ": " + list(g.symbols(), 8);
    }

    /** "1 config loses" / "3 configs lose". */
    static String configsLose(int n) {
        return n + (n == 1 ? " config loses " : " configs lose ");
    }

    static String counts(ConfigImpact c) {
        StringBuilder b = new StringBuilder();
        b.append(c.lostSymbols().size()).append(" lost");
        for (ChangeKind k : ChangeKind.values()) {
            long n = c.count(k);
            if (n > 0 && k != ChangeKind.LOST) {
                b.append(", ").append(n).append(' ').append(kind(k));
            }
        }
        return b.append(", ").append(c.newSymbols()).append(" new").toString();
    }

    static String verdict(Mitigation m) {
        if (m.error() != null) {
            return "[does not load]";
        }
        if (m.complete()) {
            return "[fixes all]";
        }
        if (m.fixed().isEmpty()) {
            return "[fixes none]";
        }
        return "[partial]";
    }

    static String list(List<String> l, int n) {
        if (l.size() <= n) {
            return String.join(", ", l);
        }
        return String.join(", ", l.subList(0, n)) + ", ... (" + (l.size() - n) + " more)";
    }

    static String kind(ChangeKind k) {
        return k.name().toLowerCase(Locale.ROOT);
    }

    static String timing(ImpactReport r) {
        ImpactReport.Timing t = r.timing();
        return String.format(Locale.ROOT, "Time: %.1f s on %d threads (%d trees parsed in %.1f s, configs evaluated in"
                + " %.1f s, summed over threads; mitigations %.1f s)", t.totalMillis() / 1000.0, t.threads(), t.trees(),
                t.parseMillis() / 1000.0, t.evaluateMillis() / 1000.0, t.mitigationMillis() / 1000.0);
    }

    /** The symbols that control code Kbuild forces built-in or into a module, in report order. */
    static List<SymbolImpact> kernelImageSymbols(ImpactReport r) {
        return r.symbols().stream().filter(s -> s.kernelImage() != null).toList();
    }

    /** "HYPERV (tristate -> bool): changes the kernel image; code moves in 2 configs" */
    static String kernelImageHeadline(SymbolImpact s) {
        ImpactReport.SymbolKernelImage k = s.kernelImage();
        StringBuilder b = new StringBuilder(s.symbol());
        if (!k.typeChange().isEmpty()) {
            b.append(" (").append(k.typeChange()).append(')');
        }
        b.append(k.changesImage() ? ": changes the kernel image" : ": controls forced code");
        if (!k.imageChangedIn().isEmpty()) {
            b.append("; code moves in ").append(k.imageChangedIn().size())
                    .append(k.imageChangedIn().size() == 1 ? " config: " : " configs: ").append(list(k.imageChangedIn(), 3));
        }
        return b.toString();
    }

    /** The constructs of one symbol, in the upgrade guard's words ("X controls code Kbuild builds in when it is m: ..."). */
    static String kernelImageConstructs(SymbolImpact s) {
        return KernelImage.constructsLine(s.symbol(), s.kernelImage().constructs());
    }

    /**
     * A config's kernel-image drill-down: per forcing symbol its constructs, then what moves
     * (objects leaving and entering vmlinux, modules no longer or now built).
     */
    static List<String> kernelImageLines(ConfigImpact c) {
        List<String> out = new ArrayList<>();
        if (c.kernelImage() == null) {
            return out;
        }
        Map<String, List<KernelImage.Construct>> bySymbol = new LinkedHashMap<>();
        for (KernelImage.Construct x : c.kernelImage().constructs()) {
            for (String sym : x.symbols()) {
                bySymbol.computeIfAbsent(sym, k -> new ArrayList<>()).add(x);
            }
        }
        bySymbol.forEach((sym, xs) -> out.add(KernelImage.constructsLine(sym, xs)));
        out.addAll(KernelImage.changeLines(c.kernelImage().change()));
        return out;
    }
}
