package dev.kconfig4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kconfig4j.dialect.Dialect;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The kernel's conf and kconfig4j on the same corpus tree, architecture and environment (the
 * golden cases' environment, {@link GoldenCase#environment}), compared byte for byte on
 * {@code .config}: {@code --randconfig} with {@code KCONFIG_SEED=N} (every third seed also with a
 * {@code KCONFIG_PROBABILITY}), and {@code --olddefconfig} on a mutation of the kernel's random
 * config (lines dropped, bool/tristate values flipped).
 *
 * <p>Needs KCONFIG4J_ORACLE (the directory of conf-5.10 ... conf-7.3). Without more, it runs a
 * small sample (x86, one seed per generation). The full sweep: {@code
 * -Dkconfig4j.differential.seeds=20 -Dkconfig4j.differential.filter='^7\.3/'} (a regex on
 * {@code GENERATION/ARCH}; every architecture of every tree by default). Each tree is parsed
 * once per architecture; the kernel's conf is the slow side.
 */
class DifferentialTest {

    @TestFactory
    Stream<DynamicTest> kernelAndKconfig4jAgree() throws IOException {
        String oracle = System.getenv("KCONFIG4J_ORACLE");
        Path shared = GoldenCase.sharedDir();
        Path tsv = shared.resolve("golden/cases.tsv");
        Assumptions.assumeTrue(oracle != null && !oracle.isEmpty() && Files.isRegularFile(tsv),
                "needs KCONFIG4J_ORACLE and the golden data");
        String seedsProp = System.getProperty("kconfig4j.differential.seeds");
        int seeds = seedsProp == null ? 1 : Integer.parseInt(seedsProp);
        // Another range of seeds than the last sweep: -Dkconfig4j.differential.firstSeed=N.
        int firstSeed = Integer.parseInt(System.getProperty("kconfig4j.differential.firstSeed", "1"));
        String filter = System.getProperty("kconfig4j.differential.filter", seedsProp == null ? "/x86$" : "");
        Pattern pattern = Pattern.compile(filter);
        // One (generation, tree, arch) per architecture the golden cases cover.
        Map<String, GoldenCase> targets = new LinkedHashMap<>();
        for (GoldenCase c : GoldenCase.load(tsv)) {
            String key = c.generation() + "/" + c.arch();
            if (c.kind().equals("allnoconfig") && pattern.matcher(key).find()) {
                targets.putIfAbsent(key, c);
            }
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (GoldenCase base : targets.values()) {
            for (int seed = firstSeed; seed < firstSeed + seeds; seed++) {
                int s = seed;
                String key = base.generation() + "/" + base.arch();
                tests.add(DynamicTest.dynamicTest(key + " seed " + s, () -> compare(shared, Path.of(oracle), base, s)));
            }
        }
        return tests.stream();
    }

    /** conf without a Kconfig file prints its usage: each generation's, as kconfig4j prints it (the program named conf). */
    @Test
    void theUsageIsEachGenerationsConfs() throws Exception {
        String oracle = System.getenv("KCONFIG4J_ORACLE");
        Assumptions.assumeTrue(oracle != null && !oracle.isEmpty(), "needs KCONFIG4J_ORACLE");
        Path dir = Files.createTempDirectory("k4j-usage");
        try {
            for (Dialect d : Dialect.values()) {
                Path conf = Path.of(oracle, "conf-" + d.version());
                Assumptions.assumeTrue(Files.isExecutable(conf), "needs " + conf);
                Process p = new ProcessBuilder(conf.toString()).directory(dir.toFile())
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                assertThat(p.waitFor()).isEqualTo(1);
                assertThat(d.confUsage()).as(d.version()).isEqualTo(out.replace(conf.toString(), "conf"));
            }
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    private static void compare(Path shared, Path oracle, GoldenCase base, int seed) throws Exception {
        Path srctree = shared.resolve(base.tree()).toRealPath();
        List<String> env = new ArrayList<>(base.env());
        env.add("KCONFIG_SEED=" + seed);
        if (seed % 3 == 0) {
            env.add("KCONFIG_PROBABILITY=" + (seed % 2 == 0 ? "20" : "50:30"));
        }
        GoldenCase rand = new GoldenCase(base.generation() + "/" + base.arch() + "/randconfig-" + seed, base.tree(),
                base.arch(), List.of("--randconfig"), "-", env, List.of("config"));
        String kernel = kernel(oracle, rand, srctree, null);
        assertThat(ours(rand, srctree, null)).as(rand.id() + " " + env).isEqualTo(kernel);

        String mutated = mutate(kernel, new Random(seed));
        GoldenCase old = new GoldenCase(base.generation() + "/" + base.arch() + "/olddefconfig-mutated-" + seed,
                base.tree(), base.arch(), List.of("--olddefconfig"), "-", base.env(), List.of("config"));
        assertThat(ours(old, srctree, mutated)).as(old.id()).isEqualTo(kernel(oracle, old, srctree, mutated));
        System.out.println("differential: " + base.generation() + "/" + base.arch() + " seed " + seed + " identical");
    }

    /** Drops about a tenth of the lines and flips about a tenth of the bool/tristate values. */
    static String mutate(String config, Random random) {
        StringBuilder out = new StringBuilder();
        for (String line : config.split("\n", -1)) {
            int roll = random.nextInt(10);
            if (roll == 0) {
                continue;
            }
            if (roll == 1 && line.startsWith("# CONFIG_") && line.endsWith(" is not set")) {
                line = line.substring(2, line.length() - " is not set".length()) + "=y";
            } else if (roll == 1 && line.startsWith("CONFIG_") && (line.endsWith("=y") || line.endsWith("=m"))) {
                line = "# " + line.substring(0, line.length() - 2) + " is not set";
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static Path objectDir(String input) throws IOException {
        Path out = Files.createTempDirectory("kconfig4j-diff-");
        // An existing auto.conf spares both tools writing ~7000 include/config files.
        Files.createDirectories(out.resolve("include/config"));
        Files.writeString(out.resolve("include/config/auto.conf"), "");
        if (input != null) {
            Files.writeString(out.resolve(".config"), input, StandardCharsets.ISO_8859_1);
        }
        return out;
    }

    private static String ours(GoldenCase c, Path srctree, String input) throws IOException {
        Path out = objectDir(input);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(sink, true, StandardCharsets.ISO_8859_1);
                PrintStream e = new PrintStream(sink, true, StandardCharsets.ISO_8859_1)) {
            status = ConformanceTest.execute(c, srctree, out, o, e);
        }
        return "exit " + status + "\n" + written(out);
    }

    private static String kernel(Path oracle, GoldenCase c, Path srctree, String input) throws Exception {
        Path out = objectDir(input);
        List<String> cmd = new ArrayList<>();
        cmd.add(oracle.resolve("conf-" + c.generation()).toString());
        cmd.add("-s");
        for (String a : c.args()) {
            cmd.add(GoldenCase.substitute(a, srctree, out));
        }
        cmd.add("Kconfig");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(out.resolve("conf.log").toFile());
        pb.environment().clear();
        pb.environment().putAll(c.environment(srctree, out));
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("conf-" + c.generation() + " did not finish");
        }
        return "exit " + p.exitValue() + "\n" + written(out);
    }

    /** The .config a run wrote (a run that fails writes none). */
    private static String written(Path out) throws IOException {
        Path config = out.resolve(".config");
        return Files.isRegularFile(config) ? Files.readString(config, StandardCharsets.ISO_8859_1) : "(no .config)\n";
    }
}
