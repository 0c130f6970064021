package dev.kconfig4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.kconfig4j.Kconfig;
import dev.kconfig4j.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of {@code shared/golden/cases.tsv} through {@code kconfig4j conf} in-process
 * and compares every expected file byte for byte, and the exit status.
 *
 * <p>Known failures are listed in {@code src/test/resources/conformance/known-failures.txt}. A
 * case fails the build when it fails and is not listed, and also when it is listed but passes
 * (remove it from the list: the list can only shrink).
 *
 * <p>Settings (system properties): {@code kconfig4j.shared} (default {@code ../shared}, or the
 * KCONFIG4J_SHARED environment variable), {@code kconfig4j.conformance.filter} (a regex over
 * case ids), {@code kconfig4j.conformance.write} (a file to write the ids of failing cases to),
 * {@code kconfig4j.conformance.snapshots} ({@code on}, {@code off} or an arch, by default
 * {@code x86}: the trees loaded twice with a probe cache shared by the whole run; the first load
 * writes a {@link dev.kconfig4j.snapshot.TreeSnapshot}, the second, which the cases use, must come
 * from it; so every run checks that a snapshot gives byte-identical results).
 * Without the data the suite says so and is skipped, except under {@code CI=true}.
 */
public class ConformanceTest {
    private static final Map<String, int[]> SUMMARY = new TreeMap<>();
    private static final List<String> FAILING = new ArrayList<>();
    /** How often each tree (tree, arch) was parsed anew after a failing case. */
    private static final Map<String, Integer> REPARSED = new HashMap<>();
    /** Cases whose standard error equals the kernel's stderr.log (reported, not required). */
    /** Per case id, whether its standard error equals the kernel's (the last attempt of a case counts). */
    private static final Map<String, StderrResult> STDERR = new java.util.LinkedHashMap<>();

    private record StderrResult(String generation, boolean same) {
    }

    /** The one tree kept parsed: cases are ordered so that each (tree, arch) is parsed once. */
    private static String cachedKey;
    private static Kconfig cachedTree;
    /** What loading the cached tree printed: every run of the kernel's tool prints it again. */
    private static byte[] cachedLoadOut;
    private static byte[] cachedLoadErr;

    /**
     * Which trees the cases load through a snapshot (loaded twice, the second from the snapshot's
     * built tree): {@code on} every tree, {@code off} none, else those of that arch ({@code x86}
     * by default, so that every run checks both paths: 94 cases of all four generations through
     * snapshots, the rest parsed).
     */
    private static final String SNAPSHOTS = System.getProperty("kconfig4j.conformance.snapshots", "x86");

    static boolean throughSnapshot(GoldenCase c) {
        return SNAPSHOTS.equals("on") || !SNAPSHOTS.equals("off") && c.arch().equals(SNAPSHOTS);
    }
    private static Path snapshotCache;

    /** Loads the tree once to write its snapshot, then from the snapshot (see the class comment). */
    private static Kconfig loadFromSnapshot(Kconfig.Options options, String key, PrintStream out, PrintStream err) {
        if (snapshotCache == null) {
            try {
                snapshotCache = Files.createTempDirectory("kconfig4j-conformance-cache");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Kconfig.Options cached = new Kconfig.Options(options.srctree(), options.file(), options.environment(),
                options.workingDirectory(), options.dialect(),
                dev.kconfig4j.preprocess.ProbeCache.open(snapshotCache.resolve("probes")), options.shellPolicy());
        if (!options.keepsSyntax()) {
            cached = cached.withoutSyntax();
        }
        PrintStream discard = new PrintStream(java.io.OutputStream.nullOutputStream());
        try {
            Kconfig.load(cached, discard, discard);
        } catch (dev.kconfig4j.diagnostic.KconfigException e) {
            // A tree that does not load has no snapshot: the load below fails as it should.
        }
        Kconfig tree = Kconfig.load(cached, out, err);
        if (!tree.fromSnapshot()) {
            fail(key + ": the second load did not come from the snapshot");
        }
        return tree;
    }

    static Path sharedDir() {
        return GoldenCase.sharedDir();
    }

    static Set<String> knownFailures() throws IOException {
        try (InputStream in = ConformanceTest.class.getResourceAsStream("/conformance/known-failures.txt")) {
            if (in == null) {
                return Set.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toCollection(LinkedHashSet::new));
        }
    }

    @TestFactory
    Stream<DynamicTest> goldenCases() throws IOException {
        Path shared = sharedDir();
        Path tsv = shared.resolve("golden/cases.tsv");
        if (!Files.isRegularFile(tsv)) {
            String msg = "conformance: no golden data at " + tsv + " (set -Dkconfig4j.shared=DIR); skipping";
            System.out.println(msg);
            if ("true".equals(System.getenv("CI"))) {
                fail("golden data missing under CI=true: " + tsv);
            }
            Assumptions.abort(msg);
        }
        Set<String> known = knownFailures();
        String filter = System.getProperty("kconfig4j.conformance.filter", "");
        Pattern pattern = filter.isEmpty() ? null : Pattern.compile(filter);
        List<GoldenCase> cases = new ArrayList<>(GoldenCase.load(tsv));
        cases.removeIf(c -> pattern != null && !pattern.matcher(c.id()).find());
        // Group by (tree, arch) so each tree is parsed once; keep the file's order inside a group.
        Map<String, Integer> firstSeen = new HashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            firstSeen.putIfAbsent(cases.get(i).tree() + " " + cases.get(i).arch(), i);
        }
        cases.sort(Comparator.comparing((GoldenCase c) -> firstSeen.get(c.tree() + " " + c.arch())));
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> check(shared, c, known.contains(c.id()))));
    }

    private static void check(Path shared, GoldenCase c, boolean listed) throws IOException {
        String problem = run(shared, c);
        if (problem != null && REPARSED.merge(c.tree() + " " + c.arch(), 1, Integer::sum) <= 4) {
            // Some trees' probe scripts race with themselves: powerpc's
            // gcc-check-fpatchable-function-entry.sh pipes the dummy gcc's echos into `grep -q`
            // under `set -o pipefail`, so a SIGPIPE can fail it at random, under the kernel's conf
            // as under ours. The tree is parsed once for all its cases; a failing case parses it
            // anew (every probe runs again), at most four times per tree, and says so when that helped.
            synchronized (ConformanceTest.class) {
                cachedKey = null;
                cachedTree = null;
            }
            String again = run(shared, c);
            if (again == null) {
                System.out.println("conformance: " + c.id() + " passed once its tree was parsed anew (its first parse"
                        + " differed: " + firstLines(problem, 1) + "); a probe of the tree is not deterministic");
            }
            problem = again;
        }
        String key = c.generation() + " " + c.kind();
        int[] counts = SUMMARY.computeIfAbsent(key, k -> new int[2]);
        counts[problem == null ? 0 : 1]++;
        if (problem != null) {
            FAILING.add(c.id());
        }
        if (listed) {
            assertThat(problem).as("%s is listed as a known failure but now passes: remove it from known-failures.txt",
                    c.id()).isNotNull();
        } else if (problem != null) {
            fail(c.id() + ": " + problem);
        }
    }

    /**
     * Runs kconfig4j's conf for {@code c} in the object directory {@code out}, in-process and in
     * the case's exact environment; a tree is parsed once for all runs of the same tree, arch and
     * version (what loading printed is printed again for each run, as the kernel's conf would).
     */
    static int execute(GoldenCase c, Path srctree, Path out, PrintStream o, PrintStream e) {
        Map<String, String> env = c.environment(srctree, out);
        List<String> args = new ArrayList<>();
        args.add("conf");
        args.add("-s");
        for (String a : c.args()) {
            args.add(GoldenCase.substitute(a, srctree, out));
        }
        args.add("Kconfig");
        String key = c.tree() + "|" + c.arch() + "|" + env.get("KERNELVERSION");
        Cli.Context ctx = new Cli.Context(env, out, o, e, options -> {
            synchronized (ConformanceTest.class) {
                if (!key.equals(cachedKey)) {
                    cachedTree = null;
                    cachedKey = null;
                    ByteArrayOutputStream lo = new ByteArrayOutputStream();
                    ByteArrayOutputStream le = new ByteArrayOutputStream();
                    try (PrintStream po = new PrintStream(lo, true, StandardCharsets.ISO_8859_1);
                            PrintStream pe = new PrintStream(le, true, StandardCharsets.ISO_8859_1)) {
                        cachedTree = throughSnapshot(c) ? loadFromSnapshot(options, key, po, pe)
                                : Kconfig.load(options, po, pe);
                    } finally {
                        cachedLoadOut = lo.toByteArray();
                        cachedLoadErr = le.toByteArray();
                    }
                    cachedKey = key;
                }
                o.write(cachedLoadOut, 0, cachedLoadOut.length);
                e.write(cachedLoadErr, 0, cachedLoadErr.length);
                return cachedTree;
            }
        });
        return Cli.execute(ctx, args.toArray(new String[0]));
    }

    /** Runs one case; returns null if every output matches, else what differs. */
    static String run(Path shared, GoldenCase c) throws IOException {
        Path srctree = shared.resolve(c.tree()).toRealPath();
        Path out = Files.createTempDirectory("kconfig4j-golden-");
        try {
            if (!c.input().equals("-")) {
                Path in = shared.resolve(c.input());
                Files.write(out.resolve(".config"), c.input().endsWith(".gz") ? gunzip(in) : Files.readAllBytes(in));
            }
            if (!c.outputs().contains("auto.conf")) {
                // The kernel's conf (and ours) writes auto.conf, autoconf.h, rustc_cfg and ~7000
                // include/config/ files when auto.conf is missing, in every mode. Only cases that
                // list auto.conf check them; for the others an existing auto.conf skips that work
                // (as it does for the kernel's conf), which otherwise dominates the suite's time.
                // AutoconfWriterTest and the syncconfig cases cover those files.
                Files.createDirectories(out.resolve("include/config"));
                Files.writeString(out.resolve("include/config/auto.conf"), "");
            }
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            int status;
            try (PrintStream o = new PrintStream(stdout, true, StandardCharsets.ISO_8859_1);
                    PrintStream e = new PrintStream(stderr, true, StandardCharsets.ISO_8859_1)) {
                status = execute(c, srctree, out, o, e);
            }
            Path expected = shared.resolve("golden").resolve(c.id());
            Path log = expected.resolve("stderr.log");
            if (Files.isRegularFile(log)) {
                String want = Files.readString(log, StandardCharsets.ISO_8859_1);
                String got = stderr.toString(StandardCharsets.ISO_8859_1).replace(srctree.toString(), "${srctree}")
                        .replace(out.toString(), "${out}");
                STDERR.put(c.id(), new StderrResult(c.generation(), want.equals(got)));
            }
            int expectedStatus = Integer.parseInt(Files.readString(expected.resolve("exit")).trim());
            List<String> problems = new ArrayList<>();
            if (status != expectedStatus) {
                problems.add("exit status " + status + ", expected " + expectedStatus + "; stderr: "
                        + firstLines(stderr.toString(StandardCharsets.ISO_8859_1), 5));
            }
            for (String o : c.outputs()) {
                byte[] want;
                byte[] got;
                if (o.equals("stdout")) {
                    want = Files.readAllBytes(expected.resolve("expected.stdout"));
                    got = GoldenCase.substitute(stdout.toString(StandardCharsets.ISO_8859_1), srctree, out)
                            .replace(srctree.toString(), "${srctree}").replace(out.toString(), "${out}")
                            .getBytes(StandardCharsets.ISO_8859_1);
                } else {
                    want = gunzip(expected.resolve("expected." + o + ".gz"));
                    Path actual = switch (o) {
                        case "config" -> out.resolve(".config");
                        case "defconfig" -> out.resolve("defconfig");
                        case "auto.conf" -> out.resolve("include/config/auto.conf");
                        case "autoconf.h" -> out.resolve("include/generated/autoconf.h");
                        case "rustc_cfg" -> out.resolve("include/generated/rustc_cfg");
                        default -> throw new IllegalStateException("unknown output " + o);
                    };
                    got = Files.isRegularFile(actual) ? Files.readAllBytes(actual) : null;
                }
                if (got == null) {
                    problems.add(o + " not written");
                } else if (!Arrays.equals(want, got)) {
                    problems.add(o + " differs: " + firstDifference(want, got));
                }
            }
            return problems.isEmpty() ? null : String.join("; ", problems);
        } finally {
            deleteTree(out);
        }
    }

    private static String firstLines(String s, int n) {
        return s.lines().limit(n).collect(Collectors.joining(" | "));
    }

    private static String firstDifference(byte[] want, byte[] got) {
        List<String> a = new String(want, StandardCharsets.ISO_8859_1).lines().toList();
        List<String> b = new String(got, StandardCharsets.ISO_8859_1).lines().toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "<end of file>";
            String y = i < b.size() ? b.get(i) : "<end of file>";
            if (!x.equals(y)) {
                return "line " + (i + 1) + ": expected [" + x + "] but was [" + y + "]";
            }
        }
        return "line endings differ";
    }

    public static byte[] gunzip(Path p) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
            return in.readAllBytes();
        }
    }

    private static void deleteTree(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void summary() throws IOException {
        if (SUMMARY.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("conformance summary (generation, kind: passed/total)\n");
        int pass = 0;
        int total = 0;
        for (Map.Entry<String, int[]> e : SUMMARY.entrySet()) {
            int[] c = e.getValue();
            sb.append(String.format("  %-28s %5d/%d%n", e.getKey(), c[0], c[0] + c[1]));
            pass += c[0];
            total += c[0] + c[1];
        }
        sb.append(String.format("  %-28s %5d/%d%n", "all", pass, total));
        sb.append("standard error identical to the kernel's stderr.log (not required)\n");
        Map<String, int[]> byGeneration = new TreeMap<>();
        for (StderrResult r : STDERR.values()) {
            byGeneration.computeIfAbsent(r.generation(), k -> new int[2])[r.same() ? 0 : 1]++;
        }
        for (Map.Entry<String, int[]> e : byGeneration.entrySet()) {
            sb.append(String.format("  %-28s %5d/%d%n", e.getKey(), e.getValue()[0], e.getValue()[0] + e.getValue()[1]));
        }
        System.out.print(sb);
        String write = System.getProperty("kconfig4j.conformance.write", "");
        if (!write.isEmpty()) {
            Files.write(Path.of(write), FAILING);
            Files.write(Path.of(write + ".stderr"),
                    STDERR.entrySet().stream().filter(e -> !e.getValue().same()).map(Map.Entry::getKey).toList());
        }
        cachedTree = null;
    }
}
