package dev.kconfig4j.impact;

import dev.kconfig4j.impact.ImpactReport.Change;
import dev.kconfig4j.impact.ImpactReport.ChangeKind;
import dev.kconfig4j.impact.ImpactReport.ConfigImpact;
import dev.kconfig4j.impact.ImpactReport.LostGroup;
import dev.kconfig4j.impact.ImpactReport.SymbolImpact;
import dev.kconfig4j.upgrade.Cause;
import dev.kconfig4j.upgrade.KernelImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The corpus-wide view of an impact analysis: what the evaluated configs' changes add up to, per
 * symbol and per root cause. Pure functions of the per-config results ({@link ConfigImpact}).
 */
final class Aggregation {
    private Aggregation() {
    }

    /** Each symbol changed in some config: its counts by kind, where it was lost, its causes and roots, most lost first. */
    static List<SymbolImpact> symbols(List<ConfigImpact> impacts, KbuildImpact kbuild) {
        Map<String, Map<ChangeKind, Integer>> counts = new HashMap<>();
        Map<String, List<String>> lostIn = new HashMap<>();
        Map<String, Map<String, ChangeKind>> changedIn = new HashMap<>();
        Map<String, Map<String, Object[]>> causes = new HashMap<>();
        Map<String, Map<String, Integer>> roots = new HashMap<>();
        for (ConfigImpact c : impacts) {
            for (Change ch : c.changes()) {
                String s = ch.symbol();
                counts.computeIfAbsent(s, k -> new EnumMap<>(ChangeKind.class)).merge(ch.kind(), 1, Integer::sum);
                if (ch.lost()) {
                    lostIn.computeIfAbsent(s, k -> new ArrayList<>()).add(c.name());
                }
                changedIn.computeIfAbsent(s, k -> new LinkedHashMap<>()).put(c.name(), ch.kind());
                Object[] cc = causes.computeIfAbsent(s, k -> new LinkedHashMap<>())
                        .computeIfAbsent(ch.cause() + "\u0000" + causeKey(ch.causeText()),
                                k -> new Object[] {ch.cause(), ch.causeText(), 0});
                cc[2] = (Integer) cc[2] + 1;
                roots.computeIfAbsent(s, k -> new TreeMap<>()).merge(ch.root(), 1, Integer::sum);
            }
        }
        List<SymbolImpact> out = new ArrayList<>();
        for (String s : counts.keySet()) {
            List<ImpactReport.CauseCount> cl = new ArrayList<>();
            for (Object[] cc : causes.get(s).values()) {
                cl.add(new ImpactReport.CauseCount((Cause.Kind) cc[0], (String) cc[1], (Integer) cc[2]));
            }
            cl.sort(Comparator.comparing(ImpactReport.CauseCount::configs).reversed());
            out.add(new SymbolImpact(s, Collections.unmodifiableMap(counts.get(s)),
                    List.copyOf(lostIn.getOrDefault(s, List.of())), Collections.unmodifiableMap(changedIn.get(s)),
                    List.copyOf(cl.size() > 5 ? cl.subList(0, 5) : cl), Collections.unmodifiableMap(roots.get(s)),
                    kernelImage(s, impacts, kbuild)));
        }
        out.sort(Comparator.comparing((SymbolImpact si) -> -si.lostCount())
                .thenComparing(si -> -si.changedIn().size()).thenComparing(SymbolImpact::symbol));
        return out;
    }

    /**
     * {@code symbol}'s forcing constructs across the configs whose changes involve it, and
     * whether it changes the kernel image; null when it controls no forced code.
     */
    private static ImpactReport.SymbolKernelImage kernelImage(String symbol, List<ConfigImpact> impacts,
            KbuildImpact kbuild) {
        String typeChange = kbuild.typeChange(symbol);
        if (typeChange == null) {
            return null;
        }
        List<KernelImage.Construct> constructs = new ArrayList<>();
        List<String> changedIn = new ArrayList<>();
        for (ConfigImpact c : impacts) {
            KernelImage.Annotation a = c.kernelImage();
            if (a == null) {
                continue;
            }
            a.constructs().stream().filter(x -> x.symbols().contains(symbol) && !constructs.contains(x))
                    .forEach(constructs::add);
            if (a.change().leaving().stream().anyMatch(m -> m.symbols().contains(symbol))
                    || a.change().entering().stream().anyMatch(m -> m.symbols().contains(symbol))) {
                changedIn.add(c.name());
            }
        }
        if (constructs.isEmpty()) {
            return null;
        }
        constructs.sort(Comparator.comparing((KernelImage.Construct x) -> x.tree().equals("after"))
                .thenComparing(KernelImage.Construct::location));
        boolean flips = typeChange.equals("tristate -> bool") || typeChange.equals("bool -> tristate");
        return new ImpactReport.SymbolKernelImage(constructs, typeChange, flips || !changedIn.isEmpty(), changedIn);
    }

    /** A cause's text without the numbers that differ between configs ("3 options of your config"). */
    private static String causeKey(String text) {
        return text.replaceAll("\\d+ options? of your config", "N options of your config");
    }

    /** The losses grouped by root cause, with the symbols and configs each takes; the widest first. */
    static List<LostGroup> groups(List<ConfigImpact> impacts) {
        Map<String, Set<String>> symbols = new LinkedHashMap<>();
        Map<String, Set<String>> configs = new LinkedHashMap<>();
        Map<String, Change> rootChange = new HashMap<>();
        for (ConfigImpact c : impacts) {
            for (Change ch : c.changes()) {
                if (ch.symbol().equals(ch.root())) {
                    rootChange.putIfAbsent(ch.root(), ch);
                }
                if (ch.lost()) {
                    symbols.computeIfAbsent(ch.root(), k -> new LinkedHashSet<>()).add(ch.symbol());
                    configs.computeIfAbsent(ch.root(), k -> new LinkedHashSet<>()).add(c.name());
                }
            }
        }
        List<LostGroup> out = new ArrayList<>();
        for (String root : symbols.keySet()) {
            Change rc = rootChange.get(root);
            out.add(new LostGroup(root, rc.kind(), rc.cause(), rc.causeText(), List.copyOf(symbols.get(root)),
                    List.copyOf(configs.get(root))));
        }
        out.sort(Comparator.comparing((LostGroup g) -> -g.configs().size()).thenComparing(g -> -g.symbols().size())
                .thenComparing(LostGroup::root));
        return out;
    }
}
