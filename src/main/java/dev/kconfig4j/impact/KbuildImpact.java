package dev.kconfig4j.impact;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.confdata.ConfigReader;
import dev.kconfig4j.impact.ImpactReport.Change;
import dev.kconfig4j.impact.ImpactReport.ConfigImpact;
import dev.kconfig4j.kbuild.KbuildMap;
import dev.kconfig4j.kbuild.KbuildTree;
import dev.kconfig4j.kbuild.Values;
import dev.kconfig4j.symbol.Symbol;
import dev.kconfig4j.upgrade.KernelImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The kernel-image side of an impact analysis, read off the trees' Makefiles with
 * {@link KbuildTree} and {@link KernelImage} (the upgrade guard's rules, not a copy of them):
 * which changed symbols control code Kbuild builds against their value ({@code
 * obj-$(subst m,y,$(CONFIG_HYPERV)) += hv/}), and what each config's change therefore moves into
 * or out of vmlinux.
 *
 * <p>Cost, for a corpus of hundreds of configs: each tree's Makefiles are scanned as text once
 * (every line naming a {@code CONFIG_} symbol, {@link KbuildTree#mentions(Path,
 * java.util.function.Predicate)}), by the first architecture that needs it. Per architecture, once
 * its configs are evaluated, only the changed symbols that a scanned line may force
 * ({@link KbuildTree.Mention#mayForce}) are walked, partially, once per (tree, arch), while the
 * pool's other threads evaluate other architectures; then only the configs whose changes involve a symbol with a forcing construct are
 * evaluated again (before values in the before tree, after values in the after tree) to tell what
 * moves. Trees without Makefiles give nothing.
 *
 * <p>Thread-safe: architectures are annotated concurrently.
 */
final class KbuildImpact {

    /** What one config's change concerns, as the analysis has it. */
    record Config(String name, String dotConfig, ConfigImpact impact) {
    }

    private final Path beforeDir;
    private final Path afterDir;
    private final Lazy beforeScan;
    private final Lazy afterScan;
    /** Per symbol with forcing constructs: its type change between the trees ("tristate -> bool"), if any. */
    private final Map<String, String> typeChanges = new ConcurrentHashMap<>();
    private final Set<String> arches = ConcurrentHashMap.newKeySet();
    private final AtomicInteger directoriesWalked = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();

    /** A tree's text scan: every mention, and the symbols some line may force. */
    private record Scan(List<KbuildTree.Mention> mentions, Set<String> mayForce) {
        static Scan of(Path dir) {
            List<KbuildTree.Mention> all = KbuildTree.mentions(dir, s -> true);
            Set<String> forcing = new HashSet<>();
            for (KbuildTree.Mention m : all) {
                if (m.mayForce()) {
                    forcing.add(m.symbol());
                }
            }
            return new Scan(all, forcing);
        }
    }

    /** A tree's scan, made by the first architecture that needs it (in its thread: no waiting on the pool). */
    private final class Lazy {
        private final Path dir;
        private Scan scan;

        Lazy(Path dir) {
            this.dir = dir;
        }

        synchronized Scan get() {
            if (scan == null) {
                scan = timed(() -> Scan.of(dir));
            }
            return scan;
        }
    }

    KbuildImpact(Path beforeDir, Path afterDir) {
        this.beforeDir = beforeDir;
        this.afterDir = afterDir;
        this.beforeScan = new Lazy(beforeDir);
        this.afterScan = new Lazy(afterDir);
    }

    private <T> T timed(java.util.function.Supplier<T> work) {
        long t0 = System.nanoTime();
        try {
            return work.get();
        } finally {
            nanos.addAndGet(System.nanoTime() - t0);
        }
    }

    /**
     * One architecture's configs with their kernel-image annotations (the others unchanged), in
     * the same order.
     */
    List<ConfigImpact> annotate(String arch, Kconfig before, Kconfig after, List<Config> configs) {
        Set<String> changed = new TreeSet<>();
        for (Config c : configs) {
            c.impact().changes().forEach(ch -> changed.add(ch.symbol()));
        }
        Scan b = beforeScan.get();
        Scan a = afterScan.get();
        Set<String> candidates = new TreeSet<>();
        for (String s : changed) {
            if (b.mayForce().contains(s) || a.mayForce().contains(s)) {
                candidates.add(s);
            }
        }
        if (candidates.isEmpty()) {
            return configs.stream().map(Config::impact).toList();
        }
        long t0 = System.nanoTime();
        // In this thread: the pool's other threads evaluate other architectures meanwhile.
        KbuildMap beforeMap = KbuildTree.walk(beforeDir, arch, candidates, b.mentions());
        KbuildMap afterMap = KbuildTree.walk(afterDir, arch, candidates, a.mentions());
        if (beforeMap == null && afterMap == null) {
            nanos.addAndGet(System.nanoTime() - t0);
            return configs.stream().map(Config::impact).toList();
        }
        // Only symbols that have forcing constructs under some values make a config worth evaluating again.
        Set<String> forcing = new TreeSet<>();
        for (String s : candidates) {
            if (beforeMap != null && KernelImage.mayForce(beforeMap, s)
                    || afterMap != null && KernelImage.mayForce(afterMap, s)) {
                forcing.add(s);
            }
        }
        arches.add(arch);
        directoriesWalked.addAndGet((beforeMap == null ? 0 : beforeMap.directories().size())
                + (afterMap == null ? 0 : afterMap.directories().size()));
        List<ConfigImpact> out = new ArrayList<>();
        for (Config c : configs) {
            Set<String> mine = new LinkedHashSet<>();
            c.impact().changes().stream().map(Change::symbol).filter(forcing::contains).forEach(mine::add);
            if (mine.isEmpty()) {
                out.add(c.impact());
                continue;
            }
            Values oldValues = Values.of(ConfigReader.load(before, c.name(), c.dotConfig()).configuration());
            Values newValues = Values.of(ConfigReader.load(after, c.name(), c.dotConfig()).configuration());
            List<KernelImage.Construct> constructs = new ArrayList<>();
            Set<String> forced = new LinkedHashSet<>();
            for (String s : mine) {
                List<KernelImage.Construct> cs = new ArrayList<>();
                if (beforeMap != null) {
                    cs.addAll(KernelImage.constructs("before", beforeMap, s, oldValues));
                }
                if (afterMap != null) {
                    cs.addAll(KernelImage.constructs("after", afterMap, s, newValues));
                }
                if (!cs.isEmpty()) {
                    forced.add(s);
                    cs.stream().filter(x -> !constructs.contains(x)).forEach(constructs::add);
                    typeChanges.computeIfAbsent(s, k -> typeChange(before.symbols().find(k), after.symbols().find(k)));
                }
            }
            if (forced.isEmpty()) {
                out.add(c.impact());
                continue;
            }
            KernelImage.Change change = beforeMap == null || afterMap == null
                    ? new KernelImage.Change(List.of(), List.of(), List.of(), List.of())
                    : KernelImage.change(beforeMap, oldValues, afterMap, newValues, forced);
            out.add(c.impact().withKernelImage(new KernelImage.Annotation(List.copyOf(constructs), change)));
        }
        nanos.addAndGet(System.nanoTime() - t0);
        return out;
    }

    /** "tristate -> bool", "" when the type is the same, or when either tree lacks the symbol. */
    private static String typeChange(Symbol was, Symbol is) {
        if (was == null || is == null || was.type() == is.type()) {
            return "";
        }
        return was.type().name().toLowerCase(Locale.ROOT) + " -> " + is.type().name().toLowerCase(Locale.ROOT);
    }

    /** The type change of a symbol with forcing constructs ("" for none), or null if it has none. */
    String typeChange(String symbol) {
        return typeChanges.get(symbol);
    }

    /** The report's summary, or null when no architecture's Makefiles said anything. */
    ImpactReport.KernelImageSummary summary() {
        return arches.isEmpty() ? null
                : new ImpactReport.KernelImageSummary(List.copyOf(new TreeSet<>(arches)), directoriesWalked.get(),
                        nanos.get() / 1_000_000);
    }
}
