package dev.kconfig4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.support.ConfRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The nightly fuzz run (not part of {@code mvn test}: start it with {@code scripts/fuzz-nightly.sh
 * [CASES]}). Case {@code i} is generated from {@code seed} and {@code i} alone, so any case can be
 * run again by its number. Each case is a generated tree of one of the four generations (see
 * {@link GeneratedTreesProperties#build(String, List, List)}) with a config, in one of conf's
 * modes; one case in ten has its tree slightly broken, one in ten its config filled with stray
 * bytes (NUL and control bytes in strings, cut lines, garbage). kconfig4j must never crash, must
 * give the same result twice, and must give the kernel's exit status and files ({@code .config},
 * and {@code auto.conf} and {@code autoconf.h} for syncconfig) wherever the kernel's conf is
 * installed; a differing standard error is counted and shown, not failed.
 *
 * <p>System properties: {@code kconfig4j.fuzz.cases} (default 1000), {@code kconfig4j.fuzz.seed},
 * {@code kconfig4j.fuzz.first} (the first case number, to resume), {@code kconfig4j.fuzz.oracleEvery}
 * (compare with the kernel every Nth case; default 1), {@code kconfig4j.fuzz.threads} (how many
 * cases run at once; default 1), {@code kconfig4j.fuzz.out} (where the summary and the failing
 * cases go; default target/fuzz-nightly).
 */
class NightlyFuzz {
    private static final String[] MODES = {"--olddefconfig", "--olddefconfig", "--olddefconfig", "--syncconfig",
        "--allnoconfig", "--allyesconfig", "--allmodconfig", "--alldefconfig", "--randconfig"};

    /** One generated case, reproducible from its number. */
    record Case(long number, String generation, String mode, String variant, String kconfig, String config,
            Map<String, String> env) {
    }

    static Case generate(long seed, long number) {
        // Mixed: java.util.Random's first numbers from consecutive seeds are nearly equal, which
        // made every case of a run the same generation (5.10).
        Random r = new Random(mix(seed * 1_000_003L + number));
        // From the random numbers, not the case number: every ORACLE_EVERY-th case must still
        // cover every generation.
        String generation = GeneratedTreesProperties.GENERATIONS.get(r.nextInt(GeneratedTreesProperties.GENERATIONS.size()));
        List<Integer> shape = ints(r, 3 + r.nextInt(r.nextInt(10) == 0 ? 60 : 12));
        List<Integer> values = ints(r, r.nextInt(15));
        GeneratedTreesProperties.Case c = GeneratedTreesProperties.build(generation, shape, values);
        String mode = MODES[r.nextInt(MODES.length)];
        Map<String, String> env = new TreeMap<>();
        if (mode.equals("--randconfig")) {
            env.put("KCONFIG_SEED", "0x" + Integer.toHexString(r.nextInt()));
        }
        int v = r.nextInt(10);
        String kconfig = c.kconfig();
        String config = c.config();
        String variant = "valid";
        if (v == 0) {
            variant = "broken tree";
            kconfig = broken(kconfig, r);
        } else if (v == 1) {
            variant = "stray bytes in config";
            config = stray(config, r);
        }
        return new Case(number, generation, mode, variant, kconfig, config, env);
    }

    /** SplitMix64's finalizer: consecutive inputs give unrelated outputs. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static List<Integer> ints(Random r, int n) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(r.nextInt(1_000_001));
        }
        return l;
    }

    /** A line removed, doubled or everything after it cut, as in slightlyBrokenTrees. */
    private static String broken(String kconfig, Random r) {
        List<String> lines = new ArrayList<>(kconfig.lines().toList());
        int at = r.nextInt(lines.size());
        switch (r.nextInt(3)) {
            case 0 -> lines.remove(at);
            case 1 -> lines.add(at, lines.get(at));
            default -> lines.subList(at, lines.size()).clear();
        }
        return String.join("\n", lines) + "\n";
    }

    /** A config with stray bytes: inside string values, at random places, or a line cut short. */
    private static String stray(String config, Random r) {
        StringBuilder c = new StringBuilder(config);
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            int at = c.length() == 0 ? 0 : r.nextInt(c.length() + 1);
            switch (r.nextInt(4)) {
                case 0 -> c.insert(at, (char) r.nextInt(32));
                case 1 -> c.insert(at, (char) (128 + r.nextInt(128)));
                case 2 -> c.append("CONFIG_S").append(r.nextInt(14)).append("=\"a").append((char) r.nextInt(32))
                        .append("b\"\n");
                default -> c.setLength(at);
            }
        }
        return c.toString();
    }

    @Test
    void generatedTreesAgreeWithTheKernel() throws Exception {
        long cases = Long.getLong("kconfig4j.fuzz.cases", 1000);
        long first = Long.getLong("kconfig4j.fuzz.first", 0);
        long seed = Long.getLong("kconfig4j.fuzz.seed", 20261201L);
        int oracleEvery = Integer.getInteger("kconfig4j.fuzz.oracleEvery", 1);
        int threads = Integer.getInteger("kconfig4j.fuzz.threads", 1);
        Path out = Path.of(System.getProperty("kconfig4j.fuzz.out", "target/fuzz-nightly"));
        Files.createDirectories(out);
        Map<String, KernelConf> oracles = new TreeMap<>();
        for (String g : GeneratedTreesProperties.GENERATIONS) {
            KernelConf k = KernelConf.of(g);
            if (k != null) {
                oracles.put(g, k);
            }
        }
        Run run = new Run(out, seed, first, oracles.keySet(), oracleEvery, threads);
        // Cases are handed out in order; each thread runs whole cases, each in its own directory.
        AtomicLong next = new AtomicLong(first);
        List<Future<?>> workers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (long i = next.getAndIncrement(); i < first + cases; i = next.getAndIncrement()) {
                        Case c = generate(seed, i);
                        run.count("cases " + c.generation());
                        run.count("variant " + c.variant());
                        String failure = check(c, i % oracleEvery == 0 ? oracles.get(c.generation()) : null, run,
                                i % 10 == 0);
                        if (failure != null) {
                            run.failed(c, failure);
                        }
                        run.done(cases);
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(run.failures).as("see " + out.resolve("summary.txt")).isEmpty();
    }

    /** What a run has found so far, shared by its threads; the summary is rewritten every 1000 cases. */
    private static final class Run {
        final Path out;
        final long seed;
        final long first;
        final Iterable<String> oracles;
        final int oracleEvery;
        final int threads;
        final Instant start = Instant.now();
        final Map<String, Long> counts = new TreeMap<>();
        /** Case number to failure, and case number to how standard error differed. */
        final TreeMap<Long, String> failures = new TreeMap<>();
        final TreeMap<Long, String> stderrDiffers = new TreeMap<>();
        long done;

        Run(Path out, long seed, long first, Iterable<String> oracles, int oracleEvery, int threads) {
            this.out = out;
            this.seed = seed;
            this.first = first;
            this.oracles = oracles;
            this.oracleEvery = oracleEvery;
            this.threads = threads;
        }

        synchronized void count(String what) {
            counts.merge(what, 1L, Long::sum);
        }

        synchronized void failed(Case c, String failure) throws IOException {
            counts.merge("FAILED", 1L, Long::sum);
            failures.put(c.number(), "case " + c.number() + " (" + c.generation() + " " + c.mode() + ", " + c.variant()
                    + "): " + failure);
            if (failures.size() <= 50) {
                save(out.resolve("failures").resolve(Long.toString(c.number())), c, failure);
            }
        }

        synchronized void stderrDiffers(Case c, String how) {
            counts.merge("stderr differs", 1L, Long::sum);
            stderrDiffers.put(c.number(), how);
            if (stderrDiffers.size() > 20) {
                stderrDiffers.pollLastEntry();
            }
        }

        synchronized void done(long cases) throws IOException {
            done++;
            if (done % 1000 == 0 || done == cases) {
                summary(this, Duration.between(start, Instant.now()));
            }
        }
    }

    /** Runs one case; returns why it failed, or null. */
    private static String check(Case c, KernelConf oracle, Run run, boolean twice)
            throws IOException, InterruptedException {
        ConfRun.Result ours = ours(c);
        try {
            if (ours.exit() != 0 && ours.exit() != 1) {
                return "exit status " + ours.exit() + ": " + ours.stderr();
            }
            if (ours.stderr().contains("internal error") || ours.stderr().contains("Exception")) {
                return "crash: " + ours.stderr();
            }
            if (twice) {
                run.count("determinism checks");
                ConfRun.Result again = ours(c);
                try {
                    for (String f : KernelConf.OUTPUTS) {
                        if (!java.util.Objects.equals(again.read(f), ours.read(f))) {
                            return "a second run wrote another " + f;
                        }
                    }
                } finally {
                    KernelConf.delete(again.dir());
                }
            }
            if (oracle == null) {
                return null;
            }
            run.count("compared with the kernel");
            KernelConf.Result kernel;
            try {
                kernel = oracle.run(c.kconfig(), c.config(), c.mode(), env(c));
            } catch (KernelConf.NeverEnded e) {
                // Counted and listed by number, never fatal: the run goes on.
                run.count("kernel's conf never ended (not compared)");
                run.count("kernel's conf never ended: case " + c.number());
                return null;
            }
            if (kernel.exit() != ours.exit()) {
                return "exit status " + ours.exit() + ", the kernel's " + kernel.exit() + "\nours:\n" + ours.stderr()
                        + "kernel:\n" + kernel.stderr();
            }
            for (String f : KernelConf.OUTPUTS) {
                if (!java.util.Objects.equals(kernel.files().get(f), ours.read(f))) {
                    return f + " differs\nours:\n" + ours.read(f) + "\nkernel:\n" + kernel.files().get(f);
                }
            }
            String mine = ours.stderr().replace(ours.dir().toString(), "DIR");
            if (!mine.equals(kernel.stderr())) {
                run.stderrDiffers(c, "case " + c.number() + " (" + c.generation() + " " + c.mode() + ", " + c.variant()
                        + "):\n  ours:   " + mine.replace("\n", "\n          ") + "\n  kernel: "
                        + kernel.stderr().replace("\n", "\n          "));
            }
            return null;
        } finally {
            KernelConf.delete(ours.dir());
        }
    }

    private static ConfRun.Result ours(Case c) {
        ConfRun run = ConfRun.tree(c.generation(), c.kconfig());
        if (c.config() != null) {
            run.config(c.config());
        }
        c.env().forEach(run::env);
        return run.run(c.mode());
    }

    private static Map<String, String> env(Case c) {
        Map<String, String> env = new TreeMap<>(c.env());
        env.put("KERNELVERSION", c.generation());
        return env;
    }

    private static void save(Path dir, Case c, String failure) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("Kconfig"), c.kconfig(), StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve("config"), c.config(), StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve("failure.txt"), "generation " + c.generation() + "\nmode " + c.mode()
                + "\nenv " + c.env() + "\n" + failure + "\n", StandardCharsets.ISO_8859_1);
    }

    private static void summary(Run run, Duration took) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append("kconfig4j nightly fuzz: seed ").append(run.seed).append(", ").append(run.done)
                .append(" cases done from case ").append(run.first).append(", ").append(run.threads)
                .append(" thread(s), ").append(took.toSeconds())
                .append(" s\nkernel confs: ").append(run.oracles).append(", compared every ").append(run.oracleEvery)
                .append(" case(s)\n");
        run.counts.forEach((k, v) -> s.append("  ").append(k).append(": ").append(v).append('\n'));
        s.append("failures: ").append(run.failures.size()).append('\n');
        run.failures.values().stream().limit(50)
                .forEach(f -> s.append("  ").append(f.lines().findFirst().orElse("")).append('\n'));
        s.append("standard error differing from the kernel's (first 20):\n");
        run.stderrDiffers.values().forEach(d -> s.append("  ").append(d).append('\n'));
        Path tmp = run.out.resolve("summary.txt.tmp");
        Files.writeString(tmp, s, StandardCharsets.UTF_8);
        Files.move(tmp, run.out.resolve("summary.txt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
