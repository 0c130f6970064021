package dev.kconfig4j.impact;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.KernelEnvironment;
import dev.kconfig4j.confdata.AtomicFile;
import dev.kconfig4j.confdata.ConfigReader;
import dev.kconfig4j.confdata.ConfigWriter;
import dev.kconfig4j.diagnostic.Diagnostic;
import dev.kconfig4j.diagnostic.Diagnostics;
import dev.kconfig4j.diagnostic.KconfigException;
import dev.kconfig4j.dialect.Dialect;
import dev.kconfig4j.impact.ImpactReport.Change;
import dev.kconfig4j.impact.ImpactReport.ChangeKind;
import dev.kconfig4j.impact.ImpactReport.ConfigImpact;
import dev.kconfig4j.impact.ImpactReport.LostGroup;
import dev.kconfig4j.impact.ImpactReport.Mitigation;
import dev.kconfig4j.parse.SourceFiles;
import dev.kconfig4j.preprocess.ProbeCache;
import dev.kconfig4j.preprocess.ShellPolicy;
import dev.kconfig4j.symbol.Configuration;
import dev.kconfig4j.upgrade.Finding;
import dev.kconfig4j.upgrade.UpgradeGuard;
import dev.kconfig4j.upgrade.UpgradeReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a Kconfig change does to a corpus of configs: every config is carried from the BEFORE tree
 * to the AFTER tree exactly as users' configs are, and every symbol it loses, demotes, promotes,
 * changes or drops is recorded with its root cause (from {@link UpgradeGuard}); the losses are
 * grouped by root cause, and for the largest groups Kconfig-level mitigations are proposed and
 * verified by running the analysis again on the after tree with the mitigation applied.
 *
 * <h2>What "a config" means</h2>
 * <ol>
 * <li><b>The before .config.</b> A defconfig is expanded in the before tree exactly as
 *     {@code make defconfig} does ({@code conf --defconfig=FILE}): its values are read as user
 *     values, every other symbol takes its default, and the full {@code .config} is written. This
 *     is the .config users of that defconfig have. A defconfig is read from the before tree's
 *     {@code arch/ARCH/configs/}; one that exists only in the after tree is read from there (its
 *     origin says so). A full .config (a distribution's: a given file that Kconfig wrote, with its
 *     "Automatically generated file" header) is used as it is: it is what its users have, even when
 *     it was made with a patched tree (Debian's 6.1 rt config has PREEMPT_RT, which vanilla 6.1
 *     does not offer on x86, and keeps it in 6.12). A given file without that header counts as a
 *     defconfig.</li>
 * <li><b>The after .config.</b> The before .config is carried to the after tree with
 *     {@code olddefconfig}: the kernel's exact result, byte for byte.</li>
 * <li><b>Findings.</b> {@link UpgradeGuard} (with both trees, without fixes) compares the two and
 *     gives every change its root cause; consequences stay filed under their root.</li>
 * </ol>
 * A config <em>loses</em> a symbol when it was y or m and becomes n, y becomes m, or an enabled
 * symbol is dropped (removed or renamed) and no successor carries its value.
 *
 * <h2>Environment</h2>
 * Each (tree, arch) is loaded once with {@link KernelEnvironment#forTree}: ARCH = SRCARCH = the
 * architecture's directory, KERNELVERSION from the tree's Makefile. By default
 * ({@link Toolchain#DUMMY}) the environment is the golden runs' one, so that results do not depend
 * on the machine: the tree's {@code scripts/dummy-tools} as the toolchain (a fully featured GCC, as
 * the kernel's own Kconfig tests use), {@code PATH=/usr/bin:/bin} (a rustc elsewhere on the PATH
 * would change the Rust probes), {@code SUBARCH=HEADER_ARCH=x86}, and nothing else of the process
 * environment but HOME and the probe cache's variables. {@link Toolchain#HOST} probes the
 * compiler of the given environment instead, with all of that environment.
 *
 * <h2>Mitigations</h2>
 * For the largest lost groups that some mitigation applies to ({@link Options#mitigations}),
 * {@link Mitigations} proposes Kconfig edits; each is applied to an overlay of the after tree
 * (changed files real, the rest symbolic links: the after tree itself is never written), the
 * configs that lose any of the group's symbols are evaluated again in it, and the mitigation
 * reports the configs it fixes, those that still lose some of the group's symbols, and any new
 * losses. Candidates that load but fix only part of a group, or none of it, and edit different
 * symbols are then also made together (at most one combination per group) and verified the same
 * way: keeping HYPERV tristate and {@code default HYPERV} on HYPERV_VMBUS fix the Hyper-V split
 * only together. A {@code --what-if} patch is verified the same way on every config.
 *
 * <h2>Parallelism</h2>
 * Trees are immutable once loaded and shared between threads; every evaluation makes its own
 * {@link Configuration} and its own guard. Architectures are worked on a few at a time (so that
 * only a few trees are in memory), their two trees parsed in parallel, then their configs
 * evaluated in parallel.
 */
public final class ImpactAnalysis {

    /** Which compiler the trees' {@code $(shell,...)} probes see. */
    public enum Toolchain {
        /** The tree's scripts/dummy-tools on a clean environment: reproducible (the default). */
        DUMMY,
        /** The toolchain of the given environment (CC, LD... or gcc, ld...). */
        HOST
    }

    /** Told how far a run is; called from worker threads. */
    @FunctionalInterface
    public interface Progress {
        /** {@code done} of {@code total} steps of {@code phase} are done. */
        void update(String phase, int done, int total);

        static Progress none() {
            return (phase, done, total) -> { };
        }
    }

    /**
     * What to analyse.
     *
     * @param before the tree configs come from
     * @param after the tree they are carried to
     * @param arches the architectures whose defconfigs are in the corpus (empty: all of the after tree)
     * @param defconfigs whether every {@code arch/*}{@code /configs/*defconfig} of the after tree is in the corpus
     * @param configs more configs (distribution configs...)
     * @param whatIf candidate patches to the after tree to verify
     * @param mitigations how many lost groups (the largest first) get proposed mitigations; 0 for none
     * @param toolchain the toolchain the probes see
     * @param threads worker threads
     * @param environment the process environment (PATH, HOME for the probe cache; everything with HOST)
     * @param workingDirectory where relative paths are resolved
     * @param writeConfigs a directory to write every before and after .config to, or null
     * @param progress told how far the run is
     * @param shellPolicy what the trees' {@code $(shell,...)} may do (one policy for every tree)
     */
    public record Options(TreeSource before, TreeSource after, List<String> arches, boolean defconfigs,
            List<ConfigInput> configs, List<Path> whatIf, int mitigations, Toolchain toolchain, int threads,
            Map<String, String> environment, Path workingDirectory, Path writeConfigs, Progress progress,
            ShellPolicy shellPolicy) {
        public Options {
            Objects.requireNonNull(shellPolicy);
            Objects.requireNonNull(before);
            Objects.requireNonNull(after);
            arches = List.copyOf(arches);
            configs = List.copyOf(configs);
            whatIf = List.copyOf(whatIf);
            environment = Map.copyOf(environment);
            Objects.requireNonNull(workingDirectory);
            Objects.requireNonNull(progress);
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
        }
    }

    /** Options with the defaults: every defconfig of every arch, 5 mitigated groups, dummy tools, all cores. */
    public static Builder builder(TreeSource before, TreeSource after) {
        return new Builder(before, after);
    }

    /** Builds {@link Options}. */
    public static final class Builder {
        private final TreeSource before;
        private final TreeSource after;
        private List<String> arches = List.of();
        private boolean defconfigs = true;
        private final List<ConfigInput> configs = new ArrayList<>();
        private final List<Path> whatIf = new ArrayList<>();
        private int mitigations = 5;
        private Toolchain toolchain = Toolchain.DUMMY;
        private int threads = Runtime.getRuntime().availableProcessors();
        private Map<String, String> environment = System.getenv();
        private Path workingDirectory = Path.of("").toAbsolutePath();
        private Path writeConfigs;
        private Progress progress = Progress.none();
        private ShellPolicy shellPolicy = ShellPolicy.allow();

        private Builder(TreeSource before, TreeSource after) {
            this.before = before;
            this.after = after;
        }

        public Builder arches(List<String> a) {
            arches = a;
            return this;
        }

        public Builder defconfigs(boolean d) {
            defconfigs = d;
            return this;
        }

        public Builder config(ConfigInput c) {
            configs.add(c);
            return this;
        }

        public Builder whatIf(Path patch) {
            whatIf.add(patch);
            return this;
        }

        public Builder mitigations(int groups) {
            mitigations = groups;
            return this;
        }

        public Builder toolchain(Toolchain t) {
            toolchain = t;
            return this;
        }

        public Builder threads(int n) {
            threads = n;
            return this;
        }

        public Builder environment(Map<String, String> env) {
            environment = env;
            return this;
        }

        public Builder workingDirectory(Path dir) {
            workingDirectory = dir;
            return this;
        }

        public Builder writeConfigs(Path dir) {
            writeConfigs = dir;
            return this;
        }

        public Builder progress(Progress p) {
            progress = p;
            return this;
        }

        /** What the trees' {@code $(shell,...)} may do (default: allow, as the kernel's tools). */
        public Builder shellPolicy(ShellPolicy p) {
            shellPolicy = p;
            return this;
        }

        public Options build() {
            return new Options(before, after, arches, defconfigs, configs, whatIf, mitigations, toolchain, threads,
                    environment, workingDirectory, writeConfigs, progress, shellPolicy);
        }

        /** Builds the options and runs the analysis. */
        public ImpactReport run() throws IOException {
            return new ImpactAnalysis(build()).run();
        }
    }

    /** The words the report shows for {@link ImpactAnalysis}'s definition of a config's before and after. */
    public static final String SEMANTICS = "Each defconfig is expanded in the before tree as `make defconfig` does"
            + " (conf --defconfig=FILE), giving the .config its users have; a full .config (one Kconfig wrote) is used as"
            + " it is. That .config is carried to the after tree with `make olddefconfig`. A defconfig that exists only"
            + " in the after tree is read from there. A config loses a symbol when it was y/m and becomes n,"
            + " y becomes m, or an enabled option (one with a prompt) is dropped and no successor carries its value."
            + " Probes use the trees' scripts/dummy-tools in the golden environment unless the host toolchain is"
            + " asked for.";

    private final Options options;
    private final AtomicLong parseNanos = new AtomicLong();
    private final AtomicLong evaluateNanos = new AtomicLong();
    private final AtomicInteger treesParsed = new AtomicInteger();
    /**
     * For a tree written from a git revision: its Kconfig files as the revision's object database
     * holds them, which the parser reads instead of the written copies (a cached copy could have
     * been changed since). Overlays (what-if, mitigations) read their files from disk.
     */
    private final Map<Path, SourceFiles> revisionFiles = new ConcurrentHashMap<>();

    public ImpactAnalysis(Options options) {
        this.options = options;
    }

    /** One config, evaluated: its before .config and what happened to it. */
    record Evaluated(Corpus.Item item, String beforeConfig, ConfigImpact impact) {
    }

    /** A problem with one config or arch, reported instead of a result. */
    private record Problem(String text) {
    }

    /**
     * Runs the analysis.
     *
     * @throws KconfigException for bad input (a tree that is not a tree, a revision that does not
     *     resolve, a config whose arch cannot be told, a malformed what-if patch)
     */
    public ImpactReport run() throws IOException {
        long start = System.nanoTime();
        Path scratch = Files.createTempDirectory("kconfig4j-impact");
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(null, r, "kconfig4j-impact", 256L << 20); // deep dependency chains
            t.setDaemon(true);
            return t;
        });
        try {
            // Revisions are kept beside the probe cache, so that a second run finds the same paths
            // (and its probes cached); without the probe cache they live in the scratch directory.
            // The caches' warnings (a directory or entry not trusted) are problems of the report.
            // One probe cache serves every tree the run loads: it examines each probe's programs
            // once, and every warning it gives, while loading too, is one of those problems.
            Diagnostics cacheWarnings = new Diagnostics();
            ProbeCache probes = ProbeCache.forEnvironment(options.environment(), cacheWarnings);
            Path treeCache = probes.isEnabled() ? probes.directory().resolveSibling("trees") : null;
            Path beforeDir = options.before().materialize(scratch.resolve("before"), treeCache, cacheWarnings);
            Path afterDir = options.after().materialize(scratch.resolve("after"), treeCache, cacheWarnings);
            if (options.before() instanceof TreeSource.GitRevision g) {
                revisionFiles.put(beforeDir, g.kconfigFiles(beforeDir));
            }
            if (options.after() instanceof TreeSource.GitRevision g) {
                revisionFiles.put(afterDir, g.kconfigFiles(afterDir));
            }
            List<Corpus.Item> items = Corpus.read(options, beforeDir, afterDir);
            List<String> problems = Collections.synchronizedList(new ArrayList<>());
            KbuildImpact kbuild = new KbuildImpact(beforeDir, afterDir);
            List<Evaluated> evaluated = evaluateAll(items, beforeDir, afterDir, scratch, probes, pool, problems,
                    kbuild);
            long mitigationStart = System.nanoTime();
            int trees = treesParsed.get();
            long evaluateMillis = evaluateNanos.get() / 1_000_000;
            long parseMillis = parseNanos.get() / 1_000_000;
            List<ConfigImpact> impacts = evaluated.stream().map(Evaluated::impact).toList();
            List<LostGroup> groups = Aggregation.groups(impacts);
            List<Mitigation> mitigations = new ArrayList<>();
            int n = 0;
            MitigationSearch search = new MitigationSearch(options, (dir, arch) -> load(dir, arch, scratch, probes));
            for (Path patch : options.whatIf()) {
                mitigations.add(search.whatIf(patch, ++n, evaluated, beforeDir, afterDir, scratch, pool));
            }
            mitigations.addAll(search.mitigate(groups, evaluated, beforeDir, afterDir, scratch, pool));
            long end = System.nanoTime();
            ImpactReport.Timing timing = new ImpactReport.Timing(options.threads(), trees, parseMillis,
                    evaluateMillis, (end - mitigationStart) / 1_000_000, (end - start) / 1_000_000);
            problems.addAll(0, cacheWarnings.list().stream().map(Diagnostic::text).toList());
            return new ImpactReport(ImpactReport.SCHEMA_VERSION, tree(options.before(), beforeDir),
                    tree(options.after(), afterDir), SEMANTICS, impacts, Aggregation.symbols(impacts, kbuild), groups, mitigations,
                    problems, timing, kbuild.summary());
        } finally {
            pool.shutdownNow();
            deleteRecursively(scratch);
        }
    }

    private static ImpactReport.Tree tree(TreeSource s, Path dir) {
        String v = Dialect.treeVersion(dir);
        return new ImpactReport.Tree(s.spec(), s.resolved(), v == null ? "" : v);
    }

    // ======================================================================
    // loading trees and evaluating configs
    // ======================================================================

    private Kconfig load(Path dir, String arch, Path scratch, ProbeCache cache) {
        long t0 = System.nanoTime();
        Map<String, String> base = new HashMap<>();
        if (options.toolchain() == Toolchain.HOST) {
            base.putAll(options.environment());
        } else {
            // The golden runs' environment: other tools on the PATH (rustc, say) would change the probes' answers.
            base.put("PATH", "/usr/bin:/bin");
            base.put("LC_ALL", "C");
            // The golden runs' machine: UML's Kconfig reads arch/$(HEADER_ARCH)/um/Kconfig.
            base.put("SUBARCH", "x86");
            base.put("HEADER_ARCH", "x86");
            for (String keep : List.of("HOME", "XDG_CACHE_HOME", "KCONFIG4J_CACHE_DIR", "KCONFIG4J_PROBE_CACHE")) {
                if (options.environment().containsKey(keep)) {
                    base.put(keep, options.environment().get(keep));
                }
            }
        }
        SourceFiles files = revisionFiles.getOrDefault(dir, SourceFiles.DISK);
        if (!files.isRegularFile(dir.resolve("arch").resolve(KernelEnvironment.srcArch(arch)).resolve("Kconfig"))) {
            throw new KconfigException("the tree " + dir + " has no arch/" + arch);
        }
        Map<String, String> env = KernelEnvironment.forTree(base, dir, arch, options.toolchain() == Toolchain.DUMMY);
        env.putIfAbsent("HEADER_ARCH", env.get("SUBARCH")); // as the kernel's Makefile sets it for ARCH=um
        try {
            // Probes run in a stable scratch directory, so that cached results apply across runs.
            Path work = cache.isEnabled() ? cache.directory().resolveSibling("objdir") : scratch.resolve("objdir");
            Files.createDirectories(work);
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            Diagnostics diagnostics = new Diagnostics();
            try {
                return Kconfig.load(new Kconfig.Options(dir, "Kconfig", env, work, null, cache,
                        options.shellPolicy(), files), quiet, quiet, diagnostics);
            } catch (KconfigException e) {
                Diagnostic error = diagnostics.list().stream()
                        .filter(d -> d.severity() == Diagnostic.Severity.ERROR).findFirst().orElse(null);
                if (!e.isReported() || error == null) {
                    throw e;
                }
                // An error already reported (a recursive dependency, say): its first two lines say what and where.
                List<String> lines = error.text().strip().lines().map(String::strip).toList();
                throw new KconfigException(lines.get(0).replaceFirst("^error: ", "")
                        + (lines.size() > 1 ? " (" + lines.get(1) + ")" : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            parseNanos.addAndGet(System.nanoTime() - t0);
            treesParsed.incrementAndGet();
        }
    }

    private List<Evaluated> evaluateAll(List<Corpus.Item> items, Path beforeDir, Path afterDir, Path scratch,
            ProbeCache probes, ExecutorService pool, List<String> problems, KbuildImpact kbuild) {
        Map<String, List<Corpus.Item>> byArch = new LinkedHashMap<>();
        for (Corpus.Item i : items) {
            byArch.computeIfAbsent(i.arch(), k -> new ArrayList<>()).add(i);
        }
        // The arches with the most configs first, a few at a time, so that few trees are in memory at once.
        List<Map.Entry<String, List<Corpus.Item>>> order = new ArrayList<>(byArch.entrySet());
        order.sort(Comparator.comparing((Map.Entry<String, List<Corpus.Item>> e) -> -e.getValue().size()));
        Semaphore window = new Semaphore(Math.max(2, options.threads()));
        AtomicInteger done = new AtomicInteger();
        int total = items.size();
        options.progress().update("evaluating", 0, total);
        Map<Corpus.Item, Object> results = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (Map.Entry<String, List<Corpus.Item>> e : order) {
            String arch = e.getKey();
            window.acquireUninterruptibly();
            CompletableFuture<Kconfig> before = CompletableFuture.supplyAsync(() -> load(beforeDir, arch, scratch, probes), pool);
            CompletableFuture<Kconfig> after = CompletableFuture.supplyAsync(() -> load(afterDir, arch, scratch, probes), pool);
            List<CompletableFuture<Void>> configs = new ArrayList<>();
            Map<Thread, UpgradeGuard> guards = new ConcurrentHashMap<>(); // one per thread: a guard is not thread-safe
            for (Corpus.Item item : e.getValue()) {
                configs.add(before.thenCombineAsync(after, (b, a) -> evaluate(item, b,
                        guards.computeIfAbsent(Thread.currentThread(), t -> new UpgradeGuard(a, b, false))), pool)
                        .handle((ev, ex) -> {
                            results.put(item, ex == null ? ev : new Problem(item.name() + ": " + describe(ex)));
                            options.progress().update("evaluating", done.incrementAndGet(), total);
                            return null;
                        }));
            }
            // Then what the arch's changes do to the kernel image: one Kbuild read per (tree, arch) for all its configs.
            CompletableFuture<Void> arch0 = CompletableFuture.allOf(configs.toArray(CompletableFuture[]::new))
                    .thenCompose(v -> before.thenCombineAsync(after, (b, a) -> {
                        annotateKernelImage(arch, b, a, e.getValue(), results, kbuild);
                        return (Void) null;
                    }, pool))
                    .handle((v, ex) -> {
                        if (ex != null && before.isDone() && !before.isCompletedExceptionally() && after.isDone()
                                && !after.isCompletedExceptionally()) {
                            problems.add("arch " + arch + ": kernel image not analysed: " + describe(ex));
                        }
                        return null;
                    });
            arch0.whenComplete((v, ex) -> window.release());
            all.add(arch0);
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        List<Evaluated> out = new ArrayList<>();
        for (Corpus.Item i : items) {
            Object r = results.get(i);
            if (r instanceof Evaluated ev) {
                out.add(ev);
            } else if (r instanceof Problem p) {
                problems.add(p.text());
            }
        }
        return out;
    }

    /** Replaces the arch's evaluated configs by their kernel-image annotated versions. */
    private static void annotateKernelImage(String arch, Kconfig before, Kconfig after, List<Corpus.Item> items,
            Map<Corpus.Item, Object> results, KbuildImpact kbuild) {
        List<Evaluated> mine = new ArrayList<>();
        for (Corpus.Item i : items) {
            if (results.get(i) instanceof Evaluated ev) {
                mine.add(ev);
            }
        }
        List<ConfigImpact> annotated = kbuild.annotate(arch, before, after, mine.stream()
                .map(ev -> new KbuildImpact.Config(ev.item().name(), ev.beforeConfig(), ev.impact())).toList());
        for (int k = 0; k < mine.size(); k++) {
            Evaluated ev = mine.get(k);
            if (annotated.get(k) != ev.impact()) {
                results.put(ev.item(), new Evaluated(ev.item(), ev.beforeConfig(), annotated.get(k)));
            }
        }
    }

    static String describe(Throwable ex) {
        Throwable t = ex instanceof CompletionException && ex.getCause() != null ? ex.getCause() : ex;
        if (t instanceof KconfigException k) {
            return k.describe();
        }
        if (t instanceof UncheckedIOException u) {
            return u.getCause().toString();
        }
        return "internal error: " + t;
    }

    /**
     * The before .config (a defconfig expanded in the before tree as conf --defconfig does, a full
     * .config as it is) and its values in the before tree.
     */
    private record Expanded(Configuration values, String dotConfig) {
        static Expanded of(Kconfig before, Corpus.Item item) {
            Configuration c = ConfigReader.load(before, item.name(), item.text()).configuration();
            return new Expanded(c, item.full() ? item.text() : new ConfigWriter(before, c, "CONFIG_").dotConfig());
        }
    }

    /**
     * Evaluates one config with {@code guard} (after tree, before tree), which this thread alone
     * uses: a guard keeps its indexes across configs.
     */
    private Evaluated evaluate(Corpus.Item item, Kconfig before, UpgradeGuard guard) {
        long t0 = System.nanoTime();
        try {
            Expanded expanded = Expanded.of(before, item);
            String beforeConfig = expanded.dotConfig();
            // The expansion's values are the before .config's in the before tree: no need to evaluate it again.
            UpgradeReport r = guard.analyze(item.name(), beforeConfig, expanded.values());
            if (options.writeConfigs() != null) {
                String stem = item.name().replace('/', '_');
                AtomicFile.write(options.writeConfigs().resolve(stem + ".before"), beforeConfig);
                AtomicFile.write(options.writeConfigs().resolve(stem + ".after"), guard.newConfig(item.name(), beforeConfig));
            }
            return new Evaluated(item, beforeConfig, impact(item, r));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            evaluateNanos.addAndGet(System.nanoTime() - t0);
        }
    }

    /** The guard's findings as changes: NEW symbols only when something is filed under them (gates). */
    static ConfigImpact impact(Corpus.Item item, UpgradeReport r) {
        List<Change> changes = new ArrayList<>();
        int[] newSymbols = {0};
        for (Finding root : r.findings()) {
            collect(root, root.symbol(), changes, newSymbols);
        }
        List<Diagnostic> warnings = r.warnings().size() > 50 ? r.warnings().subList(0, 50) : r.warnings();
        return new ConfigImpact(item.name(), item.arch(), item.origin(), changes, newSymbols[0], warnings);
    }

    private static void collect(Finding f, String root, List<Change> out, int[] newSymbols) {
        if (f.kind() == Finding.Kind.NEW && f.consequences().isEmpty()) {
            newSymbols[0]++;
        } else {
            out.add(new Change(f.symbol(), ChangeKind.of(f.kind()), f.oldValue(), f.newValue(),
                    isLoss(f), f.cause().kind(), f.cause().text(), root, f.cause().blockers()));
        }
        for (Finding c : f.consequences()) {
            collect(c, root, out, newSymbols);
        }
    }

    /**
     * See {@link ImpactAnalysis}: what counts as losing a symbol. Any y or m that becomes n (or y
     * that becomes m); a dropped symbol only when the guard classes it a lost option (it had a
     * prompt in the before tree, was y or m, and no successor carries its value): removed helper
     * symbols (promptless, selected) are not.
     */
    private static boolean isLoss(Finding f) {
        return f.kind().isLoss() || (f.kind() == Finding.Kind.DROPPED && f.category() == Finding.Category.OPTION_LOST);
    }

    private static void deleteRecursively(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file); // symbolic links are deleted, never followed
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // A leftover temporary directory is not worth failing an analysis for.
        }
    }
}
