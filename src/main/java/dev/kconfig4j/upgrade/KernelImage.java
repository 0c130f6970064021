package dev.kconfig4j.upgrade;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.kconfig4j.Kconfig;
import dev.kconfig4j.KernelEnvironment;
import dev.kconfig4j.confdata.ConfigReader;
import dev.kconfig4j.expr.Tristate;
import dev.kconfig4j.kbuild.KbuildMap;
import dev.kconfig4j.kbuild.KbuildTree;
import dev.kconfig4j.kbuild.ObjectRule;
import dev.kconfig4j.kbuild.Values;
import dev.kconfig4j.symbol.Configuration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * What an upgrade does to the kernel image, read off the trees' Makefiles: which findings'
 * symbols control code that Kbuild builds against the symbol's value ({@code
 * obj-$(subst m,y,$(CONFIG_HYPERV)) += hyperv/} builds Hyper-V's core into vmlinux although
 * {@code HYPERV=m}), and what the upgrade therefore moves into or out of vmlinux and which
 * modules it adds or removes: the old tree built with the old config's values against the new
 * tree built with the values olddefconfig gives.
 *
 * <p>This is why a type change matters beyond the value: {@code HYPERV} going from tristate to
 * bool turns {@code m} into {@code n} (or {@code y}), and the code the old tree forced into
 * vmlinux for {@code m} leaves it (or the module's code joins it).
 *
 * <p>Cost: walking a whole tree's Makefiles takes seconds, so {@link Mode#AUTO} first scans the
 * Makefiles' text for lines that name a finding's symbol in a construct that may force
 * ({@link KbuildTree.Mention#mayForce}); only those symbols are walked, and only the directories
 * where they are named, the directories above them and those below a listing that depends on
 * them ({@link KbuildTree#walk(Path, String, Set, List)}). Both trees are scanned and walked in
 * parallel. Trees without Makefiles (Kconfig-only trees) give no section.
 */
public final class KernelImage {

    /** How much of the trees' Makefiles to read. */
    public enum Mode {
        /** Walk only what the findings' symbols need, and only when a Makefile may force code on one of them. */
        AUTO,
        /** Do not read the Makefiles. */
        OFF,
        /** Walk both trees completely (every directory the build visits). */
        FULL;

        /** {@code auto}, {@code off} or {@code full}. */
        public static Mode parse(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * A Makefile line that builds a symbol's code against its value.
     *
     * @param tree {@code old} or {@code new}
     * @param location {@code file:line}
     * @param rule the line as Kbuild reads it ({@code obj-$(subst m,y,$(CONFIG_HYPERV)) += hyperv/})
     * @param forcing {@code BUILTIN} (m builds in) or {@code MODULE} (y builds a module)
     * @param symbols the symbols whose value it turns around
     */
    public record Construct(String tree, String location, String rule, ObjectRule.Forcing forcing,
            List<String> symbols) {
        String describe() {
            return location + " " + rule;
        }
    }

    /**
     * An object that enters or leaves vmlinux.
     *
     * @param object srctree-relative path ({@code arch/x86/hyperv/hv_init.o})
     * @param via the construct that builds it in ({@code file:line rule}): the forcing construct
     *     on its listing or on a directory above it, else its own listing
     * @param symbols the findings' symbols its build condition depends on
     */
    public record Moved(String object, String via, List<String> symbols) {
    }

    /**
     * What moves: objects leaving and entering vmlinux, modules added and removed.
     */
    public record Change(List<Moved> leaving, List<Moved> entering, List<String> modulesAdded,
            List<String> modulesRemoved) {
        /** Whether nothing moves. */
        @JsonIgnore
        public boolean isEmpty() {
            return leaving.isEmpty() && entering.isEmpty() && modulesAdded.isEmpty() && modulesRemoved.isEmpty();
        }

        /** Whether vmlinux changes. */
        @JsonIgnore
        public boolean changesImage() {
            return !leaving.isEmpty() || !entering.isEmpty();
        }

        Change restrictedTo(String symbol, Map<String, Set<String>> moduleSymbols) {
            return new Change(leaving.stream().filter(m -> m.symbols().contains(symbol)).toList(),
                    entering.stream().filter(m -> m.symbols().contains(symbol)).toList(),
                    modulesAdded.stream().filter(m -> moduleSymbols.getOrDefault(m, Set.of()).contains(symbol)).toList(),
                    modulesRemoved.stream().filter(m -> moduleSymbols.getOrDefault(m, Set.of()).contains(symbol)).toList());
        }
    }

    /**
     * The annotation of one finding: its symbol's forcing constructs and what the upgrade moves
     * because of it.
     */
    public record Annotation(List<Construct> constructs, Change change) {
    }

    /**
     * The report-level section.
     *
     * @param mode {@code auto} or {@code full}
     * @param arch the architecture the Makefiles were read for
     * @param symbols the findings' symbols that control forced code (with constructs)
     * @param constructs their forcing constructs, old tree then new tree
     * @param change everything the upgrade moves because of them
     * @param directoriesWalked directories read (old tree + new tree)
     * @param millis time spent scanning and walking the Makefiles
     */
    public record Section(String mode, String arch, List<String> symbols, List<Construct> constructs, Change change,
            int directoriesWalked, long millis) {
    }

    private KernelImage() {
    }

    /**
     * The report with the kernel-image annotations and section added; unchanged for
     * {@link Mode#OFF}, without an old tree, or when neither tree has Makefiles.
     *
     * @param report what {@link UpgradeGuard#analyze} returned for {@code text}
     * @param oldTree the tree the config came from (may be null)
     * @param newTree the tree the config is carried to
     * @param name the config's name (for messages)
     * @param text the config's text
     * @param arch the architecture whose Makefiles are read (ARCH)
     */
    public static UpgradeReport annotate(UpgradeReport report, Kconfig oldTree, Kconfig newTree, String name,
            String text, String arch, Mode mode) {
        if (mode == Mode.OFF || oldTree == null || arch == null) {
            return report;
        }
        long start = System.nanoTime();
        Path oldSrc = oldTree.options().srctree();
        Path newSrc = newTree.options().srctree();
        Set<String> findingSymbols = new LinkedHashSet<>();
        for (Finding f : ReportFormat.significant(report)) {
            collectSymbols(f, findingSymbols);
        }
        CompletableFuture<KbuildMap> oldWalk;
        CompletableFuture<KbuildMap> newWalk;
        if (mode == Mode.FULL) {
            oldWalk = CompletableFuture.supplyAsync(() -> fullWalk(oldSrc, arch));
            newWalk = CompletableFuture.supplyAsync(() -> fullWalk(newSrc, arch));
        } else {
            var oldScan = CompletableFuture.supplyAsync(() -> KbuildTree.mentions(oldSrc, findingSymbols));
            var newScan = CompletableFuture.supplyAsync(() -> KbuildTree.mentions(newSrc, findingSymbols));
            Set<String> candidates = new TreeSet<>();
            for (KbuildTree.Mention m : oldScan.join()) {
                if (m.mayForce()) {
                    candidates.add(m.symbol());
                }
            }
            for (KbuildTree.Mention m : newScan.join()) {
                if (m.mayForce()) {
                    candidates.add(m.symbol());
                }
            }
            if (candidates.isEmpty()) {
                return hasMakefiles(oldSrc, arch) && hasMakefiles(newSrc, arch)
                        ? report.withKernelImage(new Section("auto", arch, List.of(), List.of(),
                                new Change(List.of(), List.of(), List.of(), List.of()), 0, millis(start)))
                        : report;
            }
            oldWalk = CompletableFuture.supplyAsync(() -> KbuildTree.walk(oldSrc, arch, candidates, oldScan.join()));
            newWalk = CompletableFuture.supplyAsync(() -> KbuildTree.walk(newSrc, arch, candidates, newScan.join()));
        }
        Configuration oldConfig = ConfigReader.load(oldTree, name, text).configuration();
        Configuration newConfig = ConfigReader.load(newTree, name, text).configuration();
        KbuildMap oldMap = oldWalk.join();
        KbuildMap newMap = newWalk.join();
        if (oldMap == null && newMap == null) {
            if (mode == Mode.AUTO && hasMakefiles(oldSrc, arch) && hasMakefiles(newSrc, arch)) {
                // Makefiles exist but name no finding's symbol in a forcing construct: an empty section.
                return report.withKernelImage(new Section("auto", arch, List.of(), List.of(),
                        new Change(List.of(), List.of(), List.of(), List.of()), 0, millis(start)));
            }
            return report;
        }
        Values oldValues = Values.of(oldConfig);
        Values newValues = Values.of(newConfig);

        Map<String, List<Construct>> bySymbol = new LinkedHashMap<>();
        for (String s : findingSymbols) {
            List<Construct> cs = new ArrayList<>();
            if (oldMap != null) {
                cs.addAll(constructs("old", oldMap, s, oldValues));
            }
            if (newMap != null) {
                cs.addAll(constructs("new", newMap, s, newValues));
            }
            if (!cs.isEmpty()) {
                bySymbol.put(s, cs);
            }
        }
        Set<String> forcedSymbols = bySymbol.keySet();
        Change change = oldMap == null || newMap == null ? new Change(List.of(), List.of(), List.of(), List.of())
                : change(oldMap, oldValues, newMap, newValues, forcedSymbols);
        Map<String, Set<String>> moduleSymbols = new LinkedHashMap<>();
        for (KbuildMap m : new KbuildMap[] {oldMap, newMap}) {
            if (m != null) {
                m.modules().values().forEach(mod -> {
                    Set<String> syms = moduleSymbols.computeIfAbsent(mod.name(), k -> new TreeSet<>());
                    syms.addAll(mod.symbols());
                    syms.addAll(mod.directorySymbols());
                });
            }
        }
        List<Finding> annotated = new ArrayList<>();
        for (Finding f : report.findings()) {
            annotated.add(annotateFinding(f, bySymbol, change, moduleSymbols));
        }
        List<Construct> all = new ArrayList<>();
        bySymbol.values().forEach(all::addAll);
        int walked = (oldMap == null ? 0 : oldMap.directories().size()) + (newMap == null ? 0 : newMap.directories().size());
        Section section = new Section(mode.name().toLowerCase(Locale.ROOT), arch, List.copyOf(forcedSymbols),
                List.copyOf(new LinkedHashSet<>(all)), change, walked, millis(start));
        return new UpgradeReport(report.schemaVersion(), report.config(), report.srctree(), report.kernel(),
                report.dialect(), Ranking.order(annotated), report.fix(), report.warnings(), section);
    }

    private static Finding annotateFinding(Finding f, Map<String, List<Construct>> bySymbol, Change change,
            Map<String, Set<String>> moduleSymbols) {
        List<Finding> kids = new ArrayList<>();
        for (Finding c : f.consequences()) {
            kids.add(annotateFinding(c, bySymbol, change, moduleSymbols));
        }
        Annotation a = null;
        List<Construct> cs = bySymbol.get(f.symbol());
        if (cs != null) {
            a = new Annotation(cs, change.restrictedTo(f.symbol(), moduleSymbols));
        }
        return f.withConsequences(kids).withKernelImage(a);
    }

    private static void collectSymbols(Finding f, Set<String> out) {
        out.add(f.symbol());
        for (Finding c : f.consequences()) {
            collectSymbols(c, out);
        }
    }

    /**
     * Whether {@link #constructs} can find anything for {@code symbol} in {@code map} under some
     * values: the part of its test that does not depend on the values, for tools that must not
     * evaluate a config only to learn that a symbol forces nothing.
     */
    public static boolean mayForce(KbuildMap map, String symbol) {
        return !map.forcedBuiltin(symbol).isEmpty() || !map.forcedModule(symbol).isEmpty()
                || map.rules().stream().anyMatch(r -> underConditional(r, symbol));
    }

    /** An {@code obj-y} line inside {@code ifdef CONFIG_X} (or {@code ifneq ($(CONFIG_X),)}). */
    private static boolean underConditional(ObjectRule r, String symbol) {
        return r.forcing() == ObjectRule.Forcing.NONE && r.kind() == ObjectRule.Kind.OBJECT
                && r.context().mentions(symbol) && !r.whenBuiltin().mentions(symbol);
    }

    /**
     * The rules of {@code map} that build {@code symbol}'s code against its value: forcing
     * targets ({@link KbuildMap#forcedBuiltin}, {@link KbuildMap#forcedModule}) and {@code obj-y}
     * lines inside {@code ifdef CONFIG_X} (or {@code ifneq ($(CONFIG_X),)}), which build in for
     * {@code m} as for {@code y}.
     *
     * @param tree {@code old} or {@code new}, as the constructs name it
     */
    public static List<Construct> constructs(String tree, KbuildMap map, String symbol, Values values) {
        List<ObjectRule> rules = new ArrayList<>(map.forcedBuiltin(symbol));
        rules.addAll(map.forcedModule(symbol));
        for (ObjectRule r : map.rules()) {
            if (underConditional(r, symbol) && r.whenBuiltin().holds(values) && r.context().holds(values.with(symbol, Tristate.MOD))
                    && r.context().holds(values.with(symbol, Tristate.YES))
                    && !r.context().holds(values.with(symbol, Tristate.NO))) {
                rules.add(r);
            }
        }
        List<Construct> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ObjectRule r : rules) {
            if (seen.add(r.location().toString())) {
                ObjectRule.Forcing f = r.forcing() == ObjectRule.Forcing.NONE ? ObjectRule.Forcing.BUILTIN : r.forcing();
                List<String> syms = r.forcing() == ObjectRule.Forcing.NONE ? List.of(symbol)
                        : List.copyOf(new TreeSet<>(r.forcingSymbols()));
                out.add(new Construct(tree, r.location().toString(), rule(r), f, syms));
            }
        }
        return out;
    }

    /** {@code target += words} as written, with the enclosing conditional when there is one. */
    private static String rule(ObjectRule r) {
        String d = r.describe();
        String prefix = r.location() + ": ";
        return d.startsWith(prefix) ? d.substring(prefix.length()) : d;
    }

    /**
     * What the upgrade moves, restricted to objects and modules whose build conditions depend on
     * one of {@code symbols} (the rest of the difference between two kernel versions is the
     * kernel's own development, not the config's).
     */
    public static Change change(KbuildMap oldMap, Values oldValues, KbuildMap newMap, Values newValues, Set<String> symbols) {
        if (symbols.isEmpty()) {
            return new Change(List.of(), List.of(), List.of(), List.of());
        }
        KbuildMap.ImageChange c = KbuildMap.imageChange(oldMap, oldValues, newMap, newValues);
        Predicate<String> oldScope = scope(oldMap, symbols);
        Predicate<String> newScope = scope(newMap, symbols);
        List<Moved> leaving = moved(oldMap, c.leaving(), symbols, oldScope);
        List<Moved> entering = moved(newMap, c.entering(), symbols, newScope);
        Predicate<KbuildMap.Module> relevant = m -> (m.symbols().stream().anyMatch(symbols::contains)
                || m.directorySymbols().stream().anyMatch(symbols::contains));
        List<String> added = c.modulesAdded().stream()
                .filter(n -> newMap.modules().containsKey(n) && relevant.test(newMap.modules().get(n))
                        && newScope.test(directoryOf(newMap.modules().get(n).path()))).toList();
        List<String> removed = c.modulesRemoved().stream()
                .filter(n -> oldMap.modules().containsKey(n) && relevant.test(oldMap.modules().get(n))
                        && oldScope.test(directoryOf(oldMap.modules().get(n).path()))).toList();
        return new Change(leaving, entering, added, removed);
    }

    /**
     * The directories where forced code lives: those holding a forcing construct on one of
     * {@code symbols}, and those listed by one with everything below them. The same whether
     * the map is whole or partial, so that {@code --kbuild=auto} and {@code full} agree.
     */
    private static Predicate<String> scope(KbuildMap map, Set<String> symbols) {
        Set<String> dirs = new TreeSet<>();
        Set<String> below = new TreeSet<>();
        for (ObjectRule r : map.rules()) {
            if (KbuildTree.forcesOn(r, symbols)) {
                dirs.add(r.directory());
            }
        }
        for (KbuildMap.Directory d : map.directories()) {
            for (KbuildMap.Reach r : d.reachedVia()) {
                if (KbuildTree.forcesOn(r.rule(), symbols)) {
                    below.add(d.path());
                }
            }
        }
        return dir -> dirs.contains(dir) || below.stream().anyMatch(b -> dir.equals(b) || dir.startsWith(b + "/"));
    }

    private static String directoryOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "." : path.substring(0, slash);
    }

    private static List<Moved> moved(KbuildMap map, List<KbuildMap.BuiltObject> objects, Set<String> symbols,
            Predicate<String> scope) {
        List<Moved> out = new ArrayList<>();
        for (KbuildMap.BuiltObject o : objects) {
            List<String> syms = o.builtin().symbols().stream().filter(symbols::contains).toList();
            if (!syms.isEmpty() && scope.test(o.directory())) {
                ObjectRule via = via(map, o);
                out.add(new Moved(o.path(), via == null ? o.where() : via.location() + " " + rule(via), syms));
            }
        }
        return out;
    }

    /** The forcing construct that builds {@code o} in: on its own listing or on a directory above it; else its listing. */
    static ObjectRule via(KbuildMap map, KbuildMap.BuiltObject o) {
        if (o.rule() != null && o.rule().forcing() != ObjectRule.Forcing.NONE) {
            return o.rule();
        }
        String dir = o.directory();
        Set<String> seen = new LinkedHashSet<>();
        while (dir != null && !dir.equals(".") && seen.add(dir)) {
            KbuildMap.Directory d = map.directory(dir);
            if (d == null) {
                break;
            }
            String up = null;
            for (KbuildMap.Reach r : d.reachedVia()) {
                if (r.rule() != null && r.rule().forcing() != ObjectRule.Forcing.NONE) {
                    return r.rule();
                }
                if (up == null && r.list().equals("obj-y")) {
                    up = r.parent();
                }
            }
            dir = up;
        }
        return o.rule();
    }

    private static KbuildMap fullWalk(Path srctree, String arch) {
        return hasMakefiles(srctree, arch) ? KbuildTree.walk(srctree, arch) : null;
    }

    private static boolean hasMakefiles(Path srctree, String arch) {
        return Files.isRegularFile(srctree.resolve("Makefile")) && Files.isRegularFile(
                srctree.resolve("arch/" + KernelEnvironment.srcArch(arch) + "/Makefile"));
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    // ======================================================================
    // the words every report format uses
    // ======================================================================

    /** "HYPERV controls code Kbuild builds in when it is m: FILE:LINE RULE (old tree); ..." */
    public static String constructsLine(String symbol, List<Construct> constructs) {
        Map<String, List<String>> trees = new LinkedHashMap<>();
        boolean builtin = false;
        boolean module = false;
        for (Construct c : constructs) {
            trees.computeIfAbsent(c.describe(), k -> new ArrayList<>()).add(c.tree());
            builtin |= c.forcing() == ObjectRule.Forcing.BUILTIN;
            module |= c.forcing() == ObjectRule.Forcing.MODULE;
        }
        List<String> parts = new ArrayList<>();
        trees.forEach((d, t) -> parts.add(d + (t.size() > 1 ? "" : " (" + t.get(0) + " tree)")));
        String what = builtin && module ? "builds in when it is m, or as a module when it is y"
                : builtin ? "builds in when it is m" : "builds as a module when it is y";
        return symbol + " controls code Kbuild " + what + ": " + String.join("; ", parts);
    }

    /**
     * The change in a few lines: objects leaving and entering vmlinux grouped by the construct
     * that builds them in (later objects of the same directory by file name), then the modules.
     */
    public static List<String> changeLines(Change c) {
        List<String> out = new ArrayList<>();
        group(c.leaving(), "leave vmlinux", "leaves vmlinux", out);
        group(c.entering(), "enter vmlinux", "enters vmlinux", out);
        if (!c.modulesRemoved().isEmpty()) {
            out.add("modules no longer built: " + String.join(" ", c.modulesRemoved()));
        }
        if (!c.modulesAdded().isEmpty()) {
            out.add("modules now built: " + String.join(" ", c.modulesAdded()));
        }
        return out;
    }

    private static void group(List<Moved> moved, String plural, String singular, List<String> out) {
        Map<String, List<String>> byVia = new LinkedHashMap<>();
        for (Moved m : moved) {
            byVia.computeIfAbsent(m.via(), k -> new ArrayList<>()).add(m.object());
        }
        byVia.forEach((via, objects) -> {
            StringBuilder sb = new StringBuilder();
            String dir = null;
            for (String o : objects) {
                int slash = o.lastIndexOf('/');
                String d = slash < 0 ? "" : o.substring(0, slash);
                sb.append(sb.length() == 0 ? "" : " ").append(d.equals(dir) ? o.substring(slash + 1) : o);
                dir = d;
            }
            out.add(sb + " " + (objects.size() == 1 ? singular : plural) + " (" + via + ")");
        });
    }
}
