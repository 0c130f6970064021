package dev.kconfig4j.impact;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.diagnostic.KconfigException;
import dev.kconfig4j.impact.ImpactAnalysis.Options;
import dev.kconfig4j.impact.ImpactReport.ConfigImpact;
import dev.kconfig4j.impact.ImpactReport.ConfigLosses;
import dev.kconfig4j.impact.ImpactReport.LostGroup;
import dev.kconfig4j.impact.ImpactReport.Mitigation;
import dev.kconfig4j.impact.ImpactReport.MitigationKind;
import dev.kconfig4j.upgrade.Categories;
import dev.kconfig4j.upgrade.UpgradeGuard;
import dev.kconfig4j.upgrade.UpgradeReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The mitigation search of an impact analysis: candidate changes to the after tree for each group
 * of lost symbols ({@link Mitigations}), and the user's what-if patches, each verified by
 * evaluating the affected configs in the changed tree; then the combinations of candidates that
 * fixed part of a group.
 */
final class MitigationSearch {
    /** Loads the tree in a directory for an arch, as the analysis loads its trees. */
    interface Trees {
        Kconfig load(Path dir, String arch);
    }

    private final Options options;
    private final Trees trees;

    MitigationSearch(Options options, Trees trees) {
        this.options = options;
        this.trees = trees;
    }

    List<Mitigation> mitigate(List<LostGroup> groups, List<ImpactAnalysis.Evaluated> evaluated, Path beforeDir, Path afterDir,
            Path scratch, ExecutorService pool) throws IOException {
        if (options.mitigations() <= 0 || groups.isEmpty()) {
            return List.of();
        }
        Map<String, ImpactAnalysis.Evaluated> byName = new HashMap<>();
        for (ImpactAnalysis.Evaluated e : evaluated) {
            byName.put(e.item().name(), e);
        }
        // Candidates are read off one arch's trees: one already loaded for another group if the
        // group's configs allow, else the arch of its first config. Groups without candidates
        // (a removed helper symbol) are passed over until enough groups have some.
        Map<String, Kconfig> afterTrees = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<Tried> tried = new ArrayList<>();
        int id = 0;
        int proposed = 0;
        for (LostGroup g : groups) {
            if (proposed == options.mitigations()) {
                break;
            }
            List<ConfigImpact> members = g.configs().stream().map(n -> byName.get(n).impact()).toList();
            String arch = members.stream().map(ConfigImpact::arch).filter(afterTrees::containsKey).findFirst()
                    .orElse(members.get(0).arch());
            List<Mitigations.Candidate> candidates;
            Kconfig b;
            Kconfig a;
            try {
                a = afterTrees.get(arch);
                if (a == null) {
                    a = CompletableFuture.supplyAsync(() -> trees.load(afterDir, arch), pool).join();
                    afterTrees.put(arch, a);
                }
                b = beforeTree(arch, beforeDir, scratch, pool).join();
                candidates = new Mitigations(b, a, afterDir).propose(g, members);
            } catch (CompletionException e) {
                continue; // the group's trees did not load: its configs are already reported as problems
            }
            if (candidates.isEmpty()) {
                continue;
            }
            proposed++;
            // A mitigation is judged by the options users could choose; helpers come back, or
            // not, as a consequence (the same rule as the upgrade guard's fixes).
            Kconfig before = b;
            Kconfig after = a;
            Set<String> focus = new HashSet<>(g.symbols().stream()
                    .filter(n -> Categories.couldChoose(before, after, n)).toList());
            List<ImpactAnalysis.Evaluated> affected = evaluated.stream()
                    .filter(e -> e.impact().lostSymbols().stream().anyMatch(focus::contains)).toList();
            for (Mitigations.Candidate c : candidates) {
                if (!seen.add(c.patch())) {
                    continue;
                }
                String mid = "m" + (++id);
                Path overlay = TreeOverlay.create(afterDir, c.changes(), scratch.resolve(mid));
                tried.add(new Tried(g, c, focus, affected, verify(mid, g.root(), c.kind(), c.description(), c.patch(),
                        overlay, affected, focus, beforeDir, scratch, pool)));
            }
        }
        List<Mitigation> out = new ArrayList<>(join("verifying mitigations", tried));
        out.addAll(join("verifying combined mitigations", combine(tried, id, seen, afterDir, beforeDir, scratch, pool)));
        return out;
    }

    /**
     * A candidate mitigation being verified for a group.
     *
     * @param focus the group's symbols
     * @param configs the configs it is verified on
     */
    private record Tried(LostGroup group, Mitigations.Candidate candidate, Set<String> focus, List<ImpactAnalysis.Evaluated> configs,
            CompletableFuture<Mitigation> result) {
    }

    /**
     * The combinations of verified candidates, at most one per group: the candidates tried on the
     * group's configs (its own, and other groups' that were verified on some of them) that loaded
     * but did not fix everything, made together ({@link Mitigations#combine}) when they edit
     * different symbols. A combination is verified on the configs of all the groups it draws
     * from, for all their symbols; one whose patch was already tried is not tried again.
     */
    private List<Tried> combine(List<Tried> tried, int lastId, Set<String> seen, Path afterDir, Path beforeDir,
            Path scratch, ExecutorService pool) throws IOException {
        List<Tried> out = new ArrayList<>();
        int id = lastId;
        for (LostGroup g : tried.stream().map(Tried::group).distinct().toList()) {
            List<Tried> parts = new ArrayList<>();
            Set<String> edited = new HashSet<>();
            for (Tried t : tried) {
                Mitigation m = t.result().join();
                boolean onGroup = t.group() == g
                        || t.configs().stream().anyMatch(e -> g.configs().contains(e.item().name()));
                if (onGroup && m.error() == null && !m.complete()
                        && t.candidate().edited().stream().noneMatch(edited::contains)) {
                    parts.add(t);
                    edited.addAll(t.candidate().edited());
                }
            }
            List<String> ids = parts.stream().map(t -> t.result().join().id()).toList();
            Mitigations.Candidate c = Mitigations.combine(afterDir, parts.stream().map(Tried::candidate).toList(),
                    String.join(" + ", ids) + ": " + String.join("; ",
                            parts.stream().map(t -> t.candidate().description()).toList()));
            if (c == null || !seen.add(c.patch())) {
                continue;
            }
            Set<String> focus = new HashSet<>();
            Map<String, ImpactAnalysis.Evaluated> configs = new LinkedHashMap<>();
            for (Tried t : parts) {
                focus.addAll(t.focus());
                t.configs().forEach(e -> configs.putIfAbsent(e.item().name(), e));
            }
            String mid = "m" + (++id);
            Path overlay = TreeOverlay.create(afterDir, c.changes(), scratch.resolve(mid));
            out.add(new Tried(g, c, focus, List.copyOf(configs.values()), verify(mid, g.root(), c.kind(),
                    c.description(), c.patch(), overlay, List.copyOf(configs.values()), focus, beforeDir, scratch, pool)
                    .thenApply(m -> new Mitigation(m.id(), m.group(), m.kind(), m.description(), m.patch(),
                            m.configsTested(), m.fixed(), m.stillBroken(), m.newLosses(), m.error(), ids))));
        }
        return out;
    }

    /** The results of {@code tried}, in order, reporting progress as {@code phase}. */
    private List<Mitigation> join(String phase, List<Tried> tried) {
        options.progress().update(phase, 0, tried.size());
        AtomicInteger done = new AtomicInteger();
        tried.forEach(t -> t.result().thenRun(() -> options.progress().update(phase, done.incrementAndGet(),
                tried.size())));
        return tried.stream().map(t -> t.result().join()).toList();
    }

    Mitigation whatIf(Path patch, int n, List<ImpactAnalysis.Evaluated> evaluated, Path beforeDir, Path afterDir, Path scratch,
            ExecutorService pool) throws IOException {
        Path p = options.workingDirectory().resolve(patch);
        if (!Files.isRegularFile(p)) {
            throw new KconfigException(patch + ": no such file");
        }
        String text = Corpus.read(p);
        Map<String, String> changes = UnifiedDiff.apply(patch.toString(), text, afterDir);
        Path overlay = TreeOverlay.create(afterDir, changes, scratch.resolve("w" + n));
        return verify("w" + n, null, MitigationKind.WHAT_IF, "the patch " + patch, text, overlay, evaluated, null,
                beforeDir, scratch, pool).join();
    }

    /**
     * Evaluates {@code configs} in the mitigated tree {@code overlay} and compares their losses
     * with the analysis': fixed when none of {@code focus} (or, for a what-if patch, none of what
     * it lost) is lost any more; new losses are symbols lost only with the change.
     */
    private CompletableFuture<Mitigation> verify(String id, String group, MitigationKind kind, String description,
            String patch, Path overlay, List<ImpactAnalysis.Evaluated> configs, Set<String> focus, Path beforeDir, Path scratch,
            ExecutorService pool) {
        Map<String, List<ImpactAnalysis.Evaluated>> byArch = new LinkedHashMap<>();
        for (ImpactAnalysis.Evaluated e : configs) {
            byArch.computeIfAbsent(e.item().arch(), k -> new ArrayList<>()).add(e);
        }
        List<CompletableFuture<List<Object[]>>> parts = new ArrayList<>();
        for (Map.Entry<String, List<ImpactAnalysis.Evaluated>> e : byArch.entrySet()) {
            CompletableFuture<Kconfig> tree = CompletableFuture.supplyAsync(() -> trees.load(overlay, e.getKey()), pool);
            parts.add(beforeTree(e.getKey(), beforeDir, scratch, pool).thenCombineAsync(tree, (before, mitigated) -> {
                List<Object[]> rows = new ArrayList<>();
                UpgradeGuard guard = new UpgradeGuard(mitigated, before, false);
                for (ImpactAnalysis.Evaluated ev : e.getValue()) {
                    UpgradeReport r = guard.analyze(ev.item().name(), ev.beforeConfig());
                    rows.add(new Object[] {ev, ImpactAnalysis.impact(ev.item(), r).lostSymbols()});
                }
                return rows;
            }, pool));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).handle((v, ex) -> {
            if (ex != null) {
                return new Mitigation(id, group, kind, description, patch, configs.size(), List.of(), List.of(),
                        List.of(), ImpactAnalysis.describe(ex));
            }
            List<String> fixed = new ArrayList<>();
            List<ConfigLosses> still = new ArrayList<>();
            List<ConfigLosses> added = new ArrayList<>();
            for (CompletableFuture<List<Object[]>> part : parts) {
                for (Object[] row : part.join()) {
                    ImpactAnalysis.Evaluated ev = (ImpactAnalysis.Evaluated) row[0];
                    @SuppressWarnings("unchecked")
                    List<String> now = (List<String>) row[1];
                    List<String> baseline = ev.impact().lostSymbols();
                    List<String> watched = focus == null ? baseline
                            : baseline.stream().filter(focus::contains).toList();
                    List<String> stillLost = now.stream().filter(watched::contains).toList();
                    List<String> newly = now.stream().filter(s -> !baseline.contains(s)).toList();
                    if (!watched.isEmpty()) {
                        if (stillLost.isEmpty()) {
                            fixed.add(ev.item().name());
                        } else {
                            still.add(new ConfigLosses(ev.item().name(), stillLost));
                        }
                    }
                    if (!newly.isEmpty()) {
                        added.add(new ConfigLosses(ev.item().name(), newly));
                    }
                }
            }
            return new Mitigation(id, group, kind, description, patch, configs.size(), fixed, still, added, null);
        });
    }

    /** The before trees of the mitigation phase, loaded once per arch. */
    private final Map<String, CompletableFuture<Kconfig>> beforeTrees = new ConcurrentHashMap<>();

    private CompletableFuture<Kconfig> beforeTree(String arch, Path beforeDir, Path scratch, ExecutorService pool) {
        return beforeTrees.computeIfAbsent(arch, a -> CompletableFuture.supplyAsync(() -> trees.load(beforeDir, a), pool));
    }
}
